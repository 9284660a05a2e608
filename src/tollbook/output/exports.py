"""Exports: EventFindings -> rows in ACLED's and UCDP GED's CSV column layouts.

One row per event. ACLED: every event, `fatalities` = the killed finding's best (0 when no
killed figure). UCDP GED records only events with deaths, so events without a killed figure
of at least one are left out; `best`/`low`/`high` and `deaths_civilians` come from the
killed finding (the split of the report that gave `best`), and deaths of combatants go to
`deaths_unknown`, since the text rarely says which side they were on. Columns tollbook
cannot fill (actors, conflict and dyad ids, event types) are left empty for a coder.

Country and first-level region names come from the packaged gazetteer (loaded once); ISO
numeric codes, ACLED regions, Gleditsch-Ward numbers and UCDP regions from the declared table
`data/countries.tsv` (`tollbook.geo.countries`). The gazetteer holds no second- or third-order
divisions, so `admin2`/`admin3` (ACLED) and `adm_2` (UCDP) are filled only when the place found
is itself such a division. A place the gazetteer lacks but the text puts inside a division or
country (`PlaceMention.within`) keeps its name as `location` and takes the country, admin1 and
coordinates of what encloses it, with the precision code of that (`geo_precision`, `where_prec`).

UCDP GED's types: `id` an integer (the event id's hexadecimal part; `relid` keeps tollbook's
event id), `year`, `number_of_sources`, `where_prec`, `priogrid_gid` (the PRIO-GRID 0.5 degree
cell of the point), `country_id` (GW number), `event_clarity`, `date_prec` and every deaths
column integers, with `deaths_a + deaths_b + deaths_civilians + deaths_unknown == best`.
`gwnoa`/`gwnob` (the GW numbers of the sides' states) stay empty with the sides.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from tollbook.events.grouping import Event, Interval, Place
from tollbook.events.reconcile import EventFindings, Finding
from tollbook.geo.countries import country as country_codes
from tollbook.geo.countries import ucdp_region
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
    "best", "high", "low", "gwnoa", "gwnob",
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


_GEO_KEYS = ("country", "iso2", "admin1", "admin2", "admin3", "location", "lat", "lon", "feature")


def _geo(place: Place | None) -> dict[str, Any]:
    """The columns a place fills, and `level`: `town`, `region` or `country`, what resolved
    (a name the gazetteer lacks takes its `within`'s country, admin1 and coordinates)."""
    if place is None or (place.entry is None and place.within is None):
        return {**dict.fromkeys(_GEO_KEYS, ""), "location": place.name if place else "",
                "level": "", "coord_name": ""}  # fmt: skip
    e = place.entry or place.within
    assert e is not None
    countries, regions = _admin_names()
    return {
        "country": countries.get(e.country, e.country), "iso2": e.country,
        "admin1": regions.get((e.country, e.admin1), ""),
        "admin2": e.name if e.feature == "ADM2" else "",
        "admin3": e.name if e.feature == "ADM3" else "",
        "location": e.name if place.entry is not None else place.name,
        "lat": e.lat, "lon": e.lon, "feature": e.feature,
        "level": _level(e.feature), "inside": place.entry is None, "coord_name": e.name,
    }  # fmt: skip


def _level(feature: str) -> str:
    if feature in COUNTRY_FEATURES:
        return "country"
    return "town" if feature.startswith("PPL") else "region"


def _acled_country(g: dict[str, Any]) -> dict[str, Any]:
    """ACLED's `iso` (ISO numeric), `region` and `country` of a place."""
    c = country_codes(g["iso2"]) if g["iso2"] else None
    if c is None:
        return {"iso": "", "region": "", "country": g["country"]}
    return {"iso": c.iso_numeric, "region": c.acled_region, "country": c.acled_name or g["country"]}


def _ucdp_country(g: dict[str, Any]) -> dict[str, Any]:
    """UCDP GED's `country` (the GW state's name), `country_id` (its GW number), `region`."""
    c = country_codes(g["iso2"]) if g["iso2"] else None
    if c is None or c.gwno is None:
        return {"country": g["country"], "country_id": "", "region": ""}
    name = c.ucdp_name or _admin_names()[0].get(c.gw_state, g["country"])
    return {"country": name, "country_id": c.gwno, "region": ucdp_region(c.gwno)}


def priogrid_gid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell id of a point: 0.5 degree cells numbered from (-90, -180), 720 a row."""
    row = min(math.floor((lat + 90) / 0.5), 359)
    col = min(math.floor((lon + 180) / 0.5), 719)
    return row * 720 + col + 1


_EVENT_HEX = re.compile(r"ev([0-9a-f]{1,15})")


def ged_id(event_id: str) -> int:
    """An integer for GED's `id`: the event id's hexadecimal part (at most 60 bits), or a hash."""
    m = _EVENT_HEX.fullmatch(event_id)
    return int(m.group(1) if m else hashlib.sha1(event_id.encode()).hexdigest()[:14], 16)


def _acled_geo_precision(g: dict[str, Any]) -> int | str:
    """ACLED's codes from what resolved: 1 the town itself; 2 a part of a region (a second-
    order division, or a town the gazetteer lacks put inside one below the first level);
    3 a first-level region or the country (the coordinates are the region's or country's)."""
    feature = g["feature"]
    if not feature:
        return ""
    if g["level"] == "town" and not g["inside"]:
        return 1
    return 3 if g["level"] == "country" or feature == "ADM1" else 2


def _acled_time_precision(d: Interval | None) -> int | str:
    """1: the day; 2: within a week; 3: within a month or vaguer."""
    if d is None:
        return ""
    if d.precision == "day" and d.days <= 1:
        return 1
    return 2 if d.days <= 7 else 3


def _ucdp_where_prec(g: dict[str, Any]) -> int | str:
    """UCDP's codes from what resolved: 1 the exact place, 3 a second-order region, 4 a
    first-order region, 6 the country (a town the gazetteer lacks: its `within`'s code)."""
    feature = g["feature"]
    if not feature:
        return ""
    if g["level"] == "town" and not g["inside"]:
        return 1
    if g["level"] == "country":
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
            "year": int(e.date.start[:4]) if e.date else "",
            "time_precision": _acled_time_precision(e.date), **_acled_country(g),
            "admin1": g["admin1"], "admin2": g["admin2"], "admin3": g["admin3"],
            "location": g["location"],
            "latitude": g["lat"], "longitude": g["lon"],
            "geo_precision": _acled_geo_precision(g),
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
        best = round(killed.best)
        civilians = min(round(killed.civilians), best)
        out.append({
            **dict.fromkeys(UCDP_COLUMNS, ""),
            "id": ged_id(e.event_id), "relid": e.event_id,
            "year": int(e.date.start[:4]) if e.date else "",
            "number_of_sources": killed.independent_origins,
            "source_article": "; ".join(dict.fromkeys(r.doc_id for r in reports)),
            "source_office": "; ".join(dict.fromkeys(r.publisher for r in reports if r.publisher)),
            "source_date": "; ".join(dict.fromkeys(r.published for r in reports if r.published)),
            "source_original": "; ".join(dict.fromkeys(r.origin.label for r in reports)),
            "where_prec": _ucdp_where_prec(g), "where_coordinates": g["coord_name"],
            "where_description": e.place.name if e.place else "", "adm_1": g["admin1"],
            "adm_2": g["admin2"], "latitude": g["lat"], "longitude": g["lon"],
            "geom_wkt": f"POINT ({g['lon']} {g['lat']})" if g["lat"] != "" else "",
            "priogrid_gid": priogrid_gid(g["lat"], g["lon"]) if g["lat"] != "" else "",
            **_ucdp_country(g),
            "event_clarity": 1 if killed.status in ("single", "agree", "refine") else 2,
            "date_prec": _ucdp_date_prec(e.date), "date_start": e.date.start if e.date else "",
            "date_end": e.date.end if e.date else "",
            # the sides are unknown, so deaths of combatants go to deaths_unknown
            "deaths_a": 0, "deaths_b": 0, "deaths_civilians": civilians,
            "deaths_unknown": best - civilians,
            "best": best, "high": max(round(killed.high), best), "low": min(round(killed.low), best),
        })  # fmt: skip
    return out
