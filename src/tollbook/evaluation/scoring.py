"""Evaluation: expected claims (gold) + predicted claims -> matches, misses, scores.

Used by the seeds' gold test, the project's corpus gate (tests/eval_gate.py) and
`tollbook eval`. A predicted claim matches an expected one when their kinds, categories and
values agree and its span overlaps the expected evidence. Fields the gold gives (population,
qualifier, bounds, parent, place, date, source, flags) are then checked one by one, so a
report can say "found, but the source is wrong".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tollbook.model import Claim

CHECKED_FIELDS = ("population", "qualifier", "low", "high", "parent", "place", "event_date", "source",
                  "flags", "unit", "detail")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Expected:
    """One gold claim, with the character span of its evidence in the text."""

    local_id: str
    kind: str
    category: str | None
    value: float
    evidence_span: tuple[int, int]
    fields: tuple[tuple[str, Any], ...] = ()  # the optional fields the gold states

    def get(self, name: str) -> Any:
        return dict(self.fields).get(name)

    def states(self, name: str) -> bool:
        return name in dict(self.fields)


@dataclass(slots=True)
class Outcome:
    """How one text's predictions compare with its gold."""

    item_id: str
    text: str
    matched: list[tuple[Expected, Claim]] = field(default_factory=list)
    missed: list[Expected] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)
    field_errors: list[tuple[Expected, Claim, str, Any, Any]] = field(default_factory=list)


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s).replace("’", "'").lower()).strip()


def expected_from_dict(text: str, d: dict[str, Any], item_id: str = "") -> Expected:
    """Gold dict (seeds' or the corpus's format) -> Expected, locating its evidence."""
    evidence = d.get("evidence") or ""
    pos = text.find(evidence) if evidence else -1
    if pos < 0:
        raise ValueError(f"{item_id}: evidence {evidence!r} is not in the text")
    kind = d.get("kind") or d.get("type") or "count"
    fields: list[tuple[str, Any]] = []
    for name in CHECKED_FIELDS:
        if name in d:
            fields.append((name, d[name]))
    if "date" in d and "event_date" not in d:
        fields.append(("event_date", d["date"]))
    return Expected(
        local_id=str(d.get("id", "")),
        kind=kind,
        category=d.get("category") if kind == "count" else None,
        value=float(d["value"]),
        evidence_span=(pos, pos + len(evidence)),
        fields=tuple(fields),
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-6, 1e-4 * abs(b))


def compare(item_id: str, text: str, expected: Sequence[Expected], predicted: Sequence[Claim],
            *, place_key: Any = None) -> Outcome:  # fmt: skip
    """Match predictions to gold; then check each stated field of every match."""
    out = Outcome(item_id=item_id, text=text)
    free = list(predicted)
    for exp in expected:
        hit = next((c for c in free if c.kind == exp.kind and (exp.kind != "count" or c.category == exp.category)
                    and _close(c.value, exp.value) and _overlaps(c.span, exp.evidence_span)), None)  # fmt: skip
        if hit is None:
            out.missed.append(exp)
        else:
            free.remove(hit)
            out.matched.append((exp, hit))
    out.spurious = free
    by_claim = {c.claim_id: e.local_id for e, c in out.matched}
    for exp, claim in out.matched:
        for name, want in exp.fields:
            got = _field(claim, name, by_claim)
            if not _same(name, want, got, claim, place_key):
                out.field_errors.append((exp, claim, name, want, got))
    return out


def _field(claim: Claim, name: str, by_claim: dict[str, str]) -> Any:
    if name == "parent":
        return by_claim.get(claim.parent or "", claim.parent)
    if name == "place":
        return claim.place.text if claim.place else None
    if name == "event_date":
        return claim.event_date.value.iso if claim.event_date else None
    if name == "source":
        return claim.source.speaker
    if name == "flags":
        return list(claim.flags)
    return getattr(claim, name)


def _same(name: str, want: Any, got: Any, claim: Claim, place_key: Any) -> bool:
    if name in ("low", "high"):
        return got is not None and want is not None and _close(float(got), float(want))
    if name == "flags":
        return set(want or ()) <= set(got or ())
    if name == "unit" and want in ("km2", "km²"):
        return bool(got == "km2")
    if want is None or got is None:
        return want is None and got is None
    if name == "place":
        if _norm(want) == _norm(got):
            return True
        entry = claim.place.entry if claim.place else None
        return bool(place_key and entry and place_key(want) in {place_key(entry.name), place_key(got)})
    return bool(_norm(want) == _norm(got))


@dataclass(frozen=True, slots=True)
class Scores:
    expected: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    field_accuracy: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return {"expected": self.expected, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "field_accuracy": {k: round(v, 4) for k, v in self.field_accuracy.items()}}  # fmt: skip


def score(outcomes: Iterable[Outcome]) -> Scores:
    outs = list(outcomes)
    matched = sum(len(o.matched) for o in outs)
    expected = matched + sum(len(o.missed) for o in outs)
    predicted = matched + sum(len(o.spurious) for o in outs)
    precision = matched / predicted if predicted else 1.0
    recall = matched / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    stated: dict[str, int] = {}
    wrong: dict[str, int] = {}
    for o in outs:
        for exp, _ in o.matched:
            for name, _v in exp.fields:
                stated[name] = stated.get(name, 0) + 1
        for _e, _c, name, _w, _g in o.field_errors:
            wrong[name] = wrong.get(name, 0) + 1
    acc = {k: 1 - wrong.get(k, 0) / n for k, n in sorted(stated.items())}
    return Scores(expected, predicted, matched, precision, recall, f1, acc)


def misses_report(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """One row per miss, spurious claim or wrong field: text, gold, prediction, rule."""
    rows: list[dict[str, Any]] = []
    for o in outcomes:
        for e in o.missed:
            rows.append({"item": o.item_id, "kind": "missed", "gold": _gold_dict(e), "text": o.text})
        for c in o.spurious:
            rows.append({"item": o.item_id, "kind": "spurious", "predicted": _pred(c), "rule": c.rule, "text": o.text})
        for _e, c, name, want, got in o.field_errors:
            rows.append({"item": o.item_id, "kind": f"wrong_{name}", "gold": want, "predicted": got,
                         "rule": c.rule, "claim": _pred(c), "text": o.text})  # fmt: skip
    return rows


def _gold_dict(e: Expected) -> dict[str, Any]:
    return {"id": e.local_id, "kind": e.kind, "category": e.category, "value": e.value, **dict(e.fields)}


def _pred(c: Claim) -> dict[str, Any]:
    return {"category": c.category, "value": c.value, "population": c.population,
            "span": list(c.span), "text": c.text}  # fmt: skip


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
