"""Helpers shared by the browser tests: logging in through the form, reading tables, sessions."""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

DESKTOP = (1280, 900)  # CSS pixels
PHONE = (390, 844)
PASSWORD = "suiji-demo-2026"  # every demo account
ROLES = ["office", "overseer", "samr-admin", "health-admin", "samr-insp1"]
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


@dataclass
class Demo:
    base_url: str
    db: str
    draw_id: str  # an executed draw, publicly verifiable
    demo_draw_executed: bool  # whether the demo's own joint draw was executed

    def url(self, path: str) -> str:
        return self.base_url + path


def wait(driver: WebDriver, seconds: float = 10) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def labelled(scope, label: str, tag: str = "input") -> WebElement:
    """The form control inside the <label> whose text starts with `label`."""
    return scope.find_element(By.XPATH, f".//label[starts-with(normalize-space(.), '{label}')]//{tag}")


def button(scope, text: str) -> WebElement:
    return scope.find_element(By.XPATH, f".//button[normalize-space(.)='{text}']")


def link(scope, text: str) -> WebElement:
    return scope.find_element(By.XPATH, f".//a[normalize-space(.)='{text}']")


def h1(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def login(driver: WebDriver, demo: Demo, username: str, password: str = PASSWORD) -> None:
    """Logs in through the login form (用户名 / 密码 / 登录) and waits for the workspace."""
    driver.get(demo.url("/login"))
    assert "登录" in driver.title
    labelled(driver, "用户名").send_keys(username)
    labelled(driver, "密码").send_keys(password)
    button(driver, "登录").click()
    # The login page has the public portal's navigation: wait for the workspace's own.
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.main[aria-label='主导航']")))
    nav = driver.find_element(By.CSS_SELECTOR, "nav.main")
    assert "工作台" in nav.text, f"{username}: no 工作台 in the navigation: {nav.text!r}"


def replaced(element: WebElement):
    """A wait condition: the page holding `element` has been replaced (by a navigation)."""

    def check(_driver) -> bool:
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # stale, or no longer in the document
            return True

    return check


def logout(driver: WebDriver, demo: Demo) -> None:
    """Clicks 退出 in the page header (from the home page when the current page has none)."""
    if not driver.find_elements(By.XPATH, "//header//button[normalize-space(.)='退出']"):
        driver.get(demo.url("/"))
    button(driver.find_element(By.CSS_SELECTOR, "header.top"), "退出").click()
    wait(driver).until(lambda d: "/login" in d.current_url or d.find_elements(By.NAME, "password"))
    driver.get(demo.url("/"))
    assert "/login" in driver.current_url, "after 退出 the workspace must ask for a login again"


def session_of(driver: WebDriver) -> requests.Session:
    """A requests session carrying the browser's cookies (its login)."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"], path=cookie.get("path", "/"))
    return session


def table_rows(scope, table: WebElement | None = None) -> list[list[str]]:
    table = table or scope.find_element(By.CSS_SELECTOR, "table.grid")
    return [[cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]


def column(table: WebElement, header: str) -> int:
    headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert header in headers, f"no column {header!r} in {headers}"
    return headers.index(header)


def total_of(driver: WebDriver) -> int:
    """The "共 N 条" count in a list page's heading."""
    match = re.search(r"共\s*(\d+)\s*条", h1(driver))
    assert match, f"no 共 N 条 in the heading {h1(driver)!r}"
    return int(match.group(1))
