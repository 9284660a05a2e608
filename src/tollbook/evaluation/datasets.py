"""External labelled data -> EvalItem* and figure-level scores (`tollbook eval`).

Adapters read others' labels in their own formats:
- `acled`: ACLED CSV, `notes` -> `fatalities`. Coders' bookkeeping ("2 fatalities.",
  "Fatalities coded as 10", "[size=dozens]") states the label, so it is stripped first.
  The prediction is the document tally's killed `best`, with ACLED's conventions for vague
  amounts (dozens -> 12, several -> 3, ...), and 0 when nothing was killed. Without a killed
  figure, people "killed and injured" together are ACLED's unclear 10 (a vague word keeps its
  reading: "several" 3); "killed or injured" and "casualties" alone may hold no death: 0.
- `idetect`: IDETECT CSV, `excerpt` -> displacement `Quantity` (people or households); the
  prediction is the first top-level figure of the most direct kind present (`_IDMC_TIERS`).
- `numbers` / `ranges`: Recognizers-Text NumberModel / NumberRangeModel JSON specs, read with
  numparse.parse_numbers / ranges.parse_ranges (see `number_scores` for what is counted).
Each item records whether its gold figure is written in the text (digits or words), so
scores are reported per subset.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tollbook._exceptions import InputError
from tollbook.evaluation.dataset_patterns import (
    ACLED_VAGUE,
    BOOK_SENTENCE_RE,
    BOOKKEEPING_RE,
    BOTH_KILLED_AND_WOUNDED_RE,
    UNCLEAR_RE,
    VAGUE_HEDGE_RE,
    WRITTEN_RANGE_RE,
)
from tollbook.evaluation.numparse import parse_numbers
from tollbook.evaluation.ranges import parse_ranges
from tollbook.extract.grammar.numberwords import TENS, UNITS
from tollbook.extract.numbers import find_numbers
from tollbook.ingest.sources import document_from_text
from tollbook.model import Claim, Extraction
from tollbook.pipeline import Pipeline

#: ACLED codes fatalities it cannot count as 10 ("Unclear fatalities coded as 10").
ACLED_UNCLEAR = 10.0
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?\]])\s+(?=[A-Z\[\d])")
#: Figures a coder may write in words: one to twelve, twenty and thirty (grammar/numberwords.py).
_WORD_NUMBERS = {v: w for w, v in UNITS.items() if 1 <= v <= 12} | {v: w for w, v in TENS.items() if v in (20, 30)}


@dataclass(frozen=True, slots=True)
class EvalItem:
    """One labelled text: its gold figure and whether the figure is written in it."""

    item_id: str
    text: str
    gold: float
    written: bool
    published: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Prediction:
    item: EvalItem
    value: float | None
    rule: str
    span_text: str


def strip_acled_bookkeeping(notes: str) -> str:
    """Remove the coder's sentences that state the label itself."""
    text = BOOKKEEPING_RE.sub(" ", notes)
    kept = [s for s in _SENTENCE_SPLIT.split(text) if s.strip() and not BOOK_SENTENCE_RE.search(s)]
    return re.sub(r"\s+", " ", " ".join(kept)).strip()


def is_written(text: str, value: float) -> bool:
    """Is the figure in the text, as digits (with or without separators) or words?"""
    if value <= 0:
        return False
    for m in find_numbers(text):
        if m.kind == "cardinal" and m.value == value and m.written != "vague":
            return True
    word = _WORD_NUMBERS.get(int(value))
    return bool(word and re.search(rf"\b{word}\b", text, re.IGNORECASE))


def acled_items(path: Path) -> Iterator[EvalItem]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if "notes" not in row or "fatalities" not in row:
                raise InputError("not an ACLED export: needs `notes` and `fatalities` columns", source=str(path))
            text = strip_acled_bookkeeping(row["notes"] or "")
            if not text:
                continue
            gold = float(row["fatalities"] or 0)
            yield EvalItem(item_id=row.get("event_id_cnty") or row.get("data_id") or "", text=text, gold=gold,
                           written=is_written(text, gold), extra=(("event_type", row.get("event_type", "")),))  # fmt: skip


def idetect_items(path: Path) -> Iterator[EvalItem]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                gold = float((row.get("Quantity") or "").replace(",", ""))
            except ValueError:
                continue
            text = row.get("excerpt") or ""
            yield EvalItem(item_id=row.get("excerpt_id", ""), text=text, gold=gold, written=is_written(text, gold),
                           extra=(("term", row.get("Term", "")), ("unit", row.get("Unit", ""))))  # fmt: skip


def acled_value(claim: Claim) -> float:
    if claim.qualifier == "vague":
        words = VAGUE_HEDGE_RE.sub("", claim.text.lower())
        if UNCLEAR_RE.match(words):
            return ACLED_UNCLEAR
        for key, value in ACLED_VAGUE.items():
            if words.startswith(key):
                return float(value)
    return claim.value


def predict_killed(item: EvalItem, result: Extraction) -> Prediction:
    killed = result.tally.get("killed")
    if killed is None:
        # "killing and injuring 20 / a number of fighters": some died, how many is unclear, and
        # ACLED codes unclear fatalities as 10. "Killed or injured 4" and "suffered casualties"
        # may hold no death at all: ACLED codes none.
        casualties = result.tally.get("casualties")
        mixed = [c for c in result.claims if casualties is not None and c.claim_id in casualties.claim_ids]
        if not any(BOTH_KILLED_AND_WOUNDED_RE.search(c.sentence) for c in mixed):
            return Prediction(item, 0.0, "none", "")
        # A vague amount keeps ACLED's reading of its word ("several" 3, "a number of" 10).
        value = sum(acled_value(c) if c.qualifier == "vague" else ACLED_UNCLEAR for c in mixed)
        return Prediction(item, value, "unclear_split", " | ".join(c.text for c in mixed))
    chosen = [c for c in result.claims if c.claim_id in killed.claim_ids]
    value = sum(acled_value(c) for c in chosen)
    return Prediction(item, value, killed.rule + ":" + ",".join(c.rule for c in chosen),
                      " | ".join(c.text for c in chosen))  # fmt: skip


#: IDMC's figures, most direct first: people, families or households displaced; dwellings
#: destroyed or damaged (IDMC counts a household per dwelling); returns (IDMC labels returnees
#: displaced); last, vague amounts ("hundreds of thousands"), which IDMC does not record.
_IDMC_TIERS: tuple[Callable[[Claim], bool], ...] = (
    lambda c: c.category == "displaced" and c.unit != "dwellings" and c.qualifier != "vague",
    lambda c: c.category == "displaced" and c.unit == "dwellings" and c.qualifier != "vague",
    lambda c: c.category == "returned" and c.qualifier != "vague",
    lambda c: c.category in ("displaced", "returned"),
)


def predict_displaced(item: EvalItem, result: Extraction) -> Prediction:
    top = [c for c in result.claims if c.parent is None]
    claims = next(([c for c in top if tier(c)] for tier in _IDMC_TIERS if any(tier(c) for c in top)), [])
    if not claims:
        return Prediction(item, None, "none", "")
    # IDMC labels the excerpt's first figure of its kind (families before the people they hold)
    # and records a range by its upper end ("between 18,000 and 25,000" -> 25,000).
    best = min(claims, key=lambda c: c.span[0])
    written_range = WRITTEN_RANGE_RE.search(best.text)
    value = best.high if written_range and best.high > best.low else best.value
    return Prediction(item, value, best.rule, best.text)


def run_figures(items: Iterator[EvalItem], predict: Callable[[EvalItem, Extraction], Prediction],
                pipeline: Pipeline) -> list[Prediction]:  # fmt: skip
    out = []
    for item in items:
        doc = document_from_text(item.text, published=item.published, doc_id=item.item_id or None)
        out.append(predict(item, pipeline.run(doc)))
    return out


def exact_match(value: float, gold: float) -> bool:
    """The prediction is the gold figure (floating-point noise aside)."""
    return abs(value - gold) < 1e-9


def within_10pct(value: float, gold: float) -> bool:
    """The prediction is within 10% of the gold figure (a gold 0 wants 0)."""
    return abs(value - gold) <= 0.1 * max(gold, 1e-9) + 1e-9


def figure_scores(preds: list[Prediction], name: str) -> list[dict[str, Any]]:
    """Exact and within-10% accuracy, overall and per subset (figure written in the text or not)."""
    rows = []
    subsets: list[tuple[str, Callable[[Prediction], bool]]] = [
        ("all", lambda p: True),
        ("gold>0", lambda p: p.item.gold > 0),
        ("written", lambda p: p.item.written),
        ("not_written", lambda p: not p.item.written),
    ]
    for label, keep in subsets:
        sel = [p for p in preds if keep(p)]
        if not sel:
            continue
        exact = sum(1 for p in sel if p.value is not None and exact_match(p.value, p.item.gold))
        near = sum(1 for p in sel if p.value is not None and within_10pct(p.value, p.item.gold))
        rows.append({"dataset": name, "subset": label, "n": len(sel), "exact": round(exact / len(sel), 4),
                     "within_10pct": round(near / len(sel), 4)})  # fmt: skip
    return rows


def misses(preds: list[Prediction]) -> Iterator[dict[str, Any]]:
    for p in preds:
        if p.value is None or abs(p.value - p.item.gold) > 1e-9:
            yield {"id": p.item.item_id, "gold": p.item.gold, "predicted": p.value, "rule": p.rule,
                   "figure": p.span_text, "written": p.item.written, "text": p.item.text,
                   **dict(p.item.extra)}  # fmt: skip


def number_cases(path: Path) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Recognizers-Text NumberModel / NumberRangeModel JSON: (input, expected results)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read a Recognizers-Text spec: {exc}; pass NumberModel.json or "
                         "NumberRangeModel.json", source=str(path)) from exc  # fmt: skip
    if not isinstance(data, list) or not all(isinstance(c, dict) and "Input" in c for c in data):
        raise InputError("not a Recognizers-Text spec: expected a JSON list of cases with `Input` and "
                         "`Results`", source=str(path))  # fmt: skip
    for case in data:
        yield case["Input"], list(case.get("Results") or [])


def is_plain_cardinal(results: list[dict[str, Any]]) -> bool:
    """The rule for the `numbers` headline row: the case expects at least one number, and every
    expected number is whole and filed by the spec as an integer (subtype "integer", or none
    given). Fractions, decimals and powers count only in the `spec` row, which takes every case."""
    if not results:
        return False
    for res in results:
        resolution = res.get("Resolution") or {}
        try:
            value = float(str(resolution.get("value")))
        except (TypeError, ValueError):
            return False
        if resolution.get("subtype") not in ("integer", None) or not value.is_integer():
            return False
    return True


def _interval_key(notation: str) -> tuple[str, float | None, float | None, str]:
    """'(20,100]' -> ('(', 20.0, 100.0, ']'): brackets say whether each end is included."""
    m = re.fullmatch(r"([\[(])\s*([-+\d.eE]*)\s*,\s*([-+\d.eE]*)\s*([\])])", notation.strip())
    if m is None:
        raise InputError(f"{notation!r} is not an interval such as '[20,30)'; is this a "
                         "NumberRangeModel spec?")  # fmt: skip
    low, high = m.group(2), m.group(3)
    return (m.group(1), round(float(low), 9) if low else None,
            round(float(high), 9) if high else None, m.group(4))  # fmt: skip


def _same_values(want: list[float], got: list[float]) -> bool:
    return len(want) == len(got) and all(math.isclose(w, g, rel_tol=1e-9, abs_tol=1e-12)
                                         for w, g in zip(want, got, strict=True))  # fmt: skip


def number_scores(path: Path, *, ranges: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Recognizers-Text conformance, every expected result of a case in order.

    `numbers` (NumberModel): row `all` = plain cardinal cases (`is_plain_cardinal`), row `spec` =
    every case; `ranges` (NumberRangeModel): row `all` = every case, each interval compared with
    its open/closed ends. Misses are listed for the `all` row."""
    counts = {"all": [0, 0], "spec": [0, 0]}
    wrong: list[dict[str, Any]] = []
    for text, results in number_cases(path):
        values = [str((r.get("Resolution") or {}).get("value")) for r in results]
        if ranges:
            want_r = [_interval_key(v) for v in values]
            found_r = parse_ranges(text)
            good = [_interval_key(r.notation()) for r in found_r] == want_r
            shown: tuple[Any, Any] = (values, [r.notation() for r in found_r])
            subsets = ["all"]
        else:
            try:
                want = [float(v) for v in values]
            except (TypeError, ValueError):
                continue  # a result without a numeric value cannot be compared
            got = [n.value for n in parse_numbers(text)]
            good, shown = _same_values(want, got), (want, got)
            subsets = ["all", "spec"] if is_plain_cardinal(results) else ["spec"]
        for subset in subsets:
            counts[subset][0] += 1
            counts[subset][1] += good
        if not good and "all" in subsets:
            wrong.append({"input": text, "gold": shown[0], "predicted": shown[1]})
    name = "ranges" if ranges else "numbers"
    rows = [{"dataset": name, "subset": subset, "n": n, "exact": round(ok / n, 4) if n else 0.0,
             "within_10pct": None} for subset, (n, ok) in counts.items() if n]  # fmt: skip
    return rows, wrong
