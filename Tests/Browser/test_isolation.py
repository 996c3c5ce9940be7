"""No page of one department shows another department's targets (谁监管、谁建设、谁维护)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import button, column, h1, labelled, login, logout, total_of, wait

# Lists name the department (its code stays in the links and filters).
SAMR, HEALTH = "昌江区市场监督管理局", "昌江区卫生健康委员会"


def first_target(browser, demo, department):
    """(id, name, credit code) of the first target in the signed-in admin's /targets list."""
    browser.get(demo.url("/targets"))
    table = browser.find_element(By.CSS_SELECTOR, "table.grid")
    departments = column(table, "部门")
    name, code = column(table, "名称"), column(table, "统一社会信用代码/对象编号")
    row = table.find_elements(By.CSS_SELECTOR, "tbody tr")[0]
    cells = [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
    assert cells[departments] == department
    href = row.find_element(By.TAG_NAME, "a").get_attribute("href")
    return href.rstrip("/").rsplit("/", 1)[-1], cells[name], cells[code]


def departments_listed(browser, demo, path):
    browser.get(demo.url(path))
    tables = browser.find_elements(By.CSS_SELECTOR, "table.grid")
    if not tables:
        assert "共 0 条" in h1(browser), f"{path}: no table but {h1(browser)!r}"
        return set()
    table = tables[0]
    index = column(table, "部门")
    return {row.find_elements(By.TAG_NAME, "td")[index].text.strip()
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
            if len(row.find_elements(By.TAG_NAME, "td")) > index}


def assert_not_found(browser, demo, target_id, name):
    browser.get(demo.url(f"/targets/{target_id}"))
    assert "出错了（404）" in h1(browser), f"/targets/{target_id}: {h1(browser)!r}"
    assert "未找到" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert name not in browser.page_source
    browser.get(demo.url(f"/targets/{target_id}/edit"))
    assert h1(browser).startswith("出错了（40"), f"/targets/{target_id}/edit: {h1(browser)!r}"
    assert name not in browser.page_source


def test_departments_cannot_see_each_others_targets(browser, demo):
    login(browser, demo, "samr-admin")
    samr_id, samr_name, samr_code = first_target(browser, demo, SAMR)
    logout(browser, demo)

    login(browser, demo, "health-admin")
    health_id, health_name, health_code = first_target(browser, demo, HEALTH)
    assert departments_listed(browser, demo, "/targets") == {HEALTH}
    # asking for the other department's list or searching its target's code shows nothing of it
    assert SAMR not in departments_listed(browser, demo, "/targets?department=SAMR")
    browser.get(demo.url("/targets"))
    box = labelled(browser, "搜索")
    box.send_keys(samr_code)
    button(browser.find_element(By.CSS_SELECTOR, "form.filters"), "查询").click()
    wait(browser).until(EC.url_contains("q="))
    assert total_of(browser) == 0, f"health-admin found SAMR's {samr_code}"
    assert samr_name not in browser.page_source
    assert_not_found(browser, demo, samr_id, samr_name)
    logout(browser, demo)

    login(browser, demo, "samr-admin")
    assert HEALTH not in departments_listed(browser, demo, "/targets?page=2")
    assert_not_found(browser, demo, health_id, health_name)
    browser.get(demo.url(f"/targets/{samr_id}"))
    assert samr_name in browser.page_source, "a department still sees its own target"
