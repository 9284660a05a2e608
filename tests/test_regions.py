"""Regions and enclosing places (issue 21's "Where and when", issue 18's exports): a named
first-level division resolves as that division (ADM1), and a town the gazetteer lacks keeps
its name with the division or country the text puts it in (`PlaceMention.within`), through
the claim JSON, flat rows, the store's views, events and the ACLED / UCDP GED exports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tollbook import api
from tollbook.events.matching import Place, place_level, place_relation
from tollbook.geo.enclosing import enclose
from tollbook.geo.names import name_key
from tollbook.geo.places import Gazetteer
from tollbook.ingest.documents import document_from_text
from tollbook.model import Claim, PlaceMention
from tollbook.output.exports import acled_rows, ucdp_rows
from tollbook.output.flat import flat_claim
from tollbook.output.serialize import claim_from_dict, claim_to_dict
from tollbook.store.database import Store

from .dbs import db_url  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _killed(text: str, published: str = "2024-03-12") -> Claim:
    ex = api.extract_text(text, published=published)
    claims = [c for c in ex.claims if c.category == "killed"]
    assert claims, [c.text for c in ex.claims]
    return claims[0]


# ------------------------------------------------------------------ regions as regions


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Gunmen killed 12 people in Borno State on Monday.", "Borno", "NG", "27"),
        ("Attacks in the Tillabéri region killed 5 people.", "Tillaberi", "NE", "09"),
        ("Fighting in the province of Cabo Delgado killed 9 people.", "Cabo Delgado", "MZ", "01"),
        # "Tillaberi" alone is first the town (PPLA); "the province of" makes it the region.
        ("Fighting in the province of Tillaberi killed 9 people.", "Tillaberi", "NE", "09"),
        ("Fighting in the region of Tillaberi killed 9 people.", "Tillaberi", "NE", "09"),
    ],
)
def test_named_division_resolves_as_admin1(
    gaz: Gazetteer, text: str, name: str, country: str, admin1: str
) -> None:
    found = [p for p in gaz.find(text) if p.entry is not None and p.entry.country == country]
    assert found, gaz.find(text)
    e = found[0].entry
    assert e is not None
    assert (name_key(e.name), e.country, e.feature, e.admin1) == (name_key(name), country, "ADM1", admin1)
    c = _killed(text)
    assert c.place is not None and c.place.entry is not None
    assert (c.place.entry.feature, c.place.entry.admin1) == ("ADM1", admin1)


def test_town_without_division_word_stays_the_town(gaz: Gazetteer) -> None:
    """Only the division words make the region reading: "in Tillaberi" is still the town."""
    found = gaz.find("Three people were killed in Tillaberi on Monday.")
    assert [(p.entry.feature if p.entry else None) for p in found] == ["PPLA"]
    assert gaz.division("Tillaberi", "NE") is not None
    assert gaz.division("Tillaberi", "NG") is None  # only the given country's division


# ------------------------------------------------------------------ enclosing places


@pytest.mark.parametrize(
    ("text", "feature", "admin1"),
    [
        ("Gunmen killed 12 people in the village of Karvessa in Niger's Tillaberi region on Monday.",
         "ADM1", "09"),
        ("Gunmen killed 12 people in Karvessa, Tillaberi region, on Monday.", "ADM1", "09"),
        # Tillaberi read as the town: the division of the same name in its country encloses.
        ("Gunmen killed 12 people near Karvessa, in Tillaberi, on Monday.", "ADM1", "09"),
        # Only a country beside the town: the country encloses it.
        ("Gunmen killed 12 people in the village of Karvessa in Niger on Monday.", "PCLI", ""),
    ],
)  # fmt: skip
def test_unresolved_town_keeps_name_and_gets_within(text: str, feature: str, admin1: str) -> None:
    c = _killed(text)
    assert c.place is not None
    assert c.place.text == "Karvessa" and c.place.entry is None
    assert c.place.within is not None
    assert (c.place.within.country, c.place.within.feature, c.place.within.admin1) == (
        "NE", feature, admin1,
    )  # fmt: skip


def test_fictional_town_in_fictional_region_gets_nothing() -> None:
    """Nothing the gazetteer knows beside the name: no `within` is invented."""
    c = _killed("Gunmen killed 12 people in the village of Norvane in the Valdor region on Monday.")
    assert c.place is not None and c.place.entry is None and c.place.within is None


def test_only_link_words_join_a_town_to_its_region(gaz: Gazetteer) -> None:
    text = "Karvessa residents fled after raids that the army said killed 12 in Tillaberi region."
    places = sorted([*gaz.find(text), PlaceMention("Karvessa", (0, 8))], key=lambda p: p.span)
    out = enclose(text, places, gaz)
    assert out[0].text == "Karvessa" and out[0].within is None
    # A resolved town is never given a `within`.
    text2 = "Niamey, in Niger's Tillaberi region"
    assert all(p.within is None for p in enclose(text2, gaz.find(text2), gaz))


def test_division_noun_is_not_a_town_inside_anything(gaz: Gazetteer) -> None:
    text = "clashes in the Prefecture of Paraguay"
    start = text.index("Prefecture")
    places = sorted([*gaz.find(text), PlaceMention("Prefecture", (start, start + 10))],
                    key=lambda p: p.span)  # fmt: skip
    assert all(p.within is None for p in enclose(text, places, gaz))


def test_most_specific_enclosing_place_wins(gaz: Gazetteer) -> None:
    text = "the village of Karvessa in Niger's Tillaberi region"
    start = text.index("Karvessa")
    places = sorted([*gaz.find(text), PlaceMention("Karvessa", (start, start + 8))],
                    key=lambda p: p.span)  # fmt: skip
    out = enclose(text, places, gaz)
    within = next(p for p in out if p.text == "Karvessa").within
    assert within is not None and within.feature == "ADM1"  # the region, not Niger


# ------------------------------------------------------------------ contract


def test_place_within_round_trips_and_flattens() -> None:
    c = _killed("Gunmen killed 12 people in the village of Karvessa in Niger's Tillaberi region.")
    d = claim_to_dict(c)
    assert d["place_geo"] is None
    assert d["place_within"]["country"] == "NE" and d["place_within"]["admin1"] == "09"
    assert claim_from_dict(d) == c
    flat = flat_claim(d)
    assert (flat["place_within_country"], flat["place_within_admin1"], flat["place_within_feature"]) == (
        "NE", "09", "ADM1",
    )  # fmt: skip
    assert flat["place_country"] is None
    old = {k: v for k, v in d.items() if k != "place_within"}  # a claim of version 0.1.1
    assert claim_from_dict(old).place == PlaceMention(c.place.text, c.place.span)  # type: ignore[union-attr]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(db_url) as s:
        yield s


def test_store_views_fill_country_and_admin1_from_within(store: Store) -> None:
    text = ("Gunmen killed 12 people in the village of Karvessa in Niger's Tillaberi region "
            "on Monday. Separately, 4 people were killed in Borno State.")  # fmt: skip
    api.ingest(store, [document_from_text(text, published="2024-03-12")])
    rows = store.backend.query(
        "SELECT place, place_country, place_admin1 FROM claims_current ORDER BY span_start"
    )
    got = [(r["place"], r["place_country"], r["place_admin1"]) for r in rows]
    assert ("Karvessa", "NE", "09") in got
    assert ("Borno", "NG", "27") in got


# ------------------------------------------------------------------ events


def _entry(gaz: Gazetteer, name: str, feature: str) -> Place:
    e = next(e for e in gaz.lookup(name) if e.feature == feature)
    return Place(name=name, key=name_key(e.name), entry=e)


def test_events_place_inside_its_within(gaz: Gazetteer) -> None:
    region = gaz.division("Tillaberi", "NE")
    karvessa = Place("Karvessa", name_key("Karvessa"), None, region)
    assert place_level(karvessa) == "local"  # still a town's name: towns of a region stay apart
    assert place_relation(_entry(gaz, "Tillaberi", "ADM1"), karvessa)[0] == "contains"
    assert place_relation(karvessa, _entry(gaz, "Niger", "PCLI"))[0] == "contains"
    assert place_relation(karvessa, _entry(gaz, "Borno", "ADM1"))[0] == "different"
    borno = gaz.division("Borno", "NG")
    elsewhere = Place("Karvessa", name_key("Karvessa"), None, borno)
    assert place_relation(karvessa, elsewhere)[0] == "different"  # one name, two countries
    assert place_relation(karvessa, Place("Karvessa", name_key("Karvessa")))[0] == "same"


# ------------------------------------------------------------------ exports


_DOCS = {
    "karvessa": "Gunmen killed 12 people in the village of Karvessa in Niger's Tillaberi region "
    "on Monday, a local official said.",
    "orvelle": "Gunmen killed 7 people in the village of Orvelle in Niger on Monday, "
    "a local official said.",
    "borno": "Militants killed 9 people in Borno State on Monday, police said.",
    "niamey": "A bomb killed 6 people in Niamey on Monday, police said.",
    "country": "Attacks killed 15 people in Mali on Monday, the army said.",
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:  # type: ignore[type-arg]
    path = tmp_path_factory.mktemp("regions") / "toll.db"
    with Store.open(str(path)) as s:
        docs = [document_from_text(t, published="2024-03-12") for t in _DOCS.values()]
        api.ingest(s, docs)
        events = api.events(s)
    return acled_rows(events), ucdp_rows(events)


def _row(rows: list[dict], fatalities: int, key: str) -> dict:  # type: ignore[type-arg]
    return next(r for r in rows if r[key] == fatalities)


@pytest.mark.parametrize(
    ("killed", "location", "country", "admin1", "acled_prec", "ged_prec"),
    [
        (12, "Karvessa", "Niger", "Tillaberi", 3, 4),  # a town inside its region
        (7, "Orvelle", "Niger", "", 3, 6),  # a (fictional) town inside its country only
        (9, "Borno", "Nigeria", "Borno", 3, 4),  # the region itself
        (6, "Niamey", "Niger", "Niamey", 1, 1),  # a town the gazetteer holds
        (15, "Mali", "Mali", "", 3, 6),  # the country only
    ],
)
def test_exports_fill_country_admin1_and_precision(
    exported: tuple[list[dict], list[dict]],  # type: ignore[type-arg]
    killed: int, location: str, country: str, admin1: str, acled_prec: int, ged_prec: int,
) -> None:  # fmt: skip
    acled, ged = exported
    a = _row(acled, killed, "fatalities")
    assert (a["location"], a["country"], a["admin1"], a["geo_precision"]) == (
        location, country, admin1, acled_prec,
    )  # fmt: skip
    assert a["iso"] != "" and a["latitude"] != ""
    g = _row(ged, killed, "best")
    assert (g["where_prec"], g["adm_1"]) == (ged_prec, admin1)
    assert g["country_id"] != "" and g["priogrid_gid"] != ""
