"""Extraction -> rows in SQLite (and back).

`Store.open(url)` opens (and migrates) a SQLite database; `Store.save(extraction)` writes one
document's `Extraction` in a single transaction, keyed by extractor version; the readers
rebuild `Document`, `Claim` and `Tally` objects from the rows. Each claim is kept as its
output-contract JSON (`tollbook.serialize`) plus indexed key columns.

All SQL lives in this module and goes through `_SQLite`, a small backend with `?`
parameters, so a PostgreSQL backend can slot in beside it later.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ._exceptions import MigrationError, NotFoundError, StoreError
from .model import CORRECTABLE, VERDICTS, Claim, Correction, Document, Extraction, Segment, Tally
from .serialize import (
    category_tally_from_dict,
    category_tally_to_dict,
    claim_from_dict,
    claim_to_dict,
    document_from_dict,
)

_log = logging.getLogger(__name__)

#: Shortest doc_id prefix accepted in place of a full id (like git's short hashes).
MIN_PREFIX = 4

_SCHEMA_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""

_M1_CORE = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, name TEXT, path TEXT, url TEXT,
    title TEXT, publisher TEXT, aggregator TEXT, published TEXT, language TEXT,
    format TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE TABLE extractions (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id), extractor_version TEXT NOT NULL,
    extracted_at TEXT NOT NULL, n_claims INTEGER NOT NULL,
    PRIMARY KEY (doc_id, extractor_version)
);
CREATE TABLE segments (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id), extractor_version TEXT NOT NULL,
    idx INTEGER NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, extractor_version, idx)
);
CREATE TABLE claims (
    claim_id TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents (doc_id),
    extractor_version TEXT NOT NULL, kind TEXT NOT NULL, category TEXT, population TEXT,
    population_class TEXT, value DOUBLE PRECISION NOT NULL, low DOUBLE PRECISION NOT NULL,
    high DOUBLE PRECISION NOT NULL, qualifier TEXT NOT NULL, unit TEXT NOT NULL, parent TEXT,
    place TEXT, event_date TEXT, source TEXT, span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL, rule TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (doc_id, extractor_version, claim_id)
);
CREATE INDEX claims_category ON claims (category);
CREATE INDEX claims_doc_id ON claims (doc_id);
CREATE INDEX claims_claim_id ON claims (claim_id);
-- idx keeps the tally's category order so a read-back Tally equals the saved one.
CREATE TABLE tallies (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id), extractor_version TEXT NOT NULL,
    category TEXT NOT NULL, idx INTEGER NOT NULL, best DOUBLE PRECISION NOT NULL,
    low DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL,
    civilians DOUBLE PRECISION NOT NULL, combatants DOUBLE PRECISION NOT NULL,
    unknown DOUBLE PRECISION NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (doc_id, extractor_version, category)
);
"""

# Documents are insert-only (same doc_id again changes nothing), so the insert trigger keeps
# the index in sync; the delete trigger covers manual clean-ups.
_M2_FTS = """
CREATE VIRTUAL TABLE documents_fts USING fts5 (doc_id UNINDEXED, title, text);
INSERT INTO documents_fts (doc_id, title, text) SELECT doc_id, title, text FROM documents;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (doc_id, title, text) VALUES (new.doc_id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    DELETE FROM documents_fts WHERE doc_id = old.doc_id;
END;
"""

# Reviewers' corrections are their own rows: the extractor's claims are never overwritten.
# correction_id is assigned by the store (MAX + 1 inside the write transaction) so the same
# script runs on SQLite and PostgreSQL.
_M3_CORRECTIONS = """
CREATE TABLE corrections (
    correction_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents (doc_id),
    claim_id TEXT NOT NULL, verdict TEXT NOT NULL, reviewer TEXT NOT NULL, reason TEXT NOT NULL,
    value DOUBLE PRECISION, category TEXT, population TEXT, source TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX corrections_claim ON corrections (doc_id, claim_id);
"""

#: Ordered (version, name, sql-script). Append only; never edit an applied step.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "core tables", _M1_CORE),
    (2, "documents_fts full-text index", _M2_FTS),
    (3, "reviewers' corrections", _M3_CORRECTIONS),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

# Steps that need SQLite's FTS5; without it they are recorded as skipped, not failed.
_NEEDS_FTS5 = frozenset({2})
_SKIPPED = "(skipped: FTS5 unavailable)"

_DOC_FIELDS = (
    "doc_id", "content_hash", "name", "path", "url", "title", "publisher", "aggregator",
    "published", "language", "format", "text",
)  # fmt: skip
_DOC_COLUMNS = ", ".join(_DOC_FIELDS)
_SEGMENT_COLUMNS = ("doc_id", "extractor_version", "idx", "kind", "start", "end")
#: Key columns of `claims` taken from the claim's contract dict (same names).
_CLAIM_KEYS = (
    "claim_id", "doc_id", "extractor_version", "kind", "category", "population",
    "population_class", "value", "low", "high", "qualifier", "unit", "parent", "place",
    "event_date", "source", "rule",
)  # fmt: skip
_TALLY_KEYS = ("best", "low", "high", "civilians", "combatants", "unknown")
_TALLY_COLUMNS = ("doc_id", "extractor_version", "category", "idx", *_TALLY_KEYS, "data")
_EXTRACTION_COLUMNS = ("doc_id", "extractor_version", "extracted_at", "n_claims")
_CORRECTION_COLUMNS = (
    "correction_id", "doc_id", "claim_id", "verdict", "reviewer", "reason", *CORRECTABLE,
    "created_at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What `Store.save` did: the document, whether it was new, how many claims it wrote."""

    doc_id: str
    new_document: bool
    claims: int


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for dotted versions, numerically: "0.10.0" > "0.9.0"; "1.0rc1" < "1.0"."""
    key = []
    for part in version.split("."):
        rest = part.lstrip("0123456789")
        digits = part[: len(part) - len(rest)]
        # A suffix on a number ("0rc1") marks a pre-release: below the bare number.
        key.append((int(digits) if digits else -1, 0 if not rest else -1, rest))
    return tuple(key)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class _SQLite:
    """The only code that talks to sqlite3: `?` queries, rows as dicts, explicit transactions."""

    def __init__(self, conn: sqlite3.Connection, location: str) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.location = location

    @classmethod
    def connect(cls, target: str) -> _SQLite:
        if target != ":memory:":
            target = str(Path(target).expanduser())
            parent = Path(target).resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"cannot open database {target}: directory {parent} does not exist; "
                    "create the directory or pass --db with another path"
                )
        try:
            # isolation_level=None: no implicit BEGIN/COMMIT; `transaction()` does it.
            conn = sqlite3.connect(target, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open database {target}: {exc}; check the path and its permissions"
            ) from exc
        backend = cls(conn, target)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
        except sqlite3.Error as exc:
            backend.close()
            raise StoreError(
                f"cannot use {target} as a database: {exc}; "
                "is it a tollbook SQLite file? pass --db with another path"
            ) from exc
        return backend

    def _c(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.location} is closed; open it again with Store.open")
        return self._conn

    def _fail(self, exc: sqlite3.Error, sql: str) -> StoreError:
        verb = sql.split(None, 1)[0] if sql.strip() else "statement"
        return StoreError(
            f"database error in {self.location} ({verb}): {exc}; "
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

    def fts5_available(self) -> bool:
        try:
            self._c().execute("CREATE VIRTUAL TABLE temp._tollbook_probe USING fts5 (x)")
        except sqlite3.OperationalError:
            return False
        self._c().execute("DROP TABLE temp._tollbook_probe")
        return True

    def table_exists(self, name: str) -> bool:
        rows = self.query("SELECT 1 FROM sqlite_master WHERE name = ?", (name,))
        return bool(rows)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _sqlite_target(url: str) -> str:
    """A path or `:memory:` for sqlite3 from a path, `sqlite:///path` or `:memory:`."""
    if url in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return ":memory:"
    if url.startswith("sqlite:///"):
        # SQLAlchemy form: sqlite:///rel.db is relative, sqlite:////abs.db absolute.
        return url[len("sqlite:///") :]
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*)://", url)
    if match:
        scheme = match.group(1).lower()
        if scheme.split("+")[0] in ("postgresql", "postgres"):
            raise StoreError("PostgreSQL is not supported yet in this version; use a SQLite path")
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}; use a SQLite path, "
            "sqlite:///path or :memory:"
        )
    if not url:
        raise StoreError("empty database path; pass --db with a SQLite path or :memory:")
    return url


class Store:
    """A tollbook database: documents, segments, claims and tallies per extractor version."""

    def __init__(self, backend: _SQLite, *, now: Callable[[], str] = _now) -> None:
        self._db = backend
        self._now = now

    @classmethod
    def open(cls, url: str, *, now: Callable[[], str] | None = None) -> Store:
        """Open (creating if needed) and migrate the database at a path, sqlite:/// URL or
        `:memory:`. `now` returns ISO timestamps for ingested_at/extracted_at (tests)."""
        backend = _SQLite.connect(_sqlite_target(url))
        store = cls(backend, now=now or _now)
        try:
            store.migrate()
        except BaseException:
            backend.close()
            raise
        return store

    @property
    def location(self) -> str:
        return self._db.location

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    def schema_version(self) -> int:
        rows = self._db.query("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    def migrate(self) -> tuple[int, ...]:
        """Apply the missing migrations, each in its own transaction; return their versions."""
        self._db.execute(_SCHEMA_MIGRATIONS)
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise MigrationError(
                f"database schema version {current} is newer than this tollbook "
                f"({SCHEMA_VERSION}); upgrade tollbook",
                source=self.location,
            )
        applied: list[int] = []
        for version, name, sql in MIGRATIONS:
            if version <= current:
                continue
            with self._db.transaction():
                # Re-check under the write lock: another process may have just applied it.
                done = self._db.query(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
                )
                if done:
                    continue
                label = name
                if version in _NEEDS_FTS5 and not self._db.fts5_available():
                    msg = "%s: SQLite has no FTS5; skipped migration %d, no full-text search"
                    _log.warning(msg, self.location, version)
                    label = f"{name} {_SKIPPED}"
                else:
                    try:
                        self._db.script(sql)
                    except StoreError as exc:
                        raise MigrationError(
                            f"migration {version} ({name}) failed: {exc.message}; "
                            "the database was left at the previous version",
                            source=self.location,
                        ) from exc
                self._db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, label, self._now()),
                )
            applied.append(version)
        return tuple(applied)

    def has_fts(self) -> bool:
        """Whether full-text search (`search`) is available in this database."""
        return self._db.table_exists("documents_fts")

    # -- writing --------------------------------------------------------------------------

    def save_document(self, doc: Document) -> bool:
        """Store a document without extraction; return whether its doc_id was new."""
        try:
            with self._db.transaction():
                return self._insert_document(doc)
        except Exception as exc:
            raise StoreError(
                f"could not save the document: {exc}; nothing was written for it",
                source=doc.doc_id,
            ) from exc

    def save(self, extraction: Extraction) -> SaveResult:
        """Write one extraction in one transaction, replacing rows of the same version."""
        doc = extraction.document
        version = extraction.extractor_version
        _check(extraction)
        try:
            with self._db.transaction():
                new = self._insert_document(doc)
                self._delete_version(doc.doc_id, version)
                self._insert_segments(doc.doc_id, version, extraction.segments)
                self._insert_claims(extraction.claims)
                self._insert_tally(doc.doc_id, version, extraction.tally)
                run = (doc.doc_id, version, self._now(), len(extraction.claims))
                self._insert("extractions", _EXTRACTION_COLUMNS, [run])
        except Exception as exc:
            raise StoreError(
                f"could not save the extraction (version {version}): {exc}; "
                "nothing was written for this document, fix the cause and save it again",
                source=doc.doc_id,
            ) from exc
        return SaveResult(doc_id=doc.doc_id, new_document=new, claims=len(extraction.claims))

    def _insert_document(self, doc: Document) -> bool:
        row = [getattr(doc, f) for f in _DOC_FIELDS] + [self._now()]
        n = self._insert(
            "documents", (*_DOC_FIELDS, "ingested_at"), [row], " ON CONFLICT (doc_id) DO NOTHING"
        )
        if n:
            return True
        rows = self._db.query("SELECT content_hash FROM documents WHERE doc_id = ?", (doc.doc_id,))
        if rows and rows[0]["content_hash"] != doc.content_hash:
            # The stored text stays; spans of new claims refer to the new text.
            _log.warning(
                "%s: already stored with another content hash; keeping the stored text",
                doc.doc_id,
            )
        return False

    def _insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], tail: str = ""
    ) -> int:
        """INSERT rows; return the number of rows written (0 when ON CONFLICT skipped it)."""
        if not rows:
            return 0
        cols = ", ".join(f'"{c}"' if c == "end" else c for c in columns)
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({cols}) VALUES ({marks}){tail}"
        if len(rows) == 1:
            return self._db.execute(sql, rows[0])
        self._db.executemany(sql, rows)
        return len(rows)

    def _delete_version(self, doc_id: str, version: str) -> None:
        for table in ("segments", "claims", "tallies", "extractions"):
            self._db.execute(
                f"DELETE FROM {table} WHERE doc_id = ? AND extractor_version = ?",
                (doc_id, version),
            )

    def _insert_segments(self, doc_id: str, version: str, segments: Sequence[Segment]) -> None:
        rows = [(doc_id, version, i, s.kind, s.start, s.end) for i, s in enumerate(segments)]
        self._insert("segments", _SEGMENT_COLUMNS, rows)

    def _insert_claims(self, claims: Sequence[Claim]) -> None:
        rows = []
        for c in claims:
            d = claim_to_dict(c)
            data = json.dumps(d, ensure_ascii=False)
            rows.append([d[k] for k in _CLAIM_KEYS] + [c.span[0], c.span[1], data])
        self._insert("claims", (*_CLAIM_KEYS, "span_start", "span_end", "data"), rows)

    def _insert_tally(self, doc_id: str, version: str, tally: Tally) -> None:
        rows = []
        for i, cat in enumerate(tally.categories):
            d = category_tally_to_dict(cat)
            data = json.dumps(d, ensure_ascii=False)
            rows.append([doc_id, version, cat.category, i, *(d[k] for k in _TALLY_KEYS), data])
        self._insert("tallies", _TALLY_COLUMNS, rows)

    # -- reading --------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return bool(self._db.query("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)))

    def resolve(self, doc_id: str) -> str:
        """The full doc_id for an id or a unique prefix of at least MIN_PREFIX characters."""
        if self.has_document(doc_id):
            return doc_id
        if len(doc_id) >= MIN_PREFIX:
            rows = self._db.query(
                "SELECT doc_id FROM documents WHERE substr(doc_id, 1, ?) = ?"
                " ORDER BY doc_id LIMIT 6",
                (len(doc_id), doc_id),
            )
            if len(rows) == 1:
                return str(rows[0]["doc_id"])
            if rows:
                shown = ", ".join(str(r["doc_id"]) for r in rows[:5])
                more = ", ..." if len(rows) > 5 else ""
                raise NotFoundError(
                    f"document id prefix {doc_id} is ambiguous in {self.location}: it matches "
                    f"{shown}{more}; give more characters",
                    source=doc_id,
                )
        raise NotFoundError(
            f"no document {doc_id} in {self.location}; list them with `tollbook show`",
            source=doc_id,
        )

    def document(self, doc_id: str) -> Document:
        """The document with this id or unique id prefix (>= 4 characters)."""
        full = self.resolve(doc_id)
        rows = self._db.query(f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc_id = ?", (full,))
        return document_from_dict(rows[0])

    def documents(self, limit: int | None = None) -> tuple[Document, ...]:
        """Stored documents, oldest first (ingested_at, then doc_id)."""
        sql = f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY ingested_at, doc_id"
        params: tuple[int, ...] = ()
        if limit is not None:
            if limit < 0:
                raise StoreError(f"limit must be 0 or more, not {limit}")
            sql += " LIMIT ?"
            params = (limit,)
        return tuple(document_from_dict(r) for r in self._db.query(sql, params))

    def versions(self, doc_id: str) -> tuple[str, ...]:
        """Extractor versions stored for a document, oldest first."""
        full = self.resolve(doc_id)
        return tuple(self._stored(full).get(full, ()))

    def _stored(self, doc_id: str | None = None) -> dict[str, list[str]]:
        """doc_id -> extractor versions that ran on it, oldest first (numerically)."""
        sql = "SELECT doc_id, extractor_version FROM extractions"
        rows = (
            self._db.query(sql + " WHERE doc_id = ?", (doc_id,)) if doc_id else self._db.query(sql)
        )
        by_doc: dict[str, list[str]] = {}
        for r in rows:
            by_doc.setdefault(str(r["doc_id"]), []).append(str(r["extractor_version"]))
        return {d: sorted(vs, key=version_key) for d, vs in by_doc.items()}

    def _latest(self, doc_id: str | None = None) -> dict[str, str]:
        """doc_id -> newest extractor version stored for it."""
        return {d: vs[-1] for d, vs in self._stored(doc_id).items()}

    def segments(self, doc_id: str, version: str | None = None) -> tuple[Segment, ...]:
        """Segments of a document's extraction; text is re-cut from the stored document."""
        doc = self.document(doc_id)
        version = version or self._latest(doc.doc_id).get(doc.doc_id)
        if version is None:
            return ()
        rows = self._db.query(
            'SELECT kind, start, "end" FROM segments WHERE doc_id = ? AND extractor_version = ?'
            " ORDER BY idx",
            (doc.doc_id, version),
        )
        return tuple(
            Segment(
                kind=r["kind"], start=r["start"], end=r["end"], text=doc.text[r["start"] : r["end"]]
            )
            for r in rows
        )

    def claims(
        self,
        doc_id: str | None = None,
        *,
        version: str | None = None,
        category: str | None = None,
    ) -> tuple[Claim, ...]:
        """Claims by document, span start, claim_id. version None: each document's newest."""
        where: list[str] = []
        params: list[str] = []
        full = None if doc_id is None else self.resolve(doc_id)
        if full is not None:
            where.append("doc_id = ?")
            params.append(full)
        if version is not None:
            where.append("extractor_version = ?")
            params.append(version)
        if category is not None:
            where.append("category = ?")
            params.append(category)
        sql = "SELECT doc_id, extractor_version, data FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY doc_id, span_start, claim_id"
        rows = self._db.query(sql, params)
        if version is None:
            latest = self._latest(full)
            rows = [r for r in rows if latest.get(r["doc_id"]) == r["extractor_version"]]
        return tuple(claim_from_dict(json.loads(r["data"])) for r in rows)

    def claim(
        self, claim_id: str, *, doc_id: str | None = None, version: str | None = None
    ) -> Claim:
        """One claim by id. Without `version`, from the newest version that has it."""
        sql = "SELECT doc_id, extractor_version, data FROM claims WHERE claim_id = ?"
        params = [claim_id]
        if doc_id is not None:
            sql += " AND doc_id = ?"
            params.append(self.resolve(doc_id))
        if version is not None:
            sql += " AND extractor_version = ?"
            params.append(version)
        rows = self._db.query(sql, params)
        if not rows:
            raise NotFoundError(
                f"no claim {claim_id} in {self.location}; list claims with `tollbook show`",
                source=claim_id,
            )
        docs = sorted({str(r["doc_id"]) for r in rows})
        if len(docs) > 1:
            raise NotFoundError(
                f"claim id {claim_id} occurs in several documents ({', '.join(docs[:5])}); "
                "pass doc_id as well",
                source=claim_id,
            )
        best = max(rows, key=lambda r: version_key(str(r["extractor_version"])))
        return claim_from_dict(json.loads(best["data"]))

    def tally(self, doc_id: str, version: str | None = None) -> Tally:
        """A document's tally for a version (default: its newest)."""
        full = self.resolve(doc_id)
        stored = self._stored(full).get(full, [])
        chosen = stored[-1] if version is None and stored else version
        if chosen is None or chosen not in stored:
            which = f"version {version}" if version else "extraction"
            raise NotFoundError(
                f"document {full} has no {which} stored in {self.location} (stored: "
                f"{', '.join(stored) or 'none'}); extract it first",
                source=full,
            )
        return self._tallies({full: chosen})[0]

    def tallies(self, version: str | None = None) -> tuple[Tally, ...]:
        """One tally per extracted document, by doc_id (version None: each one's newest)."""
        if version is None:
            wanted = self._latest()
        else:
            rows = self._db.query(
                "SELECT doc_id FROM extractions WHERE extractor_version = ?", (version,)
            )
            wanted = {str(r["doc_id"]): version for r in rows}
        return self._tallies(wanted)

    def _tallies(self, wanted: dict[str, str]) -> tuple[Tally, ...]:
        if len(wanted) == 1:
            ((only, ver),) = wanted.items()
            rows = self._db.query(
                "SELECT doc_id, extractor_version, category, data FROM tallies"
                " WHERE doc_id = ? AND extractor_version = ? ORDER BY idx",
                (only, ver),
            )
        else:
            rows = self._db.query(
                "SELECT doc_id, extractor_version, category, data FROM tallies ORDER BY doc_id, idx"
            )
        cats: dict[str, list[Any]] = {d: [] for d in wanted}
        for r in rows:
            d = str(r["doc_id"])
            if wanted.get(d) == r["extractor_version"]:
                cats[d].append(category_tally_from_dict(r["category"], json.loads(r["data"])))
        return tuple(Tally(doc_id=d, categories=tuple(cats[d])) for d in sorted(wanted))

    def search(self, query: str, *, limit: int = 20) -> tuple[Document, ...]:
        """Documents matching an FTS5 query over title and text, best match first."""
        if not self.has_fts():
            raise StoreError(
                f"full-text search is unavailable in {self.location}: its SQLite build "
                "lacked FTS5 when the database was created; use a Python whose sqlite3 has FTS5"
            )
        try:
            rows = self._db.query(
                "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank"
                " LIMIT ?",
                (query, limit),
            )
        except StoreError as exc:
            raise StoreError(
                f"bad search query {query!r}: {exc.message}; quote phrases with double quotes"
            ) from exc
        return tuple(self.document(str(r["doc_id"])) for r in rows)

    # -- review -------------------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        """Store a reviewer's correction of a claim; return it with its id and time set."""
        _check_correction(correction)
        full = self.resolve(correction.doc_id)
        if not self._db.query(
            "SELECT 1 FROM claims WHERE doc_id = ? AND claim_id = ?", (full, correction.claim_id)
        ):
            raise NotFoundError(
                f"no claim {correction.claim_id} in document {full}; list its claims with "
                f"`tollbook show {full}`",
                source=correction.claim_id,
            )
        try:
            with self._db.transaction():
                rows = self._db.query("SELECT MAX(correction_id) AS n FROM corrections")
                new_id = int(rows[0]["n"] or 0) + 1
                saved = _replace_correction(correction, full, new_id, self._now())
                self._insert(
                    "corrections",
                    _CORRECTION_COLUMNS,
                    [[getattr(saved, c) for c in _CORRECTION_COLUMNS]],
                )
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(
                f"could not save the correction: {exc}; nothing was written", source=full
            ) from exc
        return saved

    def corrections(
        self, doc_id: str | None = None, claim_id: str | None = None
    ) -> tuple[Correction, ...]:
        """Corrections, oldest first; the newest per claim is the one that applies."""
        sql = f"SELECT {', '.join(_CORRECTION_COLUMNS)} FROM corrections"
        where: list[str] = []
        params: list[str] = []
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(self.resolve(doc_id))
        if claim_id is not None:
            where.append("claim_id = ?")
            params.append(claim_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.query(sql + " ORDER BY correction_id", params)
        return tuple(Correction(**r) for r in rows)

    def stats(self) -> dict[str, int]:
        """Row counts: documents, claims (all versions), extractions."""
        out: dict[str, int] = {}
        for table in ("documents", "claims", "extractions"):
            rows = self._db.query(f"SELECT COUNT(*) AS n FROM {table}")
            out[table] = int(rows[0]["n"])
        return out


def _check_correction(c: Correction) -> None:
    if c.verdict not in VERDICTS:
        raise StoreError(
            f"unknown verdict {c.verdict!r}; use one of: {', '.join(VERDICTS)}", source=c.claim_id
        )
    if not c.reviewer.strip():
        raise StoreError("a correction needs a reviewer's name; give one", source=c.claim_id)
    changed = [f for f in CORRECTABLE if getattr(c, f) is not None]
    if c.verdict == "corrected" and not changed:
        raise StoreError(
            f"verdict 'corrected' needs a new value for at least one of {', '.join(CORRECTABLE)}",
            source=c.claim_id,
        )
    if c.verdict != "corrected" and changed:
        raise StoreError(
            f"verdict {c.verdict!r} cannot change {', '.join(changed)}; use verdict 'corrected'",
            source=c.claim_id,
        )


def _replace_correction(c: Correction, doc_id: str, correction_id: int, now: str) -> Correction:
    return replace(c, doc_id=doc_id, correction_id=correction_id, created_at=now)


def _check(extraction: Extraction) -> None:
    """Refuse an extraction whose parts disagree on doc_id or version (a caller bug)."""
    doc_id = extraction.document.doc_id
    version = extraction.extractor_version
    if not version:
        raise StoreError("extraction has no extractor_version; cannot key its rows", source=doc_id)
    if extraction.tally.doc_id != doc_id:
        raise StoreError(
            f"tally is for document {extraction.tally.doc_id}, not this one; nothing written",
            source=doc_id,
        )
    for c in extraction.claims:
        if c.doc_id != doc_id or c.extractor_version != version:
            raise StoreError(
                f"claim {c.claim_id} is from document {c.doc_id} version "
                f"{c.extractor_version}, not version {version} of this one; nothing written",
                source=doc_id,
            )
