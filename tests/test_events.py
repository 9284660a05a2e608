"""Grouping claims of many documents into events (tollbook.events.grouping)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tollbook import api
from tollbook.events.grouping import (
    DocInfo,
    Event,
    Grouping,
    doc_info,
    event_names,
    group,
    group_claims,
    mentions_of,
)
from tollbook.ingest.sources import document_from_text
from tollbook.model import Claim, DateMention, GazetteerEntry, PlaceMention
from tollbook.output.serialize import _date_value_from_iso
from tollbook.pipeline import Pipeline
from tollbook.store.database import Store

from .conftest import require_shared

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def ingest_into(path: Path, *sources: Path) -> Store:
    store = Store.open(str(path))
    report = api.ingest(store, api.read([str(s) for s in sources]))
    assert report.ok, report.failures
    return store


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with ingest_into(tmp_path_factory.mktemp("ev") / "ev.db", FIXTURES) as store:
        yield store


def _event_with(events: tuple[Event, ...], place: str, date: str) -> Event:
    found = [
        e for e in events if e.place and e.place.name == place and e.date and e.date.iso == date
    ]
    assert len(found) == 1, [(e.place, e.date) for e in events]
    return found[0]


def _grouping(store: Store) -> Grouping:
    return group_claims([doc_info(d) for d in store.documents()], store.claims())


def test_fixture_documents_form_the_expected_events(fixture_store: Store) -> None:
    g = _grouping(fixture_store)
    names = {d.doc_id: d.name for d in fixture_store.documents()}
    market = _event_with(g.events, "Port Castellan", "2021-03-03")
    assert sorted(names[d] for d in market.doc_ids) == [
        "castellan-ministry-0305.txt",
        "castellan-ministry-0308.txt",
        "castellan-observatory-0306.txt",
    ]
    # The same town six weeks later is another incident, kept apart with its reason.
    april = _event_with(g.events, "Port Castellan", "2021-04-20")
    assert april.event_id != market.event_id
    assert len(april.mentions) == 1 and not [r for r in april.reasons if r.decision == "merge"]
    mirren = _event_with(g.events, "Lake Mirren", "2022-05-02")
    assert len(mirren.doc_ids) == 3
    assert len(g.events) == 4
    # Every merge inside an event is explained.
    merges = [r for r in market.reasons if r.decision == "merge"]
    assert len(merges) >= 2 and all(
        r.reasons[0] == "same place name (Port Castellan)" for r in merges
    )
    assert "Port Castellan market shelling" in market.names


def test_seeds_are_one_event(tmp_path: Path) -> None:
    seeds = require_shared("seeds")
    with ingest_into(tmp_path / "s.db", seeds) as store:
        g = _grouping(store)
    assert len(g.events) == 1
    (e,) = g.events
    assert e.place is not None and e.place.name == "Khojaly"
    assert e.date is not None and e.date.iso == "1992-02-25/1992-02-26"
    assert len(e.doc_ids) == 2
    assert {"killed", "wounded", "hostage", "missing", "orphaned"} <= set(e.categories)


def test_grouping_is_deterministic_and_incremental(fixture_store: Store) -> None:
    docs = [doc_info(d) for d in fixture_store.documents()]
    claims = fixture_store.claims()
    batch = group_claims(docs, claims)
    shuffled = list(docs)
    random.Random(7).shuffle(shuffled)
    assert [e.event_id for e in group_claims(shuffled, claims).events] == [
        e.event_id for e in batch.events
    ]
    # Documents arriving one at a time give the same events as all at once.
    g: Grouping | None = None
    for d in shuffled:
        g = group_claims([d], [c for c in claims if c.doc_id == d.doc_id], g)
    assert g is not None
    assert {(e.event_id, e.claim_keys) for e in g.events} == {
        (e.event_id, e.claim_keys) for e in batch.events
    }


# ---------------------------------------------------------------- synthetic mentions

KHOJALY = GazetteerEntry(147774, "Khojaly", "AZ", "PPLA", 39.91, 46.79, 5810, "64")
AZ = GazetteerEntry(587116, "Azerbaijan", "AZ", "PCLI", 40.5, 47.5, 9000000, "00")
ASKERAN = GazetteerEntry(174991, "Askeran", "AZ", "PPL", 39.93, 46.83, 1000, "64")


def _claim(
    doc: str,
    cid: str,
    *,
    place: GazetteerEntry | str | None,
    date: str | None,
    precision: str = "day",
    value: float = 10,
    category: str = "killed",
) -> Claim:
    pm = None
    if isinstance(place, GazetteerEntry):
        pm = PlaceMention(text=place.name, span=(0, 1), entry=place)
    elif isinstance(place, str):
        pm = PlaceMention(text=place, span=(0, 1))
    dm = None
    if date is not None:
        dm = DateMention(text=date, span=(0, 1), value=_date_value_from_iso(date, precision))
    return Claim(
        claim_id=cid,
        doc_id=doc,
        kind="count",
        category=category,
        population="people",
        population_class="unknown",
        value=value,
        low=value,
        high=value,
        qualifier="exact",
        unit="people",
        span=(5, 7),
        sentence_span=(0, 10),
        sentence="",
        text="",
        rule="t",
        extractor_version="t",
        place=pm,
        event_date=dm,
    )


def _group(*claims: Claim, names: dict[str, tuple[str, ...]] | None = None) -> Grouping:
    docs = sorted({c.doc_id for c in claims})
    infos = [
        DocInfo(doc_id=d, published=f"2020-01-{i + 1:02d}", names=(names or {}).get(d, ()))
        for i, d in enumerate(docs)
    ]
    return group_claims(infos, list(claims))


def test_month_contains_day_and_town_is_inside_its_country() -> None:
    g = _group(
        _claim("a", "c1", place=KHOJALY, date="1992-02-25/1992-02-26"),
        _claim("b", "c2", place=KHOJALY, date="1992-02", precision="month"),
        _claim("c", "c3", place=AZ, date="1992-02-26"),
    )
    assert len(g.events) == 1
    reasons = [x for r in g.events[0].reasons for x in r.reasons]
    assert "1992-02 contains 1992-02-25/1992-02-26" in reasons
    assert "Khojaly is inside Azerbaijan" in reasons


def test_broad_mention_fitting_two_events_stays_apart() -> None:
    g = _group(
        _claim("a", "c1", place=KHOJALY, date="1992-02-10"),
        _claim("b", "c2", place=KHOJALY, date="1992-02-25"),
        _claim("c", "c3", place=KHOJALY, date="1992-02", precision="month"),
    )
    assert len(g.events) == 3
    amb = [r for e in g.events for r in e.reasons if r.decision == "ambiguous"]
    assert amb and "fits 2 events equally" in amb[0].reasons[-1]


def test_different_towns_and_distant_days_are_separate() -> None:
    g = _group(
        _claim("a", "c1", place=KHOJALY, date="1992-02-25"),
        _claim("b", "c2", place=ASKERAN, date="1992-02-25"),
        _claim("c", "c3", place=KHOJALY, date="1992-03-25"),
    )
    assert len(g.events) == 3


def test_a_shared_event_name_joins_a_mention_without_place() -> None:
    names = {"a": ("Harbour Street bombing",), "b": ("Harbour Street bombing",)}
    with_name = _group(
        _claim("a", "c1", place="Port Castellan", date="2021-03-03"),
        _claim("b", "c2", place=None, date="2021-03-03"),
        names=names,
    )
    assert len(with_name.events) == 1
    without = _group(
        _claim("a", "c1", place="Port Castellan", date="2021-03-03"),
        _claim("b", "c2", place=None, date="2021-03-03"),
    )
    assert len(without.events) == 2


def test_mentions_of_one_document_split_by_incident() -> None:
    doc = DocInfo(doc_id="d")
    claims = [
        _claim("d", "c1", place="Port Castellan", date="2021-03-03"),
        replace(
            _claim("d", "c2", place="Lake Mirren", date="2022-05-02"),
            span=(50, 52),
            sentence_span=(40, 60),
        ),
        replace(_claim("d", "c3", place=None, date=None), span=(80, 82), sentence_span=(70, 90)),
    ]
    ms = mentions_of(doc, claims)
    assert [m.claim_ids for m in ms] == [("c1",), ("c2",), ("c3",)]  # c3 cannot be placed
    one = mentions_of(doc, [claims[0], claims[2]])
    assert len(one) == 1 and "the document's only incident" in one[0].reasons[0]


def test_event_names_and_inferred_publication_date(pipeline: Pipeline) -> None:
    text = "The Port Castellan market shelling and the Norvane ambush were condemned."
    assert event_names(text) == ("Port Castellan market shelling", "Norvane ambush")
    doc = pipeline.run(
        document_from_text("5 March 2021 marks the first anniversary of the attack.")
    ).document
    info = doc_info(doc)
    assert info.published == "2021-03-05" and info.published_inferred


def test_event_ids_are_hashes_of_the_earliest_claim() -> None:
    a = _group(
        _claim("a", "c1", place=KHOJALY, date="1992-02-25"),
        _claim("b", "c2", place=KHOJALY, date="1992-02-25"),
    )
    b = _group(
        _claim("b", "c2", place=KHOJALY, date="1992-02-25"),
        _claim("a", "c1", place=KHOJALY, date="1992-02-25"),
    )
    assert a.events[0].event_id == b.events[0].event_id and a.events[0].event_id.startswith("ev")
    ms = [m for e in a.events for m in e.mentions]
    assert group(ms).events[0].event_id == a.events[0].event_id
