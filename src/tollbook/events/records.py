"""Records of grouping: DocInfo, Mention, GroupingReason, Event, Grouping -> and their JSON.

The frozen dataclasses that cross from grouping to reconciliation, exports and the web, and
their dict form is written by `tollbook.output.events_json`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.events.matching import Interval, Place, place_level

__all__ = ["EVENT_KINDS", "MAX_SPECIFIC_DAYS", "DocInfo", "Event", "Grouping", "GroupingReason",
           "Mention"]  # fmt: skip

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
    # Sites inside the town its claims' sentences name ("market", "mosque"); () when none.
    sites: tuple[str, ...] = ()

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
