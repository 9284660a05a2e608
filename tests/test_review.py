"""Reviewers' corrections: stored beside the claims (store) and applied on read (review)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest

from tollbook import api
from tollbook._exceptions import FieldError, NotFoundError, StoreError
from tollbook.events.review import apply_corrections
from tollbook.model import Claim, Correction, DateValue
from tollbook.output import exports
from tollbook.store.database import Store
from tollbook.tally.rules import tally

from .dbs import db_url  # noqa: F401  (fixture: SQLite and PostgreSQL)
from .test_store import make_extraction


@pytest.fixture
def db(db_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(db_url) as s:
        s.save(make_extraction())
        yield s


def _whole(db: Store) -> str:
    return next(c.claim_id for c in db.claims() if c.parent is None)


def test_correction_is_stored_beside_the_claim_and_never_overwrites_it(db: Store) -> None:
    cid = _whole(db)
    saved = db.add_correction(
        Correction(doc_id="d0c1", claim_id=cid, verdict="corrected", reviewer="ana",
                   reason="the statement says 614", value=614)
    )  # fmt: skip
    assert saved.correction_id == 1 and saved.doc_id == "d0c1a2b3c4" and saved.created_at
    assert db.claim(cid).value == 613  # the extractor's record is unchanged
    assert db.corrections(claim_id=cid) == (saved,)
    reviewed = apply_corrections(db.claims(), db.corrections())
    whole = next(c for c in reviewed if c.claim_id == cid)
    assert (whole.value, whole.low, whole.high, whole.qualifier) == (614, 614, 614, "exact")
    assert "corrected" in whole.flags
    # The fixture's whole is a cumulative toll; as a plain figure it is what the tally uses.
    plain = [replace(c, flags=tuple(f for f in c.flags if f != "cumulative")) for c in reviewed]
    assert tally("d0c1a2b3c4", plain).get("killed").best == 614  # type: ignore[union-attr]


def test_newest_correction_wins_and_wrong_drops_the_claim(db: Store) -> None:
    cid = _whole(db)
    db.add_correction(
        Correction(doc_id="d0c1a2b3c4", claim_id=cid, verdict="correct", reviewer="a")
    )
    db.add_correction(Correction(doc_id="d0c1a2b3c4", claim_id=cid, verdict="wrong", reviewer="b"))
    reviewed = apply_corrections(db.claims(), db.corrections())
    assert cid not in {c.claim_id for c in reviewed}
    assert len(reviewed) == len(db.claims()) - 1


def test_source_and_category_corrections(db: Store) -> None:
    cid = _whole(db)
    db.add_correction(
        Correction(doc_id="d0c1a2b3c4", claim_id=cid, verdict="corrected", reviewer="a",
                   category="wounded", source="Valdorian Red Cross")
    )  # fmt: skip
    (whole,) = [c for c in apply_corrections(db.claims(), db.corrections()) if c.claim_id == cid]
    assert whole.category == "wounded" and whole.source.speaker == "Valdorian Red Cross"
    assert whole.source.cue == "corrected"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"verdict": "maybe"}, "unknown verdict"),
        ({"verdict": "corrected"}, "needs a new value"),
        ({"verdict": "wrong", "value": 3}, "cannot change value"),
        ({"verdict": "correct", "reviewer": " "}, "reviewer"),
    ],
)
def test_bad_corrections_are_refused_with_advice(db: Store, kwargs: dict, message: str) -> None:
    fields = {"doc_id": "d0c1a2b3c4", "claim_id": _whole(db), "reviewer": "a", **kwargs}
    with pytest.raises(StoreError, match=message):
        db.add_correction(Correction(**fields))
    assert db.corrections() == ()


def test_correction_of_unknown_claim_is_not_found(db: Store) -> None:
    with pytest.raises(NotFoundError, match="tollbook show"):
        db.add_correction(
            Correction(doc_id="d0c1a2b3c4", claim_id="nope", verdict="correct", reviewer="a")
        )


def test_unknown_category_is_a_field_error(db: Store) -> None:
    cid = _whole(db)
    db.add_correction(
        Correction(
            doc_id="d0c1a2b3c4", claim_id=cid, verdict="corrected", reviewer="a", category="bruised"
        )
    )
    with pytest.raises(FieldError, match="unknown category"):
        apply_corrections(db.claims(), db.corrections())


# -- place, event date, qualifier, detail, population class (issue 18) --------------------------


def _apply(db: Store, cid: str) -> Claim:
    (claim,) = [c for c in apply_corrections(db.claims(), db.corrections()) if c.claim_id == cid]
    return claim


def test_new_fields_are_stored_on_both_backends_and_applied(db: Store) -> None:
    cid = _whole(db)
    saved = api.add_correction(db, Correction(
        doc_id="d0c1a2b3c4", claim_id=cid, verdict="corrected", reviewer="ana", value=700,
        qualifier="approx", place="Aleppo", event_date="2031-03", detail="in two districts",
        population="villagers",
    ))  # fmt: skip
    assert db.corrections(claim_id=cid) == (saved,)
    assert (saved.place, saved.event_date, saved.qualifier, saved.detail) == ("Aleppo", "2031-03", "approx", "in two districts")
    claim = _apply(db, cid)
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (700, 630, 770, "approx")
    assert claim.place is not None and claim.place.text == "Aleppo"
    assert claim.place.entry is not None and claim.place.entry.country == "SY"  # looked up
    assert claim.event_date is not None and claim.event_date.value == DateValue(
        start="2031-03-01", end="2031-03-31", precision="month", iso="2031-03")
    assert claim.detail == "in two districts"
    assert (claim.population, claim.population_class) == ("villagers", "civilian")
    assert db.claim(cid).place.text == "Port Castellan"  # type: ignore[union-attr]  # extraction kept


@pytest.mark.parametrize(("population", "cls"), [("villagers", "civilian"), ("Gunmen", "combatant"),
                                                 ("police officers", "combatant"), ("zebras", "unknown")])  # fmt: skip
def test_a_corrected_population_takes_its_class(db: Store, population: str, cls: str) -> None:
    cid = _whole(db)
    api.add_correction(db, Correction(doc_id="d0c1a2b3c4", claim_id=cid, verdict="corrected",
                                      reviewer="a", population=population))  # fmt: skip
    assert _apply(db, cid).population_class == cls


def test_an_explicit_class_and_a_qualifier_alone(db: Store) -> None:
    cid = _whole(db)
    api.add_correction(db, Correction(doc_id="d0c1a2b3c4", claim_id=cid, verdict="corrected",
                                      reviewer="a", population="villagers",
                                      population_class="combatant", qualifier="at_least"))  # fmt: skip
    claim = _apply(db, cid)
    assert (claim.population_class, claim.qualifier, claim.value, claim.low, claim.high) == (
        "combatant", "at_least", 613, 613, 613)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("qualifier", "lots", "unknown qualifier 'lots'; use one of: exact"),
    ("population_class", "alien", "unknown population class 'alien'; use one of: civilian"),
    ("event_date", "soon", "event date 'soon' is not a date; write 2023-05-01"),
    ("event_date", "2031-02-30", "is not a date"),
])  # fmt: skip
def test_bad_new_fields_are_refused_with_advice(db: Store, field: str, value: str, message: str) -> None:
    bad = Correction(doc_id="d0c1a2b3c4", claim_id=_whole(db), verdict="corrected", reviewer="a",
                     **{field: value})  # fmt: skip
    with pytest.raises(FieldError, match=re.escape(message)):
        api.add_correction(db, bad)
    assert db.corrections() == ()


def test_corrected_place_and_date_flow_into_events_and_exports(db: Store) -> None:
    cid = _whole(db)
    before = api.events(db)
    assert {ef.event.place.name for ef in before if ef.event.place} == {"Port Castellan"}
    api.add_correction(db, Correction(doc_id="d0c1a2b3c4", claim_id=cid, verdict="corrected",
                                      reviewer="a", place="Aleppo", event_date="2031-03-02"))  # fmt: skip
    after = api.events(db)
    mine = [ef for ef in after if ("d0c1a2b3c4", cid) in ef.event.claim_keys]
    assert [ef.event.place.name for ef in mine if ef.event.place] == ["Aleppo"]
    assert [ef.event.date.iso for ef in mine if ef.event.date] == ["2031-03-02"]
    rows = exports.acled_rows(after)
    assert any(r["location"] == "Aleppo" and r["event_date"] == "2031-03-02" for r in rows), rows
