"""Reviewers' corrections: stored beside the claims (store) and applied on read (review)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from tollbook._exceptions import FieldError, NotFoundError, StoreError
from tollbook.events.review import apply_corrections
from tollbook.model import Correction
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
