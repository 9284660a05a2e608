"""numparse.parse_numbers / parse_number (general reading) and find_numbers (casualty reading)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tollbook.evaluation.datasets import is_plain_cardinal, number_scores
from tollbook.evaluation.numparse import parse_number, parse_numbers
from tollbook.extract.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seventeen", 17),
        ("forty - four", 44),
        ("ninety   nine", 99),
        ("two hundred and eight", 208),
        ("Four hundred  and  twelve", 412),
        ("five hundred and five thousand", 505_000),
        ("three thousand and four hundred", 3_400),
        ("hundred thousand", 100_000),
        ("a thousand", 1_000),
        ("six trillion", 6_000_000_000_000),
        ("eleven trillion and nine hundred", 11_000_000_000_900),
        ("7 trillion", 7_000_000_000_000),
        ("845 hundred", 84_500),
        ("6 hundred and 45", 645),
        ("9 thousand 6 hundred and 45", 9_645),
        ("8 hundred and two", 802),
        ("4 dozens", 48),
        ("seven dozens", 84),
        ("half a dozen", 6),
        ("five hundred and three dozens", 536),
        ("9 dzs", 108),
        ("2 doz", 24),
        ("3,456,789", 3_456_789),
        ("7 654 321", 7_654_321),
        ("12\u202f500", 12_500),
        ("25k", 25_000),
        ("3.5m", 3_500_000),
        ("4.5 bn", 4_500_000_000),
        ("2.25 k", 2_250),
        ("7mil", 7_000_000),
        ("-7", -7),
        ("- 4  k", -4_000),
        ("minus eight", -8),
        ("negative twelve", -12),
        ("minus 33", -33),
        ("9 lakh", 900_000),
        ("4 crore", 40_000_000),
        ("two lakh crore", 2_000_000_000_000),
        ("nought", 0),
        ("half a million", 500_000),
        ("a quarter million", 250_000),
        ("four and a half million", 4_500_000),
        ("two million and a half", 2_500_000),
        ("eight hundred point", None),  # "point" alone is not part of the number
        ("7,25", 7.25),
    ],
)
def test_parse_number_reads_one_whole_figure(text: str, value: float | None) -> None:
    if value is None:
        assert parse_number(text) is None
    else:
        assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("10.20.30.40", [10, 20, 30, 40]),  # an address, not decimals
        ("7, 654, 321", [7, 654, 321]),  # comma and space: a list
        ("rooms 14,15,19", [14, 15, 19]),
        ("lot no. 31,450,220", [31_450_220]),
        ("meet on 3/9/2021", [3, 9, 2021]),
        ("call +44-555-1234/5678", [44, 555, 1234, 5678]),
        ("512 0000 in the register", [512, 0]),
        ("5000 2 hundred and 7 are separate", [5000, 207]),
        ("6 hundred and 3 hundred", [600, 300]),
        ("2 thousand 5 hundred and 0", [2500, 0]),
        ("4 hundred and minus two", [400, -2]),
        ("playing five-nought-six", [5, 0, 6]),
        ("from 1000 - 5000", [1000, 5000]),  # a dash between figures is not a sign
        ("unit KX-450 left", [450]),
        ("a 40km drive on the 3rd", []),  # figures glued to units or ordinal suffixes
        ("seven out of ten", [7, 10]),
        ("release two and a later one", [2, 1]),
        ("the ninth millionth", []),
    ],
)
def test_parse_numbers_finds_every_figure(text: str, values: list[float]) -> None:
    assert [n.value for n in parse_numbers(text)] == pytest.approx(values)


def test_parse_numbers_spans_point_at_the_figure() -> None:
    text = "Valdoria counted 3 hundred and 21 boats and minus 4 degrees."
    found = parse_numbers(text)
    assert [n.text for n in found] == ["3 hundred and 21", "minus 4"]
    assert all(text[n.span[0] : n.span[1]] == n.text for n in found)


@pytest.mark.parametrize(
    ("text", "value", "number_text"),
    [
        ("two dozen people were killed in Port Castellan", 24, "two dozen"),
        ("three dozens of houses burned in Norvane", 36, "three dozens"),
        ("some 2.5 lakh people fled the Ostrava Hills", 250_000, "2.5 lakh"),
        ("1.2 crore people were displaced", 12_000_000, "1.2 crore"),
    ],
)
def test_find_numbers_reads_dozens_and_south_asian_scales(
    text: str, value: float, number_text: str
) -> None:
    m = find_numbers(text)[0]
    assert m.value == pytest.approx(value)
    assert text[m.number_span[0] : m.number_span[1]] == number_text


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 killed 12 people in Valdoria",
        "An F-16 crashed near Port Castellan, killing 2",
        "The clashes of 2021-2022 left 40 dead",
    ],
)
def test_find_numbers_keeps_casualty_readings(text: str) -> None:
    """Negative signs and chains belong to parse_numbers only; casualty figures stay positive."""
    assert all(m.value >= 0 for m in find_numbers(text))
    assert any(m.kind == "cardinal" and m.value in (12, 2, 40) for m in find_numbers(text))


def _spec(tmp_path: Path, cases: list[tuple[str, list[tuple[str, str | None]]]]) -> Path:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps([
        {"Input": text, "Results": [{"Text": text, "Resolution": {"value": v, "subtype": st}} for v, st in res]}
        for text, res in cases
    ]), encoding="utf-8")  # fmt: skip
    return path


def test_plain_cardinal_rule() -> None:
    assert is_plain_cardinal([{"Resolution": {"value": "12", "subtype": "integer"}}])
    assert is_plain_cardinal([{"Resolution": {"value": "-3"}}])
    assert not is_plain_cardinal([])
    assert not is_plain_cardinal([{"Resolution": {"value": "4", "subtype": "fraction"}}])
    assert not is_plain_cardinal([{"Resolution": {"value": "2.5", "subtype": "decimal"}}])


def test_number_scores_counts_cardinals_and_every_case(tmp_path: Path) -> None:
    path = _spec(tmp_path, [
        ("nine hundred", [("900", "integer")]),
        ("41 and 42", [("41", "integer"), ("42", "integer")]),
        ("seven ninths", [("0.777777777777778", "fraction")]),
        ("nothing here", []),
    ])  # fmt: skip
    rows, wrong = number_scores(path, ranges=False)
    by = {r["subset"]: r for r in rows}
    assert by["all"]["n"] == 2 and by["all"]["exact"] == 1.0
    assert by["spec"]["n"] == 4
    assert by["spec"]["exact"] == 0.75  # ninths are not read
    assert wrong == []  # misses are listed for the cardinal row only


@pytest.mark.parametrize(("text", "figure", "value"), [
    ("12 000 people", "12 000", 12000), ("24\u202f200 children", "24\u202f200", 24200),
    ("3\u00a0450 families", "3\u00a0450", 3450), ("1'200 residents", "1'200", 1200),
    ("9\u2019500 refugees", "9\u2019500", 9500), ("1 000 000 people", "1 000 000", 1_000_000),
    ("12\u2009500 people", "12\u2009500", 12500), ("killed 4 000.", "4 000", 4000),
])  # fmt: skip
def test_thousands_separated_by_spaces_and_apostrophes(text: str, figure: str, value: float) -> None:
    [m] = [m for m in find_numbers(text) if m.kind == "cardinal"]
    assert (m.text, m.value) == (figure, value)


@pytest.mark.parametrize(("text", "values"), [
    ("In 2019 200 people died", [2019, 200]),  # a year is never a first group
    ("3 1000 and 5 20", [3, 1000, 5, 20]),  # groups are exactly three digits
    ("12 000.5", [12, 0.5]),  # a decimal after a space group is not one figure
])  # fmt: skip
def test_spaced_groups_that_are_not_one_figure(text: str, values: list[float]) -> None:
    assert [m.value for m in find_numbers(text)] == values
