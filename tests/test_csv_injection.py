"""Every CSV tollbook writes neutralises spreadsheet formulas (issue 22) and keeps numbers numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook.cli.main import cli
from tollbook.output.render import csv_cell, write_rows

PAYLOAD = "=1+1+cmd|' /C calc'!A0"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _csv(rows: list[dict[str, object]]) -> list[dict[str, str]]:
    buf = io.StringIO()
    write_rows(rows, "csv", buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


@pytest.mark.parametrize("text", [PAYLOAD, "+SUM(A1)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)",
                                  "\t=1+1", "\r=1+1"])  # fmt: skip
def test_formula_text_gets_a_leading_quote(text: str) -> None:
    expected = "'" + text.replace("\r", "\n")  # a bare CR would end the row in readers
    assert csv_cell(text) == expected
    assert _csv([{"note": text}])[0]["note"] == expected


def test_numbers_stay_numbers() -> None:
    rows = _csv([{"delta": -3, "lon": -3.75, "text": "-3", "exp": "+1.5e3", "word": "- dash"}])
    assert rows[0]["delta"] == "-3" and rows[0]["lon"] == "-3.75"
    assert rows[0]["text"] == "-3" and rows[0]["exp"] == "+1.5e3"  # a bare number runs nothing
    assert rows[0]["word"] == "'- dash"
    assert csv_cell("ordinary = text") == "ordinary = text"


def _run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def test_every_cli_csv_is_neutralised(tmp_path: Path) -> None:
    src = tmp_path / "feed.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "text"])
        w.writerow(["d1", PAYLOAD, f"{PAYLOAD} Officials said 12 people were killed in Norvane on Monday."])
    db = str(tmp_path / "t.db")
    _run("ingest", str(src), "--db", db, "--id-field", "id")
    outputs = [
        _run("export", "--db", db, "--what", "documents", "--csv"),
        _run("export", "--db", db, "--csv"),
        _run("extract", str(src), "--csv"),
        _run("show", "--db", db, "--csv"),
    ]
    seen = 0
    for out in outputs:
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(DANGEROUS) or cell.lstrip("-+").replace(".", "").isdigit(), cell
                seen += PAYLOAD in cell
    assert seen >= 3  # the payload is there (title, text, claim sentence), but inert
