"""Findings of reconciliation: Part, FigureReport, Check, Finding, EventFindings -> JSON.

The frozen records `reconcile` makes for each event (per category and unit: who says what,
the range, the checks) and their dict form at the JSON edge (`finding_to_dict`...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tollbook.events.origins import Origin
from tollbook.events.records import Event, event_to_dict
from tollbook.output.serialize import number

__all__ = ["Check", "EventFindings", "FigureReport", "Finding", "Part", "check_to_dict",
           "event_findings_to_dict", "finding_detail_to_dict", "finding_to_dict",
           "origin_to_dict", "part_to_dict", "report_to_dict"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Part:
    """One line of a breakdown ("including 63 children") or the set a figure is inside."""

    category: str
    population: str | None
    value: float
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class FigureReport:
    """What one origin says in one document about one category of an event."""

    doc_id: str
    published: str | None
    published_inferred: bool
    publisher: str | None
    speaker: str | None
    origin: Origin
    best: float
    low: float
    high: float
    civilians: float
    combatants: float
    unknown: float
    rule: str  # the document-level rule that chose the figure (tally rules)
    claim_ids: tuple[str, ...]  # every claim of this category from this origin in this document
    breakdown: tuple[Part, ...]
    within: tuple[Part, ...]  # the larger set(s) the figure is a subset of
    status: str  # "first" | "agree" | "refine" | "update" | "conflict"
    note: str  # what it was compared with
    hedged: bool = False  # "at least 12", "more than 10", "a provisional toll of 15": may rise


@dataclass(frozen=True, slots=True)
class Check:
    """A consistency check and its result."""

    # part_within_total | breakdown_adds_up | subset_within_set | part_within_other_total |
    # subset_within_other_set
    name: str
    ok: bool
    message: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """Per event, category and unit: the reports over time, their agreement and the range."""

    event_id: str
    category: str
    unit: str
    status: str
    low: float
    best: float
    high: float
    low_rule: str
    best_rule: str
    high_rule: str
    independent_origins: int
    origins: tuple[Origin, ...]
    reports: tuple[FigureReport, ...]
    checks: tuple[Check, ...]
    civilians: float  # the split by class of the report that gave `best`
    combatants: float
    unknown: float

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c for r in self.reports for c in r.claim_ids)


@dataclass(frozen=True, slots=True)
class EventFindings:
    """One event and its findings."""

    event: Event
    findings: tuple[Finding, ...]


# ------------------------------------------------------------------ JSON edge


def part_to_dict(p: Part) -> dict[str, Any]:
    return {
        "category": p.category,
        "population": p.population,
        "value": number(p.value),
        "detail": p.detail,
    }


def origin_to_dict(o: Origin) -> dict[str, Any]:
    return {"origin_id": o.origin_id, "label": o.label, "reason": o.reason}


def report_to_dict(r: FigureReport) -> dict[str, Any]:
    return {
        "doc_id": r.doc_id, "published": r.published, "published_inferred": r.published_inferred,
        "publisher": r.publisher, "speaker": r.speaker, "origin": origin_to_dict(r.origin),
        "best": number(r.best), "low": number(r.low), "high": number(r.high),
        "civilians": number(r.civilians), "combatants": number(r.combatants),
        "unknown": number(r.unknown),
        "rule": r.rule, "status": r.status, "note": r.note, "claim_ids": list(r.claim_ids),
        "breakdown": [part_to_dict(p) for p in r.breakdown],
        "within": [part_to_dict(p) for p in r.within],
    }  # fmt: skip


def check_to_dict(c: Check) -> dict[str, Any]:
    return {"name": c.name, "ok": c.ok, "message": c.message, "claim_ids": list(c.claim_ids)}


def finding_to_dict(f: Finding, event: Event | None = None) -> dict[str, Any]:
    """The finding row of `tollbook events` (with the event's place and date when given)."""
    out: dict[str, Any] = {"event_id": f.event_id}
    if event is not None:
        out["place"] = event.place.name if event.place else None
        out["event_date"] = event.date.iso if event.date else None
    out.update({
        "category": f.category, "unit": f.unit, "status": f.status,
        "low": number(f.low), "best": number(f.best), "high": number(f.high),
        "independent_origins": f.independent_origins, "reports": len(f.reports),
        "documents": len({r.doc_id for r in f.reports}),
        "flags": sum(1 for c in f.checks if not c.ok),
        "low_rule": f.low_rule, "best_rule": f.best_rule, "high_rule": f.high_rule,
        "civilians": number(f.civilians), "combatants": number(f.combatants),
        "unknown": number(f.unknown),
        "origins": [origin_to_dict(o) for o in f.origins],
        "claim_ids": list(f.claim_ids),
    })  # fmt: skip
    return out


def finding_detail_to_dict(f: Finding, event: Event | None = None) -> dict[str, Any]:
    """A finding with its reports over time and its checks (`tollbook event ID`)."""
    out = finding_to_dict(f, event)
    out["series"] = [report_to_dict(r) for r in f.reports]
    out["checks"] = [check_to_dict(c) for c in f.checks]
    return out


def event_findings_to_dict(ef: EventFindings) -> dict[str, Any]:
    out = event_to_dict(ef.event)
    out["findings"] = [finding_detail_to_dict(f) for f in ef.findings]
    return out
