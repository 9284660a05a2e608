"""ranges.parse_ranges: comparatives, two-figure ranges and joined bounds -> intervals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import require_shared
from tollbook.evaluation.datasets import number_scores
from tollbook.evaluation.ranges import parse_ranges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("turnout was more than forty", ["(40,)"]),
        ("bigger than 7,250 votes", ["(7250,)"]),
        ("over sixty boats", ["(60,)"]),
        ("readings above 12", ["(12,)"]),
        ("costs exceeding 900", ["(900,)"]),
        ("at least 15 ships", ["[15,)"]),
        ("no fewer than eight", ["[8,)"]),
        ("greater than or equal to 64", ["[64,)"]),
        ("equal to or greater than 64", ["[64,)"]),
        ("eighty or more", ["[80,)"]),
        ("eighty and above", ["[80,)"]),
        ("fewer than a hundred", ["(,100)"]),
        ("under 45 kilos", ["(,45)"]),
        ("up to 350 lorries", ["(,350]"]),
        ("no more than nine", ["(,9]"]),
        ("lower or equal than 18", ["(,18]"]),
        ("twelve or fewer", ["(,12]"]),
        ("equals 64", ["[64,64]"]),
        ("equal to two hundred and one", ["[201,201]"]),
        ("x > 5", ["(5,)"]),
        ("x >= 5", ["[5,)"]),
        ("x <= -8", ["(,-8]"]),
        ("x < 0", ["(,0)"]),
        ("x => 5", []),
        ("between 40 and 65", ["[40,65)"]),
        ("between minus six and six", ["[-6,6)"]),
        ("from two thousand to two thousand and four hundred", ["[2000,2400)"]),
        ("somewhere in 300-450", ["[300,450)"]),
        ("about 30~40", ["[30,40)"]),
        ("days 3 through 9", ["[3,9)"]),
        ("2k-8k", ["[2000,8000)"]),
        ("between the third and the ninth", ["[3,9)"]),
        ("above 60 and below 90", ["(60,90)"]),
        ("at most 90 and at least 60", ["[60,90]"]),
        ("higher than ten, lower than twenty", ["(10,20)"]),
        ("above 90 and below 60", ["(90,)", "(,60)"]),  # empty when merged: two bounds
        ("more than 7 and y < 3", ["(7,)", "(,3)"]),
        ("50 or greater than 45", ["(45,)"]),
        ("more than 80 or equal to", ["[80,)"]),
        ("equal to 30 or less than 40", ["[30,30]", "(,40)"]),
        ("more than half", ["(0.5,)"]),
        ("above 3/4", ["(0.75,)"]),
        ("the road 1998-04 reopened", []),  # second figure smaller: not a range
        ("dial +7-300-4000-5000", []),
    ],
)
def test_parse_ranges(text: str, expected: list[str]) -> None:
    assert [r.notation() for r in parse_ranges(text)] == expected


def test_range_span_covers_the_phrase() -> None:
    text = "In Norvane, no less than 30 and no more than 45 boats were seen."
    [r] = parse_ranges(text)
    assert r.text == "no less than 30 and no more than 45"
    assert text[r.span[0] : r.span[1]] == r.text
    assert (r.low, r.high, r.low_closed, r.high_closed) == (30, 45, True, True)


def test_range_scores_compare_open_and_closed_ends(tmp_path: Path) -> None:
    path = tmp_path / "ranges.json"
    path.write_text(json.dumps([
        {"Input": "above 5", "Results": [{"Text": "above 5", "Resolution": {"value": "(5,)"}}]},
        {"Input": "at least 5", "Results": [{"Text": "at least 5", "Resolution": {"value": "(5,)"}}]},
        {"Input": "nothing", "Results": []},
    ]), encoding="utf-8")  # fmt: skip
    rows, wrong = number_scores(path, ranges=True)
    assert rows[0]["n"] == 3 and rows[0]["exact"] == round(2 / 3, 4)
    assert wrong == [{"input": "at least 5", "gold": ["(5,)"], "predicted": ["[5,)"]}]


@pytest.mark.shared
def test_recognizers_specs_meet_issue_4_targets() -> None:
    folder = require_shared("data", "recognizers-text")
    numbers = {r["subset"]: r for r in number_scores(folder / "NumberModel.json", ranges=False)[0]}
    ranges = number_scores(folder / "NumberRangeModel.json", ranges=True)[0][0]
    assert numbers["all"]["exact"] >= 0.95
    assert ranges["exact"] >= 0.90
