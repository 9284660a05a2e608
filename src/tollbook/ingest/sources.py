"""Sources -> Documents: plain text, HTML, RSS/Atom, PDF, JSONL/CSV tables, directories, stdin.

Input: a path (file or directory), ``-`` for stdin, bytes, or a string of text.
Output: an iterator of `tollbook.model.Document`, interleaved with `IngestFailure` for a bad
file (inside a directory or a batch) or a bad table row, so that a batch goes on.

Identity: ``content_hash`` is the SHA-256 of the document text (UTF-8) and ``doc_id`` its
first 16 hex digits, except for table rows read with an id field, whose ``doc_id`` is that
field's value. ``Document.text`` is what the extractor reads; character spans point into it.
Text is normalised only by dropping a leading BOM and turning CRLF into LF.

This module dispatches: `tollbook.ingest.documents` builds Documents from text, `tollbook.ingest.formats`
decodes bytes and reads whole files (text, HTML, feeds, PDF), `tollbook.ingest.tables` streams
JSONL/CSV row by row. An unexpected exception while reading one source becomes that
source's `IngestFailure` ("internal error ..."), never the end of the batch.
"""

from __future__ import annotations

import importlib
import io
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from tollbook._exceptions import InputError, UnreadableInputError, UnsupportedFormatError
from tollbook.ingest.documents import (
    INTERNAL_ERROR,
    IngestFailure,
    IngestOptions,
    document_from_text,
    failure,
    internal_failure,
    printable,
)
from tollbook.ingest.formats import sniff
from tollbook.ingest.registry import EXTENSIONS, FORMAT_TABLE, FORMATS, TABLE_FORMATS
from tollbook.ingest.tables import read_csv, read_jsonl, text_lines
from tollbook.ingest.warc import read_warc_stream
from tollbook.model import Document

__all__ = [
    "EXTENSIONS", "FORMATS", "INTERNAL_ERROR", "IngestFailure", "IngestOptions",
    "document_from_text", "read_bytes", "read_path", "read_sources",
]  # fmt: skip

log = logging.getLogger("tollbook.ingest.sources")

_TABLES = TABLE_FORMATS
_READERS = {f.name: f.reader for f in FORMAT_TABLE if f.reader is not None}
_SUPPORTED = "supported: " + " ".join(EXTENSIONS) + "; use --input-format to force one"

_STDIN_NAME = "<stdin>"
_DEFAULT_OPTIONS = IngestOptions()


# ---------------------------------------------------------------------------------------------
# Dispatch: bytes, paths, directories, stdin


def _suffix(path: Path) -> str:
    """The extension, with '.warc.gz' counted as one."""
    return ".warc.gz" if path.name.lower().endswith(".warc.gz") else path.suffix.lower()


def _forced_or_known(path: Path, options: IngestOptions) -> str | None:
    """The format from --input-format or the extension; None when the content must be sniffed."""
    if options.format is not None:
        if options.format not in FORMATS:
            raise UnsupportedFormatError(
                f"unknown format '{options.format}'; use one of: {' '.join(FORMATS)}",
                source=str(path),
            )
        return options.format
    suffix = _suffix(path)
    if suffix and suffix not in EXTENSIONS:
        raise UnsupportedFormatError(
            f"no reader for '{suffix}' files; {_SUPPORTED}", source=str(path)
        )
    return EXTENSIONS.get(suffix)


def _read_data(
    data: bytes, fmt: str | None, source: str, name: str | None, path: str | None,
    options: IngestOptions, tsv: bool = False,
) -> Iterator[Document | IngestFailure]:  # fmt: skip
    """A whole source already in memory -> Documents."""
    if not data or data.isspace():
        raise UnreadableInputError("empty file; nothing to read", source=source)
    fmt = fmt or sniff(data)
    if fmt in _READERS:
        read = _reader(fmt)
        result = read(data, source, name, path)
        if isinstance(result, Document):
            yield result
        else:
            yield from result
    else:
        yield from _read_table(io.BytesIO(data), fmt, source, name, path, options, tsv)


def _reader(fmt: str) -> Callable[[bytes, str, str | None, str | None], Document | Iterator[Document | IngestFailure]]:
    """The registry's whole-source reader of `fmt` (ingest/registry.py), imported on first use
    (looked up on every call: a module imported once costs a dict lookup after)."""
    module, _, function = _READERS[fmt].partition(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def _read_table(
    stream: BinaryIO, fmt: str, source: str, name: str | None, path: str | None,
    options: IngestOptions, tsv: bool,
) -> Iterator[Document | IngestFailure]:  # fmt: skip
    """A JSONL or CSV stream, read row by row."""
    lines = text_lines(stream, source)
    if fmt == "jsonl":
        yield from read_jsonl(lines, source, name, path, options)
    else:
        yield from read_csv(lines, source, name, path, options, tsv)


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a directory"))  # fmt: skip


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; refuse anything else before reading a byte.

    A FIFO would block the batch forever and /dev/zero (or a symlink to it) never ends, so
    the file is opened without blocking and checked with fstat on the open descriptor (no
    window between the check and the read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UnreadableInputError(
            f"cannot read the file ({exc.strerror or exc}); check its permissions",
            source=str(path),
        ) from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise UnreadableInputError(
            f"is {kind}, not a regular file; skipped (tollbook reads files only)",
            source=str(path),
        )
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_file(path: Path, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    fmt = _forced_or_known(path, options)  # before reading: an unknown extension fails fast
    tsv = path.suffix.lower() == ".tsv"
    stream = open_regular(path)
    with stream:
        if fmt == "warc":  # streamed record by record: WARC files run to gigabytes
            yield from read_warc_stream(stream, path)
            return
        try:
            if fmt in _TABLES:
                yield from _read_table(stream, fmt, str(path), path.name, str(path), options, tsv)
                return
            data = stream.read()
        except OSError as exc:
            raise UnreadableInputError(
                f"cannot read the file ({exc.strerror or exc}); check its permissions",
                source=str(path),
            ) from exc
    yield from _read_data(data, fmt, str(path), path.name, str(path), options, tsv)


def _walk(root: Path) -> tuple[list[Path], list[IngestFailure]]:
    """Files under root, recursively, skipping hidden files and directories, sorted; and a
    failure for each symlink that leads out of root (or nowhere).

    Symlinked directories are not entered (os.walk's default); a symlinked file is read
    only when its target lies inside root, so a link to /etc/passwd or ~/.ssh in a folder
    of articles is never read and stored."""
    found: list[Path] = []
    refused: list[IngestFailure] = []
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(dirpath, name)
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(real_root) or not target.exists():
                    refused.append(failure(UnreadableInputError(
                        "is a symbolic link that leads out of the directory (or nowhere); "
                        "skipped: copy the file into the directory to read it",
                        source=str(path),
                    )))  # fmt: skip
                    continue
            found.append(path)
    return sorted(found), refused


def _guarded(
    items: Iterator[Document | IngestFailure], source: str
) -> Iterator[Document | IngestFailure]:
    """Pass items through; a whole-source InputError becomes one IngestFailure, and so does
    any other exception (as an internal error), so that the batch goes on."""
    try:
        yield from items
    except InputError as exc:
        yield failure(exc, source)
    except Exception as exc:
        yield internal_failure(exc, source)


def _read_directory(root: Path, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    paths, refused = _walk(root)
    yield from refused
    for path in paths:
        if options.format is None and path.suffix and _suffix(path) not in EXTENSIONS:
            log.warning("%s: skipped: no reader for '%s' files", printable(str(path)),
                        printable(path.suffix))  # fmt: skip
            continue
        yield from _guarded(_read_file(path, options), str(path))


def _read_stdin(options: IngestOptions) -> Iterator[Document | IngestFailure]:
    fmt = _forced_or_known(Path(_STDIN_NAME), options)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UnreadableInputError(
            "no standard input to read; pass a file path instead", source=_STDIN_NAME
        )
    if fmt in _TABLES:  # tables stream; other formats need the whole input to sniff and parse
        yield from _read_table(stream, fmt, _STDIN_NAME, _STDIN_NAME, None, options, False)
        return
    data: bytes = stream.read()
    yield from _read_data(data, fmt, _STDIN_NAME, _STDIN_NAME, None, options)


def read_bytes(
    data: bytes, *, source: str = "<bytes>", options: IngestOptions = _DEFAULT_OPTIONS
) -> Iterator[Document | IngestFailure]:
    """Read one source given as bytes (format from `options.format`, else sniffed).

    Never raises for bad input: a problem yields an IngestFailure naming `source`."""
    if options.format is not None and options.format not in FORMATS:
        yield failure(UnsupportedFormatError(
            f"unknown format '{options.format}'; use one of: {' '.join(FORMATS)}", source=source
        ))  # fmt: skip
        return
    tsv = source.lower().endswith(".tsv")
    yield from _guarded(_read_data(data, options.format, source, None, None, options, tsv), source)


def read_path(
    path: str | Path, options: IngestOptions = _DEFAULT_OPTIONS
) -> Iterator[Document | IngestFailure]:
    """Read one file, a directory (recursively) or "-" (stdin).

    A whole-file problem raises an InputError subclass with `source` set; inside a directory
    a bad file yields an IngestFailure and the walk goes on. Bad table rows yield failures.
    """
    if str(path) == "-":
        yield from _read_stdin(options)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(p, options)
    elif p.exists():
        yield from _read_file(p, options)
    else:
        raise UnreadableInputError("no such file; check the path", source=str(path))


def read_sources(
    paths: Sequence[str | Path], options: IngestOptions = _DEFAULT_OPTIONS
) -> Iterator[Document | IngestFailure]:
    """Read every path in order. Never raises for a bad file: yields IngestFailure, goes on."""
    for path in paths:
        yield from _guarded(read_path(path, options), str(path))
