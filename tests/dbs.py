"""Database URLs for store tests: a SQLite file, or a fresh schema on a PostgreSQL server.

`db_url` is parametrised over both backends. The PostgreSQL server comes from
TOLLBOOK_TEST_POSTGRES (`.ci/run` starts one and exports it); each test gets its own schema
(`CREATE SCHEMA t_<random>`, reached with `options=-csearch_path=...`), dropped afterwards, so
tests run in parallel under pytest-xdist. Without the variable the PostgreSQL cases skip,
except under CI (CI set), where they fail: CI must run them.

Import the fixtures into a test module: `from .dbs import db_url  # noqa: F401`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

PG_ENV = "TOLLBOOK_TEST_POSTGRES"
SKIP_REASON = "set TOLLBOOK_TEST_POSTGRES=postgresql://... to run the store tests on PostgreSQL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def postgres_url() -> str:
    """The test server's URL; skip (or, under CI, fail) when it is not given."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                f"{PG_ENV} is not set under CI: CI must run the PostgreSQL tests; "
                "start the server with .ci/services.sh and export what it prints"
            )
        pytest.skip(SKIP_REASON)
    return url


def with_search_path(url: str, schema: str) -> str:
    """The URL with `options=-csearch_path=<schema>` added (libpq decodes the %3D)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}', safe='')}"


@contextmanager
def pg_schema(base_url: str) -> Iterator[str]:
    """A URL whose tables land in a new, empty schema; the schema is dropped afterwards."""
    import psycopg

    schema = "t_" + secrets.token_hex(6)
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(base_url, schema)
    finally:
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database: a SQLite file, or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "toll.db")
        return
    with pg_schema(postgres_url()) as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema only (for PostgreSQL-specific tests)."""
    with pg_schema(postgres_url()) as url:
        yield url
