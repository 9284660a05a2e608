"""Findings of reconciliation: the records Part, FigureReport, Check, Finding, EventFindings.

The frozen records `reconcile` makes for each event (per category and unit: who says what,
the range, the checks); `tollbook.output.events_json` writes their dict form.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.events.origins import Origin
from tollbook.events.records import Event

__all__ = ["Check", "EventFindings", "FigureReport", "Finding", "Part"]  # fmt: skip


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
