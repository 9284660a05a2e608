"""An open database connection -> its schema at this tollbook's SCHEMA_VERSION, or refused.

`migrate(db, steps, now)` creates the bookkeeping table, then applies each missing step of
`tollbook.store.schema.MIGRATIONS` in its own transaction under a lock (concurrent first
opens wait in turn) and returns the versions applied; a database newer than this tollbook is
refused. `check_read_only(db)` refuses a read-only database that is not at SCHEMA_VERSION
already (it cannot be upgraded). Failures raise `MigrationError` saying what to do next.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from tollbook._exceptions import MigrationError, StoreError
from tollbook.store.backends import Backend, SQLite
from tollbook.store.schema import (
    NEEDS_FTS5,
    SCHEMA_MIGRATIONS,
    SCHEMA_VERSION,
    SKIPPED,
    Migration,
)

__all__ = ["check_read_only", "migrate", "schema_version"]

_log = logging.getLogger(__name__)


def schema_version(db: Backend) -> int:
    """The highest migration recorded in the database (0 when none)."""
    rows = db.query("SELECT MAX(version) AS v FROM schema_migrations")
    return int(rows[0]["v"] or 0)


def check_read_only(db: Backend) -> None:
    """A read-only store cannot be migrated: it must be at this version already."""
    current = schema_version(db) if db.table_exists("schema_migrations") else 0
    if current != SCHEMA_VERSION:
        raise MigrationError(
            f"the read-only database {db.location} is at schema version {current}, "
            f"this tollbook needs {SCHEMA_VERSION}; open it once with write access to "
            "upgrade it",
            source=db.location,
        )


def migrate(db: Backend, steps: Sequence[Migration], now: Callable[[], str]) -> tuple[int, ...]:
    """Apply the missing `steps`, each in its own transaction; return their versions.
    `now` stamps each step's applied_at."""
    with db.transaction():
        # The lock makes concurrent first opens of one PostgreSQL database wait in turn.
        db.lock("tollbook.migrate")
        db.execute(SCHEMA_MIGRATIONS)
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise MigrationError(
            f"database schema version {current} is newer than this tollbook "
            f"({SCHEMA_VERSION}); upgrade tollbook",
            source=db.location,
        )
    applied: list[int] = []
    for step in steps:
        if step.version <= current:
            continue
        with db.transaction():
            db.lock("tollbook.migrate")
            # Re-check under the lock: another process may have just applied it.
            done = db.query("SELECT 1 FROM schema_migrations WHERE version = ?", (step.version,))
            if done:
                continue
            label = _apply(db, step.version, step.name, step.script(db.dialect))
            if step.fts5 is not None and isinstance(db, SQLite):
                label = _apply(db, step.version, label, step.fts5, needs_fts5=True)
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (step.version, label, now()),
            )
        applied.append(step.version)
    return tuple(applied)


def _apply(db: Backend, version: int, name: str, sql: str, needs_fts5: bool = False) -> str:
    """Run one step's script (or its FTS5 part); return the name to record (marked when
    skipped: SQLite without FTS5)."""
    needs_fts5 = needs_fts5 or version in NEEDS_FTS5
    if isinstance(db, SQLite) and needs_fts5 and not db.fts5_available():
        msg = "%s: SQLite has no FTS5; skipped migration %d, no full-text search"
        _log.warning(msg, db.location, version)
        return f"{name} {SKIPPED}"
    try:
        db.script(sql)
    except StoreError as exc:
        raise MigrationError(
            f"migration {version} ({name}) failed: {exc.message}; "
            "the database was left at the previous version",
            source=db.location,
        ) from exc
    return name
