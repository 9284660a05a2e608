"""The web app's defences: inert document text, CSRF, write token, body limits, static files,
URL fetching (issue 6)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from tollbook.ingest.sources import document_from_text
from tollbook.model import Attribution, Correction, SourceLink
from tollbook.pipeline import Pipeline
from tollbook.store.database import Store
from tollbook.web.app import create_app
from tollbook.web.errors import FetchRefused, PayloadTooLarge
from tollbook.web.security import check_url, fetch_url
from tollbook.web.settings import WebSettings

from .test_web_support import (
    TOKEN,
    Client,
    assert_error_shape,
    bearer,
    claim_id_of,
    client_for,
    doc_id_of,
    seed,
    web_fixtures,
)

PAYLOADS = (
    "<script>alert('x1')</script>",
    "<img src=x onerror=alert('x2')>",
    "<a href=\"javascript:alert('x3')\">click</a>",
    "\"><svg onload=alert('x4')>",
    "</textarea><script>alert('x5')</script>",
    "{{ 7*7 }}",
)


class _Scan(HTMLParser):
    """Collects what could run: script tags, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("src") != "/static/app.js":
            self.bad.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "base"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}={value}")
            if (
                name in ("href", "src", "action", "formaction", "xlink:href")
                and value
                and value.strip().lower().startswith(("javascript:", "data:text"))
            ):
                self.bad.append(f"{tag} {name}={value}")


def _assert_inert(page: str) -> None:
    scan = _Scan()
    scan.feed(page)
    assert scan.bad == [], scan.bad


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A document whose text and every metadata field carry script payloads."""
    path = tmp_path_factory.mktemp("xss") / "x.db"
    seed(path)
    text = (" ".join(PAYLOADS) + "\n\nAccording to the ministry, 613 people were killed in "
            "Velmora. " + " ".join(PAYLOADS) + "\n")  # fmt: skip
    doc = document_from_text(
        text, title="T " + PAYLOADS[0], publisher="P " + PAYLOADS[1],
        url="javascript:alert('url')", name="N " + PAYLOADS[3], published="2023-01-02",
    )  # fmt: skip
    extraction = Pipeline().run(doc)
    hostile_source = Attribution(speaker="S " + PAYLOADS[2], cue="said",
                                 chain=(SourceLink("published_by", "C " + PAYLOADS[4]),))  # fmt: skip
    claims = tuple(replace(c, source=hostile_source, population="pop" + PAYLOADS[1])
                   for c in extraction.claims)  # fmt: skip
    assert claims, "the hostile document must have a claim to show"
    with Store.open(str(path)) as store:
        store.save(replace(extraction, claims=claims))
        store.add_correction(Correction(doc_id=doc.doc_id, claim_id=claims[0].claim_id,
                                        verdict="corrected", reviewer="R " + PAYLOADS[0],
                                        reason="why " + PAYLOADS[3], population=PAYLOADS[1],
                                        source=PAYLOADS[2]))  # fmt: skip
    return path, doc.doc_id, claims[0].claim_id


def test_hostile_text_and_metadata_render_as_inert_text(hostile_db: tuple[Path, str, str]) -> None:
    db, doc_id, _ = hostile_db
    c = client_for(db)
    c.login()
    pages = [f"/documents/{doc_id}", "/documents", "/documents?q=ministry", "/documents?q=alert",
             f"/documents?source={PAYLOADS[1]}", f"/compare?a={doc_id}&b={doc_id}",
             f"/documents/{PAYLOADS[0]}", f"/login?next={PAYLOADS[3]}"]  # fmt: skip
    for url in pages:
        response = c.get(url)
        assert response.status_code in (200, 404, 503), (url, response.status_code)
        _assert_inert(response.text)
    page = c.get(f"/documents/{doc_id}").text
    # The payloads are there, as text.
    assert "&lt;script&gt;alert(&#39;x1&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#39;x2&#39;)&gt;" in page
    assert "javascript:alert(&#39;url&#39;)" in page and 'href="javascript:' not in page
    assert "{{ 7*7 }}" in page  # data, never evaluated as a template
    for shown in (
        "S &lt;a href=",
        "C &lt;/textarea&gt;",
        "R &lt;script&gt;",
        "why &#34;&gt;&lt;svg",
    ):
        assert shown in page, shown
    # JSON carries the text unchanged, as data, with a JSON content type.
    api = c.get(f"/api/documents/{doc_id}")
    assert api.headers["content-type"].startswith("application/json")
    assert api.json()["document"]["title"] == "T " + PAYLOADS[0]
    c.close()


def test_security_headers(client: Client) -> None:
    headers = client.get("/documents").headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    cookie = headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


seeded, db, client = web_fixtures()


def _target(db: Path) -> tuple[str, str]:
    doc_id = doc_id_of(db, "Ostrava Hills")
    return doc_id, claim_id_of(db, doc_id, "613")


def test_form_post_without_csrf_token_is_refused(client: Client, db: Path) -> None:
    doc_id, cid = _target(db)
    client.login()
    url = f"/documents/{doc_id}/claims/{cid}/review"
    form = {"verdict": "correct", "reviewer": "mallory"}
    for extra in ({}, {"csrf_token": "forged"}, {"csrf_token": ""}):
        response = client.post(url, data={**form, **extra}, headers={"accept": "application/json"})
        assert assert_error_shape(response, 403)["type"] == "CSRFError"
    # A token that matches a cookie signed with another secret is refused too.
    other = Client(create_app(WebSettings(db=str(db), write_token=TOKEN)))
    foreign = other.csrf()
    assert client.post(url, data={**form, "csrf_token": foreign}).status_code == 403
    other.close()
    with Store.open(str(db)) as store:
        assert store.corrections() == ()
    ok = client.post(url, data={**form, "csrf_token": client.csrf()})
    assert ok.status_code == 303


def test_login_and_logout_need_csrf(client: Client) -> None:
    response = client.post("/login", data={"token": TOKEN}, headers={"accept": "application/json"})
    assert assert_error_shape(response, 403)["type"] == "CSRFError"
    assert "tollbook_write" not in client.cookies
    wrong = client.post("/login", data={"token": "nope", "csrf_token": client.csrf("/login")})
    assert wrong.status_code == 401


def test_every_change_needs_the_write_token(client: Client, db: Path) -> None:
    doc_id, cid = _target(db)
    with Store.open(str(db)) as store:
        n_docs = len(store.documents())
    body = {"verdict": "correct", "reviewer": "mallory"}
    url = f"/api/claims/{doc_id}/{cid}/corrections"
    for headers in (
        {},
        bearer("wrong"),
        {"Authorization": TOKEN},
        {"Authorization": "Basic " + TOKEN},
    ):
        assert (
            assert_error_shape(client.post(url, json=body, headers=headers), 401)["type"]
            == "Unauthorized"
        )
        assert_error_shape(
            client.post("/api/ingest", json={"text": "1 killed"}, headers=headers), 401
        )
    # The browser's signed-in cookie does not authenticate the API.
    client.login()
    assert_error_shape(client.post(url, json=body), 401)
    # Forms need the sign-in, not just a CSRF token.
    anon = client_for(db)
    form = {"verdict": "correct", "reviewer": "m", "csrf_token": anon.csrf()}
    refused = anon.post(f"/documents/{doc_id}/claims/{cid}/review", data=form)
    assert refused.status_code == 401
    ingest = anon.post("/ingest", data={"text": "3 people were killed.", "csrf_token": anon.csrf()})
    assert ingest.status_code == 401
    anon.close()
    with Store.open(str(db)) as store:
        assert store.corrections() == () and len(store.documents()) == n_docs


def test_uploads_over_the_limit_get_413_with_the_error_shape(db: Path) -> None:
    c = client_for(db, max_upload_bytes=2000)
    big = b"x" * 3000
    for response in (
        c.post("/api/ingest", files={"file": ("big.txt", big, "text/plain")}, headers=bearer()),
        c.post("/api/ingest", json={"text": "y" * 3000}, headers=bearer()),
        c.post("/api/ingest", content=b"{" + b" " * 100_000 + b"}",
               headers={**bearer(), "content-type": "application/json"}),
    ):  # fmt: skip
        err = assert_error_shape(response, 413)
        assert "limit" in err["message"] and err.get("hint")
    c.close()


def test_streamed_body_over_the_limit_without_content_length_is_413(db: Path) -> None:
    app = create_app(WebSettings(db=str(db), write_token=TOKEN, max_upload_bytes=1000))

    async def chunks() -> object:
        for _ in range(40):
            yield b"z" * 4096

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.post(
                "/api/ingest",
                content=chunks(),  # type: ignore[arg-type]
                headers={**bearer(), "content-type": "application/json"},
            )

    response = asyncio.run(send())
    assert "content-length" not in response.request.headers
    assert_error_shape(response, 413)


async def _raw_get(app: object, raw_path: bytes) -> tuple[int, bytes]:
    """GET with a path exactly as given (clients would normalise `..`)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": raw_path.decode("latin-1"), "raw_path": raw_path,
             "query_string": b"", "root_path": "", "headers": [(b"host", b"t")],
             "client": ("127.0.0.1", 1), "server": ("t", 80)}  # fmt: skip
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    await app(scope, receive, send)  # type: ignore[operator]
    status = int(sent[0]["status"])  # type: ignore[call-overload]
    body = b"".join(m.get("body", b"") for m in sent[1:])  # type: ignore[misc]
    return status, body


@pytest.mark.parametrize("path", [
    b"/static/../app.py", b"/static/../../web/security.py", b"/static/%2e%2e/app.py",
    b"/static/..%2fapp.py", b"/static/....//app.py", b"/static//etc/passwd",
    b"/static/../../../../../../etc/passwd", b"/static/..\\app.py", b"/static/%2e%2e%2f%2e%2e%2fcli.py",
])  # fmt: skip
def test_static_files_cannot_escape_their_folder(db: Path, path: bytes) -> None:
    app = create_app(WebSettings(db=str(db)))
    status, body = asyncio.run(_raw_get(app, path))
    assert status in (400, 404)
    assert b"import " not in body and b"root:" not in body


# -- URL fetching --------------------------------------------------------------------------------


def _public(host: str, port: int) -> list[str]:
    return {"news.example": ["93.184.216.34"], "inner.example": ["10.1.2.3"],
            "mixed.example": ["93.184.216.34", "127.0.0.1"]}.get(host, ["93.184.216.34"])  # fmt: skip


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/", "http://10.0.0.7/", "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
    "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/",
])  # fmt: skip
def test_private_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused, match="private, loopback"):
        check_url(url, allow_private=False)
    check_url(url, allow_private=True)  # the option for tests lets them through


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/",
                                 "http://user:pw@news.example/", "http:///nohost"])  # fmt: skip
def test_other_schemes_and_credentials_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url, allow_private=True, resolve=_public)


def test_a_host_with_any_private_address_is_refused() -> None:
    with pytest.raises(FetchRefused, match=r"127\.0\.0\.1"):
        check_url("https://mixed.example/", allow_private=False, resolve=_public)


def _site(handler: object) -> httpx.MockTransport:
    return httpx.MockTransport(handler)  # type: ignore[arg-type]


def test_redirects_to_private_addresses_are_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        targets = {"/a": "http://127.0.0.1:9/secret", "/b": "http://inner.example/x",
                   "/c": "http://[::1]/", "/d": "file:///etc/passwd"}  # fmt: skip
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"location": targets[request.url.path]})
        raise AssertionError(f"fetched {request.url} after a refused redirect")

    for path in ("/a", "/b", "/c", "/d"):
        with pytest.raises(FetchRefused):
            fetch_url("http://news.example" + path, max_bytes=1000, timeout=5, resolve=_public,
                      transport=_site(handler))  # fmt: skip


def test_fetch_follows_public_redirects_and_caps_size() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        if request.url.path == "/huge":
            return httpx.Response(200, content=b"a" * 5000, headers={"content-type": "text/plain"})
        if request.url.path == "/loop":
            return httpx.Response(302, headers={"location": "/loop"})
        return httpx.Response(
            200, content=b"17 people were killed.", headers={"content-type": "text/plain"}
        )

    got = fetch_url("https://news.example/old", max_bytes=1000, timeout=5, resolve=_public,
                    transport=_site(handler))  # fmt: skip
    assert got.url == "https://news.example/new" and got.data == b"17 people were killed."
    with pytest.raises(PayloadTooLarge):
        fetch_url("https://news.example/huge", max_bytes=1000, timeout=5, resolve=_public,
                  transport=_site(handler))  # fmt: skip
    with pytest.raises(FetchRefused, match="redirects"):
        fetch_url("https://news.example/loop", max_bytes=1000, timeout=5, resolve=_public,
                  transport=_site(handler))  # fmt: skip
