"""Compare two documents: claims of A + claims of B -> Comparison (added, removed, changed,
unchanged).

Claims are matched by what they count, not by id (ids differ between texts):

1. by role: kind, category, unit, detail and where the claim sits - at the top, or as a part
   or subset of a figure of some category and population ("63 children" part of "killed
   people"); parts are also matched by population. Among candidates, the pair with the same
   value and population wins, then the same population, then the nearest value;
2. claims left over are matched once more ignoring where they sit, so "150 missing" that the
   later text places "out of 1275 hostages" is `changed`, not removed and added.

A matched pair is `unchanged` when value, bounds, qualifier, population, placement, place,
date and speaker are the same, else `changed` with a list of what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tollbook.geo.names import name_key
from tollbook.model import Claim, number

__all__ = ["ClaimChange", "Comparison", "compare_claims", "comparison_rows"]

STATUSES = ("changed", "added", "removed", "unchanged")


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """One row of a comparison: a claim of A, of B, or a matched pair."""

    status: str  # "added" | "removed" | "changed" | "unchanged"
    a: Claim | None
    b: Claim | None
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed from document A to document B."""

    doc_a: str
    doc_b: str
    rows: tuple[ClaimChange, ...]

    def of(self, status: str) -> tuple[ClaimChange, ...]:
        return tuple(r for r in self.rows if r.status == status)


def _placement(c: Claim, by_id: dict[str, Claim]) -> str:
    parent = by_id.get(c.parent) if c.parent else None
    if parent is None:
        return "top"
    return f"{c.relation or 'part'} of {parent.category}"


def _place(c: Claim) -> str:
    if c.place is None:
        return ""
    return name_key(c.place.entry.name if c.place.entry else c.place.text)


def _role(c: Claim, by_id: dict[str, Claim], *, where: bool) -> tuple[Any, ...]:
    key: tuple[Any, ...] = (c.kind, c.category, c.unit, c.detail)
    if c.kind == "area":
        key += (_place(c),)
    if where:
        key += (_placement(c, by_id),)
        if c.parent and c.parent in by_id:
            key += (c.population,)
    return key


def _describe_parent(c: Claim, by_id: dict[str, Claim]) -> str:
    parent = by_id.get(c.parent) if c.parent else None
    if parent is None:
        return "(none)"
    words = [c.relation or "part", "of", str(number(parent.value)), parent.population or "",
             parent.category or ""]  # fmt: skip
    return " ".join(w for w in words if w)


def _changes(
    a: Claim, b: Claim, ia: dict[str, Claim], ib: dict[str, Claim], pair_of: dict[str, str]
) -> tuple[str, ...]:
    out = []
    for name, get in _FIELDS:
        va, vb = get(a), get(b)
        if va != vb:
            out.append(f"{name}: {_show(va)} -> {_show(vb)}")
    pa, pb = _describe_parent(a, ia), _describe_parent(b, ib)
    # The same placement when both hang from nothing or from figures matched to each other.
    same_parent = (a.parent in ia) == (b.parent in ib) and (
        a.parent not in ia or (pair_of.get(a.parent or "") == b.parent and a.relation == b.relation)
    )
    if not same_parent:
        out.append(f"placement: {pa} -> {pb}")
    return tuple(out)


def _show(v: Any) -> str:
    if v is None or v == "":
        return "(none)"
    return str(number(v)) if isinstance(v, float) else str(v)


_FIELDS: tuple[tuple[str, Callable[[Claim], Any]], ...] = (
    ("value", lambda c: c.value),
    ("low", lambda c: c.low),
    ("high", lambda c: c.high),
    ("qualifier", lambda c: c.qualifier),
    ("population", lambda c: c.population),
    ("place", _place),
    ("event_date", lambda c: c.event_date.value.iso if c.event_date else None),
    ("source", lambda c: c.source.speaker),
)


def _pair(xs: list[Claim], ys: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Greedy, deterministic: same value and population, then same population, then the
    nearest value (ties by position)."""
    pairs: list[tuple[Claim, Claim]] = []
    left, right = list(xs), list(ys)
    tests: tuple[Callable[[Claim, Claim], bool], ...] = (
        lambda a, b: a.value == b.value and a.population == b.population,
        lambda a, b: a.population == b.population,
        lambda a, b: True,
    )
    for ok in tests:
        for a in list(left):
            cands = [b for b in right if ok(a, b)]
            if cands:
                b = min(cands, key=lambda b: (abs(b.value - a.value), b.span[0]))
                pairs.append((a, b))
                left.remove(a)
                right.remove(b)
    return pairs


def compare_claims(doc_a: str, a: Sequence[Claim], doc_b: str, b: Sequence[Claim]) -> Comparison:
    """Claims of document A and of document B -> their differences (see module docstring)."""
    ia = {c.claim_id: c for c in a}
    ib = {c.claim_id: c for c in b}
    matched: list[tuple[Claim, Claim]] = []
    left, right = list(a), list(b)
    for where in (True, False):
        ga: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
        gb: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
        for c in left:
            ga[_role(c, ia, where=where)].append(c)
        for c in right:
            gb[_role(c, ib, where=where)].append(c)
        for key in ga:
            for x, y in _pair(ga[key], gb.get(key, [])):
                matched.append((x, y))
                left.remove(x)
                right.remove(y)
    rows: list[ClaimChange] = []
    pair_of = {x.claim_id: y.claim_id for x, y in matched}
    for x, y in matched:
        ch = _changes(x, y, ia, ib, pair_of)
        rows.append(ClaimChange("changed" if ch else "unchanged", x, y, ch))
    rows += [ClaimChange("removed", c, None) for c in left]
    rows += [ClaimChange("added", None, c) for c in right]
    rows.sort(key=lambda r: (STATUSES.index(r.status), *_order(r)))
    return Comparison(doc_a=doc_a, doc_b=doc_b, rows=tuple(rows))


def _order(r: ClaimChange) -> tuple[str, int]:
    c = r.a or r.b
    assert c is not None
    return (
        c.category or c.kind,
        (r.a.span[0] if r.a else 0) * 1_000_000 + (r.b.span[0] if r.b else 0),
    )


def comparison_rows(cmp: Comparison) -> list[dict[str, Any]]:
    """One JSON row per claim or pair."""
    out = []
    for r in cmp.rows:
        c = r.b or r.a
        assert c is not None
        out.append({
            "status": r.status, "kind": c.kind, "category": c.category,
            "population": c.population, "unit": c.unit, "detail": c.detail,
            "a_value": number(r.a.value) if r.a else None,
            "b_value": number(r.b.value) if r.b else None,
            "changes": list(r.changes),
            "a_claim_id": r.a.claim_id if r.a else None,
            "b_claim_id": r.b.claim_id if r.b else None,
            "a_text": r.a.text if r.a else None, "b_text": r.b.text if r.b else None,
            "doc_a": cmp.doc_a, "doc_b": cmp.doc_b,
        })  # fmt: skip
    return out
