"""Fixtures of the browser tests: a small demo district served by the debug binary, and headless
Chromium windows (desktop and phone) driven by Selenium.

The suite builds nothing: it expects `.build/debug/suiji` (scripts/test.sh builds it first; set
SUIJI_BIN to use another binary). Chromium and its driver come from Debian (`chromium`,
`chromium-driver`); Selenium Manager is never used, so the suite runs offline.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

from support import DESKTOP, PHONE, Demo

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SUIJI = Path(os.environ.get("SUIJI_BIN", REPO / ".build" / "debug" / "suiji"))
CHROMIUM = os.environ.get("SUIJI_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SUIJI_CHROMEDRIVER", "/usr/bin/chromedriver")
# Small on purpose: building it takes a few seconds (the full district is ~30,000 targets).
DEMO_SCALE = os.environ.get("SUIJI_BROWSER_DEMO_SCALE", "0.05")

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


def suiji(*args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        [str(SUIJI), *args], capture_output=True, text=True, timeout=timeout, cwd=REPO
    )
    if done.returncode != 0:
        raise RuntimeError(f"suiji {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def draws(db: str) -> dict[str, str]:
    """`suiji draw list`: draw id -> state."""
    result = {}
    for line in suiji("draw", "list", "--db", db).splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            result[fields[0]] = fields[1]
    return result


def scripted_draw(db: str, workdir: Path) -> str:
    """A small joint draw (SAMR + HEALTH, 3 companies) run with `suiji draw run`.

    Used when the demo's own draw could not be executed: in a small demo the health commission's
    inspectors may all reach their task limit, and the demo then leaves its draw committed.
    """
    today = datetime.date.today()
    year_end = datetime.date(today.year, 12, 31)
    china = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    china_yesterday = (china - datetime.timedelta(days=1)).isoformat()
    plan = {
        "plan": {
            "code": f"{today.year}-BROWSER",
            "name": f"{today.year} 年度浏览器测试联合抽查",
            "year": today.year,
            "initiator": "SAMR",
            "participants": ["HEALTH"],
            "items": [
                {"department": "SAMR", "code": "SAMR-003"},
                {"department": "HEALTH", "code": "HEALTH-002"},
            ],
            "scope": {"kinds": ["company"], "areas": ["360202"], "industries": [], "tags": []},
            "windowStart": f"{today.year}-01-01",
            "windowEnd": year_end.isoformat(),
            "notes": "浏览器测试",
        },
        "batch": {
            "code": "B1",
            "start": today.isoformat(),
            "end": min(today + datetime.timedelta(days=20), year_end).isoformat(),
            "count": 3,
        },
        "secrets": {"SAMR": "5d" * 32, "HEALTH": "a7" * 32},
        # Yesterday's 3D draw (China time): the announced public value, already published.
        "publicValue": {
            "date": china_yesterday,
            "source": "中国福利彩票3D 当日开奖号码",
            "value": "372",
            "note": "浏览器测试：离线记录",
        },
    }
    path = workdir / "browser-plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return suiji("draw", "run", str(path), "--db", db).strip().splitlines()[-1].strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def demo():
    if not SUIJI.exists():
        pytest.exit(f"{SUIJI} not found: build it first (swift build), or set SUIJI_BIN", returncode=2)
    workdir = Path(tempfile.mkdtemp(prefix="suiji-browser-"))
    db = str(workdir / "demo.sqlite")
    started = time.monotonic()
    suiji("demo", "--no-serve", "--db", db, "--scale", DEMO_SCALE)
    built = time.monotonic() - started
    states = draws(db)
    executed = [d for d, state in states.items() if state == "executed"]
    demo_draw_executed = bool(executed)
    if not executed:
        executed = [scripted_draw(db, workdir)]
    print(f"\ndemo (scale {DEMO_SCALE}) built in {built:.1f} s; draws {states}; public draw {executed[0]}", file=sys.stderr)

    with serving(db, workdir) as base:
        try:
            yield Demo(base_url=base, db=db, draw_id=executed[0], demo_draw_executed=demo_draw_executed)
        finally:
            if os.environ.get("SUIJI_BROWSER_KEEP"):
                print(f"kept {workdir}", file=sys.stderr)
    if not os.environ.get("SUIJI_BROWSER_KEEP"):
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def serving(db: str, workdir: Path):
    """`suiji serve` on a free port for the database `db`; yields its base URL."""
    port = free_port()
    log = open(workdir / "serve.log", "w")
    server = subprocess.Popen(
        [str(SUIJI), "serve", "--db", db, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=REPO
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if server.poll() is not None:
            log.close()
            raise RuntimeError(f"suiji serve exited ({server.returncode}):\n{(workdir / 'serve.log').read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.kill()
            raise RuntimeError("suiji serve did not answer /health within 60 s")
        time.sleep(0.2)
    try:
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def fresh_demo():
    """A demo district of its own, built and served for one test module (a whole journey)."""
    workdir = Path(tempfile.mkdtemp(prefix="suiji-journey-"))
    db = str(workdir / "demo.sqlite")
    suiji("demo", "--no-serve", "--db", db, "--scale", DEMO_SCALE)
    with serving(db, workdir) as base:
        yield Demo(base_url=base, db=db, draw_id="", demo_draw_executed=False)
    shutil.rmtree(workdir, ignore_errors=True)


# --- browsers ---------------------------------------------------------------------------------


def chrome_options(*, phone: bool = False, javascript: bool = True) -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--lang=zh-CN"):
        options.add_argument(argument)
    if phone:
        options.add_argument(f"--window-size={PHONE[0]},{PHONE[1]}")
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 3.0, "touch": True},
             "userAgent": PHONE_UA},
        )
    else:
        options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # The console, to catch content-security-policy violations (make_driver checks every window).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


def csp_violations(driver) -> list[str]:
    """Console messages of content-security-policy violations since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


def save_artifacts(item, label: str, driver) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", item.nodeid.split("::", 1)[-1]) + "-" + label
    try:
        driver.save_screenshot(str(ARTIFACTS / f"{stem}.png"))
        (ARTIFACTS / f"{stem}.html").write_text(
            f"<!-- {driver.current_url} -->\n{driver.page_source}", encoding="utf-8"
        )
        print(f"saved {ARTIFACTS / stem}.png/.html ({driver.current_url})", file=sys.stderr)
    except Exception as error:  # a dead browser must not hide the test's own failure
        print(f"could not save artifacts for {stem}: {error}", file=sys.stderr)


@pytest.fixture
def make_driver(request):
    """Opens headless Chromium windows for one test; on failure each one's screenshot and HTML go to
    Tests/Browser/artifacts/. Every page a window showed must have run without a content-security-
    policy violation (the pages' scripts and styles are all static files), unless the window is
    made with `csp_violations_expected`."""
    drivers: list[tuple[str, webdriver.Chrome]] = []
    unchecked: set[str] = set()

    def make(
        label: str = "desktop", *, phone: bool = False, javascript: bool = True, csp_violations_expected: bool = False
    ) -> webdriver.Chrome:
        if csp_violations_expected:
            unchecked.add(label)
        driver = webdriver.Chrome(
            service=Service(CHROMEDRIVER), options=chrome_options(phone=phone, javascript=javascript)
        )
        driver.set_page_load_timeout(30)
        drivers.append((label, driver))
        if not phone:  # --window-size is the outer size: make the viewport itself 1280×900
            inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
            outer = driver.get_window_size()
            driver.set_window_size(outer["width"] + DESKTOP[0] - inner[0], outer["height"] + DESKTOP[1] - inner[1])
        return driver

    yield make
    failed = any(getattr(request.node, "rep_" + when, None) is not None and getattr(request.node, "rep_" + when).failed
                 for when in ("setup", "call"))
    violations = []
    for label, driver in drivers:
        if not failed and label not in unchecked:
            try:
                violations += [f"{label}: {message}" for message in csp_violations(driver)]
            except WebDriverException:
                pass
        if failed:
            save_artifacts(request.node, label, driver)
        driver.quit()
    assert not violations, "content security policy violations:\n" + "\n".join(violations)


@pytest.fixture
def browser(make_driver):
    """A desktop window, 1280×900."""
    return make_driver("desktop")


@pytest.fixture
def phone(make_driver):
    """A phone-sized window, 390×844 CSS pixels, with a mobile user agent."""
    return make_driver("phone", phone=True)
