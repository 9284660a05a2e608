"""Records of grouping: DocInfo, Mention, GroupingReason, Event, Grouping -> and their JSON.

The frozen dataclasses that cross from grouping to reconciliation, exports and the web, and
their dict form at the JSON edge. Input -> output: records -> dicts (`event_to_dict`...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tollbook.events.matching import Interval, Place, place_level

__all__ = ["EVENT_KINDS", "MAX_SPECIFIC_DAYS", "DocInfo", "Event", "Grouping", "GroupingReason",
           "Mention", "event_to_dict", "interval_to_dict", "mention_to_dict", "place_to_dict",
           "reason_to_dict"]  # fmt: skip

#: Claim kinds that describe incidents (territory figures are not grouped into events).
EVENT_KINDS = ("count",)
MAX_SPECIFIC_DAYS = 8

@dataclass(frozen=True, slots=True)
class DocInfo:
    """What grouping and reconciliation need of a document (no text)."""

    doc_id: str
    published: str | None = None  # ISO date, from the document or inferred
    published_inferred: bool = False  # True: read from an anniversary date in the text
    publisher: str | None = None
    aggregator: str | None = None
    title: str | None = None
    names: tuple[
        str, ...
    ] = ()  # event names as written ("the Khojaly genocide" -> "Khojaly genocide")


@dataclass(frozen=True, slots=True)
class Mention:
    """One document's claims about one incident."""

    mention_id: str  # "<doc_id>#<n>"
    doc_id: str
    published: str | None
    place: Place | None
    date: Interval | None
    names: tuple[str, ...]  # name keys of the event names the document uses for it
    categories: tuple[str, ...]
    claim_ids: tuple[str, ...]
    first_span: int
    labels: tuple[str, ...]  # those event names as written
    reasons: tuple[str, ...]  # why these claims of one document are one incident
    # Headline claims repeating a figure of the body: grouped with it, not reported twice.
    echoes: tuple[str, ...] = ()

    @property
    def specific(self) -> bool:
        return (
            self.place is not None
            and place_level(self.place) == "local"
            and self.date is not None
            and self.date.days <= MAX_SPECIFIC_DAYS
        )

    @property
    def order(self) -> tuple[str, str, int]:
        return (self.published or "9999-99-99", self.doc_id, self.first_span)


@dataclass(frozen=True, slots=True)
class GroupingReason:
    """One decision: whether mention `a` and `b` (a mention or an event) are one incident."""

    a: str
    b: str
    decision: str  # "merge" | "attach" | "separate" | "ambiguous"
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """Claims of one or more documents about one incident."""

    event_id: str
    place: Place | None
    date: Interval | None
    names: tuple[str, ...]  # event names as the documents write them
    doc_ids: tuple[str, ...]
    mentions: tuple[Mention, ...]
    categories: tuple[str, ...]
    reasons: tuple[GroupingReason, ...]

    @property
    def claim_keys(self) -> tuple[tuple[str, str], ...]:
        return tuple((m.doc_id, c) for m in self.mentions for c in m.claim_ids)

    @property
    def echo_keys(self) -> frozenset[tuple[str, str]]:
        return frozenset((m.doc_id, c) for m in self.mentions for c in m.echoes)


@dataclass(frozen=True, slots=True)
class Grouping:
    """Everything grouping decided; pass it back to `group` to add documents."""

    mentions: tuple[Mention, ...]
    links: tuple[GroupingReason, ...]  # decisions between specific mentions
    events: tuple[Event, ...]
    # Claims that form and join no event: roll-ups ("aggregate") and older incidents recalled
    # ("background"); `a` is "<doc_id>:<claim_id>".
    aside: tuple[GroupingReason, ...] = ()


# ------------------------------------------------------------------ JSON edge


def place_to_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    e = p.entry
    geo = None if e is None else {
        "geonameid": e.geonameid, "name": e.name, "country": e.country, "feature": e.feature,
        "admin1": e.admin1, "lat": e.lat, "lon": e.lon,
    }  # fmt: skip
    return {"name": p.name, "key": p.key, "geo": geo}


def interval_to_dict(d: Interval | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"iso": d.iso, "start": d.start, "end": d.end, "precision": d.precision}


def reason_to_dict(r: GroupingReason) -> dict[str, Any]:
    return {
        "a": r.a,
        "b": r.b,
        "decision": r.decision,
        "score": r.score,
        "reasons": list(r.reasons),
    }


def mention_to_dict(m: Mention) -> dict[str, Any]:
    return {
        "mention_id": m.mention_id, "doc_id": m.doc_id, "published": m.published,
        "place": m.place.name if m.place else None, "event_date": m.date.iso if m.date else None,
        "names": list(m.labels), "categories": list(m.categories), "claim_ids": list(m.claim_ids),
        "reasons": list(m.reasons),
    }  # fmt: skip


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "place": e.place.name if e.place else None,
        "place_geo": (place_to_dict(e.place) or {}).get("geo"),
        "event_date": e.date.iso if e.date else None,
        "event_date_precision": e.date.precision if e.date else None,
        "names": list(e.names),
        "doc_ids": list(e.doc_ids),
        "categories": list(e.categories),
        "claim_ids": [c for _, c in e.claim_keys],
        "mentions": [mention_to_dict(m) for m in e.mentions],
        "grouping": [reason_to_dict(r) for r in e.reasons],
    }
