"""The JSON edge: dataclasses (model) -> plain dicts (output contract) and back.

The claim dict is the stable output contract of DESIGN.md: `doc_id`, `claim_id`, `kind`,
`category`, `population`, `population_class`, `value`, `low`, `high`, `qualifier`, `unit`,
`parent`, `place`, `event_date`, `source`, `span`, `sentence`, `rule`, plus provenance and
detail fields (`place_within`, since 0.1.2: the division or country enclosing an unresolved
place, as `place_geo` is written, or null). Changing a key here is a breaking change.
"""

from __future__ import annotations

from typing import Any

from tollbook.model import (
    CORRECTABLE,
    Attribution,
    CategoryTally,
    Claim,
    Correction,
    DateMention,
    DateValue,
    Document,
    GazetteerEntry,
    PlaceMention,
    SourceLink,
    Tally,
    number,
)


def claim_to_dict(c: Claim) -> dict[str, Any]:
    entry = c.place.entry if c.place else None
    return {
        "doc_id": c.doc_id,
        "claim_id": c.claim_id,
        "kind": c.kind,
        "category": c.category,
        "population": c.population,
        "population_class": c.population_class,
        "value": number(c.value),
        "low": number(c.low),
        "high": number(c.high),
        "qualifier": c.qualifier,
        "unit": c.unit,
        "parent": c.parent,
        "relation": c.relation,
        "detail": c.detail,
        "place": c.place.text if c.place else None,
        "place_span": list(c.place.span) if c.place else None,
        "place_geo": _entry_to_dict(entry) if entry else None,
        "place_within": _entry_to_dict(c.place.within) if c.place and c.place.within else None,
        "event_date": c.event_date.value.iso if c.event_date else None,
        "event_date_text": c.event_date.text if c.event_date else None,
        "event_date_precision": c.event_date.value.precision if c.event_date else None,
        "event_date_span": list(c.event_date.span) if c.event_date else None,
        "event_date_relative": c.event_date.relative if c.event_date else None,
        "source": c.source.speaker,
        "source_cue": c.source.cue,
        "source_span": list(c.source.span) if c.source.span else None,
        "source_chain": [{"role": s.role, "name": s.name} for s in c.source.chain],
        "span": list(c.span),
        "text": c.text,
        "sentence": c.sentence,
        "sentence_span": list(c.sentence_span),
        "rule": c.rule,
        "extractor_version": c.extractor_version,
        "flags": list(c.flags),
        "characterisation": list(c.characterisation),
    }


def _entry_to_dict(e: GazetteerEntry) -> dict[str, Any]:
    return {
        "geonameid": e.geonameid,
        "name": e.name,
        "country": e.country,
        "feature": e.feature,
        "lat": e.lat,
        "lon": e.lon,
        "population": e.population,
        "admin1": e.admin1,
    }


def _span(v: Any) -> tuple[int, int]:
    return (int(v[0]), int(v[1]))


def _date_value_from_iso(iso: str, precision: str) -> DateValue:
    start, _, end = iso.partition("/")
    end = end or start
    return DateValue(start=_first_day(start), end=_last_day(end), precision=precision, iso=iso)


def _first_day(part: str) -> str:
    bits = part.split("-")
    return "-".join(bits + ["01"] * (3 - len(bits)))


def _last_day(part: str) -> str:
    import calendar

    bits = part.split("-")
    if len(bits) == 3:
        return part
    year = int(bits[0])
    month = int(bits[1]) if len(bits) > 1 else 12
    day = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def claim_from_dict(d: dict[str, Any]) -> Claim:
    place = None
    if d.get("place") is not None:
        geo = d.get("place_geo")
        entry = GazetteerEntry(**geo) if geo else None
        inside = d.get("place_within")  # absent in claims of extractor versions before 0.1.2
        within = GazetteerEntry(**inside) if inside else None
        place = PlaceMention(text=d["place"], span=_span(d.get("place_span") or (0, 0)),
                             entry=entry, within=within)  # fmt: skip
    event_date = None
    if d.get("event_date"):
        event_date = DateMention(
            text=d.get("event_date_text") or d["event_date"],
            span=_span(d.get("event_date_span") or (0, 0)),
            value=_date_value_from_iso(d["event_date"], d.get("event_date_precision") or "day"),
            relative=bool(d.get("event_date_relative")),
        )
    source = Attribution(
        speaker=d.get("source"),
        span=_span(d["source_span"]) if d.get("source_span") else None,
        cue=d.get("source_cue"),
        chain=tuple(SourceLink(role=s["role"], name=s["name"]) for s in d.get("source_chain", [])),
    )
    return Claim(
        claim_id=d["claim_id"],
        doc_id=d["doc_id"],
        kind=d["kind"],
        category=d.get("category"),
        population=d.get("population"),
        population_class=d.get("population_class"),
        value=float(d["value"]),
        low=float(d["low"]),
        high=float(d["high"]),
        qualifier=d["qualifier"],
        unit=d["unit"],
        span=_span(d["span"]),
        sentence_span=_span(d.get("sentence_span") or d["span"]),
        sentence=d.get("sentence", ""),
        text=d.get("text", ""),
        rule=d["rule"],
        extractor_version=d["extractor_version"],
        parent=d.get("parent"),
        relation=d.get("relation"),
        detail=d.get("detail"),
        place=place,
        event_date=event_date,
        source=source,
        flags=tuple(d.get("flags", ())),
        characterisation=tuple(d.get("characterisation", ())),
    )


def tally_to_dict(t: Tally) -> dict[str, Any]:
    out: dict[str, Any] = {"doc_id": t.doc_id}
    for cat in t.categories:
        out[cat.category] = category_tally_to_dict(cat)
    return out


def category_tally_to_dict(cat: CategoryTally) -> dict[str, Any]:
    return {
        "best": number(cat.best),
        "low": number(cat.low),
        "high": number(cat.high),
        "civilians": number(cat.civilians),
        "combatants": number(cat.combatants),
        "unknown": number(cat.unknown),
        "claims": list(cat.claim_ids),
        "rule": cat.rule,
    }


def category_tally_from_dict(category: str, d: dict[str, Any]) -> CategoryTally:
    return CategoryTally(
        category=category,
        best=float(d["best"]),
        low=float(d["low"]),
        high=float(d["high"]),
        civilians=float(d["civilians"]),
        combatants=float(d["combatants"]),
        unknown=float(d["unknown"]),
        claim_ids=tuple(d.get("claims", ())),
        rule=d.get("rule", ""),
    )


def tally_from_dict(d: dict[str, Any]) -> Tally:
    cats = tuple(
        category_tally_from_dict(k, v) for k, v in d.items() if k != "doc_id" and isinstance(v, dict)
    )
    return Tally(doc_id=d["doc_id"], categories=cats)


def document_to_dict(doc: Document, *, with_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "name": doc.name,
        "path": doc.path,
        "url": doc.url,
        "title": doc.title,
        "publisher": doc.publisher,
        "aggregator": doc.aggregator,
        "published": doc.published,
        "language": doc.language,
        "format": doc.format,
        "content_hash": doc.content_hash,
        "chars": len(doc.text),
    }
    if with_text:
        out["text"] = doc.text
    return out


def document_from_dict(d: dict[str, Any]) -> Document:
    return Document(
        doc_id=d["doc_id"],
        text=d["text"],
        content_hash=d["content_hash"],
        name=d.get("name"),
        path=d.get("path"),
        url=d.get("url"),
        title=d.get("title"),
        publisher=d.get("publisher"),
        aggregator=d.get("aggregator"),
        published=d.get("published"),
        language=d.get("language"),
        format=d.get("format") or "text",
    )


def correction_to_dict(c: Correction) -> dict[str, Any]:
    """A reviewer's correction as a flat row: who, when, the verdict and the corrected fields."""
    out: dict[str, Any] = {
        "correction_id": c.correction_id, "doc_id": c.doc_id, "claim_id": c.claim_id,
        "verdict": c.verdict, "reviewer": c.reviewer, "reason": c.reason, "created_at": c.created_at,
    }  # fmt: skip
    for name in CORRECTABLE:
        value = getattr(c, name)
        out[name] = number(value) if isinstance(value, float) else value
    return out
