"""The printed 抽查通知书 and 检查记录表 (issue 13, point 3) as Chromium prints them: portrait A4, one page,
with the 文号, Chinese dates and names; the server's PDF of each, one page too; and the evaluation
report still landscape (page sizes are scoped to their documents). Checked with poppler's pdfinfo."""

import base64
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from support import login, session_of

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo missing (apt-get install poppler-utils)")


def pdfinfo(pdf: bytes) -> dict[str, str]:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        Path(file.name).write_bytes(pdf)
        out = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def size(info: dict[str, str]) -> tuple[float, float]:
    """Width and height in points of pdfinfo's "Page size: 594.96 x 841.92 pts (A4)"."""
    width, _, rest = info["Page size"].partition(" x ")
    return float(width), float(rest.split()[0])


def printed(driver) -> bytes:
    """The page as Chromium prints it, honouring its CSS @page size."""
    result = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    return base64.b64decode(result["data"])


def first_inspection(driver, demo) -> str:
    driver.get(demo.url("/inspections"))
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main table a[href*='/inspections/']")]
    links = [href for href in links if re.search(r"/inspections/\d+$", href)]
    assert links, "the demo has inspections"
    return links[0]


def test_notice_and_record_print_on_one_portrait_a4_page(browser, demo):
    login(browser, demo, "samr-admin")
    inspection = first_inspection(browser, demo)
    session = session_of(browser)
    for kind, title in (("notice", "抽查通知书"), ("record", "检查记录表")):
        browser.get(f"{inspection}/{kind}")
        article = browser.find_element(By.CSS_SELECTOR, "article.doc").text
        assert title in article
        assert re.search(r"联抽〔\d{4}〕\d+号", article), "a 文号 of the initiating department"
        assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", article) and not re.search(r"\d{4}-\d{2}-\d{2}", article), "Chinese dates only"
        assert "（盖章）" in article and "序号" in article
        info = pdfinfo(printed(browser))
        assert info["Pages"] == "1", f"{kind} prints on {info['Pages']} pages"
        width, height = size(info)
        assert abs(width - 595) < 2 and abs(height - 842) < 2, f"{kind} is not portrait A4: {info['Page size']}"
        response = session.get(f"{inspection}/{kind}.pdf", timeout=30)
        assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
        served = pdfinfo(response.content)
        assert served["Pages"] == "1" and served["Page size"].startswith("595.28 x 841.89"), served


def test_the_evaluation_report_still_prints_landscape(browser, demo):
    login(browser, demo, "office")
    browser.get(demo.url("/oversight/report"))
    width, height = size(pdfinfo(printed(browser)))
    assert abs(width - 842) < 2 and abs(height - 595) < 2, (width, height)
