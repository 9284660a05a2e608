"""What only the PostgreSQL backend does: tsvector search, connection errors, locking, collation."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from tollbook._exceptions import StoreError
from tollbook.model import Correction, Document
from tollbook.store.backends import redact
from tollbook.store.database import MIGRATIONS, Store

from .dbs import pg_url  # noqa: F401  (fixture: a fresh schema on the test server)
from .test_store import make_extraction

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(pg_url) as s:
        yield s


def _doc(doc_id: str, text: str, title: str | None = None) -> Document:
    return Document(doc_id=doc_id, text=text, content_hash="h" + doc_id, title=title)


def test_fulltext_index_is_a_generated_tsvector_with_gin(db: Store) -> None:
    assert db.dialect == "postgresql" and db.has_fts()
    rows = db.backend.query(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        " AND indexname = 'documents_fts'"
    )
    assert len(rows) == 1 and "gin" in rows[0]["indexdef"].lower()
    (step,) = db.backend.query("SELECT name FROM schema_migrations WHERE version = 2")
    assert "skipped" not in step["name"]


def test_search_stems_ranks_and_speaks_websearch(db: Store) -> None:
    db.save_document(_doc("aaaa0001", "Shelling hit the harbour of Port Castellan at dawn."))
    db.save_document(
        _doc("bbbb0002", "The shelling went on; shelling again at night, more shelling.",
             title="Shelling of Valdoria")
    )  # fmt: skip
    db.save_document(_doc("cccc0003", "A quiet market day in Norvane, no shelling reported."))
    db.save_document(_doc("dddd0004", "Flooding in the Ostrava Hills of Norvane."))
    # English stemming: "shelled" finds "shelling"; best match (title, repeated) first.
    found = [d.doc_id for d in db.search("shelled")]
    assert found[0] == "bbbb0002" and set(found) == {"aaaa0001", "bbbb0002", "cccc0003"}
    assert [d.doc_id for d in db.search('"port castellan"')] == ["aaaa0001"]
    assert [d.doc_id for d in db.search("Norvane -shelling")] == ["dddd0004"]
    assert {d.doc_id for d in db.search("harbour or flooding")} == {"aaaa0001", "dddd0004"}
    assert len(db.search("shelling", limit=2)) == 2
    assert db.search("the") == ()  # only a stop word: matches nothing, no error
    assert db.search('"unbalanced AND (') == ()


def test_search_finds_bulk_ingested_documents_without_triggers(db: Store) -> None:
    # The tsvector is a generated column: rows inserted by any path are indexed.
    db.backend.execute(
        "INSERT INTO documents (doc_id, content_hash, format, text, ingested_at)"
        " VALUES ('eeee0005', 'h', 'text', 'Evacuation of Marwick harbour', 'now')"
    )
    assert [d.doc_id for d in db.search("evacuations")] == ["eeee0005"]


def test_unreachable_server_says_what_to_do() -> None:
    url = "postgresql://tollbook:s3cret@127.0.0.1:1/toll"
    with pytest.raises(StoreError) as err:
        Store.open(url)
    message = str(err.value)
    assert message.startswith("could not connect to postgresql://tollbook:***@127.0.0.1:1/toll: ")
    assert "is the server running? check the URL" in message
    assert "s3cret" not in message


def test_bad_url_and_unknown_database(pg_url: str) -> None:  # noqa: F811
    with pytest.raises(StoreError, match="postgresql://user"):
        Store.open("postgresql://127.0.0.1:54329/x?no_such_option=1")
    parts = urlsplit(pg_url)
    missing = urlunsplit(parts._replace(path="/tollbook_no_such_db"))
    with pytest.raises(StoreError, match=r"could not connect.*tollbook_no_such_db.*check the URL"):
        Store.open(missing)


def test_location_hides_the_password(pg_url: str) -> None:  # noqa: F811
    parts = urlsplit(pg_url)
    user, _, host = parts.netloc.rpartition("@")
    with_password = urlunsplit(parts._replace(netloc=f"{user.split(':')[0]}:pw123@{host}"))
    assert redact(with_password).count("pw123") == 0
    with Store.open(with_password) as s:  # the test server trusts loopback: any password
        assert "pw123" not in s.location and ":***@" in s.location


def test_ids_sort_bytewise_whatever_the_locale(db: Store) -> None:
    for doc_id in ("b0000001", "B0000002", "a0000003", "_0000004"):
        db.save(make_extraction(doc_id=doc_id))
    expected = sorted(["b0000001", "B0000002", "a0000003", "_0000004"])
    assert list(dict.fromkeys(c.doc_id for c in db.claims())) == expected
    assert [t.doc_id for t in db.tallies()] == expected


def _in_threads(work: Callable[[int], None], n: int) -> list[BaseException]:
    """work(0) ... work(n-1) at once, one thread each; the exceptions they raised (a thread's
    exception would otherwise be lost)."""
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            work(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_concurrent_writers_do_not_collide(pg_url: str) -> None:  # noqa: F811
    with Store.open(pg_url) as s:
        s.save(make_extraction())

    def work(i: int) -> None:
        with Store.open(pg_url) as s:
            for n in range(5):
                s.save(make_extraction(value=600.0 + i))
                s.add_correction(
                    Correction(doc_id="d0c1a2b3c4", claim_id="c1", verdict="correct",
                               reviewer=f"r{i}-{n}")
                )  # fmt: skip

    assert _in_threads(work, 4) == []
    with Store.open(pg_url) as s:
        ids = [c.correction_id for c in s.corrections()]
        assert ids == list(range(1, 21))
        assert s.stats() == {"documents": 1, "claims": 2, "extractions": 1}


def test_concurrent_first_opens_migrate_once(pg_url: str) -> None:  # noqa: F811
    assert _in_threads(lambda _i: Store.open(pg_url).close(), 4) == []
    with Store.open(pg_url) as s:
        rows = s.backend.query("SELECT version FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == [m.version for m in MIGRATIONS]
