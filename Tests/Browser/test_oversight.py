"""Oversight and evaluation (§21): the overseer sees figures, charts and the rows behind a figure;
the evaluation workbook opens in openpyxl with one sheet per table and the page's figures."""

import io
import re
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from support import h1, login, session_of

SHEETS = ["部门考评汇总", "按计划统计", "按月统计", "发现问题分类", "随机抽查以外的检查（第三条）", "指标说明"]


def total_row(driver, title: str) -> dict[str, str]:
    """The 合计 row of the table under the heading `title`, by column header."""
    table = driver.find_element(By.XPATH, f"//h2[normalize-space(.)='{title}']/following::table[1]")
    header = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    total = table.find_element(By.CSS_SELECTOR, "tbody tr.total")
    cells = [total.find_element(By.TAG_NAME, "th").text.strip()] + [td.text.strip() for td in total.find_elements(By.TAG_NAME, "td")]
    return dict(zip(header, cells))


def test_overseer_sees_figures_charts_and_the_rows_behind_them(browser, demo):
    login(browser, demo, "overseer")
    browser.get(demo.url("/oversight"))
    assert h1(browser) == "监督考评统计"
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 2
    assert all(chart.find_element(By.TAG_NAME, "title").get_attribute("textContent") for chart in charts)
    # Read-only: the only forms are the period filter (GET) and the logout button.
    methods = {form.get_attribute("method").lower() for form in browser.find_elements(By.CSS_SELECTOR, "main form")}
    assert methods == {"get"}
    total = total_row(browser, "部门考评汇总")
    due = int(total["应完成检查"])
    assert due > 0, "the demo should have inspections whose deadline has passed"
    assert int(total["按期完成"]) + int(total["未按期完成"]) == due
    # The figure is a link to exactly the rows it counts.
    table = browser.find_element(By.XPATH, "//h2[normalize-space(.)='部门考评汇总']/following::table[1]")
    table.find_element(By.CSS_SELECTOR, "tbody tr.total").find_elements(By.TAG_NAME, "a")[3].click()
    assert h1(browser) == "应完成检查"
    assert int(browser.find_element(By.CSS_SELECTOR, "strong.count").text) == due
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")) == due


def test_the_evaluation_workbook_opens_in_openpyxl(browser, demo):
    openpyxl = pytest.importorskip("openpyxl")
    login(browser, demo, "overseer")
    browser.get(demo.url("/oversight/report"))
    assert "考评表" in h1(browser)
    page_total = total_row(browser, "部门考评汇总")
    href = browser.find_element(By.XPATH, "//a[contains(@href, 'report.xlsx')]").get_attribute("href")
    response = session_of(browser).get(href, timeout=30)
    assert response.status_code == 200
    disposition = urllib.parse.unquote(response.headers["Content-Disposition"])
    assert re.search(r"filename\*=UTF-8''监督考评表（\d{4}年\d{1,2}月(至\d{4}年\d{1,2}月)?）\.xlsx", disposition), disposition
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == SHEETS
    rows = [[cell if cell is not None else "" for cell in row] for row in book["部门考评汇总"].iter_rows(values_only=True)]
    header, body = rows[0], rows[1:]
    assert header[:5] == ["部门", "计划数", "已实施计划", "执行抽取", "应完成检查"]
    assert body[-1][0] == "合计"
    assert dict(zip(header, [str(v) for v in body[-1]])) == page_total
    months = list(book["按月统计"].iter_rows(values_only=True))
    assert months[0][0] == "月份" and months[-1][0] == "合计" and len(months) >= 3
    definitions = {row[0]: row[1] for row in book["指标说明"].iter_rows(min_row=2, values_only=True)}
    assert "统计期间" in definitions and "完成率" in definitions
