"""Issue 13, point 10 in the browser: a department admin records a check made outside the draw (§3)
through the form and finds it listed; the office downloads the year's exchange file (§8)."""

import datetime
import io

import openpyxl
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import PASSWORD, button, labelled, login, session_of, wait


def a_target_code(demo) -> str:
    token = requests.post(demo.url("/api/v1/auth/token"), json={"username": "samr-admin", "password": PASSWORD}, timeout=30).json()["token"]
    targets = requests.get(demo.url("/api/v1/targets?perPage=5"), headers={"Authorization": f"Bearer {token}"}, timeout=30).json()
    return targets["items"][0]["uid"]


def test_a_department_records_a_check_outside_the_draw(browser, demo):
    code = a_target_code(demo)
    login(browser, demo, "samr-admin")
    browser.get(demo.url("/outside-checks"))
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/outside-checks']")
    labelled(form, "检查对象").send_keys(code)
    Select(labelled(form, "检查类型", "select")).select_by_value("complaint")
    browser.execute_script("arguments[0].value = arguments[1]", labelled(form, "检查日期"), datetime.date.today().isoformat())
    labelled(form, "线索来源或依据").send_keys("12315 投诉 浏览器测试")
    labelled(form, "检查人员").send_keys("王五、赵六")
    Select(labelled(form, "检查结果", "select")).select_by_value("correctionOrdered")
    button(form, "登记").click()
    wait(browser).until(EC.url_contains("saved=1"))
    listed = browser.find_element(By.CSS_SELECTOR, "table.grid").text
    assert code in listed and "投诉举报" in listed and "12315 投诉 浏览器测试" in listed


def test_the_office_downloads_the_exchange_file(browser, demo):
    login(browser, demo, "office")
    browser.get(demo.url("/exchange"))
    assert "已公示的检查结果" in browser.find_element(By.TAG_NAME, "main").text
    href = browser.find_element(By.XPATH, "//a[normalize-space(.)='下载 XLSX']").get_attribute("href")
    response = session_of(browser).get(href, timeout=60)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["说明", "抽查计划", "抽查结果"]
    assert workbook["抽查结果"].cell(row=1, column=5).value == "统一社会信用代码"
