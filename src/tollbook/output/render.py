"""Output: rows (dicts of the JSON contract) -> text in jsonl, json, csv or an aligned table.

Every command prints through `write_rows`, so every command takes the same `--format`, and
every CSV tollbook writes passes through `csv_cell`: text that a spreadsheet would run as a
formula (first character `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`
(OWASP's CSV injection advice), while numbers, -3 included, stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("jsonl", "json", "csv", "table")

#: Columns shown by --format table (the full record stays in jsonl/json/csv).
CLAIM_TABLE_COLUMNS = (
    "doc_id", "claim_id", "category", "population", "value", "qualifier", "low", "high",
    "parent", "place", "event_date", "source", "text",
)  # fmt: skip
TALLY_COLUMNS = ("doc_id", "category", "best", "low", "high", "civilians", "combatants", "unknown", "rule")


#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A cell that is only a number ("-3", "+1.5e3") cannot run anything: it is left as written so
# the column stays numeric in the spreadsheet.
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def csv_cell(value: Any) -> str:
    """One CSV cell: `_cell`'s text, with a formula-like text neutralised by a leading `'`.

    A carriage return becomes a line feed, one character for one so spans still count right:
    the csv writer (line ends "\n") would leave a field with a bare CR unquoted, and readers
    take that CR for the end of the row.
    """
    raw = _cell(value)
    text = raw.replace("\r", "\n")
    if (
        raw.startswith(FORMULA_STARTS)
        and not isinstance(value, (int, float))
        and not _PLAIN_NUMBER.fullmatch(text)
    ):
        return "'" + text
    return text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # spreadsheets and dataframes read true/false, not True/False
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO,
               columns: Sequence[str] | None = None, max_width: int = 40) -> int:  # fmt: skip
    """Write rows; returns how many. jsonl streams; the other formats collect first."""
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    items = list(rows)
    if fmt == "json":
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        cols = list(columns) if columns else _all_columns(items)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in cols])
        for row in items:
            writer.writerow([csv_cell(row.get(c)) for c in cols])
    elif fmt == "table":
        out.write(render_table(items, columns, max_width))
    else:  # pragma: no cover - click restricts the choice
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return len(items)


def _all_columns(items: Sequence[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for row in items:
        for k in row:
            cols.setdefault(k, None)
    return list(cols)


def render_table(items: Sequence[dict[str, Any]], columns: Sequence[str] | None = None,
                 max_width: int = 40) -> str:  # fmt: skip
    cols = [c for c in (columns or _all_columns(items)) if any(c in r for r in items)] if items else list(columns or ())
    if not cols:
        return "(no rows)\n"
    cells = [[_short(_cell(r.get(c)), max_width) for c in cols] for r in items]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    buf = io.StringIO()
    buf.write("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip() + "\n")
    buf.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        buf.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
    return buf.getvalue()


def _short(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


def tally_rows(tally_dict: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per category of a tally dict (for csv and table)."""
    rows = []
    for key, value in tally_dict.items():
        if key == "doc_id" or not isinstance(value, dict):
            continue
        rows.append({"doc_id": tally_dict["doc_id"], "category": key, **{k: value[k] for k in TALLY_COLUMNS[2:]}})
    return rows
