"""Exports: EventFindings -> rows in ACLED's and UCDP GED's CSV column layouts.

One row per event. ACLED: every event, `fatalities` = the killed finding's best (0 when no
killed figure). UCDP GED records only events with deaths, so events without a killed figure
of at least one are left out; `best`/`low`/`high` and `deaths_civilians` come from the
killed finding (the split of the report that gave `best`), and deaths of combatants go to
`deaths_unknown`, since the text rarely says which side they were on. Columns tollbook
cannot fill (actors, conflict and dyad ids, event types) are left empty for a coder.

Country and first-level region names come from the packaged gazetteer (loaded once).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from tollbook.events.grouping import Event, Interval, Place
from tollbook.events.reconcile import EventFindings, Finding
from tollbook.geo.names import COUNTRY_FEATURES
from tollbook.model import number

__all__ = ["ACLED_COLUMNS", "UCDP_COLUMNS", "acled_rows", "ucdp_rows"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low",
)  # fmt: skip


@lru_cache(maxsize=1)
def _admin_names() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """ISO2 -> country name and (ISO2, admin1 code) -> region name, from the gazetteer."""
    countries: dict[str, str] = {}
    regions: dict[tuple[str, str], str] = {}
    path = resources.files("tollbook") / "data" / "gazetteer.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or ("\tPCL" not in line and "\tADM1\t" not in line):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 10:
                continue
            name, country, feature, admin1 = f[1], f[4], f[5], f[9]
            if feature in COUNTRY_FEATURES:
                countries.setdefault(country, name)
            elif feature == "ADM1":
                regions.setdefault((country, admin1), name)
    return countries, regions


def _killed(ef: EventFindings) -> Finding | None:
    return next((f for f in ef.findings if f.category == "killed" and f.unit == "people"), None)


def _geo(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {
            "country": "",
            "iso2": "",
            "admin1": "",
            "location": "",
            "lat": "",
            "lon": "",
            "feature": "",
        }
    e = place.entry
    if e is None:
        return {
            "country": "",
            "iso2": "",
            "admin1": "",
            "location": place.name,
            "lat": "",
            "lon": "",
            "feature": "",
        }
    countries, regions = _admin_names()
    return {
        "country": countries.get(e.country, e.country), "iso2": e.country,
        "admin1": regions.get((e.country, e.admin1), ""), "location": e.name,
        "lat": e.lat, "lon": e.lon, "feature": e.feature,
    }  # fmt: skip


def _acled_geo_precision(feature: str) -> int | str:
    """1: the town itself; 2: a part of a region / near a town; 3: a region or country."""
    if not feature:
        return ""
    if feature.startswith("PPL"):
        return 1
    return 3 if feature in COUNTRY_FEATURES or feature == "ADM1" else 2


def _acled_time_precision(d: Interval | None) -> int | str:
    """1: the day; 2: within a week; 3: within a month or vaguer."""
    if d is None:
        return ""
    if d.precision == "day" and d.days <= 1:
        return 1
    return 2 if d.days <= 7 else 3


def _ucdp_where_prec(feature: str) -> int | str:
    """1 exact place, 3 second-order region, 4 first-order region, 6 country (UCDP codes)."""
    if not feature:
        return ""
    if feature.startswith("PPL"):
        return 1
    if feature in COUNTRY_FEATURES:
        return 6
    return 4 if feature in ("ADM1", "RGN") else 3


def _ucdp_date_prec(d: Interval | None) -> int | str:
    """1 the day, 2 2-6 days, 3 a week, 4 a month, 5 longer (UCDP codes)."""
    if d is None:
        return ""
    if d.days <= 1:
        return 1
    if d.days <= 6:
        return 2
    if d.days <= 8:
        return 3
    return 4 if d.days <= 31 else 5


def _notes(ef: EventFindings) -> str:
    parts = []
    for f in ef.findings:
        origins = f"{f.independent_origins} independent origin(s)"
        span = f"[{number(f.low)}-{number(f.high)}]"
        parts.append(f"{f.category} ({f.unit}): {number(f.best)} {span}, "
                     f"{f.status}, {len(f.reports)} report(s), {origins}")  # fmt: skip
    return "tollbook: " + "; ".join(parts)


def _sources(ef: EventFindings) -> list[str]:
    names: dict[str, None] = {}
    for f in ef.findings:
        for r in f.reports:
            names.setdefault(r.origin.label, None)
    return list(names)


def _num(x: float | None) -> Any:
    return "" if x is None else number(x)


def acled_rows(events: Iterable[EventFindings]) -> list[dict[str, Any]]:
    """One ACLED-layout row per event."""
    out = []
    for ef in events:
        e: Event = ef.event
        g = _geo(e.place)
        killed = _killed(ef)
        out.append({
            **dict.fromkeys(ACLED_COLUMNS, ""),
            "event_id_cnty": e.event_id, "event_date": e.date.start if e.date else "",
            "year": e.date.start[:4] if e.date else "",
            "time_precision": _acled_time_precision(e.date),
            "country": g["country"], "admin1": g["admin1"], "location": g["location"],
            "latitude": g["lat"], "longitude": g["lon"],
            "geo_precision": _acled_geo_precision(g["feature"]),
            "source": "; ".join(_sources(ef)), "notes": _notes(ef),
            "fatalities": round(killed.best) if killed else 0,
            "tags": f"tollbook status={killed.status}" if killed else "",
        })  # fmt: skip
    return out


def ucdp_rows(events: Iterable[EventFindings]) -> list[dict[str, Any]]:
    """One UCDP GED-layout row per event with at least one death."""
    out = []
    for ef in events:
        e = ef.event
        killed = _killed(ef)
        if killed is None or killed.best < 1:
            continue
        g = _geo(e.place)
        reports = killed.reports
        out.append({
            **dict.fromkeys(UCDP_COLUMNS, ""),
            "id": e.event_id, "relid": e.event_id, "year": e.date.start[:4] if e.date else "",
            "number_of_sources": killed.independent_origins,
            "source_article": "; ".join(dict.fromkeys(r.doc_id for r in reports)),
            "source_office": "; ".join(dict.fromkeys(r.publisher for r in reports if r.publisher)),
            "source_date": "; ".join(dict.fromkeys(r.published for r in reports if r.published)),
            "source_original": "; ".join(dict.fromkeys(r.origin.label for r in reports)),
            "where_prec": _ucdp_where_prec(g["feature"]), "where_coordinates": g["location"],
            "where_description": e.place.name if e.place else "", "adm_1": g["admin1"],
            "latitude": g["lat"], "longitude": g["lon"],
            "geom_wkt": f"POINT ({g['lon']} {g['lat']})" if g["lat"] != "" else "",
            "country": g["country"],
            "event_clarity": 1 if killed.status in ("single", "agree", "refine") else 2,
            "date_prec": _ucdp_date_prec(e.date), "date_start": e.date.start if e.date else "",
            "date_end": e.date.end if e.date else "",
            "deaths_civilians": _num(killed.civilians),
            "deaths_unknown": _num(killed.unknown + killed.combatants),
            "best": _num(killed.best), "high": _num(killed.high), "low": _num(killed.low),
        })  # fmt: skip
    return out
