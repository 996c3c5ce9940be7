"""Every role logs in through the browser; then every same-origin link reachable from its home page
is followed breadth-first (with the browser's session cookie): no page may answer with a server
error. 403 and 404 are fine (a role may see a link it cannot follow).

Every page the crawl reaches must also speak the official's language (`wording.py`): no English
word outside the short list of abbreviations Chinese UIs use, no ISO or UTC timestamp."""

import os
import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

import pytest
import requests

from support import ROLES, login, session_of
from wording import leaks

LIMIT = int(os.environ.get("SUIJI_CRAWL_LIMIT", 150))  # pages per role
PER_SHAPE = int(os.environ.get("SUIJI_CRAWL_PER_SHAPE", 6))  # pages of one shape (/targets/<n>, /targets?page=<n> …) per role, to reach every kind of page
SKIP = re.compile(r"^/logout|\.(xlsx|csv|zip|pdf)$|/files/", re.IGNORECASE)  # and downloads


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def shape(url: str) -> str:
    """/targets/17?page=3&q=x -> /targets/#?page&q: pages of one kind."""
    parts = urlsplit(url)
    path = re.sub(r"/[0-9][0-9A-Za-z-]*", "/#", parts.path)
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(keys) if keys else "")


@pytest.mark.parametrize("role", ROLES)
def test_every_reachable_page_answers_without_server_error(browser, demo, role):
    login(browser, demo, role)
    crawl(session_of(browser), demo, role, demo.url("/"))


def test_every_public_page_answers_without_login(demo):
    """The portal, crawled by a visitor without an account: every link answers, none needs a login."""
    session = requests.Session()
    crawl(session, demo, "public", demo.url("/public"), public=True)


def crawl(session, demo, role: str, start: str, public: bool = False) -> None:
    origin = urlsplit(demo.base_url).netloc
    queue, seen, shapes = deque([(start, "(home)")]), {start}, Counter()
    statuses: dict[str, int] = {}
    errors: list[str] = []
    wording: list[str] = []

    while queue and len(statuses) < LIMIT:
        url, referrer = queue.popleft()
        response = session.get(url, allow_redirects=True, timeout=30)
        statuses[url] = response.status_code
        final = urlsplit(response.url).path
        if response.status_code >= 500 or "出错了（5" in response.text:
            errors.append(f"{response.status_code} {url} (linked from {referrer}): {response.text[:300]!r}")
            continue
        if final.startswith("/login") and not (public and url == demo.url("/login")):
            errors.append(f"{url} (linked from {referrer}) sent {role} back to the login page")
            continue
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        wording += [f"{url}: {finding}" for finding in leaks(urlsplit(url).path, response.text)]
        parser = Links()
        parser.feed(response.text)
        for href in parser.hrefs:
            if href.startswith(("javascript:", "mailto:", "tel:", "#")):
                continue
            target = urldefrag(urljoin(response.url, href))[0]
            parts = urlsplit(target)
            if parts.netloc != origin or SKIP.search(parts.path) or target in seen:
                continue
            seen.add(target)
            kind = shape(target)
            if shapes[kind] >= PER_SHAPE:
                continue
            shapes[kind] += 1
            queue.append((target, url))

    summary = Counter(statuses.values())
    print(f"{role}: {len(statuses)} pages, statuses {dict(summary)}, {len(shapes)} kinds of page")
    assert len(statuses) >= 5, f"{role} reached only {list(statuses)}"
    assert not errors, f"{role}: server errors:\n" + "\n".join(errors)
    assert not wording, f"{role}: English words or ISO timestamps on pages:\n" + "\n".join(wording[:60])
