"""Reconciliation: an Event + its claims -> Finding* (per category and unit: who says what).

For each category (and unit: people, families, ...) of an event, every source's figure is a
`FigureReport`: one per document and origin, computed like a document's tally (breakdowns
not double counted, an updated toll replaces earlier ones), with its breakdown and the set
it is a subset of. Reports are ordered by publication date and each gets a status against
what came before:

- `agree`: the same figure; `refine`: the same figure with more detail (a breakdown added,
  the figure placed inside a larger set); `update`: a later, different figure from the same
  origin; `conflict`: a figure incompatible with another origin's current one.
The finding's status is `conflict` while the origins' latest figures disagree, else the
strongest of its reports' (update > refine > agree), or `single` when only one report exists.

`low`/`best`/`high` use each independent origin's latest figure; the rule that chose each
is written out. Checks: a part never exceeds its total, disjoint parts never add up to more
than the total, a subset never exceeds its set, within one document and across documents.

Input -> output: `reconcile(event, claims, docs, origins) -> tuple[Finding, ...]`;
`analyse(documents, claims) -> tuple[EventFindings, ...]` runs grouping, near-duplicate
detection, origins and reconciliation over a whole collection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from tollbook.events.event_patterns import EXCLUSIVE_POPULATIONS
from tollbook.events.findings import (
    Check,
    EventFindings,
    FigureReport,
    Finding,
    Part,
)
from tollbook.events.grouping import DocInfo, Event, Grouping, doc_info, group_claims
from tollbook.events.origins import (
    DocSource,
    DuplicateCluster,
    Origin,
    assign_origins,
    contained_copies,
    merge_clusters,
    near_duplicates,
)
from tollbook.extract.grammar.wire import (
    HEDGED_QUALIFIERS,
    MEDIA_RELAY_RE,
    PARTIAL_RE,
    PROVISIONAL_RE,
)
from tollbook.model import Claim, Document, number
from tollbook.tally.rules import tally

__all__ = [
    "Check",
    "EventFindings",
    "FigureReport",
    "Finding",
    "Part",
    "analyse",
    "reconcile",
]

Key = tuple[str, str]  # (doc_id, claim_id)
STATUS_ORDER = ("single", "agree", "refine", "update", "conflict")


# ------------------------------------------------------------------ reports


def _root(c: Claim, by_id: Mapping[str, Claim]) -> Claim:
    """The top of a claim's same-category part chain ("63 children" -> "613 people")."""
    seen = {c.claim_id}
    while c.parent and c.parent in by_id and by_id[c.parent].category == c.category:
        c = by_id[c.parent]
        if c.claim_id in seen:  # a cycle is a caller bug; stop rather than loop
            break
        seen.add(c.claim_id)
    return c


def _figure(
    category: str, unit: str, doc_id: str, claims: list[Claim]
) -> tuple[float, float, float, dict[str, float], str, tuple[str, ...]] | None:
    """(best, low, high, split, rule, chosen claim ids) as a document's tally would give."""
    if unit == "people":
        t = tally(doc_id, claims).get(category)
        if t is None:
            return None
        split = {"civilians": t.civilians, "combatants": t.combatants, "unknown": t.unknown}
        return t.best, t.low, t.high, split, t.rule, t.claim_ids
    ids = {c.claim_id for c in claims}
    tops = [c for c in claims if not (c.parent in ids and c.relation == "part")]
    if not tops:
        return None
    top = max(tops, key=lambda c: (c.value, -c.span[0]))
    rule = "single" if len(tops) == 1 else "max_overlapping"
    return (
        top.value,
        top.low,
        top.high,
        {"civilians": 0.0, "combatants": 0.0, "unknown": 0.0},
        rule,
        (top.claim_id,),
    )


def _reports(
    category: str, unit: str, claims: list[Claim], by_doc: Mapping[str, Mapping[str, Claim]],
    docs: Mapping[str, DocInfo], origins: Mapping[Key, Origin],
) -> list[FigureReport]:  # fmt: skip
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        root = _root(c, by_doc[c.doc_id])
        groups[(c.doc_id, origins[(root.doc_id, root.claim_id)].origin_id)].append(c)
    out = []
    for (doc_id, _), raw in groups.items():
        # Inside an incident a cumulative toll ("bringing the death toll to 23") is the
        # incident's toll so far: an update, not a running total to leave out.
        items = [_as_update(c) for c in raw]
        fig = _figure(category, unit, doc_id, items)
        if fig is None:
            continue
        best, low, high, split, rule, chosen = fig
        by_id = by_doc[doc_id]
        parts = tuple(
            Part(c.category or category, c.population, c.value, c.detail)
            for c in items if c.parent in chosen and c.relation == "part"
        )  # fmt: skip
        within = []
        for cid in chosen:
            top = by_id[cid]
            parent = by_id.get(top.parent) if top.parent else None
            if parent is not None and parent.category != top.category:
                within.append(
                    Part(parent.category or "", parent.population, parent.value, parent.detail)
                )
        root = _root(items[0], by_id)
        info = docs.get(doc_id) or DocInfo(doc_id=doc_id)
        out.append(FigureReport(
            doc_id=doc_id, published=info.published, published_inferred=info.published_inferred,
            publisher=info.publisher, speaker=root.source.speaker,
            origin=origins[(root.doc_id, root.claim_id)], best=best, low=low, high=high,
            civilians=split["civilians"], combatants=split["combatants"], unknown=split["unknown"],
            rule=rule, claim_ids=tuple(c.claim_id for c in items), breakdown=parts,
            within=tuple(within), status="first", note="",
            hedged=any(_is_hedged(by_id[cid]) for cid in chosen if cid in by_id),
        ))  # fmt: skip
    out.sort(key=lambda r: (r.published or "9999-99-99", r.doc_id, r.origin.origin_id))
    return out


def _as_update(c: Claim) -> Claim:
    if "cumulative" not in c.flags:
        return c
    return replace(c, flags=tuple(dict.fromkeys(f if f != "cumulative" else "update" for f in c.flags)))


def _is_hedged(c: Claim) -> bool:
    """A figure that may grow: a lower bound ("at least 12", "more than 10"), a part of the
    dead ("nine of those", "nine patients") or a provisional toll ("according to a
    provisional toll, 15")."""
    if c.qualifier in HEDGED_QUALIFIERS or PARTIAL_RE.search(c.text):
        return True  # "nine of those", "nine patients died": part of the dead, a lower bound
    return bool(c.sentence and PROVISIONAL_RE.search(c.sentence))


def _same_figure(a: FigureReport, b: FigureReport) -> bool:
    if a.best == b.best:
        return True
    ranged = a.low != a.high or b.low != b.high
    return ranged and a.low <= b.high and b.low <= a.high


def _compatible(a: FigureReport, b: FigureReport) -> bool:
    """The same figure, or a hedged one and a larger one ("at least 12" then 17)."""
    if _same_figure(a, b):
        return True
    return (a.hedged and b.best >= a.best) or (b.hedged and a.best >= b.best)


def _supersedes(new: FigureReport, old: FigureReport) -> bool:
    """Whether `new` is the later of two reports of one origin: published later, or the
    same day and larger (tolls of one day rise more often than they fall)."""
    a, b = new.published or "", old.published or ""
    return a > b or (a == b and new.best >= old.best)


def _detail(r: FigureReport) -> frozenset[tuple[str, str | None, float, str | None, str]]:
    return frozenset(
        [(p.category, p.population, p.value, p.detail, "part") for p in r.breakdown]
        + [(p.category, p.population, p.value, p.detail, "within") for p in r.within]
    )


def _fmt(x: float) -> str:
    return str(number(x))


def _describe(r: FigureReport) -> str:
    who = r.speaker or r.publisher or r.doc_id
    when = r.published or "undated"
    return f"{who} ({r.doc_id}, {when}): {_fmt(r.best)}"


def _with_status(reports: list[FigureReport]) -> list[FigureReport]:
    out: list[FigureReport] = []
    current: dict[str, FigureReport] = {}  # origin -> its latest report so far
    for r in reports:
        status, note = "first", "first report"
        prev = current.get(r.origin.origin_id)
        others = [o for k, o in current.items() if k != r.origin.origin_id]
        if prev is not None:
            if not _same_figure(prev, r):
                status, note = "update", f"replaces {_describe(prev)} from the same origin"
                if not _supersedes(r, prev):
                    note = f"an earlier figure than {_describe(prev)} from the same origin"
            elif _detail(r) - _detail(prev):
                status, note = "refine", f"same figure as {_describe(prev)}, with more detail"
            else:
                status, note = "agree", f"same figure as {_describe(prev)} (same origin)"
        if others and status in ("first", "agree", "refine"):
            clash = [o for o in others if not _compatible(o, r)]
            hedge = [o for o in others if not _same_figure(o, r) and _compatible(o, r)]
            if clash:
                status, note = "conflict", "differs from " + "; ".join(_describe(o) for o in clash)
            elif hedge:
                status = "refine"
                note = "compatible with the hedged figure(s) of " + "; ".join(
                    _describe(o) for o in hedge
                )
            elif status == "first":
                known = frozenset().union(*(_detail(o) for o in others))
                status = "refine" if _detail(r) - known else "agree"
                note = (
                    "same figure as " if status == "agree" else "same figure, more detail than "
                ) + "; ".join(_describe(o) for o in others)
        out.append(_replace_status(r, status, note))
        if prev is None or _supersedes(r, prev):
            current[r.origin.origin_id] = out[-1]
    return out


def _status(reports: list[FigureReport]) -> str:
    """The finding's status: `conflict` while the origins' current figures disagree (a
    conflict a later revision resolved is history, kept in the reports), else the strongest
    of update > refine > agree over the reports; `single` for one report."""
    if len(reports) == 1:
        return "single"
    latest: dict[str, FigureReport] = {}
    for r in reports:
        prev = latest.get(r.origin.origin_id)
        if prev is None or _supersedes(r, prev):
            latest[r.origin.origin_id] = r
    cur = list(latest.values())
    if any(not _compatible(a, b) for i, a in enumerate(cur) for b in cur[i + 1 :]):
        return "conflict"
    seen = {r.status for r in reports} - {"conflict", "first"}
    return max(seen | {"agree"}, key=STATUS_ORDER.index)


def _replace_status(r: FigureReport, status: str, note: str) -> FigureReport:
    return replace(r, status=status, note=note)


# ------------------------------------------------------------------ range and checks


def _range(reports: list[FigureReport]) -> tuple[float, float, float, str, str, str, FigureReport]:
    """(low, best, high, rules..., the report that gave best) from each origin's latest."""
    latest: dict[str, FigureReport] = {}
    for r in reports:
        prev = latest.get(r.origin.origin_id)
        if prev is None or _supersedes(r, prev):
            latest[r.origin.origin_id] = r
    everyone = sorted(latest.values(), key=lambda r: (r.best, r.doc_id))
    # A hedged figure that another origin's figure exceeds is a lower bound that figure fills
    # in: it bounds `low` but does not vote for `best`.
    cur = [r for r in everyone
           if not (r.hedged and any(o is not r and o.best > r.best for o in everyone))] or everyone
    if len(reports) == 1:
        r = reports[0]
        return (
            r.low,
            r.best,
            r.high,
            "low bound of the only report",
            "the only report",
            "high bound of the only report",
            r,
        )
    counts = f"{len(everyone)} origin(s), {len(reports)} reports"
    basis = f"the latest report of each independent origin ({counts})"
    if len(cur) < len(everyone):
        basis += f", {len(everyone) - len(cur)} hedged figure(s) exceeded by others left out"
    low, high = min(r.low for r in everyone), max(r.high for r in everyone)
    if len({r.best for r in cur}) == 1:
        chosen = cur[0]
        best_rule = f"the figure given by {basis}"
    else:
        chosen = cur[(len(cur) - 1) // 2]  # the lower median: conservative, like ACLED's coding
        values = ", ".join(_fmt(r.best) for r in cur)
        best_rule = f"lower median ({values}) of {basis}"
    return (
        low,
        chosen.best,
        high,
        f"lowest bound in {basis}",
        best_rule,
        f"highest bound in {basis}",
        chosen,
    )


def _disjoint(a: Part, b: Part) -> bool:
    if a.detail != b.detail:  # "lost one parent" / "lost both parents" are disjoint sets
        return True
    pa, pb = a.population or "", b.population or ""
    return pa != pb and any(pa in s and pb in s for s in EXCLUSIVE_POPULATIONS)


def _checks(r: FigureReport) -> list[Check]:
    out: list[Check] = []
    ids = r.claim_ids
    for p in r.breakdown:
        ok = p.value <= r.high
        verdict = "within" if ok else "exceeds"
        msg = (
            f"{_fmt(p.value)} {p.population or ''} {verdict} the total {_fmt(r.high)} ({r.doc_id})"
        )
        out.append(Check("part_within_total", ok, msg, ids))
    if len(r.breakdown) > 1:
        parts = r.breakdown
        pairwise = all(_disjoint(a, b) for i, a in enumerate(parts) for b in parts[i + 1 :])
        total = sum(p.value for p in parts)
        names = " + ".join(f"{_fmt(p.value)} {p.population or ''}".strip() for p in parts)
        if pairwise:
            ok = total <= r.high
            verdict = "<=" if ok else "exceeds"
            msg = f"{names} = {_fmt(total)} {verdict} the total {_fmt(r.high)} ({r.doc_id})"
            out.append(Check("breakdown_adds_up", ok, msg, ids))
        else:
            msg = f"{names} not summed: these groups may overlap ({r.doc_id})"
            out.append(Check("breakdown_adds_up", True, msg, ids))
    for w in r.within:
        ok = r.best <= w.value
        msg = (f"{_fmt(r.best)} {'within' if ok else 'exceeds'} the set it is part of: "
               f"{_fmt(w.value)} {w.population or ''} {w.category} ({r.doc_id})")  # fmt: skip
        out.append(Check("subset_within_set", ok, msg, ids))
    return out


def _cross_checks(
    reports: list[FigureReport], figures: Mapping[str, list[FigureReport]]
) -> list[Check]:
    """Parts of one document against another's total; subsets against another's set."""
    out: list[Check] = []
    for r in reports:
        for o in reports:
            if o.doc_id == r.doc_id:
                continue
            for p in r.breakdown:
                if p.value > o.high:
                    msg = (f"{_fmt(p.value)} {p.population or ''} in {r.doc_id} exceeds the total "
                           f"{_fmt(o.high)} given in {o.doc_id}")  # fmt: skip
                    out.append(
                        Check("part_within_other_total", False, msg, (*r.claim_ids, *o.claim_ids))
                    )
        for w in r.within:
            for o in figures.get(w.category, []):
                if o.doc_id != r.doc_id:
                    ok = r.best <= o.high
                    msg = (f"{_fmt(r.best)} ({r.doc_id}) {'within' if ok else 'exceeds'} "
                           f"{_fmt(o.high)} {w.category} given in {o.doc_id}")  # fmt: skip
                    out.append(
                        Check("subset_within_other_set", ok, msg, (*r.claim_ids, *o.claim_ids))
                    )
    return out


# ------------------------------------------------------------------ findings


def _merge_in_event(mine: Sequence[Claim], origins: Mapping[Key, Origin]) -> dict[Key, Origin]:
    """Within one incident, a short speaker key inside exactly one longer one is that speaker
    ("the ministry", "Niger" and "Niger's Interior Ministry")."""
    keys = {origins[ck].origin_id for c in mine if (ck := (c.doc_id, c.claim_id)) in origins}
    named = {k: frozenset(k[2:].split()) for k in keys if k.startswith("s:")}
    by_id = {origins[(c.doc_id, c.claim_id)].origin_id: origins[(c.doc_id, c.claim_id)]
             for c in mine if (c.doc_id, c.claim_id) in origins}  # fmt: skip
    canon: dict[str, Origin] = {}
    # Only the largest keys absorb: "police" inside "provincial police" inside "Sarnia
    # provincial police" is the one speaker.
    largest = [o for o, ot in named.items() if not any(ot < other for other in named.values())]
    for k, toks in named.items():
        if any(t.startswith("~") for t in toks):
            continue  # an indefinite kind ("a local official") is nobody's part
        supers = [o for o in largest if o != k and toks < named[o]]
        if len(supers) == 1:
            big = by_id[supers[0]]
            canon[k] = Origin(big.origin_id, big.label,
                              f"{by_id[k].reason} (read as {big.label!r} in this incident)")  # fmt: skip
    out = dict(origins)
    for c in mine:
        ck = (c.doc_id, c.claim_id)
        if ck in out and out[ck].origin_id in canon:
            out[ck] = canon[out[ck].origin_id]
    return _media_relays(mine, out)


def _is_media(c: Claim) -> bool:
    return bool(c.source.speaker and MEDIA_RELAY_RE.fullmatch(c.source.speaker.strip()))


def _media_relays(mine: Sequence[Claim], origins: dict[Key, Origin]) -> dict[Key, Origin]:
    """"State media said the army had killed 9": unnamed media relay a source; the claim is
    the origin's that gave the same figure in this incident, when exactly one did."""
    for c in mine:
        ck = (c.doc_id, c.claim_id)
        if ck not in origins or not _is_media(c):
            continue
        same = {origins[ok].origin_id: origins[ok] for o in mine
                if (ok := (o.doc_id, o.claim_id)) in origins and ok != ck and not _is_media(o)
                and (o.category, o.unit, o.value, o.low, o.high) == (c.category, c.unit, c.value, c.low, c.high)
                and origins[ok].origin_id != origins[ck].origin_id}  # fmt: skip
        if len(same) == 1:
            src = next(iter(same.values()))
            origins[ck] = Origin(src.origin_id, src.label, f"{origins[ck].reason} (media "
                                 f"relaying {src.label!r}, who gave the same figure)")  # fmt: skip
    return origins


def reconcile(
    event: Event,
    claims: Mapping[Key, Claim],
    docs: Mapping[str, DocInfo],
    origins: Mapping[Key, Origin],
) -> tuple[Finding, ...]:
    """The findings of one event: one per category and unit of its count claims."""
    echoes = event.echo_keys
    mine = [claims[k] for k in event.claim_keys if k in claims and k not in echoes]
    origins = _merge_in_event(mine, origins)
    by_doc: dict[str, dict[str, Claim]] = defaultdict(dict)
    for c in mine:
        by_doc[c.doc_id][c.claim_id] = c
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in mine:
        if c.kind == "count" and c.category:
            groups[(c.category, c.unit)].append(c)
    per: dict[tuple[str, str], list[FigureReport]] = {}
    for (category, unit), items in sorted(groups.items()):
        per[(category, unit)] = _with_status(_reports(category, unit, items, by_doc, docs, origins))
    people = {cat: rs for (cat, unit), rs in per.items() if unit == "people"}
    out = []
    for (category, unit), reports in per.items():
        if not reports:
            continue
        low, best, high, low_rule, best_rule, high_rule, chosen = _range(reports)
        checks = [c for r in reports for c in _checks(r)] + _cross_checks(reports, people)
        status = _status(reports)
        origin_list = tuple({r.origin.origin_id: r.origin for r in reports}.values())
        out.append(Finding(
            event_id=event.event_id, category=category, unit=unit, status=status,
            low=low, best=best, high=high,
            low_rule=low_rule, best_rule=best_rule, high_rule=high_rule,
            independent_origins=len(origin_list), origins=origin_list, reports=tuple(reports),
            checks=tuple(checks), civilians=chosen.civilians, combatants=chosen.combatants,
            unknown=chosen.unknown,
        ))  # fmt: skip
    return tuple(out)


def analyse(
    documents: Sequence[Document], claims: Sequence[Claim], previous: Grouping | None = None
) -> tuple[EventFindings, ...]:
    """Documents + (reviewed) claims -> every event with its findings."""
    infos = [doc_info(d) for d in documents]
    info_by_id = {d.doc_id: d for d in infos}
    grouping = group_claims(infos, claims, previous)
    shared = {d for e in grouping.events if len(e.doc_ids) > 1 for d in e.doc_ids}
    order = sorted(shared, key=lambda d: (info_by_id[d].published or "9999", d))
    texts = {d.doc_id: d.text for d in documents if d.doc_id in shared}
    clusters: tuple[DuplicateCluster, ...] = near_duplicates(texts, order) if texts else ()
    if texts:
        titles = {d: info_by_id[d].title for d in texts}
        copies = contained_copies((e.doc_ids for e in grouping.events if len(e.doc_ids) > 1),
                                  texts, titles, order)  # fmt: skip
        clusters = merge_clusters((*clusters, *copies), order)
    sources = {d.doc_id: DocSource(d.doc_id, d.publisher) for d in infos}
    origins = assign_origins(claims, sources, clusters)
    by_key = {(c.doc_id, c.claim_id): c for c in claims}
    return tuple(
        EventFindings(e, reconcile(e, by_key, info_by_id, origins)) for e in grouping.events
    )
