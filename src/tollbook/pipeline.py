"""The pipeline: Document -> Extraction (segments, claims, tally), a pure function of the
document and the settings, so the same code runs in-process, in a pool or on a cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .extract import extract_claims
from .model import Document, Extraction
from .places import Gazetteer
from .segment import segment
from .tally import tally
from .version import EXTRACTOR_VERSION


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may vary. Passed explicitly; nothing is read from globals."""

    gazetteer: bool = True
    gazetteer_path: Path | None = None
    version: str = EXTRACTOR_VERSION


class Pipeline:
    """Runs every stage on a document. The gazetteer loads on first use, once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def gazetteer(self) -> Gazetteer | None:
        if not self.settings.gazetteer:
            return None
        return Gazetteer.load(self.settings.gazetteer_path)

    def run(self, document: Document) -> Extraction:
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
