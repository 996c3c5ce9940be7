"""The plan form without JavaScript (progressive enhancement): an admin picks another department's
item by name, previews the pool with the 预览 button (a plain form post), and saves the draft."""

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import button, h1, labelled, login, replaced, wait


def test_a_plan_is_picked_previewed_and_saved_without_javascript(make_driver, demo):
    browser = make_driver("no-js", javascript=False)
    login(browser, demo, "samr-admin")
    browser.get(demo.url("/plans/new"))
    assert h1(browser).startswith("新建联合抽查计划")
    assert not browser.find_elements(By.CSS_SELECTOR, "input.pick-filter"), "no script ran: every choice is listed"
    year = datetime.date.today().year
    labelled(browser, "计划名称").send_keys(f"{year} 年无脚本联合抽查")
    labelled(browser, "计划编号").send_keys(f"{year}-NOJS")
    labelled(browser, "计划年度").send_keys(str(year))
    for label, day in [("抽查开始日期", f"{year}-06-01"), ("抽查结束日期", f"{year}-11-30")]:
        # The WebDriver sets a date control's value directly (scripts in the page stay off).
        browser.execute_script("arguments[0].value = arguments[1]", labelled(browser, label), day)
    browser.find_element(By.CSS_SELECTOR, "input[name=items][value='SAMR:SAMR-001']").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=items][value='HEALTH:HEALTH-002']").click()
    preview_button = button(browser, "预览抽取池")
    preview_button.click()
    wait(browser, 20).until(replaced(preview_button))
    preview = browser.find_element(By.CSS_SELECTOR, "section.preview").text
    assert "当前可抽取的检查对象共" in preview and "A 类" in preview, preview
    assert browser.find_element(By.CSS_SELECTOR, "input[value='HEALTH:HEALTH-002']").is_selected()
    save = button(browser, "保存为草稿")
    save.click()
    wait(browser, 20).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "无脚本联合抽查"))
    fields = browser.find_element(By.CSS_SELECTOR, "dl.fields").text
    assert "昌江区卫生健康委员会" in fields, fields  # HEALTH took part through its item
    assert "公共场所卫生的检查" in fields and "HEALTH:HEALTH-002" not in fields
