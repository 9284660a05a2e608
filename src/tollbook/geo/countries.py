"""ISO 3166 alpha-2 code -> Country: the codes and region names conflict datasets use.

Reads the packaged `data/countries.tsv` (declared data, one row per country or territory of the
gazetteer; its header comments say where each column comes from). Used by the ACLED and UCDP
GED exports: ACLED wants the ISO numeric code and its region names, UCDP GED the
Gleditsch-Ward state number (`gwno`) and its five regions.

UCDP's regions follow from the GW number (UCDP's codebooks define them by GW ranges):
Americas 2-199, Europe 200-399, Africa 400-626, Middle East 630-699, Asia 700-999
(Oceania included).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Country", "countries", "country", "ucdp_region"]


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    gwno: int | None  # the GW number UCDP gives events here (a dependency's state's number)
    gw_state: str  # ISO2 of that GW state (the country itself, or the state it belongs to)
    acled_region: str
    acled_name: str  # empty: the gazetteer's name
    ucdp_name: str  # the GW state's name in UCDP GED; empty: the gazetteer's name of gw_state


def ucdp_region(gwno: int | None) -> str:
    """UCDP's region of a Gleditsch-Ward state number ("" when there is none)."""
    if gwno is None:
        return ""
    for top, name in ((199, "Americas"), (399, "Europe"), (626, "Africa"), (699, "Middle East")):
        if gwno <= top:
            return name
    return "Asia"


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every row of data/countries.tsv by ISO2 code."""
    raw: dict[str, list[str]] = {}
    text = (resources.files("tollbook") / "data" / "countries.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # lines[0] names the columns
        fields = line.split("\t")
        raw[fields[0]] = fields + [""] * (8 - len(fields))
    out: dict[str, Country] = {}
    for iso2, f in raw.items():
        state = f[4] or (iso2 if f[3] else "")
        gw = raw[state][3] if state else ""
        out[iso2] = Country(
            iso2=iso2, iso3=f[1], iso_numeric=int(f[2]), gwno=int(gw) if gw else None,
            gw_state=state, acled_region=f[5], acled_name=f[6],
            ucdp_name=raw[state][7] if state else "",
        )  # fmt: skip
    return out


def country(iso2: str) -> Country | None:
    """The row of one ISO2 code, or None for a code the table lacks."""
    return countries().get(iso2.upper())
