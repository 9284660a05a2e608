"""Database URL -> a backend: the only code that talks to sqlite3 or psycopg.

`connect(url)` opens SQLite (a path, `sqlite:///path`, `:memory:`) or PostgreSQL
(`postgresql://user@host:port/db`, any libpq URL; `?options=-csearch_path%3Dschema` picks a
schema). Both backends take `?` parameters, return rows as dicts, run explicit transactions
and turn driver errors into `StoreError`s that say what to do. Dialect differences live
here: placeholders, full-text search, write locks, JSON functions for the bulk loader and
PostgreSQL's COPY.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, urlsplit, urlunsplit

from tollbook._exceptions import StoreError
from tollbook.store.schema import POSTGRESQL, SQLITE

if TYPE_CHECKING:
    import psycopg

class StoreIOError(StoreError):
    """The store itself failed (disk full, I/O error, read-only, damaged file, connection
    lost): every further write would fail the same way, so a batch stops at the first one."""


#: SQLite result codes (primary, the low byte) that mean the store, not the statement, failed.
_SQLITE_FATAL = {8: "read-only", 10: "I/O error", 11: "damaged", 13: "disk full",
                 14: "cannot open", 26: "not a database"}  # fmt: skip
#: PostgreSQL SQLSTATE classes of the same: insufficient resources, system error.
_PG_FATAL = ("53", "58")

#: Seconds to wait for a PostgreSQL server before giving up.
CONNECT_TIMEOUT = 10


class Backend(Protocol):
    """What the store and the bulk loader need from a database connection."""

    dialect: str
    location: str

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...
    def script(self, sql: str) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def lock(self, key: str) -> None: ...
    def has_fts(self) -> bool: ...
    def search(self, query: str, limit: int) -> list[str]: ...
    def table_exists(self, name: str) -> bool: ...
    def json_object(self, pairs: Sequence[tuple[str, str]]) -> str: ...
    def json_cast(self, expr: str) -> str: ...
    def json_int(self, expr: str, index: int) -> str: ...
    def close(self) -> None: ...


def connect(url: str, *, check: bool = True) -> Backend:
    """A backend for a SQLite path/URL or a postgresql:// URL; `check`: refuse a damaged
    SQLite file (see SQLite._integrity)."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*)://", url)
    scheme = match.group(1).lower() if match else ""
    if scheme.split("+")[0] in ("postgresql", "postgres"):
        return Postgres.connect(url)
    return SQLite.connect(sqlite_target(url), check=check)


#: Largest SQLite file checked page by page at every open (see SQLite._integrity).
QUICK_CHECK_BYTES = 256 * 1024 * 1024
#: Largest SQLite file whose indexes are also checked against their tables at every open.
FULL_CHECK_BYTES = 64 * 1024 * 1024


def _read_only_uri(target: str, parent: Path) -> str:
    """A read-only URI for a file this process may not write. In a folder it may not write
    either, no -wal/-shm file can be made, so the file is opened immutable (nobody can be
    changing it through a WAL there)."""
    path = quote(str(Path(target).resolve()))
    immutable = "&immutable=1" if not os.access(parent, os.W_OK) else ""
    return f"file:{path}?mode=ro{immutable}"


def sqlite_target(url: str) -> str:
    """A path or `:memory:` for sqlite3 from a path, `sqlite:///path` or `:memory:`."""
    if url in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return ":memory:"
    if url.startswith("sqlite:///"):
        # SQLAlchemy form: sqlite:///rel.db is relative, sqlite:////abs.db absolute.
        return url[len("sqlite:///") :]
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*)://", url)
    if match:
        raise StoreError(
            f"unsupported database URL scheme {match.group(1).lower()!r}; use a SQLite path, "
            "sqlite:///path, :memory: or postgresql://user@host/dbname"
        )
    if not url:
        raise StoreError("empty database path; pass --db with a SQLite path or :memory:")
    return url


class SQLite:
    """sqlite3 with `?` queries, rows as dicts, explicit BEGIN IMMEDIATE transactions."""

    dialect = SQLITE

    def __init__(self, conn: sqlite3.Connection, location: str) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.location = location
        self.read_only = False  # opened read-only: nobody may write the file

    @classmethod
    def connect(cls, target: str, *, check: bool = True) -> SQLite:
        """Open target; a file nobody may write is opened read-only, and an existing file is
        checked for damage first (`check`; see `_integrity`)."""
        existed = False
        read_only = False
        if target != ":memory:":
            target = str(Path(target).expanduser())
            parent = Path(target).resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"cannot open database {target}: directory {parent} does not exist; "
                    "create the directory or pass --db with another path"
                )
            existed = Path(target).is_file() and Path(target).stat().st_size > 0
            read_only = existed and not os.access(target, os.W_OK)
        try:
            # isolation_level=None: no implicit BEGIN/COMMIT; `transaction()` does it.
            if read_only:
                conn = sqlite3.connect(_read_only_uri(target, parent), uri=True,
                                       isolation_level=None)  # fmt: skip
            else:
                conn = sqlite3.connect(target, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open database {target}: {exc}; check the path and its permissions"
            ) from exc
        backend = cls(conn, target)
        backend.read_only = read_only
        try:
            if not read_only:
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
            if existed and check:
                backend._integrity()
        except sqlite3.Error as exc:
            backend.close()
            raise StoreError(
                f"cannot use {target} as a database: {exc}; "
                "is it a tollbook SQLite file? pass --db with another path"
            ) from exc
        except StoreError:
            backend.close()
            raise
        return backend

    def _integrity(self) -> None:
        """Refuse a damaged file before anything is read from or written into it.

        `PRAGMA quick_check` reads every page (not the indexes' agreement with the tables,
        which `integrity_check` adds), so it is skipped above QUICK_CHECK_BYTES, where it
        would cost seconds at every open; such a file gets SQLite's header check only. It is
        skipped too while the WAL holds pages, i.e. while another process writes: beside a
        writer quick_check now and then reports the pages being added as invalid (about 1
        check in 2,000 during an ingest), and a damaged file at rest has an empty WAL."""
        # The file is never opened beside sqlite3: closing any descriptor of it would drop
        # this process's POSIX locks on it (SQLite's readers would then see torn state).
        # A wrong header already failed the PRAGMAs above ("file is not a database").
        size = Path(self.location).stat().st_size
        wal = Path(self.location + "-wal")
        if size > QUICK_CHECK_BYTES or (wal.exists() and wal.stat().st_size > 0):
            return  # too big to check at every open, or a writer is at work (see above)
        # integrity_check also compares every index with its table, which catches bytes
        # changed inside a row (SQLite keeps no checksums); quick_check only the structure.
        pragma = "integrity_check" if size <= FULL_CHECK_BYTES else "quick_check"
        rows = self._c().execute(f"PRAGMA {pragma}(5)").fetchall()
        problems = [str(r[0]) for r in rows if r[0] != "ok"]
        if problems:
            raise StoreIOError(
                f"the database {self.location} is damaged ({'; '.join(problems)[:300]}); "
                f"nothing was written to it: restore it from a backup, or try "
                f"`sqlite3 {self.location} .recover` into a new file"
            )

    def _c(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.location} is closed; open it again with Store.open")
        return self._conn

    def _fail(self, exc: sqlite3.Error, sql: str) -> StoreError:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_FATAL:
            return StoreIOError(
                f"the database {self.location} failed ({_SQLITE_FATAL[code & 0xFF]}, "
                f"{_verb(sql)}): {exc}; free disk space, check the file's permissions or "
                "restore it from a backup, then run again (stored documents are kept)"
            )
        return StoreError(
            f"database error in {self.location} ({_verb(sql)}): {exc}; "
            "check that the file is a tollbook database, writable and not locked"
        )

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            cur = self._c().execute(sql, tuple(params))
            cols = [d[0] for d in cur.description or ()]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except sqlite3.Error as exc:
            raise self._fail(exc, sql) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; return the number of rows it changed."""
        try:
            return self._c().execute(sql, tuple(params)).rowcount
        except sqlite3.Error as exc:
            raise self._fail(exc, sql) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._c().executemany(sql, rows)
        except sqlite3.Error as exc:
            raise self._fail(exc, sql) from exc

    def script(self, sql: str) -> None:
        """Run a multi-statement script inside the current transaction.

        `executescript` would COMMIT first, so statements are split here instead;
        `complete_statement` keeps trigger bodies (`BEGIN ...; END;`) whole.
        """
        buf = ""
        for piece in sql.split(";"):
            buf += piece + ";"
            if sqlite3.complete_statement(buf):
                if buf.strip(" \n\t;"):
                    self.execute(buf)
                buf = ""
        if buf.strip(" \n\t;"):
            raise StoreError(f"incomplete SQL statement in a migration: {buf.strip()[:80]}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers wait (busy_timeout)
        # instead of failing half-way on a lock upgrade.
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._c().rollback()
            raise
        self.execute("COMMIT")

    def lock(self, key: str) -> None:
        """Serialise writers on `key`: BEGIN IMMEDIATE already holds the database's lock."""

    def fts5_available(self) -> bool:
        try:
            self._c().execute("CREATE VIRTUAL TABLE temp._tollbook_probe USING fts5 (x)")
        except sqlite3.OperationalError:
            return False
        self._c().execute("DROP TABLE temp._tollbook_probe")
        return True

    def has_fts(self) -> bool:
        return self.table_exists("documents_fts")

    def search(self, query: str, limit: int) -> list[str]:
        """doc_ids matching an FTS5 query, best first (bm25 rank, then doc_id)."""
        try:
            rows = self.query(
                "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?"
                " ORDER BY rank, doc_id LIMIT ?",
                (query, limit),
            )
        except StoreError as exc:
            raise StoreError(
                f"bad search query {query!r}: {exc.message}; quote phrases with double quotes"
            ) from exc
        return [str(r["doc_id"]) for r in rows]

    def table_exists(self, name: str) -> bool:
        return bool(self.query("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)))

    def json_object(self, pairs: Sequence[tuple[str, str]]) -> str:
        return "json_object(" + ", ".join(f"'{k}', {v}" for k, v in pairs) + ")"

    def json_cast(self, expr: str) -> str:
        return f"json({expr})"

    def json_int(self, expr: str, index: int) -> str:
        return f"CAST(json_extract({expr}, '$[{index}]') AS INTEGER)"

    def set_progress_handler(self, handler: Callable[[], int] | None, every: int) -> None:
        """Call handler every `every` VM steps; nonzero stops the statement (web budgets)."""
        self._c().set_progress_handler(handler, every)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def redact(url: str) -> str:
    """The URL without its password, for messages and `Store.location`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


@functools.lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """`?` placeholders -> psycopg's `%s` (a literal % doubled). Our SQL has no `?` in text."""
    return sql.replace("%", "%%").replace("?", "%s")


def _first_line(exc: BaseException, lines: int = 2) -> str:
    """The message (and, by default, its DETAIL line) of a driver error, on one line."""
    found = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
    return " ".join(found[:lines]) or type(exc).__name__


def _verb(sql: str) -> str:
    return sql.split(None, 1)[0] if sql.strip() else "statement"


class Postgres:
    """psycopg 3 in autocommit mode; `transaction()` opens explicit transactions."""

    dialect = POSTGRESQL

    def __init__(self, conn: psycopg.Connection[Any], location: str) -> None:
        self._conn: psycopg.Connection[Any] | None = conn
        self.location = location

    @classmethod
    def connect(cls, url: str) -> Postgres:
        location = redact(url)
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise StoreError(
                f"cannot open {location}: PostgreSQL needs the psycopg package; "
                "install it with pip install 'tollbook[postgres]'"
            ) from exc
        try:
            conn = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT
            )
        except psycopg.OperationalError as exc:
            raise StoreError(
                f"could not connect to {location}: {_first_line(exc, 1)}; "
                "is the server running? check the URL (host, port, user, database name)"
            ) from exc
        except psycopg.Error as exc:
            raise StoreError(
                f"invalid PostgreSQL URL {location}: {_first_line(exc)}; "
                "use postgresql://user[:password]@host[:port]/dbname"
            ) from exc
        return cls(conn, location)

    def _c(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise StoreError(f"the store {self.location} is closed; open it again with Store.open")
        return self._conn

    def _fail(self, exc: Exception, sql: str) -> StoreError:
        import psycopg

        sqlstate = str(getattr(exc, "sqlstate", "") or "")
        if sqlstate.startswith(_PG_FATAL):
            return StoreIOError(
                f"the database {self.location} failed ({_verb(sql)}): {_first_line(exc)}; "
                "free disk space on the server or ask its administrator, then run again"
            )
        if isinstance(exc, psycopg.OperationalError) and self._c().closed:
            return StoreIOError(
                f"lost the connection to {self.location} ({_verb(sql)}): {_first_line(exc)}; "
                "is the server still running? open the store again"
            )
        return StoreError(
            f"database error in {self.location} ({_verb(sql)}): {_first_line(exc)}; "
            "check that the database is a tollbook database and the user may write to it"
        )

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        import psycopg

        try:
            with self._c().cursor() as cur:
                cur.execute(_pg_sql(sql), tuple(params))
                return list(cur.fetchall()) if cur.description else []
        except psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; return the number of rows it changed."""
        import psycopg

        try:
            with self._c().cursor() as cur:
                cur.execute(_pg_sql(sql), tuple(params))
                return cur.rowcount
        except psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        import psycopg

        try:
            with self._c().cursor() as cur:
                cur.executemany(_pg_sql(sql), [tuple(r) for r in rows])
        except psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def script(self, sql: str) -> None:
        """Run a multi-statement script (no parameters) inside the current transaction."""
        import psycopg

        try:
            self._c().execute(sql.encode())
        except psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def copy_csv(self, table: str, columns: Sequence[str], chunks: Iterable[bytes]) -> None:
        """COPY CSV bytes (no header; NULL is an unquoted empty field) into `table`."""
        import psycopg

        cols = ", ".join(f'"{c}"' for c in columns)
        sql = f"COPY {table} ({cols}) FROM STDIN (FORMAT csv)"
        try:
            with self._c().cursor() as cur, cur.copy(sql.encode()) as copy:
                for chunk in chunks:
                    copy.write(chunk)
        except psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        import psycopg

        try:
            with self._c().transaction():
                yield
        except psycopg.Error as exc:
            # COMMIT itself can fail (deferred constraints, lost connection).
            raise self._fail(exc, "COMMIT") from exc

    def lock(self, key: str) -> None:
        """Serialise writers on `key` until the transaction ends (an advisory lock)."""
        number = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
        self.execute("SELECT pg_advisory_xact_lock(?)", (number - (1 << 63),))

    def has_fts(self) -> bool:
        rows = self.query(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = 'documents' AND column_name = 'fts'"
        )
        return bool(rows)

    def search(self, query: str, limit: int) -> list[str]:
        """doc_ids matching a web-search-style query (websearch_to_tsquery), best first."""
        rows = self.query(
            "SELECT doc_id FROM documents, websearch_to_tsquery('english', ?) AS q"
            " WHERE fts @@ q ORDER BY ts_rank_cd(fts, q) DESC, doc_id LIMIT ?",
            (query, limit),
        )
        return [str(r["doc_id"]) for r in rows]

    def table_exists(self, name: str) -> bool:
        rows = self.query("SELECT to_regclass(?) IS NOT NULL AS found", (name,))
        return bool(rows[0]["found"])

    def json_object(self, pairs: Sequence[tuple[str, str]]) -> str:
        return "json_build_object(" + ", ".join(f"'{k}', {v}" for k, v in pairs) + ")::text"

    def json_cast(self, expr: str) -> str:
        return f"CAST({expr} AS json)"

    def json_int(self, expr: str, index: int) -> str:
        return f"CAST(CAST({expr} AS json) ->> {index} AS integer)"

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
