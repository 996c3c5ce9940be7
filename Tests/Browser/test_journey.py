"""The whole journey on a fresh demo district, in real browsers, as the people who do it:

the market regulator's admin imports targets from an XLSX and plans a joint check with the health
commission; the office approves and publishes the plan; both departments commit and reveal their
secrets on the draw page and the draw executes; the office gives the drawn team leader a login; the
leader, on a phone, records the notice and the findings (one of them while the connection is down);
the admin approves and publishes; and a citizen finds the result under the firm's name and the
reason it was drawn.
"""

from __future__ import annotations

import datetime
import re
import tempfile
import urllib.parse
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import button, h1, labelled, login, replaced, session_of, wait

openpyxl = pytest.importorskip("openpyxl")

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
TAG = "浏览器旅程"


def org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    value = sum(int(c, 36) * w for c, w in zip(body, ORG_WEIGHTS))
    check = 11 - value % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_code(n: int) -> str:
    """A valid GB 32100-2015 code of a company registered in 昌江区 (360202)."""
    body = f"{77000000 + n:08d}"
    first17 = "91360202" + body + org_check(body)
    check = (31 - sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS)) % 31) % 31
    return first17 + CHARSET[check]


def targets_workbook(codes: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["统一社会信用代码", "名称", "类型", "所属区划", "街道（乡镇）", "风险等级", "状态", "抽查事项标注"])
    for n, code in enumerate(codes, start=1):
        sheet.append([code, f"景德镇旅程瓷业第{n}有限公司", "公司", "360202", "西郊街道", "B", "在营", TAG])
    path = Path(tempfile.mkdtemp(prefix="suiji-journey-xlsx-")) / "检查对象.xlsx"
    book.save(path)
    return path


def post_button(driver, text: str, scope=None) -> None:
    """Clicks the button (in `scope`, or anywhere) and waits for the page it submits to replace this one."""
    element = button(scope or driver, text)
    element.click()
    wait(driver, 20).until(replaced(element))


def test_from_import_to_a_public_result(make_driver, fresh_demo):
    demo = fresh_demo
    today = datetime.date.today()
    year_end = datetime.date(today.year, 12, 31)
    codes = [credit_code(n) for n in range(1, 5)]

    # 1. The SAMR admin imports four companies from an XLSX.
    admin = make_driver("samr-admin")
    login(admin, demo, "samr-admin")
    admin.get(demo.url("/imports"))
    Select(labelled(admin, "名录库", "select")).select_by_value("targets")
    labelled(admin, "文件").send_keys(str(targets_workbook(codes)))
    post_button(admin, "上传并导入")
    wait(admin).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "section.card"), "导入完成"))
    assert "新增 4" in admin.find_element(By.CSS_SELECTOR, "section.card").text

    # 2. …and plans a joint check with the health commission, scoped to those companies: the
    # health commission's item is picked from its list by name (found with the list's search box),
    # and the pool is previewed before saving.
    admin.get(demo.url("/plans"))
    admin.find_element(By.XPATH, "//a[normalize-space(.)='新建联合抽查计划']").click()
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "新建联合抽查计划"))
    labelled(admin, "计划名称").send_keys(f"{today.year} 年旅程联合抽查")
    labelled(admin, "计划编号").send_keys(f"{today.year}-JOURNEY")
    labelled(admin, "计划年度").send_keys(str(today.year))
    for label, day in [("抽查开始日期", today), ("抽查结束日期", year_end)]:
        admin.execute_script("arguments[0].value = arguments[1]", labelled(admin, label), day.isoformat())
    admin.find_element(By.CSS_SELECTOR, "input[name=items][value='SAMR:SAMR-003']").click()
    items = admin.find_element(By.XPATH, "//fieldset[legend[starts-with(normalize-space(.), '抽查事项')]]")
    health_item = items.find_element(By.CSS_SELECTOR, "input[value='HEALTH:HEALTH-002']")
    health_label = health_item.find_element(By.XPATH, "./ancestor::label").text.strip()
    assert "HEALTH-002" in health_label and len(health_label) > len("（HEALTH-002）"), health_label  # a name, the code beside
    search = items.find_element(By.CSS_SELECTOR, "input.pick-filter")
    search.send_keys(health_label.split("（")[0])
    assert not items.find_element(By.CSS_SELECTOR, "input[value='SAMR:SAMR-001']").is_displayed(), "the search hides other items"
    health_item.click()
    admin.find_element(By.CSS_SELECTOR, "input[name=kinds][value=company]").click()
    admin.find_element(By.CSS_SELECTOR, f"input[name=tags][value='{TAG}']").click()
    post_button(admin, "预览抽取池")
    preview = admin.find_element(By.CSS_SELECTOR, "section.preview").text
    assert "当前可抽取的检查对象共 4 户" in preview, preview
    assert admin.find_element(By.CSS_SELECTOR, "input[value='HEALTH:HEALTH-002']").is_selected(), "the preview keeps the choices"
    post_button(admin, "保存为草稿")
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "旅程联合抽查"))
    plan_url = admin.current_url
    post_button(admin, "提交")
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "已提交"))

    # 3. The office sees it waiting on its home page, approves and publishes it.
    office = make_driver("office")
    login(office, demo, "office")
    assert "旅程联合抽查" in office.find_element(By.CSS_SELECTOR, "section.work-queue").text
    office.get(plan_url)
    post_button(office, "批准")
    wait(office).until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "已批准"))
    post_button(office, "公示")

    # 4. The admin adds a batch of 2 and prepares the draw from the home page's 准备抽取.
    admin.get(plan_url)
    plan_page = admin.find_element(By.TAG_NAME, "main").text
    assert "公共场所卫生的检查" in plan_page and "登记事项的检查" in plan_page, plan_page
    assert "HEALTH:HEALTH-002" not in plan_page and "SAMR:SAMR-003" not in plan_page, "items are named, not coded"
    labelled(admin, "批次编号").send_keys("B1")
    end = min(today + datetime.timedelta(days=10), year_end)
    for label, day in [("开始日期", today), ("结束日期", end)]:
        admin.execute_script("arguments[0].value = arguments[1]", labelled(admin, label), day.isoformat())
    labelled(admin, "抽取数量").send_keys("2")
    capacity = labelled(admin, "人员负载余量")
    capacity.clear()
    capacity.send_keys("5")
    post_button(admin, "新增批次")
    admin.get(demo.url("/"))
    queue = admin.find_element(By.CSS_SELECTOR, "section.work-queue")
    assert "准备抽取" in queue.text and "旅程联合抽查" in queue.text
    queue.find_element(By.XPATH, ".//a[normalize-space(.)='准备抽取']").click()
    wait(admin).until(EC.url_contains("#batch-"))
    post_button(admin, "固定抽取池并准备抽取")
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "抽取"))
    draw_url = admin.current_url
    draw_id = draw_url.rstrip("/").split("/")[-1]

    # 5. The office announces the reveal deadline; it records an approved exception instead of a
    #    lottery value (a browser test cannot wait for tomorrow's draw). Both departments then
    #    commit with secrets made in the browser and saved as files, and hand them in: SAMR by
    #    uploading its file, HEALTH by pasting its secret.
    health = make_driver("health-admin")
    login(health, demo, "health-admin")
    health.get(draw_url)
    assert "等待联席会议办公室预告" in health.find_element(By.TAG_NAME, "main").text
    office.get(draw_url)
    deadline = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))) + datetime.timedelta(days=1))
    office.execute_script("arguments[0].value = arguments[1]", labelled(office, "揭示截止时间（北京时间）"),
                          deadline.strftime("%Y-%m-%dT%H:%M"))
    labelled(office, "批准人（姓名、职务）").send_keys("联席会议办公室主任 王某")
    labelled(office, "原因（将公开）").send_keys("浏览器测试：不等待开奖")
    post_button(office, "预告")
    assert "经批准不使用" in office.find_element(By.TAG_NAME, "main").text
    health.get(demo.url("/"))
    assert draw_id in health.find_element(By.CSS_SELECTOR, "section.work-queue").text
    secrets = {}
    files = {}
    for name, driver in [("SAMR", admin), ("HEALTH", health)]:
        driver.get(draw_url)
        assert not driver.find_elements(By.XPATH, "//button[normalize-space(.)='执行抽取']"), "执行抽取 before it can run"
        button(driver, "生成秘密并保存秘密文件").click()
        wait(driver).until(lambda d: d.find_element(By.ID, "secret-out").text.strip())
        secrets[name] = driver.find_element(By.ID, "secret-out").text.strip()
        href = driver.find_element(By.ID, "secret-download").get_attribute("href")
        assert href.startswith("data:text/plain"), href
        text = urllib.parse.unquote(href.split(",", 1)[1])
        assert f"secret: {secrets[name]}" in text and f"draw-id: {draw_id}" in text, text
        files[name] = Path(tempfile.mkdtemp(prefix="suiji-secret-")) / f"suiji-secret-{draw_id}-{name}.txt"
        files[name].write_text(text, encoding="utf-8")
        post_button(driver, "提交承诺")
    admin.get(draw_url)
    labelled(admin, "秘密文件").send_keys(str(files["SAMR"]))
    post_button(admin, "交来秘密")
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "main"), "已交来秘密"))
    assert not admin.find_elements(By.XPATH, "//button[normalize-space(.)='执行抽取']"), "执行抽取 while HEALTH may still reveal"
    health.get(draw_url)
    labelled(health, "或粘贴本部门秘密（64 位十六进制）").send_keys(secrets["HEALTH"])
    post_button(health, "交来秘密")
    wait(health).until(EC.text_to_be_present_in_element((By.TAG_NAME, "main"), "已交来秘密"))
    admin.get(draw_url)
    post_button(admin, "执行抽取")
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "已抽取"))
    result = admin.find_element(By.TAG_NAME, "main").text

    # 6. The office gives the first inspection's team leader a login, by certificate number.
    api = session_of(admin)
    inspections = api.get(demo.url(f"/api/v1/inspections?draw={draw_id}")).json()
    assert len(inspections) == 2 and all(i["target"]["uid"] in codes and i["target"]["uid"] in result for i in inspections)
    inspection = inspections[0]
    leader = next(m for m in inspection["team"] if m["role"] == "leader")
    inspector = api.get(demo.url(f"/api/v1/inspectors/{leader['id']}")).json()
    department = inspector.get("departmentCode", "SAMR")
    office.get(demo.url("/admin/accounts"))
    labelled(office, "用户名").send_keys("journey-leader")
    labelled(office, "姓名").send_keys(inspector["name"])
    labelled(office, "初始密码").send_keys("journey-2026")
    Select(labelled(office, "角色", "select")).select_by_value("inspector")
    Select(labelled(office, "部门", "select")).select_by_value(department)
    labelled(office, "执法证号").send_keys(inspector["certificateNumber"])
    post_button(office, "新增账号")
    wait(office).until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "journey-leader"))

    # 7. The leader, on a phone, finds the task on the home page, records the notice and findings.
    phone = make_driver("phone", phone=True)
    login(phone, demo, "journey-leader", "journey-2026")
    queue = phone.find_element(By.CSS_SELECTOR, "section.work-queue")
    assert "待告知检查对象" in queue.text and inspection["target"]["name"] in queue.text
    queue.find_element(By.XPATH, f".//a[normalize-space(.)='{inspection['target']['name']}']").click()
    wait(phone).until(EC.presence_of_element_located((By.ID, "notice")))
    inspection_url = phone.current_url
    task = phone.find_element(By.TAG_NAME, "main").text
    assert "旅程联合抽查" in task and "登记事项的检查" in task and "公共场所卫生的检查" in task, task
    assert "SAMR:SAMR-003" not in task and not re.search(r"计划 \d+", task), "the task page names the plan and the items"
    notice = phone.find_element(By.CSS_SELECTOR, "form[action$='/notice']")
    Select(labelled(notice, "告知方式", "select")).select_by_value("phone")
    phone.execute_script("arguments[0].value = arguments[1]", labelled(notice, "告知时间"), today.isoformat())
    post_button(phone, "保存告知情况", notice)

    def fill(form, category: str) -> None:
        form.find_element(By.CSS_SELECTOR, "input[name=methods]").click()
        Select(labelled(form, "检查结果", "select")).select_by_value(category)

    entries = phone.find_elements(By.CSS_SELECTOR, "form.entry")
    assert len(entries) == 2
    first_id = entries[0].get_attribute("id")
    second_id = entries[1].get_attribute("id")
    fill(entries[0], "no-problem")
    post_button(phone, "保存本项", entries[0])
    wait(phone).until(EC.presence_of_element_located((By.ID, second_id)))

    # The connection drops while the second item is saved: the entry waits in the browser.
    phone.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    second = phone.find_element(By.ID, second_id)
    fill(second, "not-publicized")
    button(second, "保存本项").click()
    wait(phone).until(EC.text_to_be_present_in_element((By.ID, "offline-status"), "已保存在本机"))
    assert phone.execute_script("return JSON.parse(localStorage.getItem('suiji-offline-drafts')).length") == 1
    phone.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    phone.execute_script("window.dispatchEvent(new Event('online'))")
    wait(phone, 20).until(lambda d: d.execute_script("return (localStorage.getItem('suiji-offline-drafts') || '[]') === '[]'"))
    phone.get(inspection_url)
    results = phone.find_element(By.CSS_SELECTOR, "table.grid").text
    assert "未发现问题" in results and "未按规定公示应当公示的信息" in results, results
    assert first_id
    post_button(phone, "提交审核")
    wait(phone).until(EC.text_to_be_present_in_element((By.TAG_NAME, "main"), "待审核"))

    # 8. The admin approves and publishes.
    admin.get(demo.url("/"))
    assert "待审核结果" in admin.find_element(By.CSS_SELECTOR, "section.work-queue").text
    admin.get(inspection_url)
    post_button(admin, "通过")
    wait(admin).until(EC.presence_of_element_located((By.XPATH, "//button[normalize-space(.)='公示']")))
    post_button(admin, "公示")
    wait(admin).until(EC.text_to_be_present_in_element((By.TAG_NAME, "main"), "已公示"))

    # 9. A citizen, without logging in, finds the result under the firm and why it was drawn.
    citizen = make_driver("citizen")
    code = inspection["target"]["uid"]
    citizen.get(demo.url("/public"))
    citizen.find_element(By.ID, "q").send_keys(code)
    post_button(citizen, "查询")
    wait(citizen).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"a[href='/public/targets/{code}']")))
    citizen.find_element(By.CSS_SELECTOR, f"a[href='/public/targets/{code}']").click()
    wait(citizen).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), inspection["target"]["name"]))
    record = citizen.find_element(By.TAG_NAME, "main").text
    assert "未发现问题" in record and "未按规定公示应当公示的信息" in record and "旅程联合抽查" in record
    citizen.find_element(By.XPATH, f"//a[contains(@href, '/public/draws/{draw_id}?code=')]").click()
    wait(citizen).until(EC.text_to_be_present_in_element((By.TAG_NAME, "main"), "抽中"))
    explanation = citizen.find_element(By.TAG_NAME, "main").text
    assert code in explanation and "截止" in explanation
    citizen.get(demo.url(f"/public/draws/{draw_id}/verify"))
    assert "核验通过" in citizen.find_element(By.TAG_NAME, "main").text
    assert h1(citizen).startswith("抽取核验")
