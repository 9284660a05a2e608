"""Issue 22, with the write token: hostile JSON gets 422 (never a 500), wrong tokens are
throttled, sessions are server-side and revoked at logout, cookies can be Secure, pages are
never cached, and .warc.gz uploads are read as the CLI reads them. A hypothesis property: no
API input yields a server error."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tollbook.web.app import create_app
from tollbook.web.sessions import Sessions, Throttle, TooManyAttempts
from tollbook.web.settings import WebSettings

from .test_web_support import TOKEN, Client, bearer, claim_id_of, client_for, doc_id_of, seed


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed(tmp_path_factory.mktemp("auth") / "a.db")


@pytest.fixture(scope="module")
def ids(db: Path) -> tuple[str, str]:
    doc_id = doc_id_of(db, "Norvane")
    with_claim = claim_id_of(db, doc_id, "")
    return doc_id, with_claim


def _raw(client: Client, url: str, body: bytes) -> httpx.Response:
    headers = {**bearer(), "content-type": "application/json"}
    return client.post(url, content=body, headers=headers)


HOSTILE_BODIES = [
    b"[" * 5000 + b"]" * 5000,
    b'{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"verdict": "corrected", "value": ' + b"9" * 400 + b"}",
    b'{"verdict": "corrected", "value": -' + b"9" * 5000 + b"}",
    b'{"verdict": "corrected", "reviewer": "\\ud800", "reason": "x"}',
    b'{"text": "\\udfff killed"}',
    b'{"\\ud800": 1}',
    b'{"verdict": "corrected", "value": NaN}',
    b'{"verdict": "corrected", "value": Infinity}',
    b'{"verdict": "corrected", "value": 1e999}',
]


@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=range(len(HOSTILE_BODIES)))
def test_hostile_json_gets_422(db: Path, ids: tuple[str, str], body: bytes) -> None:
    client = client_for(db)
    doc_id, claim_id = ids
    for url in (f"/api/claims/{doc_id}/{claim_id}/corrections", "/api/ingest"):
        r = _raw(client, url, body)
        assert r.status_code == 422, (url, r.status_code, r.text[:200])
        assert r.json()["error"]["type"]


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
_fields = st.fixed_dictionaries({}, optional={
    k: _json for k in ("verdict", "value", "category", "population", "source", "reviewer",
                       "reason", "text", "url", "title", "publisher", "published")})  # fmt: skip


@given(body=_fields | _json)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_json_body_yields_a_server_error(body: Any) -> None:
    client, doc_id, claim_id = _PROPERTY
    for url in (f"/api/claims/{doc_id}/{claim_id}/corrections", "/api/ingest"):
        payload = json.dumps(body, allow_nan=True).encode("utf-8", "surrogatepass")
        r = _raw(client, url, payload)
        assert r.status_code < 500, (url, body, r.text[:300])


@given(params=st.dictionaries(
    st.sampled_from(["q", "category", "place", "source", "date_from", "date_to", "limit", "page",
                     "part", "a", "b"]),
    st.text(max_size=40), max_size=5,
), path=st.sampled_from(["/api/documents", "/api/events", "/api/compare", "/documents", "/events",
                         "/compare", "/api/documents/{doc}"]))  # fmt: skip
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_query_yields_a_server_error(params: dict[str, str], path: str) -> None:
    client, doc_id, _ = _PROPERTY
    r = client.get(path.format(doc=doc_id), params=params)
    assert r.status_code < 500, (path, params, r.text[:300])


_PROPERTY: tuple[Client, str, str]


@pytest.fixture(scope="module", autouse=True)
def _property_client(db: Path, ids: tuple[str, str]) -> None:
    global _PROPERTY
    _PROPERTY = (client_for(db, gazetteer=False, max_upload_bytes=20_000), *ids)


def test_wrong_tokens_are_throttled_per_client(db: Path, ids: tuple[str, str]) -> None:
    client = client_for(db)
    for _ in range(5):
        assert client.login("x" * 20).status_code == 401
    r = client.login()  # the right token, but this address is locked out for now
    assert r.status_code == 429 and "too many wrong write tokens" in r.text
    api_client = client_for(db)
    doc_id, claim_id = ids
    url = f"/api/claims/{doc_id}/{claim_id}/corrections"
    for _ in range(5):
        r = api_client.post(url, json={"verdict": "correct"},
                            headers={"authorization": "Bearer " + "y" * 20})  # fmt: skip
        assert r.status_code == 401
    r = api_client.post(url, json={"verdict": "correct"}, headers=bearer())
    assert r.status_code == 429


def test_the_throttle_forgets_after_its_window() -> None:
    now = [0.0]
    throttle = Throttle(clock=lambda: now[0], max_failures=3, window=60)
    for _ in range(3):
        throttle.check("1.2.3.4")
        throttle.failed("1.2.3.4")
    with pytest.raises(TooManyAttempts):
        throttle.check("1.2.3.4")
    throttle.check("5.6.7.8")  # another address is not affected
    now[0] = 61
    throttle.check("1.2.3.4")


def test_logout_revokes_the_session(db: Path, ids: tuple[str, str]) -> None:
    client = client_for(db)
    assert client.login().status_code == 303
    first = client.cookies["tollbook_write"]
    csrf = client.csrf("/documents")
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.login().status_code == 303
    assert client.cookies["tollbook_write"] != first  # a new id at every sign-in
    # The cookie of the first session, replayed after its logout, no longer signs in.
    thief = Client(client.app)
    thief.cookies.set("tollbook_write", first)
    html = thief.get("/documents").text
    assert "Sign in to edit" in html and "can edit" not in html
    doc_id, claim_id = ids
    csrf = thief.csrf("/ingest")
    r = thief.post(f"/documents/{doc_id}/claims/{claim_id}/review",
                   data={"csrf_token": csrf, "verdict": "correct"})  # fmt: skip
    assert r.status_code == 401


def test_sessions_expire() -> None:
    now = [0.0]
    sessions = Sessions(clock=lambda: now[0], lifetime=100)
    sid = sessions.create()
    assert sessions.valid(sid) and not sessions.valid("forged")
    now[0] = 101
    assert not sessions.valid(sid) and len(sessions) == 0


def test_secure_cookies_and_no_caching(db: Path) -> None:
    client = client_for(db, secure_cookies=True)
    r = client.get("/login")
    assert "secure" in r.headers["set-cookie"].lower()
    assert r.headers["cache-control"] == "no-store"
    # httpx keeps Secure cookies from http://testserver to itself: send the CSRF one by hand.
    cookie = r.headers["set-cookie"].split(";")[0]
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', r.text)
    assert csrf is not None
    r = client.post("/login", data={"csrf_token": csrf.group(1), "token": TOKEN, "next": "/"},
                    headers={"cookie": cookie})  # fmt: skip
    assert r.status_code == 303, r.text[:300]
    assert "tollbook_write=" in r.headers["set-cookie"] and "secure" in r.headers["set-cookie"].lower()
    for url in ("/documents", "/ingest", "/api/documents"):
        assert client.get(url).headers["cache-control"] == "no-store", url
    assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def _warc_gz() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    page = (b"<html><head><title>Shelling</title></head><body><p>At least 12 people were killed"
            b" in the shelling of Port Castellan on Tuesday, the ministry said.</p></body></html>")
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                            protocol="HTTP/1.1")  # fmt: skip
    record = writer.create_warc_record("https://news.example/a", "response",
                                       payload=io.BytesIO(page), http_headers=http)  # fmt: skip
    writer.write_record(record)
    return out.getvalue()


def test_warc_gz_uploads_are_read(tmp_path: Path) -> None:
    db = seed(tmp_path / "w.db")
    client = Client(create_app(WebSettings(db=str(db), write_token=TOKEN, gazetteer=False)))
    files = {"file": ("crawl.warc.gz", _warc_gz(), "application/gzip")}
    r = client.post("/api/ingest", files=files, headers=bearer())
    assert r.status_code == 201, r.text
    assert r.json()["documents"][0]["claims"] >= 1
