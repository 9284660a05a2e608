"""The pipeline: Document -> Extraction (segments, claims, tally), a pure function of the
document and the settings, so the same code runs in-process, in a pool or on a cluster.

The extraction stages (word lists, rules) are imported on the first `run` and the gazetteer
is read on first use, once per process: importing this module for `Settings` stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tollbook.model import Document, Extraction
from tollbook.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from tollbook.geo.places import Gazetteer
    from tollbook.scan.marks import ScannerChoice


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may vary. Passed explicitly; nothing is read from globals."""

    gazetteer: bool = True
    gazetteer_path: Path | None = None
    version: str = EXTRACTOR_VERSION
    #: How the place finder finds gazetteer names (scan/marks.py): "python", "compiled"
    #: (needs the `fast` extra) or "auto" (the engine measured faster). Same output either way.
    scanner: ScannerChoice = "auto"


class Pipeline:
    """Runs every stage on a document. The gazetteer loads on first use, once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def gazetteer(self) -> Gazetteer | None:
        if not self.settings.gazetteer:
            return None
        from tollbook.geo.places import Gazetteer

        return Gazetteer.load(self.settings.gazetteer_path).with_scanner(self.settings.scanner)

    def run(self, document: Document) -> Extraction:
        from tollbook.extract.claims import (
            extract_claims,  # after the first call: a dictionary lookup
        )
        from tollbook.extract.segment import segment
        from tollbook.tally.rules import tally

        segments = segment(document.text)
        claims = extract_claims(document, segments, self.gazetteer, self.settings.version)
        return Extraction(
            document=document,
            segments=segments,
            claims=claims,
            tally=tally(document.doc_id, claims),
            extractor_version=self.settings.version,
        )


def run(document: Document, settings: Settings | None = None) -> Extraction:
    """One document through every stage (loads the gazetteer each call: prefer Pipeline)."""
    return Pipeline(settings).run(document)
