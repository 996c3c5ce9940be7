"""An inspector on a phone attaches a site photo to an inspection in progress (§16.3); the archive
dossier (§20) then lists it, and every file of the downloaded ZIP matches its SHA-256 in the index."""

import base64
import hashlib
import io
import json
import re
import zipfile

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import button, h1, labelled, login, session_of, wait
from test_phone import assert_fits

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def main_text(driver) -> str:
    """The text of the page's <main>, or "" while the document is being replaced."""
    try:
        return driver.find_element(By.TAG_NAME, "main").text
    except WebDriverException:
        return ""


def test_a_phone_attaches_a_photo_and_the_dossier_checks_out(phone, demo, tmp_path):
    assert demo.demo_draw_executed, "the demo's joint draw must be executed for its inspections"
    login(phone, demo, "samr-leader")
    phone.get(demo.url("/inspections"))
    assert h1(phone) == "我的检查任务"
    rows = phone.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")
    pending = [row for row in rows if "未录入" in row.text]
    assert pending, "samr-leader has an inspection in progress in the demo"
    pending[0].find_element(By.TAG_NAME, "a").click()
    wait(phone).until(EC.presence_of_element_located((By.ID, "attachments")))
    inspection = re.search(r"/inspections/(\d+)", phone.current_url).group(1)
    assert_fits(phone, phone.current_url)

    photo = tmp_path / "现场照片.png"
    photo.write_bytes(PNG)
    form = phone.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    labelled(form, "选择文件").send_keys(str(photo))
    labelled(form, "说明").send_keys("现场检查照片")
    button(form, "上传附件").click()
    # The upload answers with a redirect to the reloaded page; reading <main> while Chromium swaps
    # the document can fail with "Node with given id does not belong to the document" (a
    # WebDriverException that is not a StaleElementReferenceException), so such a read is retried.
    wait(phone).until(lambda driver: "现场照片.png" in main_text(driver))
    assert hashlib.sha256(PNG).hexdigest() in main_text(phone)
    assert_fits(phone, "the inspection page with its attachments")

    archive = session_of(phone).get(demo.url(f"/inspections/{inspection}/dossier.zip"), timeout=30)
    assert archive.status_code == 200 and archive.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as bundle:
        folder = f"检查档案-{inspection}/"
        index = json.loads(bundle.read(folder + "index.json"))
        paths = [entry["path"] for entry in index["files"]]
        assert any(path.endswith("现场照片.png") for path in paths) and "02-检查记录表.html" in paths
        for entry in index["files"]:
            content = bundle.read(folder + entry["path"])
            assert hashlib.sha256(content).hexdigest() == entry["sha256"] and len(content) == entry["bytes"], entry["path"]
        names = [name[len(folder):] for name in bundle.namelist()]
        assert "目录.txt" in names and "SHA256SUMS" in names
        sums = bundle.read(folder + "SHA256SUMS").decode()
        assert sums == "".join(f"{entry['sha256']}  {entry['path']}\n" for entry in index["files"])
