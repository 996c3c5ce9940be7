"""Issue 11.6: the login page and the draw ceremony cannot be framed, every page answers with the
security headers, and the pages work under the content security policy (make_driver checks each
window's console for violations)."""

from __future__ import annotations

import time

import requests
from selenium.webdriver.common.by import By

from support import login

HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def test_pages_answer_with_the_security_headers(demo):
    for path in ["/login", "/public", f"/public/draws/{demo.draw_id}", "/static/style.css", "/no-such-page"]:
        response = requests.get(demo.url(path), timeout=10, allow_redirects=False)
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, f"{path}: {name} = {response.headers.get(name)!r}"
        policy = response.headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, f"{path}: {policy!r}"
        assert "unsafe-inline" not in policy


def test_the_login_and_the_ceremony_cannot_be_framed(demo, make_driver):
    driver = make_driver("framing", csp_violations_expected=True)
    login(driver, demo, "samr-admin")
    for path in ["/login", f"/draws/{demo.draw_id}"]:
        # A page of another origin (a data: URL) frames the page; Chromium refuses to render it
        # and shows its error page in the frame instead.
        driver.get(f"data:text/html;charset=utf-8,<title>frame</title><iframe id='f' src='{demo.url(path)}'></iframe>")
        frame_url = ""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            driver.switch_to.frame(driver.find_element(By.ID, "f"))
            frame_url = driver.execute_script("return document.URL")
            source = driver.page_source
            driver.switch_to.default_content()
            assert "用户名" not in source and "承诺" not in source, f"{path} rendered inside a frame"
            if frame_url.startswith("chrome-error:"):
                break
            time.sleep(0.2)
        assert frame_url.startswith("chrome-error:"), f"{path}: the frame shows {frame_url!r}, not Chromium's refusal"
