"""Conformance of tollbook.extract.dates against Microsoft Recognizers-Text date specs.

Reads `DateParser.json` and `DatePeriodParser.json` from ../shared/data/recognizers-text
(skipped when absent). Only the cases whose expression uses a form tollbook.extract.dates promises
to handle are scored (the selection is made from the spec's own text, not from our output):
explicit dates with a four-digit year, month-year, day/month/year ranges, month-day without a
year, weekdays, this/last week|month|year, today/yesterday, "N units ago", "earlier this X".

How a spec resolution is compared (PastResolution: the news convention):
- `date`: our start == our end == date; "0001-01-01" means an invalid date -> we must give none.
- a period Timex ("2016-11", "2016", "2016-W45"): endDate is exclusive -> our end + 1 day.
- a range Timex "(a,b,Pn)": endDate is the first day of the last unit -> our end truncated to
  the unit of the range's second end (day, month or year, read from our `iso`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tollbook.extract.dates import find_dates
from tollbook.model import DateValue

pytestmark = pytest.mark.shared

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "recognizers-text"
FILES = ("DateParser.json", "DatePeriodParser.json")
# The share measured when this floor was pinned (rounded down to the percent).
FLOOR = 0.93

if not all((SPECS / name).is_file() for name in FILES):
    pytest.skip(
        f"Recognizers-Text specs not found under {SPECS} (../shared/data is absent)",
        allow_module_level=True,
    )

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"\d{4}"
_DATE = (
    rf"(?:(?:{_WD},?\s+)?(?:{_D}\s+(?:of\s+)?{_MON}|{_MON}\s+{_D})(?:,?\s+{_Y})?"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_Y}|{_Y}[/.-]\d{{1,2}}[/.-]\d{{1,2}}"
    rf"|{_MON}\s*,?\s+{_Y}|{_Y})"
)
_NUM = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
FORMS = re.compile(
    rf"^(?:(?:from|between|in)\s+)?{_DATE}(?:\s*(?:-|–|to|until|till|through|and)\s*{_DATE})?$"
    rf"|^(?:(?:from|between)\s+)?{_D}\s*(?:-|–|to|until|till|and)\s*{_D}\s+(?:of\s+)?{_MON}"
    rf"(?:,?\s+{_Y})?$"
    rf"|^{_MON}\s+{_D}\s*(?:-|to)\s*{_D}(?:,?\s+{_Y})?$"
    rf"|^(?:on\s+)?(?:last\s+)?{_WD}$"
    r"|^(?:today|yesterday)$"
    r"|^(?:this|last|earlier\s+this)\s+(?:week|month|year)$"
    rf"|^{_NUM}\s+(?:day|week|month|year)s?\s+ago$",
    re.IGNORECASE,
)


def _cases() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in FILES:
        for case in json.loads((SPECS / name).read_text(encoding="utf-8-sig")):
            results = case.get("Results") or []
            if len(results) != 1:
                continue
            result = results[0]
            past = (result.get("Value") or {}).get("PastResolution") or {}
            if past and FORMS.match(result["Text"].strip()):
                out.append(case)
    return out


def _truncate(day: dt.date, iso: str) -> dt.date:
    """The first day of the unit our range ends with ("1992" -> 1 Jan, "1992-05" -> 1 May)."""
    last = iso.rsplit("/", 1)[-1]
    if len(last) == 4:
        return day.replace(month=1, day=1)
    if len(last) == 7:
        return day.replace(day=1)
    return day


def _agrees(value: DateValue | None, result: dict[str, Any]) -> bool:
    past = result["Value"]["PastResolution"]
    if past.get("date") == "0001-01-01":
        return value is None  # the spec marks an impossible date
    if value is None:
        return False
    end = dt.date.fromisoformat(value.end)
    if "date" in past:
        return value.start == value.end == past["date"]
    if past.get("startDate") != value.start:
        return False
    spec_end = dt.date.fromisoformat(past["endDate"])
    if result["Value"]["Timex"].startswith("("):
        return _truncate(end, value.iso) == spec_end
    return end + dt.timedelta(days=1) == spec_end


def _score(case: dict[str, Any]) -> bool:
    result = case["Results"][0]
    ref_text = (case.get("Context") or {}).get("ReferenceDateTime")
    reference = dt.date.fromisoformat(ref_text[:10]) if ref_text else None
    lo, hi = result["Start"], result["Start"] + result["Length"]
    overlapping = [
        m.value
        for m in find_dates(case["Input"], reference=reference)
        if m.span[0] < hi and lo < m.span[1]
    ]
    value = overlapping[0] if len(overlapping) == 1 else None
    return _agrees(value, result)


def test_conformance_share() -> None:
    cases = _cases()
    assert len(cases) >= 50, "the selection of spec cases shrank; check FORMS"
    failures = [c for c in cases if not _score(c)]
    share = 1 - len(failures) / len(cases)
    print(f"\nrecognizers-text dates: {len(cases) - len(failures)}/{len(cases)} = {share:.1%}")
    for case in failures:
        print("  miss:", case["Input"], "->", case["Results"][0]["Value"]["PastResolution"])
    assert share >= FLOOR
