"""Tests for tollbook.store.database: Extraction -> rows -> the same objects back, on SQLite and
PostgreSQL (`db_url` from tests/dbs.py runs each test on both)."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tollbook._exceptions import MigrationError, NotFoundError, StoreError
from tollbook.model import (
    Attribution,
    CategoryTally,
    Claim,
    DateMention,
    DateValue,
    Document,
    Extraction,
    GazetteerEntry,
    PlaceMention,
    Segment,
    SourceLink,
    Tally,
)
from tollbook.store import backends
from tollbook.store.database import MIGRATIONS, SCHEMA_VERSION, SaveResult, Store, version_key

from .dbs import db_url  # noqa: F401  (fixture)

# Invented place and people; no real events.
TEXT = (
    "Port Castellan, Valdoria. The health ministry of Valdoria said on 4 March that "
    "613 people were killed in the shelling, including 63 children."
)


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return (start, start + len(word))


def make_extraction(
    doc_id: str = "d0c1a2b3c4", version: str = "0.1.0", value: float = 613.0
) -> Extraction:
    """A document with one whole claim, one part claim linked to it, and a tally."""
    doc = Document(
        doc_id=doc_id,
        text=TEXT,
        content_hash="sha256:" + doc_id,
        name=f"{doc_id}.txt",
        path=f"/corpus/{doc_id}.txt",
        url=f"https://castellan-herald.example/{doc_id}",
        title="Shelling in Port Castellan",
        publisher="Castellan Herald",
        aggregator="Norvane Newswire",
        published="2031-03-05",
        language="en",
        format="text",
    )
    sentence_start = TEXT.index("The health")
    sentence_span = (sentence_start, len(TEXT))
    sentence = TEXT[sentence_start:]
    place = PlaceMention(
        text="Port Castellan",
        span=_span("Port Castellan"),
        entry=GazetteerEntry(
            geonameid=9_900_001,
            name="Port Castellan",
            country="XV",
            feature="PPLA",
            lat=41.25,
            lon=-3.5,
            population=120_000,
            admin1="07",
        ),
    )
    when = DateMention(
        text="4 March",
        span=_span("4 March"),
        value=DateValue(start="2031-03-04", end="2031-03-04", precision="day", iso="2031-03-04"),
        role="event",
        relative=True,
    )
    source = Attribution(
        speaker="the health ministry of Valdoria",
        span=_span("The health ministry of Valdoria"),
        cue="said_in_statement",
        chain=(
            SourceLink(role="published_by", name="Castellan Herald"),
            SourceLink(role="aggregated_by", name="Norvane Newswire"),
        ),
    )
    common = {
        "doc_id": doc_id,
        "kind": "count",
        "category": "killed",
        "qualifier": "exact",
        "unit": "people",
        "sentence_span": sentence_span,
        "sentence": sentence,
        "rule": "count_verb",
        "extractor_version": version,
        "place": place,
        "event_date": when,
        "source": source,
    }
    whole = Claim(
        claim_id="c1",
        population="people",
        population_class="unknown",
        value=value,
        low=value,
        high=value,
        span=_span("613"),
        text="613",
        flags=("cumulative",),
        characterisation=("shelling",),
        **common,  # type: ignore[arg-type]
    )
    part = Claim(
        claim_id="c2",
        population="children",
        population_class="civilian",
        value=63.0,
        low=63.0,
        high=63.0,
        span=_span("63"),
        text="63",
        parent="c1",
        relation="part",
        **common,  # type: ignore[arg-type]
    )
    # "wounded" first: the stored tally must keep the category order it was given.
    tally = Tally(
        doc_id=doc_id,
        categories=(
            CategoryTally("wounded", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, (), "none"),
            CategoryTally("killed", value, value, value, 63.0, 0.0, value - 63, ("c1", "c2"), "r"),
        ),
    )
    segments = (
        Segment("sentence", 0, sentence_start - 1, TEXT[: sentence_start - 1]),
        Segment("sentence", sentence_start, len(TEXT), sentence),
    )
    return Extraction(
        document=doc,
        segments=segments,
        claims=(whole, part),
        tally=tally,
        extractor_version=version,
    )


def ticking_clock() -> Callable[[], str]:
    counter = itertools.count()
    return lambda: f"2031-01-01T00:00:{next(counter):02d}.000000+00:00"


@pytest.fixture
def db(db_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(db_url, now=ticking_clock()) as s:
        yield s


def test_round_trip_equals_original(db: Store) -> None:
    ex = make_extraction()
    result = db.save(ex)
    assert result == SaveResult(doc_id=ex.document.doc_id, new_document=True, claims=2)
    assert db.document(ex.document.doc_id) == ex.document
    assert db.claims(ex.document.doc_id) == ex.claims
    assert db.claim("c2") == ex.claims[1]
    assert db.claim("c2").parent == "c1"
    assert db.tally(ex.document.doc_id) == ex.tally
    assert db.tallies() == (ex.tally,)
    assert db.segments(ex.document.doc_id) == ex.segments
    assert db.claims(category="wounded") == ()
    assert db.claims(category="killed") == ex.claims


def test_key_columns_are_filled(db: Store) -> None:
    db.save(make_extraction())
    (found,) = db.backend.query(
        "SELECT category, value, parent, place, event_date, source, span_start FROM claims"
        " WHERE claim_id = 'c2'"
    )
    row = tuple(found.values())
    assert row == (
        "killed",
        63.0,
        "c1",
        "Port Castellan",
        "2031-03-04",
        "the health ministry of Valdoria",
        _span("63")[0],
    )


def test_same_document_twice_is_one_row(db: Store) -> None:
    ex = make_extraction()
    assert db.save_document(ex.document) is True
    assert db.save_document(ex.document) is False
    assert db.save(ex).new_document is False
    assert db.stats() == {"documents": 1, "claims": 2, "extractions": 1}
    assert db.documents() == (ex.document,)


def test_resave_same_version_replaces(db: Store) -> None:
    db.save(make_extraction(value=613.0))
    db.save(make_extraction(value=700.0))
    assert db.stats() == {"documents": 1, "claims": 2, "extractions": 1}
    assert [c.value for c in db.claims()] == [700.0, 63.0]
    killed = db.tally("d0c1a2b3c4").get("killed")
    assert killed is not None and killed.best == 700.0


def test_new_version_keeps_old_and_newest_is_default(db: Store) -> None:
    db.save(make_extraction(version="0.1.0", value=613.0))
    db.save(make_extraction(version="0.2.0", value=620.0))
    assert db.stats()["claims"] == 4
    assert db.versions("d0c1a2b3c4") == ("0.1.0", "0.2.0")
    assert [c.value for c in db.claims()] == [620.0, 63.0]
    assert {c.extractor_version for c in db.claims()} == {"0.2.0"}
    assert [c.value for c in db.claims(version="0.1.0")] == [613.0, 63.0]
    assert db.claim("c1").value == 620.0
    assert db.claim("c1", version="0.1.0").value == 613.0
    old = db.tally("d0c1a2b3c4", "0.1.0").get("killed")
    assert old is not None and old.best == 613.0


def test_versions_compare_numerically(db: Store) -> None:
    # Saved newest first, so neither insertion order nor string order gives the answer.
    db.save(make_extraction(version="0.10.0", value=10.0))
    db.save(make_extraction(version="0.9.0", value=9.0))
    assert db.versions("d0c1a2b3c4") == ("0.9.0", "0.10.0")
    assert db.claims()[0].value == 10.0
    newest = db.tally("d0c1a2b3c4").get("killed")
    assert newest is not None and newest.best == 10.0
    assert version_key("0.10.0") > version_key("0.9.0")
    assert version_key("1.0.0") > version_key("1.0.0rc1")
    assert version_key("2.0") > version_key("1.99.99")


def test_newest_version_without_claims_hides_older_claims(db: Store) -> None:
    db.save(make_extraction(version="0.1.0"))
    empty = make_extraction(version="0.2.0")
    empty = Extraction(empty.document, (), (), Tally(empty.document.doc_id, ()), "0.2.0")
    assert db.save(empty).claims == 0
    assert db.versions("d0c1a2b3c4") == ("0.1.0", "0.2.0")
    assert db.claims() == ()
    assert db.tally("d0c1a2b3c4") == Tally("d0c1a2b3c4", ())
    assert len(db.claims(version="0.1.0")) == 2


def test_failure_mid_save_leaves_nothing(db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Store, *args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "_insert_tally", boom)
    with pytest.raises(StoreError) as err:
        db.save(make_extraction())
    assert err.value.source == "d0c1a2b3c4"
    assert "disk on fire" in str(err.value)
    assert not db.has_document("d0c1a2b3c4")
    assert db.stats() == {"documents": 0, "claims": 0, "extractions": 0}
    if db.has_fts():
        assert db.search("Castellan") == ()


def test_failed_resave_keeps_previous_rows(db: Store) -> None:
    db.save(make_extraction(value=613.0))
    bad = make_extraction(value=1.0)
    dup = Extraction(bad.document, bad.segments, (bad.claims[0], bad.claims[0]), bad.tally, "0.1.0")
    with pytest.raises(StoreError, match="d0c1a2b3c4"):
        db.save(dup)  # duplicate claim_id: the primary key refuses the second row
    assert [c.value for c in db.claims()] == [613.0, 63.0]
    assert db.stats() == {"documents": 1, "claims": 2, "extractions": 1}


def test_inconsistent_extraction_is_refused(db: Store) -> None:
    ex = make_extraction()
    other = make_extraction(doc_id="ffff0000")
    mixed = Extraction(ex.document, ex.segments, other.claims, ex.tally, "0.1.0")
    with pytest.raises(StoreError, match="ffff0000"):
        db.save(mixed)
    assert db.stats()["documents"] == 0


def test_migrations_fresh_reopen_and_future(db_url: str) -> None:  # noqa: F811
    with Store.open(db_url) as s:
        assert s.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0]
        assert s.migrate() == ()
        s.save(make_extraction())
    with Store.open(db_url) as s:  # re-open: nothing to apply, data intact
        assert s.migrate() == ()
        assert s.stats()["claims"] == 2
        rows = s.backend.query("SELECT COUNT(*) AS n FROM schema_migrations")
        assert rows[0]["n"] == len(MIGRATIONS)
        s.backend.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')")
    with pytest.raises(MigrationError) as err:
        Store.open(db_url)
    assert err.value.message == (
        f"database schema version 99 is newer than this tollbook ({SCHEMA_VERSION}); "
        "upgrade tollbook"
    )


def test_sqlite_url_forms_and_wal(tmp_path: Path) -> None:
    path = str(tmp_path / "toll.db")
    with Store.open(path) as s:
        s.save(make_extraction())
    with Store.open(f"sqlite:///{path}") as s:  # the same file through a sqlite:/// URL
        assert s.migrate() == ()
        assert s.stats()["claims"] == 2
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT COUNT(*) FROM schema_migrations").fetchone() == (len(MIGRATIONS),)
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


def test_unknown_scheme() -> None:
    with pytest.raises(StoreError, match="'mysql'") as err:
        Store.open("mysql://db.example/toll")
    assert "postgresql://" in str(err.value)  # the message lists what is accepted


def test_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "toll.db"
    with pytest.raises(StoreError) as err:
        Store.open(str(target))
    message = str(err.value)
    assert str(target.parent) in message
    assert "create the directory" in message and "--db" in message
    assert not target.parent.exists()


def test_memory_url() -> None:
    with Store.open(":memory:") as s:
        s.save(make_extraction())
        assert s.stats()["documents"] == 1
        assert s.dialect == "sqlite" and s.location == ":memory:"


def test_closed_store(db_url: str) -> None:  # noqa: F811
    s = Store.open(db_url)
    s.save(make_extraction())
    assert s.stats()["documents"] == 1
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.stats()


def test_prefix_lookup_and_ambiguity(db: Store) -> None:
    for doc_id in ("abcd1234", "abcd5678", "ffff0000"):
        db.save(make_extraction(doc_id=doc_id))
    assert db.document("ffff").doc_id == "ffff0000"
    assert db.tally("ffff00").doc_id == "ffff0000"
    assert {c.doc_id for c in db.claims("ffff")} == {"ffff0000"}
    with pytest.raises(NotFoundError, match=r"ambiguous.*abcd1234.*abcd5678"):
        db.document("abcd")
    with pytest.raises(NotFoundError, match="tollbook show"):
        db.document("abc")  # shorter than the minimum prefix
    with pytest.raises(NotFoundError) as err:
        db.document("9999")
    assert (
        str(err.value) == f"9999: no document 9999 in {db.location}; list them with `tollbook show`"
    )
    assert not db.has_document("ffff")  # has_document wants the full id
    # claim ids repeat across documents: a bare id is ambiguous, a doc_id settles it.
    with pytest.raises(NotFoundError, match="several documents"):
        db.claim("c1")
    assert db.claim("c1", doc_id="abcd5678").doc_id == "abcd5678"
    with pytest.raises(NotFoundError):
        db.claim("c9")


def test_documents_order_and_limit(db: Store) -> None:
    for doc_id in ("zzzz0001", "aaaa0002", "mmmm0003"):
        db.save_document(make_extraction(doc_id=doc_id).document)
    assert [d.doc_id for d in db.documents()] == ["zzzz0001", "aaaa0002", "mmmm0003"]
    assert [d.doc_id for d in db.documents(limit=2)] == ["zzzz0001", "aaaa0002"]
    assert db.tallies() == ()  # ingested, never extracted


def test_fts_search(db: Store) -> None:
    if not db.has_fts():
        pytest.skip("this SQLite build has no FTS5")
    db.save(make_extraction(doc_id="abcd1234"))
    db.save_document(Document(doc_id="ffff0000", text="A quiet day in Norvane.", content_hash="h"))
    assert [d.doc_id for d in db.search("shelling")] == ["abcd1234"]
    assert [d.doc_id for d in db.search("Norvane")] == ["ffff0000"]
    assert db.search("Marwick") == ()
    if db.dialect == "sqlite":  # FTS5 syntax; PostgreSQL's web-search syntax accepts anything
        with pytest.raises(StoreError, match="bad search query"):
            db.search('"unbalanced')
    else:
        assert db.search('"unbalanced') == ()


def test_without_fts5_migration_is_recorded_as_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backends.SQLite, "fts5_available", lambda self: False)
    path = tmp_path / "nofts.db"
    with Store.open(str(path)) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert not s.has_fts()
        s.save(make_extraction())
        with pytest.raises(StoreError, match="FTS5"):
            s.search("shelling")
    raw = sqlite3.connect(path)
    (name,) = raw.execute("SELECT name FROM schema_migrations WHERE version = 2").fetchone()
    raw.close()
    assert "skipped" in name


def test_not_a_database_file(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is not a SQLite file, just some notes about Valdoria\n" * 20)
    with pytest.raises(StoreError, match="--db"):
        Store.open(str(junk))
