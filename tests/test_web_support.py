"""Helpers for the web tests: a seeded database and a synchronous in-process client.

The client is httpx.AsyncClient over httpx.ASGITransport (no server, no sockets), driven by
one asyncio.Runner so cookies persist between requests.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from tollbook import api
from tollbook.pipeline import Settings
from tollbook.store.database import Store
from tollbook.web.app import create_app
from tollbook.web.settings import WebSettings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
STATEMENT = FIXTURES / "norvane-statement.txt"
FOLLOWUP = FIXTURES / "norvane-followup.txt"
TOKEN = "test-write-token"


def seed(path: Path) -> Path:
    """A database with the two fictional Norvane statements and the bundled demo corpus."""
    with Store.open(str(path)) as store:
        report = api.ingest(store, api.read([STATEMENT, FOLLOWUP, *api.demo_paths()]), Settings())
        assert report.ok, report.failures
    return path


def copy_db(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


def doc_id_of(db: Path, title_part: str) -> str:
    with Store.open(str(db)) as store:
        return next(d.doc_id for d in store.documents() if title_part in (d.title or ""))


def claim_id_of(db: Path, doc_id: str, text: str) -> str:
    with Store.open(str(db)) as store:
        return next(c.claim_id for c in store.claims(doc_id) if c.text.startswith(text))


class Client:
    """Synchronous facade over an in-process httpx.AsyncClient."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self._runner = asyncio.Runner()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self._client = httpx.AsyncClient(transport=transport, base_url="http://testserver")

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._runner.run(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    @property
    def cookies(self) -> httpx.Cookies:
        return self._client.cookies

    def csrf(self, page: str = "/ingest") -> str:
        """The CSRF token of a page's forms (the page also sets the signed cookie)."""
        html = self.get(page).text
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        assert match, f"no CSRF token on {page}"
        return match.group(1)

    def login(self, token: str = TOKEN) -> httpx.Response:
        csrf = self.csrf("/login")
        return self.post("/login", data={"csrf_token": csrf, "token": token, "next": "/"})

    def close(self) -> None:
        self._runner.run(self._client.aclose())
        self._runner.close()


def client_for(db: Path, **settings: Any) -> Client:
    settings.setdefault("write_token", TOKEN)
    return Client(create_app(WebSettings(db=str(db), **settings)))


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error_shape(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    body = response.json()
    assert set(body) >= {"error"}
    err = body["error"]
    assert isinstance(err["type"], str) and err["type"]
    assert isinstance(err["message"], str) and err["message"]
    assert set(err) <= {"type", "message", "hint"}
    return dict(err)


def web_fixtures() -> tuple[Callable[..., Path], Callable[..., Path], Callable[..., Iterator[Client]]]:
    """`seeded, db, client = web_fixtures()` in a web test module: the seeded database (built
    once per module), a copy of it per test (tests write to it) and a client on that copy."""

    @pytest.fixture(scope="module")
    def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
        return seed(tmp_path_factory.mktemp("web") / "seed.db")

    @pytest.fixture
    def db(seeded: Path, tmp_path: Path) -> Path:
        return copy_db(seeded, tmp_path / "t.db")

    @pytest.fixture
    def client(db: Path) -> Iterator[Client]:
        c = client_for(db)
        yield c
        c.close()

    return seeded, db, client
