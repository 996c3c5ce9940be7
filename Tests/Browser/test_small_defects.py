"""Small defects of issue 13 (point 9), as a browser meets them: the plan form's `pattern` compiles
in Chromium's `v` mode (no SyntaxError on /plans), and the favicon exists."""

import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conftest import CHROMEDRIVER, chrome_options
from support import login


def test_plans_page_logs_no_script_error_and_the_favicon_loads(demo):
    options = chrome_options()
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        login(driver, demo, "samr-admin")
        driver.get(demo.url("/plans/new"))  # the plan form (its own page since issue 13, point 2)
        assert driver.find_elements("name", "code"), "the plan form has its 计划编号 field"
        driver.get(demo.url("/"))  # let the favicon request of /plans settle
        messages = [entry["message"] for entry in driver.get_log("browser")]
        problems = [m for m in messages if "SyntaxError" in m or "Invalid regular expression" in m or "favicon" in m]
        assert not problems, problems
    finally:
        driver.quit()
    for path in ("/favicon.ico", "/static/favicon.svg"):
        response = requests.get(demo.url(path), timeout=10)
        assert response.status_code == 200 and response.content, path
