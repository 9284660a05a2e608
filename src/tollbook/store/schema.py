"""The store's schema: numbered migrations -> SQL scripts per dialect (SQLite, PostgreSQL).

Both backends run the same numbered steps and record them in `schema_migrations`. A step is
one portable script, except where the dialects differ: step 1 pins PostgreSQL's id columns to
the "C" collation (so ORDER BY doc_id sorts as SQLite and Python do), and step 2, the
full-text index, is FTS5 on SQLite and a generated tsvector column with a GIN index on
PostgreSQL. Step 4 makes the SQLite index external-content FTS5 over `documents` (the text is
no longer stored twice; Datasette and sqlite-utils find it as `documents_fts`) and adds the
read-only views of `tollbook.store.views` on both dialects. Also here: the column lists the
store and the bulk loader write.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tollbook.model import CORRECTABLE
from tollbook.store.views import (
    CORRECTED_FIELDS_5,
    claims_current_sql,
    views_sql,
    within_views_sql,
)

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

SCHEMA_MIGRATIONS = """
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

# PostgreSQL sorts TEXT by the database's locale; ids must sort bytewise as in SQLite.
_M1_CORE_PG = re.sub(
    r"\b(doc_id|claim_id|extractor_version|parent|category) TEXT\b",
    r'\1 TEXT COLLATE "C"',
    _M1_CORE,
)

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

# A generated column stays in sync without triggers. Titles weigh more than text. The text
# is cut at FTS_TEXT_CHARS because a tsvector may not exceed 1 MB; longer texts are indexed
# by their beginning only.
FTS_TEXT_CHARS = 250_000
_M2_FTS_PG = f"""
ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', left(text, {FTS_TEXT_CHARS})), 'B')
) STORED;
CREATE INDEX documents_fts ON documents USING GIN (fts);
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


# Corrections of the claim's place, event date, qualifier, detail and population class.
# ADD COLUMN one at a time: SQLite allows one column per ALTER TABLE.
_M5_CORRECTION_FIELDS = "".join(
    f"ALTER TABLE corrections ADD COLUMN {name} TEXT;\n"
    for name in ("place", "event_date", "qualifier", "detail", "population_class")
)


def _M5_VIEW(dialect: str) -> str:
    """claims_current again, now applying the fields migration 5 adds."""
    return "DROP VIEW claims_current;\n" + claims_current_sql(dialect, CORRECTED_FIELDS_5)

# Migration 2 copied every text into documents_fts. External content reads the text from
# `documents` by rowid instead (half the space); triggers keep the index in step with inserts,
# deletes and updates. content="documents" (double quotes) is what Datasette's and
# sqlite-utils' detection looks for, so their search box works on the documents table.
_M4_FTS_EXTERNAL = """
DROP TRIGGER IF EXISTS documents_fts_insert;
DROP TRIGGER IF EXISTS documents_fts_delete;
DROP TABLE IF EXISTS documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    doc_id UNINDEXED, title, text, content="documents"
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, doc_id, title, text)
    VALUES (new.rowid, new.doc_id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, doc_id, title, text)
    VALUES ('delete', old.rowid, old.doc_id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, doc_id, title, text)
    VALUES ('delete', old.rowid, old.doc_id, old.title, old.text);
    INSERT INTO documents_fts (rowid, doc_id, title, text)
    VALUES (new.rowid, new.doc_id, new.title, new.text);
END;
"""


class Migration(NamedTuple):
    """One schema step: `sql` runs on SQLite (and PostgreSQL unless `postgresql` is given);
    `fts5`, SQLite only, runs after it where SQLite has FTS5 and is skipped elsewhere."""

    version: int
    name: str
    sql: str
    postgresql: str | None = None
    fts5: str | None = None

    def script(self, dialect: str) -> str:
        if dialect == POSTGRESQL and self.postgresql is not None:
            return self.postgresql
        return self.sql


#: Ordered steps. Append only; never edit an applied step.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", _M1_CORE, _M1_CORE_PG),
    Migration(2, "documents_fts full-text index", _M2_FTS, _M2_FTS_PG),
    Migration(3, "reviewers' corrections", _M3_CORRECTIONS),
    Migration(4, "external-content documents_fts; views claims_flat, claims_current",
              views_sql(SQLITE), views_sql(POSTGRESQL), fts5=_M4_FTS_EXTERNAL),
    Migration(5, "corrections of place, event date, qualifier, detail, population class",
              _M5_CORRECTION_FIELDS + _M5_VIEW(SQLITE), _M5_CORRECTION_FIELDS + _M5_VIEW(POSTGRESQL)),
    Migration(6, "views: country and admin1 of an unresolved place's enclosing division",
              within_views_sql(SQLITE), within_views_sql(POSTGRESQL)),
)  # fmt: skip
SCHEMA_VERSION = MIGRATIONS[-1].version

#: Steps that need SQLite's FTS5; without it they are recorded as skipped, not failed.
NEEDS_FTS5 = frozenset({2})
SKIPPED = "(skipped: FTS5 unavailable)"

DOC_FIELDS = (
    "doc_id", "content_hash", "name", "path", "url", "title", "publisher", "aggregator",
    "published", "language", "format", "text",
)  # fmt: skip
SEGMENT_COLUMNS = ("doc_id", "extractor_version", "idx", "kind", "start", "end")
#: Key columns of `claims` taken from the claim's contract dict (same names).
CLAIM_KEYS = (
    "claim_id", "doc_id", "extractor_version", "kind", "category", "population",
    "population_class", "value", "low", "high", "qualifier", "unit", "parent", "place",
    "event_date", "source", "rule",
)  # fmt: skip
CLAIM_COLUMNS = (*CLAIM_KEYS, "span_start", "span_end", "data")
TALLY_KEYS = ("best", "low", "high", "civilians", "combatants", "unknown")
TALLY_COLUMNS = ("doc_id", "extractor_version", "category", "idx", *TALLY_KEYS, "data")
EXTRACTION_COLUMNS = ("doc_id", "extractor_version", "extracted_at", "n_claims")
CORRECTION_COLUMNS = (
    "correction_id", "doc_id", "claim_id", "verdict", "reviewer", "reason", *CORRECTABLE,
    "created_at",
)  # fmt: skip
