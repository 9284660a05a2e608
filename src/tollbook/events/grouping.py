"""Grouping: claims of many documents -> Event*, each decision kept with its reasons.

Two steps:

1. `split_document(doc, claims)` (events/documents.py): one document's count claims ->
   Mention* (its claims about one incident) and the claims set aside (roll-ups, older
   incidents recalled as background), which never form or join an event.
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

Event ids are a hash of the place (and country) and day of the event's earliest mention that
names a local place and a day ("place:khojali|AZ|date:1992-02-25/1992-02-26"), so an event
keeps its id whatever other documents are ingested, and whichever copies of its reports a
store holds; an event with no such mention, or a second event at the same place and day, uses
its earliest claim key (doc_id:claim_id of the first mention).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tollbook.events.documents import (
    _date_rank,
    _most_common,
    _name_key,
    _place_rank,
    doc_info,
    event_names,
    mentions_of,
    split_document,
)
from tollbook.events.matching import (
    Interval,
    Place,
    date_relation,
    day,
    place_level,
    place_relation,
)
from tollbook.events.records import (
    EVENT_KINDS,
    MAX_SPECIFIC_DAYS,
    DocInfo,
    Event,
    Grouping,
    GroupingReason,
    Mention,
)
from tollbook.events.unionfind import Forest
from tollbook.geo.names import name_key
from tollbook.model import Claim

__all__ = ["EVENT_KINDS", "MAX_SPECIFIC_DAYS", "DocInfo", "Event", "Grouping", "GroupingReason",
           "Interval", "Mention", "Place", "decide", "doc_info", "event_names",
           "group", "group_claims", "mentions_of", "split_document"]  # fmt: skip


# ------------------------------------------------------------------ relations


_PLACE_SCORE = {"same": 3, "contains": 2, "namesake": 1, "unknown": 0}
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
    if a.sites and b.sites and not set(a.sites) & set(b.sites):
        reasons.append(f"different sites ({', '.join(a.sites)}; {', '.join(b.sites)})")
    if prel == "different" or drel == "disjoint" or reasons[-1].startswith("different sites"):
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
    places = {m.place.key, name_key(m.place.name)}  # the name as written meets its namesakes
    if m.place.entry is None and "-" in m.place.name:  # "Bama-Banki" meets Bama and Banki
        places |= {name_key(part) for part in m.place.name.split("-")}
    keys = {f"p:{p}|{d}" for p in places for d in _days(m.date, 1)}
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
            inside = m.place.entry or m.place.within  # an unresolved town: its region's
            if inside is not None:
                keys.add(f"c:{inside.country}|{y}")
        keys |= {f"n:{n}|{y}" for n in m.names}
    return keys


# ------------------------------------------------------------------ grouping


def group(
    mentions: Sequence[Mention],
    previous: Grouping | None = None,
    aside: Sequence[GroupingReason] = (),
) -> Grouping:
    """Group mentions into events; with `previous`, only new mentions are compared.
    `aside`: the claims documents set apart (kept in the Grouping for the record)."""
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
    uf = Forest(by_id, key=rank.__getitem__)  # the earliest mention names its event
    # Merged in one order whatever the batches: a report naming no site joins the first of
    # two incidents at different sites of its town and day, never both into one.
    sites = {m.mention_id: frozenset(m.sites) for m in allm}
    merges = sorted((r for r in links if r.decision == "merge"),
                    key=lambda r: (max(rank[r.a], rank[r.b]), min(rank[r.a], rank[r.b])))  # fmt: skip
    for r in merges:
        sa, sb = sites[uf.find(r.a)], sites[uf.find(r.b)]
        if sa and sb and not sa & sb:
            continue
        if (root := uf.union(r.a, r.b)) is not None:
            sites[root] = sa | sb
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
            uf.union(m.mention_id, winners[0])
    # Broad mentions that fit no specific event may still be one incident among themselves.
    broad_index: dict[str, list[str]] = defaultdict(list)
    for m in leftover:
        for k in sorted(_coarse_keys(m)):
            for other in broad_index[k]:
                r = decide(by_id[other], m)
                if r.decision == "merge" and uf.find(other) != uf.find(m.mention_id):
                    attach.append(r)
                    uf.union(other, m.mention_id)
            broad_index[k].append(m.mention_id)
    kept_aside = {r.a: r for r in (*(previous.aside if previous else ()), *aside)}
    return Grouping(
        mentions=tuple(allm), links=tuple(links), events=_events(allm, uf, [*links, *attach]),
        aside=tuple(kept_aside.values()),
    )


def _events(allm: list[Mention], uf: Forest[str], decisions: list[GroupingReason]) -> tuple[Event, ...]:
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
    taken: set[str] = set()
    for root, ms in sorted(members.items(), key=lambda kv: (kv[1][0].order, kv[0])):
        first = ms[0]
        claim_key = f"{first.doc_id}:{first.claim_ids[0]}"
        key = _identity(ms) or claim_key
        if key in taken:  # two events at one place and date kept apart: the claim tells them apart
            key = f"{key}|{claim_key}"
        taken.add(key)
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


def _identity(ms: Sequence[Mention]) -> str | None:
    """What an event's id is made of: the place (and country) and day of its earliest mention
    that names a local place and a day, so the id stays when other documents arrive, however
    they are named; None when no mention is that specific (the earliest claim is used)."""
    for m in ms:
        if m.place is not None and m.date is not None and m.date.precision == "day" and \
                place_level(m.place) == "local":
            country = m.place.entry.country if m.place.entry is not None else ""
            return f"place:{m.place.key}|{country}|date:{m.date.iso}"
    return None


def group_claims(
    docs: Sequence[DocInfo], claims: Sequence[Claim], previous: Grouping | None = None
) -> Grouping:
    """Documents + their claims -> Grouping (mentions per document, then `group`)."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc_id].append(c)
    mentions: list[Mention] = []
    aside: list[GroupingReason] = []
    for d in docs:
        ms, apart = split_document(d, by_doc.get(d.doc_id, ()))
        mentions.extend(ms)
        aside.extend(apart)
    return group(mentions, previous, aside)
