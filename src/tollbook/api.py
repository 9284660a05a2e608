"""The Python API the CLI is a thin layer over.

    >>> from tollbook.api import extract_text
    >>> [(c.category, c.value) for c in extract_text("At least 14 people were killed.").claims]
    [('killed', 14.0)]

`read` turns paths into documents (or failures), `extract` runs the pipeline over documents,
`ingest` does both and stores every result, one transaction per document.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ._exceptions import TollbookError
from .ingest import IngestFailure, IngestOptions, document_from_text, read_sources
from .model import Document, Extraction
from .pipeline import Pipeline, Settings
from .store import Store

log = logging.getLogger("tollbook")


def read(paths: Sequence[str | Path], options: IngestOptions | None = None) -> Iterator[Document | IngestFailure]:
    """Documents from files, directories, feeds, tables or '-' (stdin); failures inline."""
    return read_sources(paths, options or IngestOptions())


def extract(items: Iterable[Document | IngestFailure], settings: Settings | None = None) -> Iterator[Extraction | IngestFailure]:
    """Run the pipeline over documents; failures pass through untouched."""
    pipeline = Pipeline(settings)
    for item in items:
        yield item if isinstance(item, IngestFailure) else pipeline.run(item)


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
           *, keep: bool = False) -> IngestReport:  # fmt: skip
    """Extract and store every document; a bad one is reported and the batch goes on."""
    report = IngestReport()
    for result in extract(items, settings):
        if isinstance(result, IngestFailure):
            report.failures.append(result)
            log.warning("%s", result.message)
            continue
        try:
            saved = store.save(result)
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


def demo_paths() -> list[Path]:
    """The bundled demo corpus (ships inside the package)."""
    root = resources.files("tollbook") / "demo"
    return sorted(Path(str(p)) for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
