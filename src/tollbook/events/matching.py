"""Place and date relations of incidents: two places or two dates -> relation + reason.

Places: `same` (one GeoNames entry, or one name in one country), `contains` (a country holds
its towns, an ADM1 region those with its admin1 code, a district those within 50 km, a
name the gazetteer lacks made of two places, "Bama-Banki", each of them),
`namesake` (one town name the gazetteer read in two countries); a name the gazetteer lacks
is inside the division or country the text put it in (`within`) and in what contains that;
`unknown` (one is missing),
`different`. Dates: `same`, `contains` ("1992-02" holds
"1992-02-25/1992-02-26"), `overlaps`, `near` (a day apart, both to the day), `unknown`,
`disjoint`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from tollbook.geo.names import COUNTRY_FEATURES, name_key
from tollbook.model import GazetteerEntry

__all__ = ["Interval", "Place", "date_relation", "place_level", "place_relation"]

REGION_FEATURES = frozenset({"ADM1", "ADM2", "ADM3", "ADMD", "RGN", "PRSH", "ZN", "AREA"})
DISTRICT_RADIUS_KM = 50.0


@dataclass(frozen=True, slots=True)
class Place:
    """An incident's place: as written, its folded key, the gazetteer entry if any, and for a
    name the gazetteer lacks the division or country the text put it in (`within`)."""

    name: str
    key: str
    entry: GazetteerEntry | None = None
    within: GazetteerEntry | None = None


@dataclass(frozen=True, slots=True)
class Interval:
    """A date or interval, first and last day included."""

    start: str
    end: str
    precision: str
    iso: str

    @property
    def days(self) -> int:
        return (day(self.end) - day(self.start)).days + 1


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def place_level(p: Place) -> str:
    if p.entry is None:
        return "local"
    if p.entry.feature in COUNTRY_FEATURES:
        return "country"
    if p.entry.feature in REGION_FEATURES:
        return "region"
    return "local"


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    la, lb = math.radians(a.lat), math.radians(b.lat)
    dlon = math.radians(b.lon - a.lon)
    c = math.sin(la) * math.sin(lb) + math.cos(la) * math.cos(lb) * math.cos(dlon)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def _contains(big: GazetteerEntry, small: GazetteerEntry) -> bool:
    if big.country != small.country or big.geonameid == small.geonameid:
        return False
    if small.feature in COUNTRY_FEATURES:
        return False
    if big.feature in COUNTRY_FEATURES:
        return True
    if big.feature == "ADM1":
        return bool(big.admin1) and big.admin1 == small.admin1
    if big.feature in REGION_FEATURES:
        same_adm1 = not big.admin1 or not small.admin1 or big.admin1 == small.admin1
        return same_adm1 and _km(big, small) <= DISTRICT_RADIUS_KM
    return False


def place_relation(a: Place | None, b: Place | None) -> tuple[str, str]:
    if a is None or b is None:
        return "unknown", "place unknown in one"
    ea, eb = a.entry, b.entry
    if ea is not None and eb is not None:
        if ea.geonameid == eb.geonameid:
            return "same", f"same place ({ea.name}, GeoNames {ea.geonameid})"
        if a.key == b.key and ea.country == eb.country:
            return "same", f"same place name ({ea.name}) in {ea.country}"
        if _contains(ea, eb):
            return "contains", f"{eb.name} is inside {ea.name}"
        if _contains(eb, ea):
            return "contains", f"{ea.name} is inside {eb.name}"
        if name_key(a.name) == name_key(b.name) and place_level(a) == place_level(b) == "local":
            # One name read in two countries ("Tera": Niger's, or Iran's when the document
            # names no country): the same town unless the dates say otherwise.
            return "namesake", f"same name ({a.name}) read in {ea.country} and {eb.country}"
        return "different", f"different places ({ea.name}, {eb.name})"
    if a.key == b.key:
        if a.within and b.within and a.within.country != b.within.country:
            return "different", f"same name ({a.name}) in {a.within.country} and {b.within.country}"
        return "same", f"same place name ({a.name})"
    # "Karvessa" put in the Tillaberi region, and the Tillaberi region (or Niger) itself.
    for x, y in ((a, b), (b, a)):
        if x.entry is not None and y.entry is None and y.within is not None and (
            x.entry.geonameid == y.within.geonameid or _contains(x.entry, y.within)
        ):
            return "contains", f"{y.name} is inside {x.entry.name}"
    # "the Bama-Banki road" and Bama: a place named from two places holds each of them.
    for x, y in ((a, b), (b, a)):
        if x.entry is None and "-" in x.name and name_key(y.name) in {
            name_key(part) for part in x.name.split("-")
        }:
            return "contains", f"{y.name} is one of the places {x.name} names"
    return "different", f"different places ({a.name}, {b.name})"


def date_relation(a: Interval | None, b: Interval | None) -> tuple[str, str]:
    if a is None or b is None:
        return "unknown", "date unknown in one"
    if (a.start, a.end) == (b.start, b.end):
        return "same", f"same date ({a.iso})"
    if a.start <= b.start and b.end <= a.end:
        return "contains", f"{a.iso} contains {b.iso}"
    if b.start <= a.start and a.end <= b.end:
        return "contains", f"{b.iso} contains {a.iso}"
    if a.start <= b.end and b.start <= a.end:
        return "overlaps", f"dates overlap ({a.iso}, {b.iso})"
    gap = min(abs((day(b.start) - day(a.end)).days), abs((day(a.start) - day(b.end)).days))
    if gap <= 1 and a.precision == b.precision == "day":
        return "near", f"dates a day apart ({a.iso}, {b.iso})"
    return "disjoint", f"different dates ({a.iso}, {b.iso})"
