"""A department admin logs in, searches and pages the target library, edits a target, logs out."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import button, column, h1, labelled, link, login, logout, table_rows, total_of, wait

WORD = "陶瓷"  # the district's trade: many targets carry it in their name


def test_admin_searches_pages_and_edits_a_target(browser, demo):
    login(browser, demo, "samr-admin")
    assert "工作台" in browser.find_element(By.CSS_SELECTOR, "nav.main").text
    assert "您好" in h1(browser)

    # 检查对象 from the navigation
    link(browser.find_element(By.CSS_SELECTOR, "nav.main"), "检查对象").click()
    wait(browser).until(EC.url_contains("/targets"))
    assert h1(browser).startswith("检查对象")
    everything = total_of(browser)

    # search by a word
    form = browser.find_element(By.CSS_SELECTOR, "form.filters")
    box = labelled(form, "搜索")
    box.clear()
    box.send_keys(WORD)
    button(form, "查询").click()
    wait(browser).until(EC.url_contains("q="))
    found = total_of(browser)
    assert 0 < found < everything, f"searching {WORD!r}: {found} of {everything}"
    table = browser.find_element(By.CSS_SELECTOR, "table.grid")
    first_page = table_rows(browser, table)
    assert first_page and any(WORD in " ".join(row) for row in first_page)
    assert labelled(browser, "搜索").get_attribute("value") == WORD, "the search box keeps the query"

    # page on, keeping the query
    pager = browser.find_element(By.CSS_SELECTOR, "nav.pager")
    assert "第 1 /" in pager.text
    link(pager, "下一页").click()
    wait(browser).until(EC.url_contains("page=2"))
    assert "q=" in browser.current_url, "paging keeps the search"
    assert "第 2 /" in browser.find_element(By.CSS_SELECTOR, "nav.pager").text
    second_page = table_rows(browser)
    assert second_page and second_page != first_page
    assert total_of(browser) == found

    # a target's detail page
    table = browser.find_element(By.CSS_SELECTOR, "table.grid")
    name_column = column(table, "名称")
    first = table.find_elements(By.CSS_SELECTOR, "tbody tr")[0]
    name = first.find_elements(By.TAG_NAME, "td")[name_column].text.strip()
    first.find_element(By.TAG_NAME, "a").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "检查对象详情"))
    detail_url = browser.current_url
    assert name in browser.find_element(By.CSS_SELECTOR, "dl.fields").text

    # edit the address
    link(browser, "修改").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "修改检查对象"))
    address = f"景德镇市昌江区浏览器测试路{int(time.time()) % 100000}号"
    field = labelled(browser, "地址")
    field.clear()
    field.send_keys(address)
    button(browser, "保存").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "检查对象详情"))
    assert browser.current_url.split("?")[0] == detail_url.split("?")[0]
    fields = browser.find_element(By.CSS_SELECTOR, "dl.fields")
    labels = [dt.text for dt in fields.find_elements(By.TAG_NAME, "dt")]
    values = [dd.text for dd in fields.find_elements(By.TAG_NAME, "dd")]
    assert dict(zip(labels, values)).get("地址") == address
    assert name in fields.text, "the other fields are kept"

    # still there after a reload, then log out
    browser.get(detail_url)
    assert address in browser.find_element(By.CSS_SELECTOR, "dl.fields").text
    logout(browser, demo)
