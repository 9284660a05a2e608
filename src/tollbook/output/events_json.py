"""Events and their findings -> plain dicts: the JSON edge of `tollbook.events` (grouping and
reconciliation), as `tollbook.output.serialize` is for claims and tallies. The CLI (`tollbook
events`, `tollbook event ID`) and the web pages print these.
"""

from __future__ import annotations

from typing import Any

from tollbook.events.grouping import Event, GroupingReason, Interval, Mention, Place
from tollbook.events.origins import Origin
from tollbook.events.reconcile import Check, EventFindings, FigureReport, Finding, Part
from tollbook.model import GazetteerEntry, number

__all__ = [
    "check_to_dict", "event_findings_to_dict", "event_to_dict", "finding_detail_to_dict",
    "finding_to_dict", "interval_to_dict", "mention_to_dict", "origin_to_dict", "part_to_dict",
    "place_to_dict", "reason_to_dict", "report_to_dict",
]  # fmt: skip



def place_to_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name": p.name, "key": p.key, "geo": _geo(p.entry), "within": _geo(p.within)}


def _geo(e: GazetteerEntry | None) -> dict[str, Any] | None:
    return None if e is None else {
        "geonameid": e.geonameid, "name": e.name, "country": e.country, "feature": e.feature,
        "admin1": e.admin1, "lat": e.lat, "lon": e.lon,
    }  # fmt: skip


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
