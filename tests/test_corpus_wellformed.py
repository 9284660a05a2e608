"""Checks that the annotated corpus (tests/corpus/*.jsonl) follows docs/annotation.md.

Input: the JSONL corpus files -> pytest assertions. Standalone on purpose: it must not import
the extractor, so a broken extractor cannot hide a broken corpus (and vice versa).
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

CORPUS_DIR = Path(__file__).parent / "corpus"

CATEGORIES = {
    "killed",
    "wounded",
    "hostage",
    "missing",
    "displaced",
    "returned",
    "detained",
    "orphaned",
    "casualties",
}
POPULATIONS = {
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "elderly",
    "soldiers",
    "militants",
    "police",
    "protesters",
    "journalists",
    "workers",
    "refugees",
    "students",
    "prisoners",
    "families",
    "households",
    "dwellings",
}
QUALIFIERS = {"exact", "at_least", "more_than", "at_most", "fewer_than", "approx", "vague"}
KINDS = {"count", "area"}
FLAGS = {"additional", "update", "cumulative", "hedged", "corrected", "unquantified", "attackers"}
#: A flag with a number: "incidents:3", a total of three incidents (docs/annotation.md).
COUNTED_FLAG = re.compile(r"incidents:(?:[2-9]|[1-9]\d+)")
RELATIONS = {"part", "subset"}
DETAILS = {
    "orphaned": {"lost one parent", "lost both parents"},
    "displaced": {"housing destroyed", "housing damaged"},
}
# Vague amounts from the table: (value, low, high).
VAGUE = {
    (3, 2, 5),
    (3, 3, 9),
    (24, 24, 99),
    (40, 40, 99),
    (200, 200, 999),
    (2000, 2000, 9999),
    (20000, 20000, 99999),
    (200000, 200000, 999999),
    (2000000, 2000000, 9999999),
    (2, 2, 99),  # "a number of"
    (1, 1, 99),  # "an unknown number of", uncounted "fatalities"
}
ITEM_KEYS = {"id", "phenomenon", "text", "published", "claims"}
CLAIM_KEYS = {
    "id",
    "kind",
    "category",
    "population",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "detail",
    "parent",
    "relation",
    "flags",
    "place",
    "event_date",
    "source",
    "evidence",
}
_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
ISO_DATE = re.compile(rf"^{_DAY}(?:/{_DAY})?$")
PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_ITEMS = 250


def _load() -> list[tuple[str, int, dict[str, Any]]]:
    rows: list[tuple[str, int, dict[str, Any]]] = []
    for path in sorted(CORPUS_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:  # report file and line, not just the error
                    pytest.fail(f"{path.name}:{lineno}: invalid JSON: {exc}")
                rows.append((path.name, lineno, item))
    return rows


ROWS = _load()
ITEMS = [item for _, _, item in ROWS]


def _ids(rows: list[tuple[str, int, dict[str, Any]]]) -> list[str]:
    return [str(item.get("id", f"{name}:{n}")) for name, n, item in rows]


def test_corpus_has_enough_items() -> None:
    assert len(ROWS) >= MIN_ITEMS, f"only {len(ROWS)} corpus items; need >= {MIN_ITEMS}"


def test_every_line_is_valid_json_object() -> None:
    for name, lineno, item in ROWS:
        assert isinstance(item, dict), f"{name}:{lineno}: a line must be a JSON object"


def test_item_ids_are_unique_across_files() -> None:
    ids = [item["id"] for item in ITEMS]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"


def test_negatives_exist_and_positives_dominate() -> None:
    negatives = sum(1 for item in ITEMS if item["claims"] == [])
    assert 20 <= negatives < len(ITEMS) / 2


@pytest.mark.parametrize(("name", "lineno", "item"), ROWS, ids=_ids(ROWS))
def test_item_fields(name: str, lineno: int, item: dict[str, Any]) -> None:
    where = f"{name}:{lineno}"
    assert {"id", "phenomenon", "text", "claims"} <= item.keys(), where
    assert item.keys() <= ITEM_KEYS, f"{where}: unknown keys {item.keys() - ITEM_KEYS}"
    assert isinstance(item["text"], str) and item["text"].strip(), where
    assert isinstance(item["claims"], list), where
    if "published" in item:
        assert PUBLISHED.match(item["published"]), f"{where}: published must be YYYY-MM-DD"
    local_ids = [c.get("id") for c in item["claims"]]
    assert len(set(local_ids)) == len(local_ids), f"{where}: duplicate local claim ids"


CLAIMS = [
    (item["id"], claim, item)
    for item in ITEMS
    for claim in item["claims"]
    if isinstance(item.get("claims"), list)
]


@pytest.mark.parametrize(
    ("item_id", "claim", "item"), CLAIMS, ids=[f"{i}/{c.get('id')}" for i, c, _ in CLAIMS]
)
def test_claim(item_id: str, claim: dict[str, Any], item: dict[str, Any]) -> None:
    where = f"{item_id}/{claim.get('id')}"
    text = item["text"]
    assert claim.keys() <= CLAIM_KEYS, f"{where}: unknown keys {claim.keys() - CLAIM_KEYS}"
    for key in ("id", "value", "evidence"):
        assert key in claim, f"{where}: missing {key}"
    kind = claim.get("kind", "count")
    assert kind in KINDS, where
    assert claim["evidence"] in text, f"{where}: evidence is not a substring of the text"

    qualifier = claim.get("qualifier", "exact")
    assert qualifier in QUALIFIERS, f"{where}: qualifier {qualifier!r}"
    value = claim["value"]
    assert isinstance(value, int | float) and not isinstance(value, bool), where
    assert value >= 0, where
    low = claim.get("low", value)
    high = claim.get("high", value)
    assert low <= value <= high, f"{where}: need low <= value <= high"

    if kind == "count":
        assert claim.get("category") in CATEGORIES, f"{where}: category {claim.get('category')!r}"
        assert claim.get("population") in POPULATIONS, f"{where}: population"
        assert float(value).is_integer(), f"{where}: a count is a whole number"
        written_range = re.fullmatch(rf"(?:between\s+)?{low:g}\s*(?:-|–|to|and)\s*{high:g}", claim["evidence"])
        if not (qualifier == "approx" and value == low and written_range):  # "2 to 4": the range as written
            _check_bounds_follow_table(where, qualifier, value, low, high)
    else:
        assert claim.get("unit") == "km2", f"{where}: areas are normalised to km2"
        assert "category" not in claim or claim["category"] is None, where

    if claim.get("population") in ("families", "households", "dwellings"):
        assert claim.get("unit") == claim["population"], f"{where}: unit families/households/dwellings"
    if "detail" in claim and claim["detail"] is not None:
        assert claim["detail"] in DETAILS.get(claim.get("category", ""), set()), where
    if claim.get("population") == "dwellings":
        assert claim.get("detail") in DETAILS["displaced"], f"{where}: dwellings need a housing detail"
    for flag in claim.get("flags", []):
        assert flag in FLAGS or COUNTED_FLAG.fullmatch(flag), f"{where}: flag {flag!r}"
    if claim.get("event_date") is not None:
        assert ISO_DATE.match(claim["event_date"]), f"{where}: event_date {claim['event_date']!r}"
    for key in ("place", "source"):
        if claim.get(key) is not None:
            assert claim[key] in text, f"{where}: {key} must be written in the text"
            assert not claim[key].lower().startswith("the "), f"{where}: drop the leading 'the'"

    if claim.get("parent") is not None:
        others = {c["id"]: c for c in item["claims"] if c is not claim}
        assert claim["parent"] in others, f"{where}: parent {claim['parent']!r} not in item"
        assert claim.get("relation") in RELATIONS, f"{where}: relation"
        parent = others[claim["parent"]]
        if claim["relation"] == "part":
            assert parent.get("category") == claim.get("category"), (
                f"{where}: part of other category"
            )
    else:
        assert claim.get("relation") is None, f"{where}: relation without parent"


def _check_bounds_follow_table(
    where: str, qualifier: str, value: float, low: float, high: float
) -> None:
    if qualifier == "vague":
        assert (value, low, high) in VAGUE, f"{where}: vague bounds not from the table"
    elif qualifier == "approx":
        n = Fraction(value)
        floor_low = math.floor(n * Fraction(9, 10))
        around = (floor_low, math.ceil(n * Fraction(11, 10)))
        nearly = (floor_low, value)
        couple = (value, low, high) == (2, 2, 3)
        assert couple or (low, high) in (around, nearly), f"{where}: approx bounds"
    else:
        assert low == value == high, f"{where}: {qualifier} keeps low = value = high"


def test_parents_do_not_form_cycles() -> None:
    for item in ITEMS:
        parents = {c["id"]: c.get("parent") for c in item["claims"]}
        for start in parents:
            seen = set()
            node: str | None = start
            while node is not None:
                assert node not in seen, f"{item['id']}: parent cycle through {node}"
                seen.add(node)
                node = parents.get(node)


def test_evidence_holds_figure_or_cue() -> None:
    # The evidence must carry the figure: digits, a number word, or a zero/self cue; a plural
    # anaphor ("they", "the hostages") carries the figure of the group it points back at.
    figure = re.compile(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
        r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|dozens|scores|"
        r"hundreds|thousands|millions|several|few|handful|couple|pair|half|no|nobody|none|"
        r"himself|herself|themselves|him|her|both|they|number|fatalities|deaths|casualties)\b",
        re.IGNORECASE,
    )
    # "a 12-year-old boy", "the driver", "his son", "another death" count one
    single = re.compile(r"\b(?:a|an|the|his|her|their|another|he|she)\b", re.IGNORECASE)
    # a person named without a number counts one: "Tomas Verin", "village chief Anton Relk"
    named = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\b|^[A-Z][a-z'’-]+$")
    # telegraphic syntax drops the article: "Customs officer", "village chief" count one (bare.py)
    from tollbook.extract.grammar.lexicon import SINGULARS

    bare = re.compile(r"\b(?:" + "|".join(SINGULARS) + r")$", re.IGNORECASE)
    # a collective noun states its size (docs/annotation.md): "Twins", "The trio", "Twin sisters"
    from tollbook.extract.grammar.collective_patterns import COLLECTIVE_SIZES

    collective = re.compile(r"\b(?:" + "|".join([*COLLECTIVE_SIZES, "twin"]) + r")\b", re.IGNORECASE)
    # "their bodies" (bodies.py) and an object "them" (active_objects.py) point back at a group as "they" does
    anaphor = re.compile(r"^(?:they|them|the\s+\w+|their(?:\s+[\w-]+)?\s+\w+)$", re.IGNORECASE)
    item_id_phenomena = {item["id"]: item.get("phenomenon", "") for item in ITEMS}
    for item_id, claim, _ in CLAIMS:
        ev = claim["evidence"]
        # "His mother and sister", "A steward, a guard, and a porter": a list of singulars counts
        # its members (an apposition among them counts none: at most one per member)
        members = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", ev)
        pair = re.search(r"\band\b", ev) is not None and 2 <= claim["value"] <= len(members)
        ok = figure.search(ev) or pair or collective.search(ev) or (claim["value"] == 1 and (single.search(ev) or named.search(ev) or bare.search(ev))) \
            or (claim.get("kind") == "count" and anaphor.match(ev) is not None and "anaphor" in item_id_phenomena.get(item_id, ""))
        assert ok, f"{item_id}/{claim['id']}: evidence lacks the figure"
