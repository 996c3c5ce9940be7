"""What a page says, checked for leaks of the program's own language: English words, raw ISO 8601
dates and UTC timestamps. Users read Chinese, dates as 2026年12月5日 and times in China time
(developers' guide); the JSON API and the downloads keep English names and ISO dates.

Only what a reader sees or hears is checked: text, and the placeholder, title, alt and aria-label
attributes. Left out: <script> and <style>; <textarea> (what a user typed); and <code>, <kbd>,
<samp> — the markup of identifiers shown verbatim (login names, department codes, hashes, file
names of a draw's published files), which a page must mark as such.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Abbreviations and names Chinese government UIs use as they are; kept short on purpose.
ALLOWED = {
    "API",  # 接口 documentation links
    "CSV", "XLSX", "JSON", "PDF", "ZIP",  # file formats offered for download or upload
    "Excel",  # "导出 Excel": the name officials know the spreadsheet by
    "SHA", "HMAC", "HKDF",  # SHA-256 digests and the draw's published algorithms
    "URL", "ID",  # 网址 (a link to copy) and 身份证号-style "ID" in verification texts
    "KB", "MB",  # file sizes
    "Suiji",  # the platform's own name, next to 随机
    "UTF",  # "UTF-8": the encoding a CSV upload may use
    "GB",  # GB 18030, GB/T 4754: Chinese national standards are cited as GB
    # In the data itself, as Chinese writes them: firm names (…KTV) and item names (药品经营 GSP).
    "KTV", "GSP",
}

# A run of letters, digits and the characters that join the parts of a code or a file name.
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-/:@+]*")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(T|\s+)\d{2}:\d{2}")
ISO_DATE = re.compile(r"(?<![0-9A-Za-z-])\d{4}-\d{2}-\d{2}(?![0-9A-Za-z])")

SKIPPED = {"script", "style", "textarea", "code", "kbd", "samp"}
SPOKEN = ("placeholder", "title", "alt", "aria-label")


class Visible(HTMLParser):
    """The text of a page a reader sees, outside the skipped elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.depth += 1
            return
        if self.depth == 0:
            self.texts += [value for name, value in attrs if name in SPOKEN and value]

    def handle_startendtag(self, tag, attrs):
        if tag not in SKIPPED and self.depth == 0:
            self.texts += [value for name, value in attrs if name in SPOKEN and value]

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.depth > 0:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth == 0:
            self.texts.append(data)


def english_words(text: str) -> list[str]:
    """Tokens of two or more letters without a digit (a digit makes a code: 2026-SAMR-01, B1,
    SHA-256, a credit code), not in ALLOWED; a file name's extension (门头照片.png) passes."""
    found = []
    for match in TOKEN.finditer(text):
        token = match.group(0)
        if match.start() > 0 and text[match.start() - 1] == "." and match.start() > 1 and not text[match.start() - 2].isspace():
            continue  # the extension of a file name a user uploaded (现场照片.png)
        word = token.strip(".:/-@+")
        if any(c.isdigit() for c in word) or not re.search(r"[A-Za-z]{2}", word):
            continue
        if all(part in ALLOWED for part in re.split(r"[-/]", word) if part):
            continue
        found.append(word)
    return found


# Pages another issue was rewriting when this check came in could list here what they still showed,
# path pattern -> words ("ISO_DATE" for ISO dates). Empty: the draw pages (issue 10) now pass.
PENDING: dict[str, set[str]] = {}


def leaks(path: str, html: str) -> list[str]:
    """Every leak on the page at `path`, described."""
    parser = Visible()
    parser.feed(html)
    text = "\n".join(parser.texts)
    pending = set().union(*[words for pattern, words in PENDING.items() if re.search(pattern, path)])
    findings = []
    words = [w for w in english_words(text) if w not in pending]
    if words:
        findings.append("English " + ", ".join(sorted(set(words))[:12]))
    stamps = [m.group(0) for m in TIMESTAMP.finditer(text)]
    if stamps:
        findings.append("ISO timestamp " + ", ".join(sorted(set(stamps))[:5]))
    dates = [m.group(0) for m in ISO_DATE.finditer(text)]
    if dates and "ISO_DATE" not in pending:
        findings.append("ISO date " + ", ".join(sorted(set(dates))[:5]))
    return findings
