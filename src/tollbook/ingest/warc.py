"""WARC archives -> Documents: how tollbook reads Common Crawl News (and any web archive).

Input: a `.warc` or `.warc.gz` file (or a binary stream of one). Output: one `Document` per
HTML response with HTTP status 200, made by the same HTML reader as an `.html` file
(`tollbook.ingest.formats.read_html`), with `url` set to the record's WARC-Target-URI and `name` to
``file:offset N`` (N is the record's byte offset in the file, as in a CDX index); and one
`IngestFailure` per broken record, naming the file and the offset, after which reading goes
on at the next record the reader can find.

Skipped, and counted in `WarcCounts`: responses with another status (redirects, 404s),
responses that are not HTML (images, PDFs, robots.txt), and records of other types (request,
metadata, warcinfo, revisit). The counts are logged (`-v`) once per file.

The HTTP header's charset, when it names one, decodes the page; otherwise the HTML reader
guesses as it does for files. The WARC-Date is when the page was crawled, not published, so
it never becomes `published`; the page's own date does, when it declares one.
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import logging
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tollbook._exceptions import TollbookError, UnreadableInputError
from tollbook.ingest.documents import IngestFailure, failure
from tollbook.ingest.formats import read_html
from tollbook.model import Document

log = logging.getLogger("tollbook.ingest.warc")

SUFFIXES = (".warc", ".warc.gz")
#: Most bytes of one record's content read into memory (decompressed). A 400 KB .warc.gz
#: can hold a 400 MB record (gzip packs repeated bytes 1000:1); past this budget the record
#: is skipped with a failure line, and the rest of it is streamed past, never held.
MAX_RECORD_BYTES = 32 * 1024 * 1024
_BLOCK = 2048
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_BLOCK = 1 << 20
# Errors warcio and the decompressors raise on damaged bytes; anything else is a bug.
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, IndexError, KeyError)


@dataclass(slots=True)
class WarcCounts:
    """What a WARC file held: documents read, records skipped by reason, broken records.
    Mutable on purpose: the reader fills it in as it goes and the caller reads it after."""

    documents: int = 0
    not_200: int = 0
    not_html: int = 0
    other_records: int = 0
    no_text: int = 0
    broken: int = 0
    too_large: int = 0

    def summary(self) -> str:
        return (f"{self.documents} HTML document(s) read; skipped {self.not_200} non-200 and "
                f"{self.not_html} non-HTML response(s), {self.other_records} other record(s); "
                f"{self.no_text} page(s) without main text, {self.broken} broken record(s), "
                f"{self.too_large} record(s) over {MAX_RECORD_BYTES} bytes")  # fmt: skip


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def read_warc_file(
    path: Path, counts: WarcCounts | None = None
) -> Iterator[Document | IngestFailure]:
    """Every HTML document of the WARC file at `path`, streamed (the file is never loaded whole)."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise UnreadableInputError(
            f"cannot read the file ({exc.strerror or exc}); check its permissions", source=str(path)
        ) from exc
    with stream:
        yield from read_warc_stream(stream, path, counts)


def read_warc_stream(
    stream: IO[bytes], path: Path, counts: WarcCounts | None = None
) -> Iterator[Document | IngestFailure]:
    """The same from a file the caller opened (and checked is a regular file)."""
    yield from read_warc(stream, str(path), name=path.name, path=str(path), counts=counts)


def read_warc_bytes(data: bytes, source: str, name: str | None = None, path: str | None = None,
                    counts: WarcCounts | None = None) -> Iterator[Document | IngestFailure]:  # fmt: skip
    """The same from bytes in memory (stdin, or a file a Spark executor was handed)."""
    yield from read_warc(io.BytesIO(data), source, name=name, path=path, counts=counts)


def read_warc(stream: IO[bytes], source: str, *, name: str | None = None, path: str | None = None,
              counts: WarcCounts | None = None) -> Iterator[Document | IngestFailure]:  # fmt: skip
    """Documents of a seekable binary stream holding a WARC file (gzip per record, or plain)."""
    counts = counts if counts is not None else WarcCounts()
    origin = stream.tell()
    size = stream.seek(0, io.SEEK_END)
    stream.seek(origin)
    head = stream.read(len(_WARC_MAGIC))
    if not head.startswith((_GZIP_MAGIC, _WARC_MAGIC)):
        raise UnreadableInputError(
            "not a WARC file (it starts with neither 'WARC/1.' nor a gzip header); "
            "pass .warc or .warc.gz archives, or use --input-format for other files",
            source=source,
        )
    magic = _GZIP_MAGIC if head.startswith(_GZIP_MAGIC) else _WARC_MAGIC
    start: int | None = origin
    in_failure_run = False
    while start is not None:
        stream.seek(start)
        read_any, broken = yield from _records(stream, size, name, path, source, counts)
        if broken is None:
            break
        offset, why = broken
        counts.broken += 1
        # a damaged stretch can hold several false record starts: report it once
        if read_any or not in_failure_run:
            yield failure(UnreadableInputError(
                f"broken WARC record ({why}); skipped, reading goes on at the next record "
                "(re-download the file if this repeats)",
                source=f"{source}:offset {offset}",
            ))  # fmt: skip
        in_failure_run = True
        start = _next_record(stream, offset + 1, magic)
    log.info("%s: %s", source, counts.summary())


def _records(
    stream: IO[bytes],
    size: int,
    name: str | None,
    path: str | None,
    source: str,
    counts: WarcCounts,
) -> Generator[Document | IngestFailure, None, tuple[bool, tuple[int, str] | None]]:
    """Yield documents from the stream's position on. Return whether any record was read, and
    None at the end or (offset, what went wrong) at a broken record."""
    # warcio inflates each block it reads in one go: gzip packs up to ~1000:1, so a 16 KB
    # block of a bomb became 16 MB at once. 2 KB blocks bound that to about 2 MB.
    it = ArchiveIterator(stream, block_size=_BLOCK)
    read_any = False
    while True:
        try:
            record = next(it)
        except StopIteration:
            if it.offset < size:  # a record cut short at the end: the rest is not a record
                return read_any, (it.offset, "the file ends inside this record")
            return read_any, None
        except (*_BROKEN, AttributeError, TypeError) as exc:  # warcio on mangled headers
            return read_any, (it.offset, f"{type(exc).__name__}: {_one_line(exc)}")
        try:
            item = _document(record, source, it.offset, name, path, counts)
        except _BROKEN as exc:
            return read_any, (it.offset, f"{type(exc).__name__}: {_one_line(exc)}")
        read_any = True
        if item is not None:
            yield item


def _document(record: Any, source: str, offset: int, name: str | None, path: str | None,
              counts: WarcCounts) -> Document | IngestFailure | None:  # fmt: skip
    """One record -> a Document, a failure (a page with no text), or None (skipped)."""
    if record.rec_type != "response" or record.http_headers is None:
        counts.other_records += 1
        return None
    http = record.http_headers
    if http.get_statuscode() != "200":
        counts.not_200 += 1
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(payload) > MAX_RECORD_BYTES:
        counts.too_large += 1
        return failure(UnreadableInputError(
            f"the record's content is larger than {MAX_RECORD_BYTES} bytes once decompressed; "
            "skipped (a page is far smaller: is it a decompression bomb?)",
            source=f"{source}:offset {offset}",
        ))  # fmt: skip
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise ValueError(f"the record is cut short: {missing} byte(s) of its content are missing")
    if not _is_html(content_type, payload):
        counts.not_html += 1
        return None
    where = f"{source}:offset {offset}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        doc = read_html(_utf8(payload, content_type), where, f"{name}:offset {offset}"
                         if name else None, path)  # fmt: skip
    except TollbookError as exc:
        counts.no_text += 1
        return failure(exc, where)
    counts.documents += 1
    return dataclasses.replace(doc, url=url or doc.url)


def _is_html(content_type: str, payload: bytes) -> bool:
    if content_type:
        return "html" in content_type.split(";", 1)[0]
    head = payload[:1024].lstrip().lower()  # no header: look at the bytes
    return head.startswith((b"<!doctype html", b"<html"))


def _utf8(payload: bytes, content_type: str) -> bytes:
    """Bytes the HTML reader decodes right: re-encoded as UTF-8 when the header names another
    charset and the bytes decode with it; otherwise unchanged (the reader guesses)."""
    _, _, params = content_type.partition(";")
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip() == "charset" and value:
            charset = value.strip().strip("\"'")
            try:
                if codecs.lookup(charset).name == "utf-8":
                    return payload
                return payload.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                return payload  # a wrong or unknown label: let the reader guess
    return payload


def _next_record(stream: IO[bytes], start: int, magic: bytes) -> int | None:
    """The offset of the next place after `start` that looks like a record's start: a gzip
    member for .warc.gz, a 'WARC/1.' line for plain WARC; None at the end of the stream."""
    stream.seek(start)
    pos, tail = start, b""
    while block := stream.read(_SCAN_BLOCK):
        data = tail + block
        base = pos - len(tail)
        i = data.find(magic if magic == _GZIP_MAGIC else b"\n" + magic)
        if i >= 0:
            return base + i + (0 if magic == _GZIP_MAGIC else 1)
        tail = data[-(len(magic) + 1) :]
        pos += len(block)
    return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or "no detail"
