"""Extraction -> rows in SQLite or PostgreSQL (and back).

`Store.open(url)` opens (and migrates) a database: a SQLite path, `sqlite:///path`,
`:memory:` or a `postgresql://` URL. `Store.save(extraction)` writes one document's
`Extraction` in a single transaction, keyed by extractor version; the readers rebuild
`Document`, `Claim` and `Tally` objects from the rows. Each claim is kept as its
output-contract JSON (`tollbook.output.serialize`) plus indexed key columns.

The SQL here is portable (`?` parameters, ON CONFLICT); the schema is in `tollbook.store.schema`,
bringing a database up to it in `tollbook.store.migrations`, and everything dialect-specific
(connections, placeholders, full-text search, locks) in `tollbook.store.backends`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from tollbook._exceptions import NotFoundError, StoreError
from tollbook.model import (
    CORRECTABLE,
    VERDICTS,
    Claim,
    Correction,
    Document,
    Extraction,
    Segment,
    Tally,
)
from tollbook.output.serialize import (
    category_tally_from_dict,
    category_tally_to_dict,
    claim_from_dict,
    claim_to_dict,
    document_from_dict,
)
from tollbook.store import migrations
from tollbook.store.backends import Backend, StoreIOError, connect
from tollbook.store.schema import (
    CLAIM_COLUMNS,
    CLAIM_KEYS,
    CORRECTION_COLUMNS,
    DOC_FIELDS,
    EXTRACTION_COLUMNS,
    MIGRATIONS,
    SCHEMA_VERSION,
    SEGMENT_COLUMNS,
    TALLY_COLUMNS,
    TALLY_KEYS,
)

__all__ = ["MIGRATIONS", "MIN_PREFIX", "SCHEMA_VERSION", "SaveResult", "Store", "version_key"]

_log = logging.getLogger(__name__)

#: Shortest doc_id prefix accepted in place of a full id (like git's short hashes).
MIN_PREFIX = 4

_DOC_COLUMNS = ", ".join(DOC_FIELDS)


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


class Store:
    """A tollbook database: documents, segments, claims and tallies per extractor version."""

    def __init__(self, backend: Backend, *, now: Callable[[], str] = _now) -> None:
        self._db = backend
        self._now = now

    @classmethod
    def open(
        cls, url: str, *, now: Callable[[], str] | None = None, check: bool = True
    ) -> Store:
        """Open (creating if needed) and migrate the database at a SQLite path, sqlite:///
        URL, `:memory:` or postgresql:// URL. `now` returns ISO timestamps for
        ingested_at/extracted_at (tests). `check` refuses a damaged SQLite file before
        anything is written into it; a file this process may not write opens read-only
        (reading works; a write fails with a message saying so)."""
        backend = connect(url, check=check)
        store = cls(backend, now=now or _now)
        try:
            if getattr(backend, "read_only", False):
                migrations.check_read_only(backend)
            else:
                store.migrate()
        except BaseException:
            backend.close()
            raise
        return store

    @property
    def location(self) -> str:
        """The path, or the URL without its password."""
        return self._db.location

    @property
    def dialect(self) -> str:
        """The SQL dialect: sqlite or postgresql."""
        return self._db.dialect

    @property
    def backend(self) -> Backend:
        """The connection wrapper, for bulk loaders (`tollbook.store.bulkload`) and tests."""
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        return migrations.schema_version(self._db)

    def migrate(self) -> tuple[int, ...]:
        """Apply the missing migrations, each in its own transaction; return their versions."""
        # The steps are looked up here, at call time: tests build older databases by
        # replacing this module's MIGRATIONS with a prefix of it.
        return migrations.migrate(self._db, MIGRATIONS, self._now)

    def has_fts(self) -> bool:
        """Whether full-text search (`search`) is available in this database."""
        return self._db.has_fts()

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
                # Two writers of one document would race between DELETE and INSERT.
                self._db.lock(f"tollbook.doc:{doc.doc_id}")
                new = self._insert_document(doc)
                self._delete_version(doc.doc_id, version)
                self._insert_segments(doc.doc_id, version, extraction.segments)
                self._insert_claims(extraction.claims)
                self._insert_tally(doc.doc_id, version, extraction.tally)
                run = (doc.doc_id, version, self._now(), len(extraction.claims))
                self._insert("extractions", EXTRACTION_COLUMNS, [run])
        except Exception as exc:
            # A failing store (disk full, I/O) keeps its class: a batch stops on it.
            kind = type(exc) if isinstance(exc, StoreIOError) else StoreError
            raise kind(
                f"could not save the extraction (version {version}): {exc}; "
                "nothing was written for this document, fix the cause and save it again",
                source=doc.doc_id,
            ) from exc
        return SaveResult(doc_id=doc.doc_id, new_document=new, claims=len(extraction.claims))

    def _insert_document(self, doc: Document) -> bool:
        row = [getattr(doc, f) for f in DOC_FIELDS] + [self._now()]
        n = self._insert(
            "documents", (*DOC_FIELDS, "ingested_at"), [row], " ON CONFLICT (doc_id) DO NOTHING"
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
        self._insert("segments", SEGMENT_COLUMNS, rows)

    def _insert_claims(self, claims: Sequence[Claim]) -> None:
        rows = []
        for c in claims:
            d = claim_to_dict(c)
            data = json.dumps(d, ensure_ascii=False)
            rows.append([d[k] for k in CLAIM_KEYS] + [c.span[0], c.span[1], data])
        self._insert("claims", CLAIM_COLUMNS, rows)

    def _insert_tally(self, doc_id: str, version: str, tally: Tally) -> None:
        rows = []
        for i, cat in enumerate(tally.categories):
            d = category_tally_to_dict(cat)
            data = json.dumps(d, ensure_ascii=False)
            rows.append([doc_id, version, cat.category, i, *(d[k] for k in TALLY_KEYS), data])
        self._insert("tallies", TALLY_COLUMNS, rows)

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
        """Documents matching a full-text query over title and text, best match first.

        SQLite: an FTS5 query (bm25 rank). PostgreSQL: a web-search-style query
        (`websearch_to_tsquery`: words, "quoted phrases", `or`, `-word`; English stemming),
        ranked by `ts_rank_cd` with titles weighted above text. Ties go by doc_id.
        """
        if limit < 0:
            raise StoreError(f"limit must be 0 or more, not {limit}")
        if not self.has_fts():
            raise StoreError(
                f"full-text search is unavailable in {self.location}: its SQLite build "
                "lacked FTS5 when the database was created; use a Python whose sqlite3 has FTS5"
            )
        return tuple(self.document(doc_id) for doc_id in self._db.search(query, limit))

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
                # MAX + 1 is only safe while no other writer can insert (SQLite: IMMEDIATE).
                self._db.lock("tollbook.corrections")
                rows = self._db.query("SELECT MAX(correction_id) AS n FROM corrections")
                new_id = int(rows[0]["n"] or 0) + 1
                saved = _replace_correction(correction, full, new_id, self._now())
                self._insert(
                    "corrections",
                    CORRECTION_COLUMNS,
                    [[getattr(saved, c) for c in CORRECTION_COLUMNS]],
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
        sql = f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections"
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
