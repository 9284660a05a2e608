"""The store opens well in Datasette (issue 18): its search box works on documents through an
external-content FTS5 table, and the views claims_flat / claims_current read right, on SQLite
(through Datasette, in process) and on PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tollbook import api
from tollbook.model import Correction, Document
from tollbook.output.serialize import claim_to_dict
from tollbook.store.database import Store
from tollbook.version import EXTRACTOR_VERSION

from .dbs import pg_url  # noqa: F401  (fixture: a fresh schema on the test server)

datasette_app = pytest.importorskip("datasette.app")


def _fill(store: Store) -> dict[str, Any]:
    """The demo corpus plus three corrections; returns what the checks need."""
    assert api.ingest(store, api.read(api.demo_paths())).ok
    claims = [c for c in store.claims() if c.parent is None and c.category == "killed"]
    wrong, fixed, fine, moved = claims[0], claims[1], claims[2], claims[3]
    store.add_correction(Correction(doc_id=fixed.doc_id, claim_id=fixed.claim_id,
                                    verdict="corrected", reviewer="ana", value=3))  # fmt: skip
    store.add_correction(Correction(doc_id=fixed.doc_id, claim_id=fixed.claim_id,
                                    verdict="corrected", reviewer="ben", value=7,
                                    source=""))  # fmt: skip  (the newest one applies)
    store.add_correction(Correction(doc_id=wrong.doc_id, claim_id=wrong.claim_id,
                                    verdict="wrong", reviewer="ana"))  # fmt: skip
    store.add_correction(Correction(doc_id=fine.doc_id, claim_id=fine.claim_id,
                                    verdict="correct", reviewer="ana"))  # fmt: skip
    # migration 5's fields: the view applies them too
    store.add_correction(Correction(doc_id=moved.doc_id, claim_id=moved.claim_id,
                                    verdict="corrected", reviewer="ana", event_date="1992-02-27",
                                    population_class="civilian", qualifier="at_least"))  # fmt: skip
    return {"wrong": wrong, "fixed": fixed, "fine": fine, "moved": moved, "n_claims": len(store.claims()),
            "reviewed": api.reviewed_claims(store)}  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("ds") / "tollbook.db"
    with Store.open(str(path)) as store:
        facts = _fill(store)
    return path, facts


async def _get(ds: Any, url: str) -> Any:
    response = await ds.client.get(url)
    assert response.status_code == 200, (url, response.text[:500])
    return response


def _datasette(path: Path, *urls: str) -> list[Any]:
    async def run() -> list[Any]:
        ds = datasette_app.Datasette(files=[str(path)])
        await ds.invoke_startup()
        return [await _get(ds, u) for u in urls]

    return asyncio.run(run())


def test_documents_search_box_works_in_datasette(demo: tuple[Path, dict[str, Any]]) -> None:
    path, _ = demo
    with Store.open(str(path)) as store:
        expected = {d.doc_id for d in store.search("Khojaly")}
    page, hits, none = _datasette(
        path,
        "/tollbook/documents",
        "/tollbook/documents.json?_search=Khojaly&_shape=array&_col=doc_id",
        "/tollbook/documents.json?_search=zzqqxx&_shape=array",
    )
    assert 'name="_search"' in page.text  # Datasette found the index: the search box shows
    assert expected and {r["doc_id"] for r in hits.json()} == expected
    assert none.json() == []


def test_fts_is_external_content_and_kept_in_sync(tmp_path: Path) -> None:
    path = tmp_path / "sync.db"
    with Store.open(str(path)) as store:
        store.save_document(Document(doc_id="d1", text="Shelling near Ostrava.", content_hash="h1",
                                     title="Morning report"))  # fmt: skip
    raw = sqlite3.connect(path)
    sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
    assert 'content="documents"' in sql
    # no second copy of the text: an external-content table has no _content shadow table
    assert raw.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents_fts_content'"
                       ).fetchone() == (0,)  # fmt: skip
    raw.execute("UPDATE documents SET title = 'Evening report' WHERE doc_id = 'd1'")
    raw.commit()
    raw.close()
    with Store.open(str(path)) as store:
        assert [d.doc_id for d in store.search("Evening")] == ["d1"]
        assert store.search("Morning") == ()
        assert [d.doc_id for d in store.search("Ostrava")] == ["d1"]
    raw = sqlite3.connect(path)
    raw.execute("DELETE FROM documents WHERE doc_id = 'd1'")
    raw.commit()
    assert raw.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'Ostrava'"
                       ).fetchone() == (0,)  # fmt: skip
    raw.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    raw.close()


def _check_views(rows_flat: list[dict[str, Any]], rows_current: list[dict[str, Any]],
                 facts: dict[str, Any]) -> None:  # fmt: skip
    assert len(rows_flat) == facts["n_claims"] and all(r["is_current"] == 1 for r in rows_flat)
    khojaly = next(r for r in rows_flat if r["place"] == "Khojaly" and r["value"] == 613)
    assert khojaly["place_country"] == "AZ" and khojaly["event_date"].startswith("1992-02-25")
    assert abs(khojaly["place_lat"] - 39.91361) < 1e-6 and khojaly["source"]
    assert "613" in khojaly["text"] and khojaly["document_title"] is not None
    by_key = {(r["doc_id"], r["claim_id"]): r for r in rows_current}
    reviewed = {(c.doc_id, c.claim_id): c for c in facts["reviewed"]}
    assert set(by_key) == set(reviewed)  # the same claims the Python review keeps
    for key, c in reviewed.items():
        r = by_key[key]
        assert (r["value"], r["low"], r["high"], r["qualifier"], r["category"]) == (
            c.value, c.low, c.high, c.qualifier, c.category)  # fmt: skip
        assert (r["source"], r["population"]) == (c.source.speaker, c.population)
        assert r["population_class"] == c.population_class
        assert (r["event_date"] or None) == claim_to_dict(c)["event_date"]
    moved = by_key[(facts["moved"].doc_id, facts["moved"].claim_id)]
    assert (moved["event_date"], moved["population_class"], moved["qualifier"]) == (
        "1992-02-27", "civilian", "at_least")  # fmt: skip
    wrong, fixed, fine = facts["wrong"], facts["fixed"], facts["fine"]
    assert (wrong.doc_id, wrong.claim_id) not in by_key
    f = by_key[(fixed.doc_id, fixed.claim_id)]
    assert (f["value"], f["review"], f["reviewer"], f["source"]) == (7, "corrected", "ben", None)
    assert by_key[(fine.doc_id, fine.claim_id)]["review"] == "reviewed"


def test_views_in_datasette(demo: tuple[Path, dict[str, Any]]) -> None:
    path, facts = demo
    flat, current = _datasette(
        path,
        "/tollbook/claims_flat.json?_shape=array&_size=max",
        "/tollbook/claims_current.json?_shape=array&_size=max",
    )
    _check_views(flat.json(), current.json(), facts)


def test_views_follow_the_newest_extractor_version(tmp_path: Path) -> None:
    path = tmp_path / "versions.db"
    with Store.open(str(path)) as store:
        assert api.ingest(store, api.read(api.demo_paths()[:1])).ok
    raw = sqlite3.connect(path)
    # the same claims again under an older and numerically newer versions ("10.0.0" > "9.0.0")
    for version in ("0.0.9", "9.0.0", "10.0.0"):
        raw.execute("INSERT INTO extractions SELECT doc_id, ?, extracted_at, n_claims "
                    "FROM extractions WHERE extractor_version = ?", (version, EXTRACTOR_VERSION))  # fmt: skip
        raw.execute("INSERT INTO claims SELECT claim_id, doc_id, ?, kind, category, population, "
                    "population_class, value, low, high, qualifier, unit, parent, place, "
                    "event_date, source, span_start, span_end, rule, data FROM claims "
                    "WHERE extractor_version = ?", (version, EXTRACTOR_VERSION))  # fmt: skip
    raw.commit()
    current = raw.execute("SELECT DISTINCT extractor_version FROM claims_current").fetchall()
    assert current == [("10.0.0",)]
    (n_flat,) = raw.execute("SELECT COUNT(*) FROM claims_flat WHERE is_current = 0").fetchone()
    assert n_flat == 3 * raw.execute("SELECT COUNT(*) FROM claims_current").fetchone()[0]


@pytest.mark.postgres
def test_views_on_postgresql(pg_url: str) -> None:  # noqa: F811
    with Store.open(pg_url) as store:
        facts = _fill(store)
        flat = store.backend.query("SELECT * FROM claims_flat")
        current = store.backend.query("SELECT * FROM claims_current")
    _check_views([dict(r) for r in flat], [dict(r) for r in current], facts)


def test_without_fts5_the_views_still_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tollbook.store import backends

    monkeypatch.setattr(backends.SQLite, "fts5_available", lambda self: False)
    path = tmp_path / "nofts.db"
    with Store.open(str(path)) as store:
        assert not store.has_fts()
        assert api.ingest(store, api.read(api.demo_paths()[:1])).ok
        n = len(store.claims())
    raw = sqlite3.connect(path)
    (name,) = raw.execute("SELECT name FROM schema_migrations WHERE version = 4").fetchone()
    assert "skipped" in name and "claims_flat" in name
    assert raw.execute("SELECT COUNT(*) FROM claims_current").fetchone() == (n,)
    raw.close()
