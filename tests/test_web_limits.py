"""Issue 22, unauthenticated denial of service and data exposure: a search's cost is bounded
(words, steps, cancellation), every list is paginated, a large document is shown in parts,
events are computed once per state of the store, errors and the API never show server paths."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from starlette.requests import Request

from tollbook import api
from tollbook.ingest.sources import document_from_text
from tollbook.model import Correction
from tollbook.output.serialize import tally_to_dict
from tollbook.pipeline import Settings
from tollbook.store.database import Store
from tollbook.tally.rules import tally
from tollbook.web import events_pages
from tollbook.web.app import create_app
from tollbook.web.budget import Budget, BudgetExceeded, budgeted, cancellable
from tollbook.web.settings import WebSettings
from tollbook.web.views import (
    MAX_QUERY_TERMS,
    DocQuery,
    document_view,
    fts_query,
    list_documents,
)

from .test_web_support import Client, assert_error_shape, seed

SENTENCE = "According to the ministry, {n} people were killed in Velmora on 2 May 2024.\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "l.db"
    seed(path)
    with Store.open(str(path)) as store:
        docs = [document_from_text(SENTENCE.format(n=10 + i), title=f"Report {i}")
                for i in range(12)]  # fmt: skip
        assert api.ingest(store, docs, Settings(gazetteer=False)).ok
    return path


def _client(db: Path, **kwargs: object) -> Client:
    return Client(create_app(WebSettings(db=str(db), **kwargs)))  # type: ignore[arg-type]


def test_a_long_repeated_query_is_one_term() -> None:
    assert fts_query("a " * 49_000) == '"a"'
    assert fts_query("Killed killed KILLED people") == '"killed" "people"'


@pytest.mark.parametrize(
    "q", ["a " * 20_000, " ".join(f"w{i}" for i in range(MAX_QUERY_TERMS + 1))]
)
def test_oversized_searches_are_refused_before_any_store_work(db: Path, q: str) -> None:
    client = _client(db, query_steps=1)  # any store work at all would give 503
    for url in ("/api/documents", "/documents"):
        r = client.get(url, params={"q": q}, headers={"accept": "application/json"})
        assert assert_error_shape(r, 422)["type"] == "ValidationError"


def test_a_search_within_the_term_limit_is_answered(db: Path) -> None:
    q = " ".join(["killed", "people"] * 28)  # 391 characters; repeated words count once
    r = _client(db).get("/api/documents", params={"q": q})
    assert r.status_code == 200 and r.json()["count"] >= 1


def test_store_work_past_its_step_budget_is_stopped_with_503(db: Path) -> None:
    client = _client(db, query_steps=2_000)
    for url in ("/api/documents?q=killed", "/api/documents", "/api/documents?category=killed"):
        assert assert_error_shape(client.get(url), 503)["type"] == "BudgetExceeded", url
    assert _client(db).get("/api/documents?q=killed").status_code == 200


def test_a_cancelled_budget_stops_the_query(db: Path) -> None:
    budget = Budget(max_steps=10**12, max_seconds=3600)
    budget.cancel.set()
    with (
        Store.open(str(db)) as store,
        pytest.raises(BudgetExceeded, match="disconnected"),
        budgeted(store, budget),
    ):
        list_documents(store, DocQuery(q="killed people", limit=100))


def test_a_client_disconnect_sets_the_cancel_flag() -> None:
    messages = [{"type": "http.request", "body": b"", "more_body": False},
                {"type": "http.disconnect"}]  # fmt: skip

    async def receive() -> dict[str, object]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    request = Request(scope, receive)
    budget = Budget(max_steps=1, max_seconds=1)
    # The work waits for the flag: it returns True only because the watcher set it.
    got = asyncio.run(cancellable(request, budget, budget.cancel.wait, 30))
    assert got is True


def test_documents_are_paginated_without_loss_or_duplicates(db: Path) -> None:
    client = _client(db)
    with Store.open(str(db)) as store:
        total = len(store.documents())
    seen: list[str] = []
    page = 1
    while True:
        body = client.get("/api/documents", params={"limit": 5, "page": page}).json()
        assert body["count"] <= 5
        seen += [d["doc_id"] for d in body["documents"]]
        if not body["more"]:
            break
        page += 1
    assert len(seen) == len(set(seen)) == total
    assert page == -(-total // 5)
    html = client.get("/documents", params={"limit": 5, "page": 2}).text
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_filtered_and_searched_lists_page_too(db: Path) -> None:
    client = _client(db)
    for params in ({"category": "killed"}, {"q": "killed"}):
        full = client.get("/api/documents", params={**params, "limit": 1000}).json()
        ids = [d["doc_id"] for d in full["documents"]]
        paged: list[str] = []
        for page in range(1, 100):
            body = client.get("/api/documents", params={**params, "limit": 3, "page": page}).json()
            paged += [d["doc_id"] for d in body["documents"]]
            if not body["more"]:
                break
        assert paged == ids and len(ids) > 3


def test_a_large_document_is_shown_in_bounded_parts(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    text = "".join(SENTENCE.format(n=i + 1) for i in range(400))  # about 30,000 characters
    with Store.open(str(db)) as store:
        assert api.ingest(store, [document_from_text(text, title="Big")], Settings()).ok
        doc_id = store.documents()[0].doc_id
        n_claims = len(store.claims(doc_id))
    client = _client(db, text_window=2_000)
    parts = -(-len(text) // 2_000)
    body = client.get(f"/api/documents/{doc_id}").json()
    assert body["text_part"] == {"part": 1, "parts": parts, "start": 0, "end": 2_000}
    assert len(body["document"]["text"]) == 2_000 and body["claims_total"] == n_claims
    shown: list[str] = []
    for part in range(1, parts + 1):
        body = client.get(f"/api/documents/{doc_id}", params={"part": part}).json()
        start, end = body["text_part"]["start"], body["text_part"]["end"]
        assert all(start <= c["span"][0] < end for c in body["claims"])
        shown += [c["claim_id"] for c in body["claims"]]
        page = client.get(f"/documents/{doc_id}", params={"part": part}).text
        assert len(page) < 40 * 2_000, len(page)  # bounded by the window, not the document
    assert sorted(shown) == sorted(set(shown)) and len(shown) == n_claims
    with Store.open(str(db)) as store:  # only the part on screen is read from the store
        view = document_view(store, doc_id, 2, 2_000)
        assert len(view.document.text) == 2_000 and view.chars == len(text)
        assert view.document.text == text[2_000:4_000]
    with Store.open(str(db)) as store:  # a part's tallies are the whole document's
        every = store.claims(doc_id)
        assert body["tally"] == tally_to_dict(tally(doc_id, every)) == body["extracted_tally"]
        counted = tally(doc_id, every).categories[0].claim_ids[0]
        first = next(c for c in every if c.claim_id == counted)  # the claim the tally uses
        store.add_correction(Correction(doc_id=doc_id, claim_id=first.claim_id, verdict="wrong",
                                        reviewer="r", reason="test"))  # fmt: skip
        reviewed = [c for c in every if c.claim_id != first.claim_id]
    body = client.get(f"/api/documents/{doc_id}", params={"part": parts}).json()
    assert body["tally"] == tally_to_dict(tally(doc_id, reviewed)) != body["extracted_tally"]
    r = client.get(f"/api/documents/{doc_id}", params={"part": parts + 1})
    assert r.status_code == 422
    whole = _client(db).get(f"/documents/{doc_id}").text
    assert len(whole) > len(page) * 5


def test_events_are_computed_once_per_state_of_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = seed(tmp_path / "e.db")
    calls: list[int] = []
    real = events_pages.compute_events

    def counting(store: Store) -> object:
        calls.append(1)
        return real(store)

    monkeypatch.setattr(events_pages, "compute_events", counting)
    client = _client(db)
    first = client.get("/api/events").json()
    client.get("/events")
    client.get("/api/events")
    assert len(calls) == 1
    with Store.open(str(db)) as store:
        assert api.ingest(store, [document_from_text(SENTENCE.format(n=7))], Settings()).ok
    client.get("/api/events")
    assert len(calls) == 2 and first["total"] >= 1


def test_events_read_only_documents_with_claims_and_match_api_events(tmp_path: Path) -> None:
    db = seed(tmp_path / "m.db")
    with Store.open(str(db)) as store:
        store.save_document(document_from_text("Nothing happened in the harbour. " * 1000))
        assert events_pages.compute_events(store) == api.events(store)


def test_concurrent_event_requests_compute_once(tmp_path: Path) -> None:
    db = seed(tmp_path / "c.db")
    cache = events_pages.EventsCache()
    results: list[int] = []

    def worker() -> None:
        with Store.open(str(db)) as store:
            results.append(id(cache.get(store)))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1  # every thread got the one computed tuple


def test_no_server_path_in_errors_or_documents(db: Path, tmp_path: Path) -> None:
    src = tmp_path / "secret-folder" / "report.txt"
    src.parent.mkdir()
    src.write_text(SENTENCE.format(n=3), encoding="utf-8")
    with Store.open(str(db)) as store:
        assert api.ingest(store, api.read([src]), Settings()).ok
    client = _client(db)
    for url in ("/api/documents", "/api/documents/ffffffffffff", "/documents/ffffffffffff",
                "/api/events/zzzzzzzz", "/api/documents?limit=1000"):  # fmt: skip
        text = client.get(url).text
        assert str(db) not in text and db.name not in text, url
        assert "secret-folder" not in text, url
    docs = client.get("/api/documents", params={"limit": 1000}).json()["documents"]
    assert docs and all("path" not in d and d["chars"] > 0 for d in docs)
