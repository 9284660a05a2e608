"""The Python API the CLI is a thin layer over.

    >>> from tollbook.api import extract_text
    >>> [(c.category, c.value) for c in extract_text("At least 14 people were killed.").claims]
    [('killed', 14.0)]

`read` turns paths into documents (or failures), `extract` runs the pipeline over documents,
`ingest` does both and stores every result, one transaction per document.

The public API is `__all__`: reading and extracting (`read`, `extract`, `extract_text`,
`ingest` with `IngestOptions`, `IngestFailure`, `IngestReport`, `Settings`, `demo_paths`); the
store and its reviewed views (`Store`, `reviewed_claims`, `reviewed_tallies`, `tally`,
`apply_corrections`, `latest_corrections`); events and comparison (`events`, `event`, `find_event`,
`EventFindings`, `compare`, `Comparison`); and the records (`Claim`, `Document`, `Extraction`,
`Tally`). The web app and the CLI use only these.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tollbook._exceptions import NoDatabaseError, NotFoundError, TollbookError
from tollbook.events.compare import Comparison, compare_claims
from tollbook.events.reconcile import EventFindings, analyse
from tollbook.events.review import apply_corrections, check_correction, latest_corrections
from tollbook.ingest.documents import IngestFailure, IngestOptions, document_from_text
from tollbook.model import Claim, Correction, Document, Extraction, Tally
from tollbook.pipeline import Pipeline, Settings
from tollbook.store.backends import StoreIOError, sqlite_target
from tollbook.store.database import Store
from tollbook.tally.rules import tally

#: The public API (README, "Python API"): reading, extracting, storing, reviewed views, events.
__all__ = [
    "Claim",
    "Comparison",
    "Document",
    "EventFindings",
    "Extraction",
    "IngestFailure",
    "IngestOptions",
    "IngestReport",
    "Settings",
    "Store",
    "Tally",
    "apply_corrections",
    "compare",
    "demo_paths",
    "event",
    "events",
    "extract",
    "extract_text",
    "find_event",
    "ingest",
    "latest_corrections",
    "read",
    "reviewed_claims",
    "reviewed_tallies",
    "tally",
]

log = logging.getLogger("tollbook")


def read(paths: Sequence[str | Path], options: IngestOptions | None = None) -> Iterator[Document | IngestFailure]:
    """Documents from files, directories, feeds, tables or '-' (stdin); failures inline."""
    from tollbook.ingest.sources import (
        read_sources,  # the format readers (trafilatura, pypdf, ...) load here
    )

    return read_sources(paths, options or IngestOptions())


def extract(items: Iterable[Document | IngestFailure], settings: Settings | None = None, *, jobs: int = 1,
            segments: bool = True) -> Iterator[Extraction | IngestFailure]:  # fmt: skip
    """Run the pipeline over documents; failures pass through untouched. `jobs` > 1 runs a
    process pool (0: one per CPU) giving the same results in the same order (`tollbook.run.parallel`);
    `segments=False` lets the pool leave segments out when only claims and tallies are used."""
    from tollbook.run import parallel  # multiprocessing loads only when documents are extracted

    return parallel.extract(items, settings, jobs=jobs, segments=segments)


def extract_text(text: str, *, published: str | None = None, settings: Settings | None = None) -> Extraction:
    """One text, no files, no store."""
    return Pipeline(settings).run(document_from_text(text, published=published))


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did; `failures` lists one line per source that could not be read."""

    documents: int = 0
    new_documents: int = 0
    claims: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def ingest(store: Store, items: Iterable[Document | IngestFailure], settings: Settings | None = None,
           *, keep: bool = False, jobs: int = 1,
           each: Callable[[Extraction | IngestFailure], None] | None = None) -> IngestReport:  # fmt: skip
    """Extract and store every document; a bad one is reported and the batch goes on.
    With `jobs` > 1 worker processes extract and this process alone writes, in input order.
    `each` is called with every result once it is stored or failed (progress reports)."""
    report = IngestReport()
    for result in _each(extract(items, settings, jobs=jobs), each):
        if isinstance(result, IngestFailure):
            report.failures.append(result)
            log.warning("%s: %s", result.source, result.message)
            continue
        try:
            saved = store.save(result)
        except StoreIOError:
            raise  # disk full, I/O error, read-only: every later save would fail the same way
        except TollbookError as err:
            source = result.document.path or result.document.doc_id
            report.failures.append(IngestFailure(source=source, message=err.message, error=err))
            log.warning("%s: %s", source, err.message)
            continue
        report.documents += 1
        report.new_documents += int(saved.new_document)
        report.claims += saved.claims
        if keep:
            report.extractions.append(result)
    return report


def _each(results: Iterator[Extraction | IngestFailure],
          each: Callable[[Extraction | IngestFailure], None] | None) -> Iterator[Extraction | IngestFailure]:  # fmt: skip
    """The results; `each` sees one after the loop body has handled it (stored or failed)."""
    for result in results:
        yield result
        if each is not None:
            each(result)


def demo_paths() -> list[Path]:
    """The bundled demo corpus (ships inside the package)."""
    root = resources.files("tollbook") / "demo"
    return sorted(Path(str(p)) for p in root.iterdir() if p.is_file() and not p.name.startswith("."))


def open_existing(url: str) -> Store:
    """Open a store that must already exist, for commands that only read: a SQLite path with
    no database raises NoDatabaseError rather than leaving a new empty database behind.
    PostgreSQL URLs are opened as they are (the server says whether the database exists)."""
    if not _POSTGRES_URL.match(url):
        target = sqlite_target(url)
        path = Path(target).expanduser()
        if target != ":memory:" and not path.is_file():
            # A typo in the folder is the likelier mistake then: say so.
            where = "" if path.parent.is_dir() else f" (no directory {path.parent} either)"
            raise NoDatabaseError(
                f"no database at {target}{where}; create one with "
                f"`tollbook ingest PATH... --db {url}` "
                f"(or try `tollbook demo --db {url}`), or pass --db with an existing database"
            )
    return Store.open(url)


_POSTGRES_URL = re.compile(r"postgres(?:ql)?(?:\+[\w.-]+)?://", re.IGNORECASE)


# -- reviewed views, events, comparison (docs/events.md) ------------------------------------


def reviewed_claims(store: Store, doc_id: str | None = None, *, category: str | None = None) -> tuple[Claim, ...]:
    """Stored claims with reviewers' corrections applied (`tollbook.events.review`): the view that
    findings and exports use. `category` filters after correction (a correction may move it)."""
    claims = apply_corrections(store.claims(doc_id), store.corrections(doc_id))
    return claims if category is None else tuple(c for c in claims if c.category == category)


def reviewed_tallies(store: Store) -> tuple[Tally, ...]:
    """Stored tallies, recomputed from reviewed claims for documents that have corrections."""
    touched = {c.doc_id for c in store.corrections()}
    return tuple(tally(t.doc_id, reviewed_claims(store, t.doc_id)) if t.doc_id in touched else t
                 for t in store.tallies())  # fmt: skip


def reviewed_tally(store: Store, doc_id: str) -> Tally:
    """One document's tally, recomputed from its reviewed claims when it has corrections."""
    full = store.resolve(doc_id)
    if not store.corrections(full):
        return store.tally(full)
    return tally(full, reviewed_claims(store, full))


def corrections(store: Store, doc_id: str | None = None, claim_id: str | None = None) -> tuple[Correction, ...]:
    """Reviewers' corrections, oldest first (of one document or claim when given)."""
    return store.corrections(doc_id, claim_id)


def add_correction(store: Store, correction: Correction) -> Correction:
    """Check a reviewer's correction (`events.review.check_correction`: FieldError with advice)
    and store it beside the claim; return it with its id and time."""
    check_correction(correction)
    return store.add_correction(correction)


def events(store: Store) -> tuple[EventFindings, ...]:
    """Every event of the stored documents with its findings, from reviewed claims."""
    return analyse(store.documents(), reviewed_claims(store))


def event(store: Store, event_id: str) -> EventFindings:
    """One event by id or unique id prefix (>= 4 characters)."""
    return find_event(events(store), event_id,
                      missing=f"in {store.location}; list them with `tollbook events`")  # fmt: skip


def find_event(found_in: Sequence[EventFindings], event_id: str, *, missing: str) -> EventFindings:
    """The event of `found_in` whose id is `event_id` or starts with it (>= 4 characters);
    NotFoundError says so when none or several do (`missing`: where to look instead)."""
    found = [ef for ef in found_in if ef.event.event_id.startswith(event_id)] if len(event_id) >= 4 else []
    exact = [ef for ef in found if ef.event.event_id == event_id]
    if exact or len(found) == 1:
        return (exact or found)[0]
    if found:
        shown = ", ".join(ef.event.event_id for ef in found[:5])
        raise NotFoundError(f"event id prefix {event_id} is ambiguous ({shown}); give more characters",
                            source=event_id)  # fmt: skip
    raise NotFoundError(f"no event {event_id} {missing}", source=event_id)


def compare(store: Store, doc_a: str, doc_b: str, *, kinds: Sequence[str] = ("count",)) -> Comparison:
    """Claims added, removed, changed and unchanged from document A to document B (reviewed
    claims; `kinds` limits the claim kinds compared, default the counts of people)."""
    a, b = store.resolve(doc_a), store.resolve(doc_b)
    ca = [c for c in reviewed_claims(store, a) if c.kind in kinds]
    cb = [c for c in reviewed_claims(store, b) if c.kind in kinds]
    return compare_claims(a, ca, b, cb)
