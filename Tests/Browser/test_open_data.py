"""Open data (docs/open-data.md): the XLSX files of the portal and of `suiji export`, opened with
openpyxl, carry the documented columns and the same rows as the JSON and CSV of the same dataset."""

import csv
import datetime
import io
import json
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import openpyxl

from conftest import SUIJI, REPO

YEAR = datetime.date.today().year
ANNUAL_COLUMNS = ["year", "version", "published_at", "version_note", "plan_code", "plan_name", "initiator_code",
                  "initiator_name", "participant_codes", "participant_names", "item_codes", "item_names", "scope",
                  "window_start", "window_end", "merged_from"]
ITEM_COLUMNS = ["department_code", "department_name", "item_code", "item_version", "item_name", "sub_items",
                "legal_basis", "target_kinds", "check_methods", "is_key_item", "requires_expert", "frequency"]


def fetch(demo, path):
    with urllib.request.urlopen(demo.url(path), timeout=30) as response:
        assert response.status == 200, path
        return response.headers.get("Content-Type", ""), response.read()


def sheet_rows(data):
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert len(workbook.sheetnames) == 1
    rows = [["" if cell is None else str(cell) for cell in row] for row in workbook[workbook.sheetnames[0]].iter_rows(values_only=True)]
    # openpyxl drops trailing empty cells of a row: pad to the header's width
    width = len(rows[0])
    return [row + [""] * (width - len(row)) for row in rows]


def records(data):
    body = json.loads(data.decode("utf-8"))
    assert body["schema"] == "suiji-open-data/1"
    return body["columns"], [[record[column] for column in body["columns"]] for record in body["records"]]


def test_the_annual_plan_xlsx_matches_its_json_and_csv(demo):
    kind, xlsx = fetch(demo, f"/public/data/annual-plans/{YEAR}.xlsx")
    assert kind.startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    rows = sheet_rows(xlsx)
    assert rows[0] == ANNUAL_COLUMNS
    assert len(rows) >= 2, "the demo publishes an annual plan with at least one plan"
    columns, json_rows = records(fetch(demo, f"/public/data/annual-plans/{YEAR}.json")[1])
    assert columns == ANNUAL_COLUMNS
    assert rows[1:] == json_rows
    text = fetch(demo, f"/public/data/annual-plans/{YEAR}.csv")[1].decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == rows
    assert all(row[0] == str(YEAR) and row[1] == "1" for row in rows[1:])
    assert any(row[4] == f"{YEAR}-SAMR-01" for row in rows[1:])


def test_items_and_draws_xlsx_have_the_documented_columns(demo):
    rows = sheet_rows(fetch(demo, "/public/data/items.xlsx?department=SAMR")[1])
    assert rows[0] == ITEM_COLUMNS
    assert len(rows) > 10
    assert {row[0] for row in rows[1:]} == {"SAMR"}
    assert all(row[9] in ("true", "false") for row in rows[1:])
    draws = sheet_rows(fetch(demo, "/public/data/draws.xlsx")[1])
    assert draws[0][0] == "draw_id" and draws[0][-1] == "bundle_url"
    ids = [row[0] for row in draws[1:]]
    assert demo.draw_id in ids
    bundle = draws[1 + ids.index(demo.draw_id)][-1]
    kind, data = fetch(demo, bundle)
    assert kind == "application/zip" and data[:2] == b"PK"


def test_suiji_export_writes_the_same_workbook(demo):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "annual.xlsx"
        done = subprocess.run([str(SUIJI), "export", "annual-plan", "--year", str(YEAR), "--db", demo.db, "--out", str(out)],
                              capture_output=True, text=True, timeout=120, cwd=REPO)
        assert done.returncode == 0, done.stderr
        exported = sheet_rows(out.read_bytes())
        assert exported == sheet_rows(fetch(demo, f"/public/data/annual-plans/{YEAR}.xlsx")[1])
        missing = subprocess.run([str(SUIJI), "export", "annual-plan", "--year", "1999", "--db", demo.db, "--out", str(out)],
                                 capture_output=True, text=True, timeout=120, cwd=REPO)
        assert missing.returncode == 2
        assert "尚未公示" in missing.stderr
