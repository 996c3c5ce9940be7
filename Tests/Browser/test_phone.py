"""An inspector on a phone: the workspace fits a 390-pixel-wide screen (no sideways scrolling of
the page; wide tables scroll inside their own box)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import PHONE, h1, login, wait

OVERFLOW = """
const root = document.documentElement;
const wide = [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))
  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right));
return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, clientWidth: root.clientWidth, wide: wide};
"""


def assert_fits(phone, what):
    measured = phone.execute_script(OVERFLOW)
    assert measured["clientWidth"] == PHONE[0], f"{what}: the viewport is {measured}, not a phone"
    assert measured["scrollWidth"] <= measured["innerWidth"] + 1 and measured["scrollWidth"] <= PHONE[0] + 1, (
        f"{what} overflows sideways on a phone: {measured}")


def test_inspector_pages_fit_a_phone(phone, demo):
    assert "Mobile" in phone.execute_script("return navigator.userAgent")
    phone.get(demo.url("/login"))
    assert_fits(phone, "/login")
    login(phone, demo, "samr-insp1")
    assert "您好" in h1(phone)
    assert_fits(phone, "the home page")
    for path in ["/targets", "/targets?page=2"]:
        phone.get(demo.url(path))
        assert h1(phone).startswith("检查对象")
        assert phone.find_elements(By.CSS_SELECTOR, "table.grid tbody tr"), f"{path}: no rows"
        assert_fits(phone, path)
    phone.find_element(By.CSS_SELECTOR, "table.grid tbody tr a").click()
    wait(phone).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "检查对象详情"))
    assert_fits(phone, phone.current_url)
