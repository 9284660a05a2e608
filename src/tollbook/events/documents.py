"""One document's claims -> its mentions of incidents, and the claims set aside.

Claims join when they hang from each other (parts, subsets), share a sentence, or share a
place and date; a claim with no place or date joins the document's only incident. Roll-ups
(weekly, monthly, year-to-date, regional totals) and older incidents recalled (background)
are set aside: they never form or join an event. A headline is a claim of its body's first
incident (an echo when the body repeats its figure); a bare follow-up ("the toll rose to 23")
joins the incident it updates. Input -> output: `split_document(doc, claims) ->
(Mention*, GroupingReason*)`; `doc_info(doc) -> DocInfo`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from tollbook.events.event_patterns import EVENT_NAME_RE, NOT_NAME_WORDS, site_of
from tollbook.events.matching import Interval, Place, date_relation, day, place_level
from tollbook.events.records import EVENT_KINDS, DocInfo, GroupingReason, Mention
from tollbook.events.unionfind import Forest
from tollbook.extract.dates import find_dates
from tollbook.extract.grammar.wire import (
    AGGREGATE_RE,
    BACKGROUND_RE,
    MEDIA_WORDS,
    SEPARATE_RE,
    SUPERLATIVE_RE,
)
from tollbook.geo.names import name_key
from tollbook.model import Claim, Document

__all__ = ["doc_info", "event_names", "is_aggregate", "mentions_of", "split_document"]


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
    for m in EVENT_NAME_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].casefold() in NOT_NAME_WORDS:
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
    return Place(name=claim.place.text, key=key, entry=entry, within=claim.place.within)


def _interval(claim: Claim) -> Interval | None:
    if claim.event_date is None:
        return None
    v = claim.event_date.value
    return Interval(start=v.start, end=v.end, precision=v.precision, iso=v.iso)


def mentions_of(doc: DocInfo, claims: Sequence[Claim]) -> tuple[Mention, ...]:
    """A document's count claims -> its mentions of incidents (see module docstring)."""
    return split_document(doc, claims)[0]


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _is_headline(claim: Claim, title: str | None) -> bool:
    """Whether the claim's sentence is the document's title (an HTML title may carry the site
    name after " | " or " - ")."""
    if not title or not claim.sentence:
        return False
    sent = _norm(claim.sentence)
    heads = {_norm(title), _norm(re.split(r"\s+[|–—-]\s+", title)[0])}
    return any(h and (sent == h or (len(sent) >= 12 and (h.startswith(sent) or sent.startswith(h))))
               for h in heads)  # fmt: skip


#: An undated figure in a news report is recent: the days up to publication.
RECENT_DAYS = 3


def _recent(published: str) -> Interval | None:
    try:
        end = day(published[:10])
    except ValueError:
        return None
    start = (end - dt.timedelta(days=RECENT_DAYS)).isoformat()
    return Interval(start=start, end=end.isoformat(), precision="window",
                    iso=f"{start}/{end.isoformat()}")  # fmt: skip


def _outlet_town(publisher: str | None) -> Place | None:
    """The town a local outlet is named after ("Harrow Creek Herald" -> Harrow Creek), or
    None when its name is all media words or holds more than three other words."""
    if not publisher:
        return None
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", publisher) if w.casefold() not in MEDIA_WORDS]
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return None
    name = " ".join(words)
    return Place(name=name, key=name_key(name), entry=None)


def _follow_up(claim: Claim) -> bool:
    """A revised toll ("rose to 23", "bringing the death toll to 40", "now stands at")."""
    return bool({"update", "cumulative"} & set(claim.flags))


def _borrowed_date(claim: Claim) -> bool:
    """A follow-up whose date comes from another sentence: it dates the revision's
    context, not the incident it revises."""
    if not _follow_up(claim) or claim.event_date is None or claim.event_date.span is None:
        return False
    lo, hi = claim.sentence_span
    return not lo <= claim.event_date.span[0] < hi


def is_aggregate(claim: Claim) -> bool:
    """A roll-up: its sentence counts over weeks, months, a year, a region or many incidents
    ("since January", "in the first two weeks of March", "in 34 incidents across the
    provinces"), unless it ranks one incident ("the deadliest attack since 2019")."""
    sentence = claim.sentence or ""
    return bool(AGGREGATE_RE.search(sentence)) and not SUPERLATIVE_RE.search(sentence)


def split_document(
    doc: DocInfo, claims: Sequence[Claim]
) -> tuple[tuple[Mention, ...], tuple[GroupingReason, ...]]:
    """A document's count claims -> (its mentions of incidents, the claims set aside).

    Roll-ups are set aside first; a headline claim joins the body's first incident (and is an
    echo when the body gives its figure); a mention dated before the body's first incident
    (by more than two days) recalls an older incident and is set aside as background."""
    items = sorted(
        (c for c in claims if c.kind in EVENT_KINDS), key=lambda c: (c.span[0], c.claim_id)
    )
    aside: list[GroupingReason] = []
    kept = []
    for c in items:
        if is_aggregate(c):
            cue = AGGREGATE_RE.search(c.sentence or "")
            note = f"a roll-up: {cue[0] if cue else ''!r}"
            aside.append(GroupingReason(f"{doc.doc_id}:{c.claim_id}", "-", "aggregate", 0, (note,)))
        else:
            kept.append(c)
    items = kept
    if not items:
        return (), tuple(aside)
    heads = {c.claim_id for c in items if _is_headline(c, doc.title)}
    if len(heads) == len(items):
        heads = set()  # a document that is all headline is its own body
    # "The attack came three days after gunmen killed five people": an older incident recalled
    # (never in the body's first sentence, never a revised toll).
    lead_sentence = next((c.sentence_span for c in items if c.claim_id not in heads), None)
    kept = []
    for c in items:
        if c.claim_id not in heads and c.sentence_span != lead_sentence and not _follow_up(c) \
                and (m := BACKGROUND_RE.search(c.sentence or "")):
            why_bg = f"background: the sentence recalls an older incident ({m[0]!r})"
            aside.append(GroupingReason(f"{doc.doc_id}:{c.claim_id}", "-", "background", 0, (why_bg,)))
        else:
            kept.append(c)
    items = kept
    body_values = {(c.category, c.value) for c in items if c.claim_id not in heads}
    echoes = {h.claim_id for h in items if h.claim_id in heads and (h.category, h.value) in body_values}
    idx = {c.claim_id: i for i, c in enumerate(items)}
    forest = Forest(range(len(items)), key=lambda i: i)  # the first claim names its incident
    find = forest.find
    why: dict[int, list[str]] = defaultdict(list)

    def union(i: int, j: int, reason: str) -> None:
        if (root := forest.union(i, j)) is not None:
            why[root].append(reason)

    places = [None if c.claim_id in heads else _place(c) for c in items]
    town = _outlet_town(doc.publisher) if not any(places) else None
    if town is not None:  # a local outlet writes its town nowhere: its name gives it
        places = [None if c.claim_id in heads else town for c in items]
        why[0].append(f"no place in the text: the town in the outlet's name ({doc.publisher!r})")
    dates = [None if c.claim_id in heads else _interval(c) for c in items]
    for i, c in enumerate(items):
        if c.parent and c.parent in idx:
            union(idx[c.parent], i, f"{c.claim_id} is a {c.relation or 'part'} of {c.parent}")
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_place_date: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(items):
        if c.claim_id in heads:
            continue
        by_sentence[c.sentence_span].append(i)
        p, d = places[i], dates[i]
        if p is not None and d is not None:
            by_place_date[(p.key, d.iso)].append(i)
    for members in by_sentence.values():
        for j in members[1:]:
            if date_relation(dates[members[0]], dates[j])[0] != "disjoint":
                union(members[0], j, "same sentence")
    sites = [site_of(c.sentence or "") for c in items]

    def site_of_root(i: int) -> frozenset[str]:
        return frozenset().union(*(sites[j] for j in range(len(items)) if find(j) == find(i)))

    for (pkey, iso), members in by_place_date.items():
        for j in members[1:]:
            a, b = site_of_root(members[0]), site_of_root(j)
            if a and b and not a & b:
                continue  # "at the cattle market", then "at a mosque": two incidents
            union(members[0], j, f"same place ({pkey}) and date ({iso})")
    # An undated claim at a place the document dates elsewhere is that incident (a liveblog's
    # entries, "the toll in Karvessa rose to 23").
    first_at: dict[str, int] = {}
    for i in range(len(items)):
        if (p := places[i]) is not None:
            first_at.setdefault(p.key, i)
    for i in range(len(items)):
        p = places[i]
        if p is not None and dates[i] is None and first_at[p.key] != i:
            union(first_at[p.key], i, f"same place ({p.key}), no date of its own")
    body = [i for i, c in enumerate(items) if c.claim_id not in heads]
    if body:
        lead = find(body[0])
        for i, c in enumerate(items):
            if c.claim_id in heads:
                union(lead, i, f"{c.claim_id} is the headline of the body's first incident")
    # A claim with neither place nor date belongs to the document's only incident; a bare
    # follow-up ("the toll rose to 23") to the incident it updates, the first one.
    roots = {find(i) for i in range(len(items))}
    anchored = sorted(
        r for r in roots if any(places[i] or dates[i] for i in range(len(items)) if find(i) == r)
    )
    if len(anchored) == 1:
        for r in sorted(roots - set(anchored)):
            union(anchored[0], r, "no place or date of its own; the document's only incident")
    elif anchored:
        for r in sorted(roots):
            members = [i for i in range(len(items)) if find(i) == r]
            if not all(_follow_up(items[i]) and (dates[i] is None or _borrowed_date(items[i]))
                       for i in members):
                continue
            keys = {p.key for i in members if (p := places[i]) is not None}
            others = sorted({find(i) for i in range(len(items)) if find(i) != r and dates[i]})
            same = [o for o in others if any(find(i) == o and (p := places[i]) is not None
                                             and p.key in keys for i in range(len(items)))]
            target = same[0] if same else (others[0] if others and not keys else None)
            if target is not None:
                union(target, r, "a revised toll with no date of its own: it updates the "
                                 "document's incident at its place, or its first")  # fmt: skip
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    lead_root = find(body[0]) if body else None
    lead_date = next((d for i in groups.get(lead_root, []) if (d := dates[i]) is not None), None) \
        if lead_root is not None else None  # fmt: skip
    out = []
    for n, (root, members) in enumerate(sorted(groups.items())):
        claims_m = [items[i] for i in members]
        place = _most_common([p for i in members if (p := places[i]) is not None], _place_rank)
        date = _most_common([d for i in members if (d := dates[i]) is not None], _date_rank)
        # "In a separate attack on Monday, ...": a roundup's item, reported as news.
        separate = any(SEPARATE_RE.search(items[i].sentence or "") for i in members)
        if root != lead_root and lead_date is not None and date is not None and not separate \
                and day(date.end) < day(lead_date.start) - dt.timedelta(days=2):
            reason = (f"background: dated {date.iso}, before the document's incident "
                      f"({lead_date.iso})")  # fmt: skip
            aside.extend(GroupingReason(f"{doc.doc_id}:{c.claim_id}", "-", "background", 0,
                                        (reason,)) for c in claims_m)  # fmt: skip
            continue
        labels = _names_for(doc.names, place, single=len(groups) == 1)
        reasons = list(why.get(root, ()))
        if date is None and place is not None and doc.published and not doc.published_inferred:
            date = _recent(doc.published)
            if date is not None:
                reasons.append(f"no date in the text: the days up to publication ({date.iso})")
        out.append(Mention(
            mention_id=f"{doc.doc_id}#{n}", doc_id=doc.doc_id, published=doc.published,
            place=place, date=date, names=tuple(dict.fromkeys(_name_key(n) for n in labels)),
            categories=tuple(sorted({c.category for c in claims_m if c.category})),
            claim_ids=tuple(c.claim_id for c in claims_m), first_span=claims_m[0].span[0],
            labels=labels, reasons=tuple(reasons),
            echoes=tuple(c.claim_id for c in claims_m if c.claim_id in echoes),
            sites=tuple(sorted(frozenset().union(*(sites[i] for i in members)))),
        ))  # fmt: skip
    return tuple(out), tuple(aside)


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
