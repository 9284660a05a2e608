"""Grouping: claims of many documents -> Event*, each decision kept with its reasons.

Two steps:

1. `mentions_of(doc, claims)`: one document's count claims -> Mention* (its claims about one
   incident). Claims join when they hang from each other (parts, subsets), share a sentence,
   or share a place and date; a claim with no place or date joins the document's only
   incident.
2. `group(mentions, previous)`: Mention* -> Grouping (events + every decision).
   - *Specific* mentions (a local place and a date of at most a week) are blocked by place
     name and day (+-1), compared pairwise, and merged (union-find) when their places are
     the same or one contains the other (a town is inside its country, its ADM1 region, or
     within 50 km of its district) and their dates overlap, contain each other ("February
     1992" contains "25-26 February 1992") or are a day apart; or when they share an event
     name ("the Port Castellan market shelling") and either place or date is compatible.
   - *Broad* mentions (a country or region, a month or year, or no place) join the one
     event whose mentions fit them best; when two events fit equally they stay apart
     (recorded as "ambiguous"); broad mentions left over are grouped among themselves.
   Grouping is deterministic (mentions sorted by publication date, doc_id, position) and
   incremental: `group(new, previous)` compares only the new mentions with the others and
   gives the same events as grouping everything at once.

Event ids are a hash of the earliest claim key (doc_id:claim_id of the first mention).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tollbook.events.matching import (
    Interval,
    Place,
    date_relation,
    day,
    place_level,
    place_relation,
)
from tollbook.extract.dates import find_dates
from tollbook.geo.names import name_key
from tollbook.model import Claim, Document

__all__ = ["DocInfo", "Event", "Grouping", "GroupingReason", "Interval", "Mention", "Place",
           "decide", "doc_info", "event_names", "group", "group_claims", "mentions_of"]  # fmt: skip

#: Claim kinds that describe incidents (territory figures are not grouped into events).
EVENT_KINDS = ("count",)
MAX_SPECIFIC_DAYS = 8
_NAME_HEADS = (
    "massacre|genocide|bombing|bombings|shelling|attack|attacks|ambush|raid|siege|tragedy|"
    "explosion|blast|airstrike|air strike|strike|killings|clashes|offensive|assault|fire|"
    "shooting|uprising|pogrom|carnage|atrocity|events"
)
_NAME_RE = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){1,4}?)((?:market|city|town|village|camp|school)\s+)?("
    + _NAME_HEADS
    + r")\b"
)
_NOT_NAME = frozenset(
    "the a an on in this that these those its his her their our after before during since "
    "when while as at of for by with from".split()
)


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


@dataclass(frozen=True, slots=True)
class Grouping:
    """Everything grouping decided; pass it back to `group` to add documents."""

    mentions: tuple[Mention, ...]
    links: tuple[GroupingReason, ...]  # decisions between specific mentions
    events: tuple[Event, ...]


# ------------------------------------------------------------------ documents


def doc_info(doc: Document) -> DocInfo:
    """A document's publication date (or, lacking one, the anniversary it marks), publisher
    and the event names it uses."""
    published, inferred = doc.published, False
    if not published:
        commemorated = [m.value for m in find_dates(doc.text) if m.role == "commemoration"]
        day = [v.start for v in commemorated if v.precision == "day"]
        if day:
            published, inferred = max(day), True
    return DocInfo(
        doc_id=doc.doc_id, published=published, published_inferred=inferred,
        publisher=doc.publisher, aggregator=doc.aggregator, title=doc.title,
        names=event_names(doc.text),
    )  # fmt: skip


def event_names(text: str) -> tuple[str, ...]:
    """Names a text gives incidents: capitalised words before a head noun ("the Khojaly
    genocide", "the Port Castellan market shelling"), in order of first use."""
    seen: dict[str, None] = {}
    for m in _NAME_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].casefold() in _NOT_NAME:
            words.pop(0)
        if words:
            seen.setdefault(
                " ".join(words) + " " + (m.group(2) or "") + m.group(3).casefold(), None
            )
    return tuple(seen)


def _name_key(name: str) -> str:
    """The proper-noun part of a name: "Khojaly genocide" and "Khojaly massacre" match."""
    head = " ".join(w for w in name.split() if w[:1].isupper())
    return name_key(head.replace("’s", "").replace("'s", ""))


# ------------------------------------------------------------------ mentions


def _place(claim: Claim) -> Place | None:
    if claim.place is None:
        return None
    entry = claim.place.entry
    key = name_key(entry.name if entry else claim.place.text)
    return Place(name=claim.place.text, key=key, entry=entry)


def _interval(claim: Claim) -> Interval | None:
    if claim.event_date is None:
        return None
    v = claim.event_date.value
    return Interval(start=v.start, end=v.end, precision=v.precision, iso=v.iso)


def mentions_of(doc: DocInfo, claims: Sequence[Claim]) -> tuple[Mention, ...]:
    """A document's count claims -> its mentions of incidents (see module docstring)."""
    items = sorted(
        (c for c in claims if c.kind in EVENT_KINDS), key=lambda c: (c.span[0], c.claim_id)
    )
    if not items:
        return ()
    idx = {c.claim_id: i for i, c in enumerate(items)}
    parent = list(range(len(items)))
    why: dict[int, list[str]] = defaultdict(list)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, reason: str) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
            why[min(ri, rj)].append(reason)

    places = [_place(c) for c in items]
    dates = [_interval(c) for c in items]
    for i, c in enumerate(items):
        if c.parent and c.parent in idx:
            union(idx[c.parent], i, f"{c.claim_id} is a {c.relation or 'part'} of {c.parent}")
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_place_date: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(items):
        by_sentence[c.sentence_span].append(i)
        p, d = places[i], dates[i]
        if p is not None and d is not None:
            by_place_date[(p.key, d.iso)].append(i)
    for members in by_sentence.values():
        for j in members[1:]:
            if date_relation(dates[members[0]], dates[j])[0] != "disjoint":
                union(members[0], j, "same sentence")
    for (pkey, iso), members in by_place_date.items():
        for j in members[1:]:
            union(members[0], j, f"same place ({pkey}) and date ({iso})")
    # A claim with neither place nor date belongs to the document's only incident.
    roots = {find(i) for i in range(len(items))}
    anchored = sorted(
        r for r in roots if any(places[i] or dates[i] for i in range(len(items)) if find(i) == r)
    )
    if len(anchored) == 1:
        for r in sorted(roots - set(anchored)):
            union(anchored[0], r, "no place or date of its own; the document's only incident")
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    out = []
    for n, (root, members) in enumerate(sorted(groups.items())):
        claims_m = [items[i] for i in members]
        place = _most_common([p for i in members if (p := places[i]) is not None], _place_rank)
        date = _most_common([d for i in members if (d := dates[i]) is not None], _date_rank)
        labels = _names_for(doc.names, place, single=len(groups) == 1)
        out.append(Mention(
            mention_id=f"{doc.doc_id}#{n}", doc_id=doc.doc_id, published=doc.published,
            place=place, date=date, names=tuple(dict.fromkeys(_name_key(n) for n in labels)),
            categories=tuple(sorted({c.category for c in claims_m if c.category})),
            claim_ids=tuple(c.claim_id for c in claims_m), first_span=claims_m[0].span[0],
            labels=labels, reasons=tuple(why.get(root, ())),
        ))  # fmt: skip
    return tuple(out)


def _names_for(names: Sequence[str], place: Place | None, *, single: bool) -> tuple[str, ...]:
    """The document's event names that fit this mention: all of them when the document
    speaks of one incident, else those that contain the mention's place."""
    out = []
    for n in names:
        k = _name_key(n)
        if k and (single or (place is not None and place.key and place.key in k)):
            out.append(n)
    return tuple(out)


def _place_rank(p: Place) -> tuple[int, str]:
    return ({"local": 0, "region": 1, "country": 2}[place_level(p)], p.key)


def _date_rank(d: Interval) -> tuple[int, str]:
    return (d.days, d.start)


def _most_common(values: list[Any], rank: Any) -> Any:
    """The most frequent value; ties go to the most specific (lowest rank)."""
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], rank(v)))


# ------------------------------------------------------------------ relations


_PLACE_SCORE = {"same": 3, "contains": 2, "unknown": 0}
_DATE_SCORE = {"same": 3, "contains": 2, "overlaps": 2, "near": 1, "unknown": 0}


def decide(a: Mention, b: Mention) -> GroupingReason:
    """Whether two mentions are one incident, with the score and reasons."""
    prel, pwhy = place_relation(a.place, b.place)
    drel, dwhy = date_relation(a.date, b.date)
    shared_keys = set(a.names) & set(b.names)
    shared = sorted(n for n in dict.fromkeys((*a.labels, *b.labels)) if _name_key(n) in shared_keys)
    cats = sorted(set(a.categories) & set(b.categories))
    reasons = [pwhy, dwhy]
    if shared:
        reasons.append("both name it " + ", ".join(repr(s) for s in shared))
    if cats:
        reasons.append("both count " + ", ".join(cats))
    if prel == "different" or drel == "disjoint":
        return GroupingReason(a.mention_id, b.mention_id, "separate", 0, tuple(reasons))
    score = _PLACE_SCORE[prel] + _DATE_SCORE[drel] + 2 * bool(shared) + bool(cats)
    place_ok, date_ok = prel != "unknown", drel != "unknown"
    ok = (place_ok and date_ok) or (bool(shared) and (place_ok or date_ok))
    return GroupingReason(
        a.mention_id, b.mention_id, "merge" if ok else "separate", score, tuple(reasons)
    )


# ------------------------------------------------------------------ blocking


def _days(iv: Interval, pad: int) -> Iterable[str]:
    d, end = day(iv.start) - dt.timedelta(days=pad), day(iv.end) + dt.timedelta(days=pad)
    while d <= end:
        yield d.isoformat()
        d += dt.timedelta(days=1)


def _specific_keys(m: Mention) -> set[str]:
    assert m.place is not None and m.date is not None
    keys = {f"p:{m.place.key}|{d}" for d in _days(m.date, 1)}
    keys |= {f"n:{n}|{d}" for n in m.names for d in _days(m.date, 1)}
    return keys


def _years(iv: Interval | None) -> list[str]:
    if iv is None:
        return ["*"]
    first, last = int(iv.start[:4]), int(iv.end[:4])
    return [str(y) for y in range(first, last + 1)] if last - first <= 3 else ["*"]


def _broad_keys(m: Mention) -> set[str]:
    """Index keys a broad mention looks up (specific mentions are indexed by `_coarse_keys`)."""
    keys: set[str] = set()
    for y in _years(m.date):
        if m.place is not None:
            e = m.place.entry
            keys.add(
                f"c:{e.country}|{y}"
                if e is not None and place_level(m.place) != "local"
                else f"p:{m.place.key}|{y}"
            )
        keys |= {f"n:{n}|{y}" for n in m.names}
    return keys


def _coarse_keys(m: Mention) -> set[str]:
    keys: set[str] = set()
    ys = _years(m.date)
    for y in [*ys, "*"] if "*" not in ys else ys:
        if m.place is not None:
            keys.add(f"p:{m.place.key}|{y}")
            if m.place.entry is not None:
                keys.add(f"c:{m.place.entry.country}|{y}")
        keys |= {f"n:{n}|{y}" for n in m.names}
    return keys


# ------------------------------------------------------------------ grouping


class _Union:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: str) -> str:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: str, b: str, rank: dict[str, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the earliest mention stays the root: deterministic in any order
            lo, hi = sorted((ra, rb), key=rank.__getitem__)
            self.parent[hi] = lo


def group(mentions: Sequence[Mention], previous: Grouping | None = None) -> Grouping:
    """Group mentions into events; with `previous`, only new mentions are compared."""
    old = previous.mentions if previous else ()
    known = {m.mention_id for m in old}
    new = [m for m in mentions if m.mention_id not in known]
    allm = sorted([*old, *new], key=lambda m: (m.order, m.mention_id))
    rank = {m.mention_id: i for i, m in enumerate(allm)}
    by_id = {m.mention_id: m for m in allm}
    links = list(previous.links) if previous else []
    # Pass 1: specific mentions, blocked by place and day, compared pairwise.
    index: dict[str, list[str]] = defaultdict(list)
    for m in old:
        if m.specific:
            for k in _specific_keys(m):
                index[k].append(m.mention_id)
    for m in sorted(new, key=lambda m: rank[m.mention_id]):
        if not m.specific:
            continue
        seen: set[str] = set()
        for k in sorted(_specific_keys(m)):
            for other in index[k]:
                if other not in seen:
                    seen.add(other)
                    links.append(decide(by_id[other], m))
            index[k].append(m.mention_id)
    uf = _Union(by_id)
    for r in links:
        if r.decision == "merge":
            uf.union(r.a, r.b, rank)
    # Pass 2: broad mentions join the one event that fits best, or stay apart.
    coarse: dict[str, list[str]] = defaultdict(list)
    for m in allm:
        if m.specific:
            for k in _coarse_keys(m):
                coarse[k].append(m.mention_id)
    attach: list[GroupingReason] = []
    leftover: list[Mention] = []
    for m in allm:
        if m.specific:
            continue
        best: dict[str, GroupingReason] = {}
        for k in sorted(_broad_keys(m)):
            for other in coarse.get(k, ()):
                r = decide(by_id[other], m)
                root = uf.find(other)
                if r.decision == "merge" and (root not in best or r.score > best[root].score):
                    best[root] = r
        if not best:
            alone = "no event at the same place (or inside the same country) in the same year fits"
            attach.append(GroupingReason(m.mention_id, "-", "separate", 0, (alone,)))
            leftover.append(m)
            continue
        top = max(r.score for r in best.values())
        winners = sorted((root for root, r in best.items() if r.score == top), key=rank.__getitem__)
        r = best[winners[0]]
        if len(winners) > 1:
            why = (
                *r.reasons,
                f"fits {len(winners)} events equally ({', '.join(winners)}); kept apart",
            )
            attach.append(GroupingReason(m.mention_id, winners[0], "ambiguous", top, why))
            leftover.append(m)
        else:
            attach.append(GroupingReason(m.mention_id, r.a, "attach", top, r.reasons))
            uf.union(m.mention_id, winners[0], rank)
    # Broad mentions that fit no specific event may still be one incident among themselves.
    broad_index: dict[str, list[str]] = defaultdict(list)
    for m in leftover:
        for k in sorted(_coarse_keys(m)):
            for other in broad_index[k]:
                r = decide(by_id[other], m)
                if r.decision == "merge" and uf.find(other) != uf.find(m.mention_id):
                    attach.append(r)
                    uf.union(other, m.mention_id, rank)
            broad_index[k].append(m.mention_id)
    return Grouping(
        mentions=tuple(allm), links=tuple(links), events=_events(allm, uf, [*links, *attach])
    )


def _events(allm: list[Mention], uf: _Union, decisions: list[GroupingReason]) -> tuple[Event, ...]:
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in allm:
        members[uf.find(m.mention_id)].append(m)
    root_of = {m.mention_id: uf.find(m.mention_id) for m in allm}
    reasons: dict[str, list[GroupingReason]] = defaultdict(list)
    for r in decisions:
        ra = root_of.get(r.a)
        if ra is not None and (r.decision != "separate" or root_of.get(r.b) == ra):
            reasons[ra].append(r)
        if r.decision == "separate" and r.b in root_of and root_of[r.b] != ra:
            reasons[root_of[r.b]].append(r)
    out = []
    for root, ms in members.items():
        first = ms[0]
        key = f"{first.doc_id}:{first.claim_ids[0]}"
        names = dict.fromkeys(n for m in ms for n in m.labels)
        place = _most_common([m.place for m in ms if m.place], _place_rank)
        date = min((m.date for m in ms if m.date), key=_date_rank, default=None)
        out.append(Event(
            event_id="ev" + hashlib.sha1(key.encode()).hexdigest()[:14],
            place=place, date=date, names=tuple(names),
            doc_ids=tuple(dict.fromkeys(m.doc_id for m in ms)), mentions=tuple(ms),
            categories=tuple(sorted({c for m in ms for c in m.categories})),
            reasons=tuple(reasons.get(root, ())),
        ))  # fmt: skip
    return tuple(sorted(out, key=lambda e: (e.mentions[0].order, e.event_id)))


def group_claims(
    docs: Sequence[DocInfo], claims: Sequence[Claim], previous: Grouping | None = None
) -> Grouping:
    """Documents + their claims -> Grouping (mentions per document, then `group`)."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc_id].append(c)
    return group([m for d in docs for m in mentions_of(d, by_doc.get(d.doc_id, ()))], previous)
