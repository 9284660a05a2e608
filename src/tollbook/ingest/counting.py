"""Paths -> how many items `read_sources` will yield, when that is cheap to know (for progress).

Input: the same paths and `IngestOptions` as `tollbook.ingest.sources.read_sources`. Output:
the number of documents (and failures) the read will yield, or None when it cannot be known
without parsing: stdin, feeds and WARC archives (one document per entry or record), and CSV
tables over `CSV_COUNT_LIMIT` bytes (a quoted field may hold newlines, so rows must be parsed).
A plain file, HTML page or PDF is one item; a JSONL table one per non-blank line. A count is an
estimate for a progress bar, never a promise: a row that fails is still one item, but a file
that fails whole is one item however many rows it has.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path

from tollbook.ingest.documents import IngestOptions

#: CSV tables larger than this are not counted (parsing them twice would delay the first row).
CSV_COUNT_LIMIT = 64 << 20
_CHUNK = 1 << 20

# Kept beside, not imported from, tollbook.ingest.sources: importing it loads every format
# reader (trafilatura, pypdf...), and counting must stay cheap. tests/test_progress.py checks
# that the two agree.
_SINGLE = frozenset({".txt", ".text", ".md", ".html", ".htm", ".pdf"})
_JSONL = frozenset({".jsonl", ".ndjson"})
_CSV = frozenset({".csv", ".tsv"})
_UNCOUNTED = frozenset({".xml", ".rss", ".atom", ".warc", ".warc.gz"})
KNOWN_SUFFIXES = _SINGLE | _JSONL | _CSV | _UNCOUNTED


def count_documents(paths: Sequence[str | Path], options: IngestOptions | None = None) -> int | None:
    """Items the read of PATHS will yield, or None when one of them cannot be counted cheaply."""
    forced = options.format if options is not None else None
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        p = Path(path)
        files = _walk(p) if p.is_dir() else [p]
        for f in files:
            n = _count_file(f, forced, in_directory=p.is_dir())
            if n is None:
                return None
            total += n
    return total


def _walk(root: Path) -> list[Path]:
    """Files under root as `sources` walks them: hidden files and directories skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, f) for f in filenames if not f.startswith("."))
    return found


def _suffix(path: Path) -> str:
    return ".warc.gz" if path.name.lower().endswith(".warc.gz") else path.suffix.lower()


def _count_file(path: Path, forced: str | None, *, in_directory: bool) -> int | None:
    suffix = _suffix(path)
    kind = forced or (
        "jsonl" if suffix in _JSONL else "csv" if suffix in _CSV else
        None if suffix in _UNCOUNTED else "single"
    )  # fmt: skip
    if forced is None and suffix and suffix not in KNOWN_SUFFIXES:
        # sources skips such a file inside a directory and fails it (one item) on its own
        return 0 if in_directory else 1
    try:
        if kind == "jsonl":
            return _nonblank_lines(path)
        if kind == "csv":
            return _csv_rows(path)
    except OSError:
        return 1  # the read will fail: one failure
    if kind in ("single", "text", "html", "pdf"):
        return 1
    return None


def _nonblank_lines(path: Path) -> int:
    """Lines holding more than whitespace, scanned in binary chunks (a gigabyte in seconds)."""
    n = 0
    tail = b""
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            lines = (tail + chunk).split(b"\n")
            tail = lines.pop()
            n += sum(1 for line in lines if line.strip())
    return n + (1 if tail.strip() else 0)


def _csv_rows(path: Path) -> int | None:
    """Data rows of a CSV/TSV table (header and blank lines left out), if it is small enough."""
    if path.stat().st_size > CSV_COUNT_LIMIT:
        return None
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        try:
            rows = sum(1 for row in csv.reader(f) if row)
        except csv.Error:
            return None
    return max(rows - 1, 0)
