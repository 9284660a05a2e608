"""The types that cross stage boundaries: Document, Segment, Claim, Tally and their parts.

All are frozen dataclasses; dictionaries appear only at the JSON/SQL edge
(`tollbook.output.serialize`). Offsets are character offsets into `Document.text`, end-exclusive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Span = tuple[int, int]


def overlaps(a: int, b: int, spans: Iterable[Span]) -> bool:
    """Does the span [a, b) share a character with any of `spans` (all end-exclusive)? The
    readings ask it before taking a figure or a person, so that nothing is counted twice."""
    return any(s < b and a < e for s, e in spans)


class _Record:
    """Base of every type here: pickles as its constructor and field values.

    A process pool sends thousands of claims back per second. The dataclass default (slots
    pickled through a per-object `fields()` walk) cost the parent about a tenth of a core in
    unpickling on two workers; the constructor call is about twice as cheap.
    """

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # __match_args__ is the dataclass's positional __init__ fields, in order.
        return type(self), tuple([getattr(self, name) for name in self.__match_args__])


def number(x: float) -> float | int:
    """Integral floats print as ints: 613, not 613.0 (the output contract's numbers)."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


#: The rule of "the attacker killed himself" claims: extraction writes it, the tally reads it
#: (an attacker who dies is counted once, not again in the total that includes him).
ATTACKER_SELF_RULE = "count.attacker_self"
#: The rule prefix of people a fronted phrase adds ("In addition to the assailant, four people
#: were killed"): extraction writes it, the tally adds them to their sentence's figures.
BESIDES_RULE = "count.besides"
#: The flag of a death of wounds told after the wounding ("Two were wounded ... one later died
#: of his wounds"): extraction writes it on the killed figure, the tally takes that many from
#: the wounded told before it (the wounded are those who survived, as GTD and RAND code them).
OF_WOUNDS = "of_wounds"

#: Claim kinds. A registry so that later kinds (buildings destroyed, aid trucks) slot in.
KINDS: dict[str, str] = {
    "count": "people, families or households affected (or dwellings destroyed or damaged)",
    "area": "territory with a unit, normalised to km2",
}

#: Count categories and what they mean. Open: extraction rules may only emit these.
CATEGORIES: dict[str, str] = {
    "killed": "killed, died, dead, murdered, wiped out",
    "wounded": "wounded, injured, hurt",
    "hostage": "taken hostage or prisoner, abducted, kidnapped",
    "missing": "missing, fate unknown",
    "displaced": "displaced, fled, evacuated, made homeless",
    "returned": "returned home or to the country of origin (returnees)",
    "detained": "detained, arrested, jailed",
    "orphaned": "children who lost one or both parents",
    "casualties": "killed or wounded, not separated by the source",
}

POPULATION_CLASSES = ("civilian", "combatant", "unknown")
QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "fewer_than", "approx", "vague")


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """One text to extract from, with what is known about where it came from."""

    doc_id: str
    text: str
    content_hash: str
    name: str | None = None
    path: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    aggregator: str | None = None
    published: str | None = None  # ISO 8601 date
    language: str | None = None
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Segment(_Record):
    """A paragraph, sentence, quotation or list/table row of a document."""

    kind: str  # "paragraph" | "sentence" | "quote" | "row"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateValue(_Record):
    """A normalised date or interval. `iso` is `YYYY[-MM[-DD]]` or `start/end`."""

    start: str  # first day covered, YYYY-MM-DD
    end: str  # last day covered, YYYY-MM-DD
    precision: str  # "day" | "month" | "year" | "week"
    iso: str


@dataclass(frozen=True, slots=True)
class DateMention(_Record):
    """A date as written in the text and what it resolves to."""

    text: str
    span: Span
    value: DateValue
    role: str = "event"  # "event" | "since" | "until" | "commemoration" | "statement"
    relative: bool = False  # resolved against the publication date


@dataclass(frozen=True, slots=True)
class GazetteerEntry(_Record):
    """A resolved place: GeoNames id, canonical name, country and coordinates."""

    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    feature: str  # GeoNames feature code, e.g. PPL, PPLA2, ADM1, PCLI
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention(_Record):
    """A place name as written, resolved to a gazetteer entry when one fits. `within` is the
    division or country the text puts an unresolved name in ("the village of Karvessa in
    Niger's Tillaberi region": Tillaberi), so the name keeps a country and admin1."""

    text: str
    span: Span
    entry: GazetteerEntry | None = None
    within: GazetteerEntry | None = None


@dataclass(frozen=True, slots=True)
class SourceLink(_Record):
    """One link of an attribution chain: who passed the claim on, and how."""

    role: str  # "quoted_by" | "published_by" | "aggregated_by"
    name: str


@dataclass(frozen=True, slots=True)
class Attribution(_Record):
    """Who the text says makes a claim (`speaker`, None when the document asserts it)."""

    speaker: str | None = None
    span: Span | None = None
    cue: str | None = None  # the attribution rule that fired, e.g. "said_in_statement"
    chain: tuple[SourceLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim(_Record):
    """What one source says about one figure. Never a fact."""

    claim_id: str
    doc_id: str
    kind: str
    category: str | None
    population: str | None
    population_class: str | None
    value: float
    low: float
    high: float
    qualifier: str
    unit: str
    span: Span
    sentence_span: Span
    sentence: str
    text: str  # the figure's words as written
    rule: str
    extractor_version: str
    parent: str | None = None  # claim_id of the whole this is a part or subset of
    relation: str | None = None  # "part" (including ...) | "subset" (out of ...)
    detail: str | None = None
    place: PlaceMention | None = None
    event_date: DateMention | None = None
    source: Attribution = field(default_factory=Attribution)
    flags: tuple[str, ...] = ()  # "additional", "hedged", "cumulative", "corrected", "of_wounds"
    characterisation: tuple[str, ...] = ()  # the source's own words: "genocide", "clashes"


@dataclass(frozen=True, slots=True)
class CategoryTally(_Record):
    """One category of one document's tally."""

    category: str
    best: float
    low: float
    high: float
    civilians: float
    combatants: float
    unknown: float
    claim_ids: tuple[str, ...]
    rule: str  # how best was chosen, e.g. "sum_disjoint", "latest_update", "max_overlapping"


@dataclass(frozen=True, slots=True)
class Tally(_Record):
    """Per-document, per-category totals without double counting."""

    doc_id: str
    categories: tuple[CategoryTally, ...]

    def get(self, category: str) -> CategoryTally | None:
        for cat in self.categories:
            if cat.category == category:
                return cat
        return None


@dataclass(frozen=True, slots=True)
class Extraction(_Record):
    """Everything the pipeline made of one document."""

    document: Document
    segments: tuple[Segment, ...]
    claims: tuple[Claim, ...]
    tally: Tally
    extractor_version: str


#: What a reviewer can say of a claim: it is right, it is wrong (not a claim at all), or
#: one or more of its fields are corrected.
VERDICTS = ("correct", "wrong", "corrected")
#: Claim fields a reviewer may correct.
CORRECTABLE = (
    "value", "category", "population", "source", "place", "event_date", "qualifier", "detail",
    "population_class",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Correction(_Record):
    """A reviewer's judgement of one claim, kept beside (never over) what was extracted."""

    doc_id: str
    claim_id: str
    verdict: str  # one of VERDICTS
    reviewer: str
    reason: str = ""
    value: float | None = None
    category: str | None = None
    population: str | None = None
    source: str | None = None  # the corrected speaker's name
    created_at: str = ""  # set by the store when saved
    correction_id: int | None = None  # set by the store when saved
    place: str | None = None  # a place name, resolved against the gazetteer when applied
    event_date: str | None = None  # an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or "1 May 2023"
    qualifier: str | None = None  # one of QUALIFIERS
    detail: str | None = None
    population_class: str | None = None  # one of POPULATION_CLASSES; else from the population
