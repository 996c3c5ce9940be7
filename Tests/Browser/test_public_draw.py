"""The public page of an executed draw (一公开), without logging in: the drawn list, the box
"查询某一主体是否被抽中及原因" and 在线核验 — with and without JavaScript."""

import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import CREDIT_CODE, button, h1, labelled, link, login, logout, table_rows, wait


def public_link_from_plans(browser, demo):
    """The office finds the draw's public page by clicking: 联合抽查计划 → the plan → 公示页."""
    login(browser, demo, "office")
    link(browser.find_element(By.CSS_SELECTOR, "nav.main"), "联合抽查计划").click()
    wait(browser).until(EC.url_contains("/plans"))
    plan_code = demo.draw_id.rsplit("-", 2)[0]
    link(browser, plan_code).click()
    wait(browser).until(EC.url_matches(r"/plans/\d+"))
    anchor = browser.find_element(By.CSS_SELECTOR, f"a[href='/public/draws/{demo.draw_id}']")
    assert anchor.text.strip() == "公示页"
    href = anchor.get_attribute("href")
    logout(browser, demo)
    return href


def drawn(browser):
    """{credit code: key} of the drawn list (the tables under 抽取结果 with a 名次 column)."""
    section = browser.find_element(By.XPATH, "//section[h2[normalize-space(.)='抽取结果']]")
    result = {}
    for table in section.find_elements(By.CSS_SELECTOR, "table.grid"):
        headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        if headers != ["名次", "检查对象", "统一社会信用代码", "随机数"]:
            continue
        for rank, name, code, key in table_rows(browser, table):
            assert name and name != code, f"the drawn target {code} has no name beside its code"
            result[code] = key
    return result


def check_public_page(browser, demo, url):
    browser.get(url)
    assert demo.draw_id in h1(browser) and h1(browser).startswith("抽取公示")
    assert browser.find_elements(By.CSS_SELECTOR, "nav.main[aria-label='主导航']") == [], "the public page needs no login"
    assert "/login" not in browser.current_url
    codes = drawn(browser)
    assert codes, "the drawn list is empty"
    # The public value announced before the commitments, as entered; the log head, as the log ends.
    announced = browser.find_element(By.XPATH, "//section[h2[normalize-space(.)='公开随机值与揭示截止时间']]").text
    assert "中国福利彩票3D" in announced and "录入值" in announced, announced
    log = browser.find_element(By.XPATH, "//section[h2[normalize-space(.)='公开日志']]")
    head = log.find_element(By.XPATH, ".//p[starts-with(normalize-space(.), '日志头')]/code").text.strip()
    with urllib.request.urlopen(demo.url("/public/draw-log.txt")) as response:
        last = response.read().decode("utf-8").splitlines()[-1].split("\t")
    assert head == last[-1], "the head shown is the log's last hash"
    kinds = [row[2] for row in table_rows(browser, log.find_element(By.CSS_SELECTOR, "table.grid"))]
    assert any("承诺文件发布" in k for k in kinds) and any("抽取记录" in k for k in kinds), kinds
    for code in codes:
        assert CREDIT_CODE.match(code), f"not a credit code in the drawn list: {code!r}"

    # 查询某一主体是否被抽中及原因
    code, key = next(iter(codes.items()))
    box = browser.find_element(By.XPATH, "//section[h2[normalize-space(.)='查询某一主体是否被抽中及原因']]")
    field = labelled(box, "统一社会信用代码")
    field.clear()
    field.send_keys(code)
    button(box, "查询").click()
    answer = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")))
    text = answer.text
    assert f"{code}：抽中" in text, text
    assert "未抽中" not in text
    assert key in text, f"the answer does not give the key {key}: {text}"
    assert "截止值" in text

    # 在线核验
    link(browser, "在线核验").click()
    wait(browser).until(EC.url_contains("/verify"))
    assert h1(browser).startswith("抽取核验")
    status = browser.find_element(By.CSS_SELECTOR, ".ok[role=status]").text
    assert status.startswith("核验通过") and "结果一致" in status, status
    assert not browser.find_elements(By.CSS_SELECTOR, ".alert"), "核验失败"
    link(browser, "返回公示页").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "抽取公示"))
    assert demo.draw_id in h1(browser)


def test_public_draw_page(browser, make_driver, demo):
    url = public_link_from_plans(browser, demo)
    visitor = make_driver("visitor")  # no login, no cookies
    check_public_page(visitor, demo, url)


def test_public_draw_page_without_javascript(make_driver, demo):
    visitor = make_driver("no-js", javascript=False)
    visitor.get("data:text/html;charset=utf-8,<title>off</title><script>document.title='on'</script>")
    assert visitor.title == "off", "JavaScript should be disabled in this window"
    check_public_page(visitor, demo, demo.url(f"/public/draws/{demo.draw_id}"))


def test_public_query_of_a_code_outside_the_pool(make_driver, demo):
    query = "91330100716105852F"  # a valid code of a firm outside the district
    visitor = make_driver("visitor")
    visitor.get(demo.url(f"/public/draws/{demo.draw_id}"))
    box = visitor.find_element(By.XPATH, "//section[h2[normalize-space(.)='查询某一主体是否被抽中及原因']]")
    labelled(box, "统一社会信用代码").send_keys(query)
    button(box, "查询").click()
    text = wait(visitor).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]"))).text
    assert f"{query}：不在抽取范围内" in text, text
