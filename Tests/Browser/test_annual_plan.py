"""The office's annual plan (§12): the submission table with the 31 May deadline and 提醒, the
merge proposal the demo leaves open, accepting it, and the published annual plan on the portal."""

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import button, h1, labelled, link, login, logout, table_rows, wait

YEAR = datetime.date.today().year


def section(browser, title):
    return browser.find_element(By.XPATH, f"//section[h2[normalize-space(.)='{title}']]")


def test_the_office_reminds_merges_and_the_public_sees_the_plan(browser, demo):
    login(browser, demo, "office")
    link(browser.find_element(By.CSS_SELECTOR, "nav.main"), "年度计划").click()
    wait(browser).until(EC.url_contains(f"/annual-plans/{YEAR}"))
    assert h1(browser) == f"{YEAR} 年度部门联合抽查计划汇总"
    status = section(browser, "报送情况")
    assert f"{YEAR}年5月31日" in status.text
    # Departments by name (the codes stay in the forms' values).
    rows = {row[0]: row for row in table_rows(browser, status.find_element(By.CSS_SELECTOR, "table.grid"))}
    tax = "国家税务总局景德镇市昌江区税务局"
    assert rows["昌江区市场监督管理局"][3] == "已提交"
    assert rows[tax][3] == "未提交"
    # 提醒 the tax bureau; its admin would see it on the home page
    remind = status.find_element(By.XPATH, f".//tr[td[normalize-space(.)='{tax}']]//button[normalize-space(.)='提醒']")
    remind.click()
    wait(browser).until(EC.staleness_of(remind))
    assert f"已提醒{tax}报送年度计划" in browser.find_element(By.CSS_SELECTOR, "div.ok").text

    proposals = section(browser, "合并建议")
    for code in ("SAMR-02", "ECO-01", "EMER-01"):
        assert f"{YEAR}-{code}" in proposals.text
    labelled(proposals, "说明").send_keys("同一批陶瓷企业，一次上门")
    accept = button(proposals, "采纳并合并")
    accept.click()
    wait(browser).until(EC.staleness_of(accept))
    assert "已采纳" in browser.find_element(By.CSS_SELECTOR, "div.ok").text
    decided = section(browser, "合并建议").text
    assert "已采纳" in decided
    assert "已失效" in decided, "the other proposal of the merged plan is withdrawn"
    pending = section(browser, "年度计划（待公示内容）")
    assert f"{YEAR}-HB-" in pending.text, "the merged plan waits for approval"

    versions = section(browser, "版本记录")
    link(versions, "第 1 版").click()
    wait(browser).until(EC.url_contains(f"/public/annual-plans/{YEAR}"))
    logout(browser, demo)
    browser.get(demo.url(f"/public/annual-plans/{YEAR}"))
    assert browser.find_elements(By.CSS_SELECTOR, "nav.main[aria-label='主导航']") == [], "the portal needs no login"
    assert h1(browser).startswith(f"昌江区 {YEAR} 年度部门联合抽查计划")
    assert f"{YEAR}-SAMR-01" in browser.page_source
    for label in ("下载 CSV", "下载 XLSX", "下载 JSON"):
        link(browser, label)
