"""The crawl's wording check (`wording.py`) itself: it finds the leaks issue 13 reported and lets
codes, allowed abbreviations and marked identifiers pass."""

from wording import leaks


def test_finds_english_words_and_iso_timestamps():
    page = """<html><head><title>审计日志</title></head><body>
    <td>accept merge-proposal</td><td>attach</td><td>2026-12-04T22:12:44Z</td><td>2026-12-05</td>
    <p>已注销（deregistered）</p><p>层 ALL</p><p><strong>OK</strong>：一致</p>
    <p>说明见 docs/open-data.md</p><input placeholder="name of the firm"></body></html>"""
    found = " ".join(leaks("/admin/audit", page))
    for word in ["accept", "merge-proposal", "attach", "deregistered", "ALL", "OK", "docs/open-data.md", "name"]:
        assert word in found, (word, found)
    assert "2026-12-04T22:12" in found
    assert "ISO date 2026-12-05" in found


def test_lets_codes_abbreviations_and_identifiers_pass():
    page = """<body><h1>2026 年旅程联合抽查 <small>2026-JOURNEY-01</small></h1>
    <p>统一社会信用代码 91360202MA35XXXX5X；事项 SAMR-006；批次 B1；A 类风险层</p>
    <p>下载 CSV、XLSX、JSON、PDF、ZIP；导出 Excel；SHA-256；文件 1.2 MB</p>
    <p>登录名 <code>samr-admin</code>，部门代码 <code>HEALTH</code></p>
    <script>const english = "words";</script><textarea>notes typed by a user</textarea>
    <p>2026年12月5日 14:12</p><input type="date" value="2026-12-05"><a href="/f/1">门头照片.png</a></body>"""
    assert leaks("/", page) == []
