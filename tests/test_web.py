"""The web app in process: every page and API route, review, ingest, errors (issue 6)."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook.cli.main import cli
from tollbook.store.database import Store
from tollbook.web import basemap
from tollbook.web.openapi import openapi_document

from .test_web_support import (
    STATEMENT,
    Client,
    assert_error_shape,
    bearer,
    claim_id_of,
    client_for,
    doc_id_of,
    web_fixtures,
)

seeded, db, client = web_fixtures()


def _norvane(db: Path) -> str:
    return doc_id_of(db, "Ostrava Hills")


def _text(page: str) -> str:
    """Visible text of a page, roughly (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


# -- documents ---------------------------------------------------------------------------------


def test_documents_page_and_api_list_every_document_with_its_id(client: Client, db: Path) -> None:
    with Store.open(str(db)) as store:
        ids = {d.doc_id for d in store.documents()}
    page = client.get("/documents")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for doc_id in ids:
        assert f'href="/documents/{doc_id}"' in page.text
    api = client.get("/api/documents").json()
    assert {d["doc_id"] for d in api["documents"]} == ids
    assert api["count"] == len(ids)
    home = client.get("/")
    assert home.status_code == 200 and "Documents" in home.text


def test_full_text_search_and_filters(client: Client, db: Path) -> None:
    norvane = _norvane(db)
    followup = doc_id_of(db, "revises")

    def ids(query: str) -> set[str]:
        response = client.get("/api/documents" + query)
        assert response.status_code == 200, response.text
        return {d["doc_id"] for d in response.json()["documents"]}

    assert ids("?q=ninth%20anniversary") == {norvane}
    assert ids("?q=Velmora") == {norvane, followup}
    assert ids("?q=Velmora&date_from=2023-03-15") == {followup}
    assert ids("?q=Velmora&date_to=2023-03") == {norvane, followup}  # event dates of 2014 too
    assert ids("?q=Velmora&category=missing") == {norvane, followup}
    assert ids("?q=Velmora&category=orphaned") == set()
    orphans = ids("?category=orphaned")
    assert orphans and norvane not in orphans
    assert norvane in ids("?source=interior%20ministry")
    assert ids("?q=%22unbalanced") == set()  # quotes are never FTS5 syntax errors
    page = client.get("/documents?q=ninth+anniversary")
    assert f"/documents/{norvane}" in page.text and f"/documents/{followup}" not in page.text


@pytest.mark.parametrize(
    ("query", "field"),
    [("category=sunk", "category"), ("date_from=March", "date_from"), ("limit=0", "limit")],
)
def test_bad_filters_are_422_with_the_error_shape(client: Client, query: str, field: str) -> None:
    err = assert_error_shape(client.get(f"/api/documents?{query}"), 422)
    assert field in err["message"]
    assert client.get(f"/documents?{query}").status_code == 422


def test_document_page_highlights_claims_and_shows_cards_and_tally(
    client: Client, db: Path
) -> None:
    doc_id = _norvane(db)
    cid = claim_id_of(db, doc_id, "613")
    page = client.get(f"/documents/{doc_id}").text
    mark = re.search(rf'<a class="claim cat-killed[^"]*" href="#claim-{cid}" data-claim="{cid}"[^>]*>'
                     r'613 people<span class="tag">killed', page)  # fmt: skip
    assert mark, "613 is not highlighted as a killed claim with its text label"
    card = page[page.index(f'id="claim-{cid}"') :]
    card = card[: card.index("</section>")]
    card_text = _text(card)
    for expected in ("613", "low / high", "qualifier", "population", "people", "parent",
                     "event date", "2014-03-11/2014-03-12", "source", "ministry",
                     "rule", "extractor"):  # fmt: skip
        assert expected in card_text, expected
    # The tally sits above the text.
    assert page.index('class="tally"') < page.index('class="doc-text"')
    assert re.search(r'data-category="killed">.*?class="num best">613', page, re.S)
    # A breakdown claim's card links to its whole.
    child = claim_id_of(db, doc_id, "58 children")
    assert f'href="#claim-{cid}" class="parent-link"' in page[page.index(f'id="claim-{child}"') :]


def test_document_api_and_prefix_ids(client: Client, db: Path) -> None:
    doc_id = _norvane(db)
    data = client.get(f"/api/documents/{doc_id[:6]}").json()
    assert data["document"]["doc_id"] == doc_id
    assert data["tally"]["killed"]["best"] == 613 == data["extracted_tally"]["killed"]["best"]
    assert {c["review_status"] for c in data["claims"]} == {"extracted"}
    err = assert_error_shape(client.get("/api/documents/ffffffffffff"), 404)
    assert "ffffffffffff" in err["message"]
    assert client.get("/documents/ffffffffffff").status_code == 404


# -- review ------------------------------------------------------------------------------------


def test_api_correction_changes_the_tally_and_keeps_the_extracted_value(
    client: Client, db: Path
) -> None:
    doc_id = _norvane(db)
    cid = claim_id_of(db, doc_id, "613")
    url = f"/api/claims/{doc_id}/{cid}/corrections"
    body = {"verdict": "corrected", "reviewer": "ana", "reason": "the ministry's site says 614",
            "value": 614}  # fmt: skip
    saved = client.post(url, json=body, headers=bearer())
    assert saved.status_code == 201, saved.text
    assert saved.json()["value"] == 614 and saved.json()["correction_id"] == 1
    assert [c["reviewer"] for c in client.get(url).json()["corrections"]] == ["ana"]
    data = client.get(f"/api/documents/{doc_id}").json()
    assert data["tally"]["killed"]["best"] == 614
    assert data["extracted_tally"]["killed"]["best"] == 613
    claim = next(c for c in data["claims"] if c["claim_id"] == cid)
    assert claim["value"] == 614 and claim["extracted"]["value"] == 613
    assert claim["review_status"] == "corrected" and claim["corrected_fields"] == ["value"]
    with Store.open(str(db)) as store:
        assert store.claim(cid, doc_id=doc_id).value == 613  # never overwritten
    page = client.get(f"/documents/{doc_id}").text
    assert "was 613" in page and "extractor: 613" in page and "badge-corrected" in page


def test_form_review_marks_a_claim_wrong_and_the_tally_drops_it(client: Client, db: Path) -> None:
    doc_id = doc_id_of(db, "revises")
    cid = claim_id_of(db, doc_id, "105")
    assert client.login().status_code == 303
    csrf = client.csrf(f"/documents/{doc_id}")
    form = {"csrf_token": csrf, "verdict": "wrong", "reviewer": "ben", "reason": "not a toll"}
    done = client.post(f"/documents/{doc_id}/claims/{cid}/review", data=form)
    assert done.status_code == 303 and done.headers["location"].endswith(f"#claim-{cid}")
    data = client.get(f"/api/documents/{doc_id}").json()
    assert "missing" not in data["tally"] and data["extracted_tally"]["missing"]["best"] == 105
    page = client.get(done.headers["location"].split("#")[0]).text
    assert "judged wrong" in page and "status-wrong" in page


def test_form_correction_of_category_and_source(client: Client, db: Path) -> None:
    doc_id = doc_id_of(db, "revises")
    cid = claim_id_of(db, doc_id, "940")
    client.login()
    form = {"csrf_token": client.csrf(), "verdict": "corrected", "reviewer": "cy",
            "category": "detained", "source": "Norvane Red Cross", "value": ""}  # fmt: skip
    assert client.post(f"/documents/{doc_id}/claims/{cid}/review", data=form).status_code == 303
    claim = next(c for c in client.get(f"/api/documents/{doc_id}").json()["claims"]
                 if c["claim_id"] == cid)  # fmt: skip
    assert (claim["category"], claim["source"]) == ("detained", "Norvane Red Cross")
    assert claim["corrected_fields"] == ["category", "source"]


def test_form_correction_of_place_date_qualifier_detail_and_population(client: Client, db: Path) -> None:
    doc_id = doc_id_of(db, "revises")
    cid = claim_id_of(db, doc_id, "940")
    client.login()
    page = client.get(f"/documents/{doc_id}").text
    for name in ("qualifier", "population_class", "place", "event_date", "detail"):
        assert f'name="{name}"' in page, name  # the form offers every correctable field
    form = {"csrf_token": client.csrf(), "verdict": "corrected", "reviewer": "cy", "value": "",
            "place": "Aleppo", "event_date": "2023-03-14", "qualifier": "approx", "detail": "in the north",
            "population": "villagers", "population_class": ""}  # fmt: skip
    assert client.post(f"/documents/{doc_id}/claims/{cid}/review", data=form).status_code == 303
    claim = next(c for c in client.get(f"/api/documents/{doc_id}").json()["claims"]
                 if c["claim_id"] == cid)  # fmt: skip
    assert (claim["place"], claim["event_date"], claim["qualifier"], claim["detail"]) == (
        "Aleppo", "2023-03-14", "approx", "in the north")
    assert (claim["population"], claim["population_class"]) == ("villagers", "civilian")
    assert set(claim["corrected_fields"]) >= {"place", "event_date", "qualifier", "detail", "population"}
    bad = {**form, "csrf_token": client.csrf(), "event_date": "soon"}
    assert client.post(f"/documents/{doc_id}/claims/{cid}/review", data=bad).status_code == 422


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"verdict": "corrected", "reviewer": "a", "qualifier": "lots"}, 422),
        ({"verdict": "corrected", "reviewer": "a", "population_class": "alien"}, 422),
        ({"verdict": "corrected", "reviewer": "a", "event_date": "2023-02-30"}, 422),
        ({"verdict": "maybe", "reviewer": "a"}, 422),
        ({"verdict": "corrected", "reviewer": "a"}, 422),
        ({"verdict": "correct", "reviewer": "a", "value": 3}, 422),
        ({"verdict": "correct", "reviewer": ""}, 422),
        ({"verdict": "corrected", "reviewer": "a", "value": -1}, 422),
        ({"verdict": "corrected", "reviewer": "a", "value": True}, 422),
        ({"verdict": "corrected", "reviewer": "a", "category": "sunk"}, 422),
        ([1, 2], 422),
    ],
)
def test_bad_corrections_are_422(client: Client, db: Path, body: object, status: int) -> None:
    doc_id = _norvane(db)
    cid = claim_id_of(db, doc_id, "613")
    response = client.post(f"/api/claims/{doc_id}/{cid}/corrections", json=body, headers=bearer())
    assert_error_shape(response, status)


def test_correction_of_an_unknown_claim_is_404(client: Client, db: Path) -> None:
    doc_id = _norvane(db)
    url = f"/api/claims/{doc_id}/c000000000000000/corrections"
    assert_error_shape(
        client.post(url, json={"verdict": "correct", "reviewer": "a"}, headers=bearer()), 404
    )
    assert_error_shape(client.get(url), 404)
    bad_json = client.post(
        url, content=b"{", headers={**bearer(), "content-type": "application/json"}
    )
    assert_error_shape(bad_json, 422)


# -- ingest ------------------------------------------------------------------------------------

_NEW_TEXT = ("Port Castellan officials said on Tuesday that 17 people were wounded when a depot "
             "in the harbour district burned, including four firefighters.")  # fmt: skip


def test_api_ingest_text_and_upload(client: Client) -> None:
    done = client.post(
        "/api/ingest", json={"text": _NEW_TEXT, "title": "Depot fire"}, headers=bearer()
    )
    assert done.status_code == 201, done.text
    doc = done.json()["documents"][0]
    assert doc["claims"] >= 1
    data = client.get(f"/api/documents/{doc['doc_id']}").json()
    assert data["document"]["title"] == "Depot fire" and data["tally"]["wounded"]["best"] == 17
    page = (
        "<html><head><title>Harbour</title></head><body><article><p>"
        + _NEW_TEXT.replace("17", "19")
        + "</p></article></body></html>"
    )
    upload = client.post("/api/ingest", files={"file": ("harbour.html", page.encode(), "text/html")},
                         headers=bearer())  # fmt: skip
    assert upload.status_code == 201, upload.text
    up = client.get(f"/api/documents/{upload.json()['documents'][0]['doc_id']}").json()
    assert up["tally"]["wounded"]["best"] == 19 and up["document"]["name"] == "harbour.html"
    assert up["document"]["format"] == "html"


def test_api_ingest_refuses_ambiguous_or_unreadable_input(client: Client) -> None:
    assert_error_shape(client.post("/api/ingest", json={}, headers=bearer()), 422)
    both = {"text": "x", "url": "https://example.org/"}
    assert_error_shape(client.post("/api/ingest", json=both, headers=bearer()), 422)
    pdf = client.post("/api/ingest", files={"file": ("a.pdf", b"%PDF-1.4 broken", "application/pdf")},
                      headers=bearer())  # fmt: skip
    err = assert_error_shape(pdf, 422)
    assert "a.pdf" in pdf.json()["failures"][0]["source"] and err["message"]
    assert_error_shape(client.post("/api/ingest", json={"text": "x", "published": "soon"},
                                   headers=bearer()), 422)  # fmt: skip


def test_form_ingest_paste_redirects_to_the_document(client: Client) -> None:
    client.login()
    form = {"csrf_token": client.csrf("/ingest"), "text": _NEW_TEXT, "url": "", "title": ""}
    done = client.post("/ingest", data=form, files={"file": ("", b"", "application/octet-stream")})
    assert done.status_code == 303, done.text[:500]
    page = client.get(done.headers["location"])
    assert page.status_code == 200 and "17 people" in page.text


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story.txt")
            self.end_headers()
            return
        body = ("date 2024-04-02\n\n" + _NEW_TEXT).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_ingest_follows_redirects_when_private_addresses_are_allowed(
    db: Path, local_site: str
) -> None:
    c = client_for(db, allow_private_urls=True)
    done = c.post("/api/ingest", json={"url": local_site + "/moved"}, headers=bearer())
    assert done.status_code == 201, done.text
    data = c.get(f"/api/documents/{done.json()['documents'][0]['doc_id']}").json()
    assert data["document"]["url"] == local_site + "/story.txt"
    assert data["document"]["published"] == "2024-04-02"
    c.close()


def test_url_ingest_refuses_loopback_by_default(client: Client, local_site: str) -> None:
    err = assert_error_shape(client.post("/api/ingest", json={"url": local_site + "/story.txt"},
                                         headers=bearer()), 422)  # fmt: skip
    assert err["type"] == "FetchRefused" and "127.0.0.1" in err["message"]


# -- errors, read-only, API description ---------------------------------------------------------


def test_errors_have_one_shape(client: Client, tmp_path: Path) -> None:
    assert_error_shape(client.get("/api/nothing-here"), 404)
    err = assert_error_shape(client.request("DELETE", "/api/documents"), 405)
    assert err["type"] == "MethodNotAllowed"
    assert client.get("/nothing-here").status_code == 404
    assert "404" in client.get("/nothing-here").text
    broken = client_for(tmp_path / "no" / "such" / "dir.db")
    err = assert_error_shape(broken.get("/api/documents"), 500)
    assert "directory" in err["message"]
    page = broken.get("/documents")
    assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    broken.close()


def test_read_only_app_shows_no_forms_and_refuses_changes(db: Path) -> None:
    c = client_for(db, write_token=None)
    doc_id = _norvane(db)
    cid = claim_id_of(db, doc_id, "613")
    page = c.get(f"/documents/{doc_id}").text
    assert "read-only" in page and "review-form" not in page
    response = c.post(f"/api/claims/{doc_id}/{cid}/corrections",
                      json={"verdict": "correct", "reviewer": "a"}, headers=bearer())  # fmt: skip
    assert assert_error_shape(response, 403)["type"] == "ReadOnly"
    assert_error_shape(c.post("/api/ingest", json={"text": _NEW_TEXT}, headers=bearer()), 403)
    c.close()


def test_openapi_describes_every_api_route(client: Client) -> None:
    served = client.get("/api/openapi.json").json()
    assert served == openapi_document() and served["openapi"].startswith("3.")
    described = {(path, method.upper()) for path, ops in served["paths"].items() for method in ops}
    routes = {(r.path, m) for r in client.app.routes if getattr(r, "path", "").startswith("/api/")
              for m in (getattr(r, "methods", None) or ()) if m != "HEAD"}  # fmt: skip
    assert routes == described


def test_static_assets_and_basemap(client: Client) -> None:
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    svg = client.get("/static/world.svg")
    assert svg.status_code == 200 and svg.text.count("<path") > 150
    assert "public domain" in client.get("/static/LICENSE-basemap.txt").text
    assert basemap.project(0, 0) == (basemap.WIDTH / 2, basemap.HEIGHT / 2)
    assert basemap.project(90, -180) == (0, 0)
    # No page refers to anything off the server.
    page = client.get("/documents").text
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_serve_command_is_registered_and_fails_cleanly_on_a_bad_db(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(tmp_path / "no" / "x.db"), "--port", "0"]
    )
    assert result.exit_code == 1 and "directory" in result.output
    assert "--write-token" in CliRunner().invoke(cli, ["serve", "--help"]).output


@pytest.mark.parametrize("token", [None, "t" * 32])
def test_serve_refuses_a_path_with_no_database_instead_of_serving_a_new_empty_one(
    tmp_path: Path, token: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Like `show` or `events`: a typo in --db must not start a server over an empty store
    # (nor leave the file behind), with or without a write token. The server's run loop is
    # replaced (it would never return): a server started is a call recorded.
    import uvicorn

    ran: list[object] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: ran.append(self))
    db = tmp_path / "typo.db"
    env = {"TOLLBOOK_WRITE_TOKEN": token} if token else {}
    for arg in (str(db), f"sqlite:///{db}"):
        result = CliRunner().invoke(cli, ["serve", "--db", arg, "--port", "0"], env=env)
        assert result.exit_code == 1, result.output
        assert f"no database at {db}; create one with `tollbook ingest PATH... --db {arg}`" in result.stderr
    assert list(tmp_path.iterdir()) == [] and ran == []
    Store.open(str(db)).close()  # an existing store is served
    served = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "0"], env=env)
    assert served.exit_code == 0 and f"over {db}" in served.stderr and len(ran) == 1, served.output


def test_fixture_is_fiction() -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    assert "Norvane" in text and "613 people" in text
