"""Sources -> Documents: plain text, HTML, RSS/Atom, PDF, JSONL/CSV tables, directories, stdin.

Input: a path (file or directory), ``-`` for stdin, or a string of text.
Output: an iterator of `tollbook.model.Document`, interleaved with `IngestFailure` for a bad
file (inside a directory or a batch) or a bad table row, so that a batch goes on.

Identity: ``content_hash`` is the SHA-256 of the document text (UTF-8) and ``doc_id`` its
first 16 hex digits, except for table rows read with an id field, whose ``doc_id`` is that
field's value. ``Document.text`` is what the extractor reads; character spans point into it.
Text is normalised only by dropping a leading BOM and turning CRLF into LF.
"""

from __future__ import annotations

import csv
import email.utils
import hashlib
import html
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import charset_normalizer
import defusedxml
import feedparser
import pypdf
import trafilatura
from defusedxml import ElementTree as SafeElementTree
from pypdf.errors import DependencyError
from trafilatura.settings import Document as TrafilaturaDocument

from ._exceptions import (
    FieldError,
    InputError,
    TollbookError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from .model import Document

log = logging.getLogger("tollbook.ingest")

FORMATS = ("text", "html", "rss", "pdf", "jsonl", "csv")

#: File extension -> format. No extension: plain text unless the content says otherwise.
EXTENSIONS: dict[str, str] = {
    ext: fmt
    for fmt, exts in [("text", ".txt .text .md"), ("html", ".html .htm"),
                      ("rss", ".xml .rss .atom"), ("pdf", ".pdf"), ("jsonl", ".jsonl .ndjson"),
                      ("csv", ".csv .tsv")]
    for ext in exts.split()
}  # fmt: skip
_SUPPORTED = "supported: " + " ".join(EXTENSIONS) + "; use --input-format to force one"

_STDIN_NAME = "<stdin>"
_BINARY_PROBE = 8192
_TITLE_MAX = 120

# Legacy encodings worth guessing for news text; DOS and Mac code pages only add false guesses.
_LEGACY_ENCODINGS = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_2", "latin_1", "koi8_r", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources: table field names and an optional forced format."""

    text_field: str = "text"
    id_field: str | None = None
    date_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None
    format: str | None = None  # force: "text"|"html"|"rss"|"pdf"|"jsonl"|"csv"


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A file, feed entry or table row that could not be read; the batch goes on."""

    source: str  # path (and ":line N" / ":row N" / ":entry N" for parts of a file)
    message: str  # one line: what happened and what to do
    error: TollbookError


_DEFAULT_OPTIONS = IngestOptions()

# ---------------------------------------------------------------------------------------------
# Dates and the plain-text metadata line

_MONTH_NAMES = (
    "jan|january", "feb|february", "mar|march", "apr|april", "may", "jun|june", "jul|july",
    "aug|august", "sep|sept|september", "oct|october", "nov|november", "dec|december",
)  # fmt: skip
_MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names.split("|")}
_WEEKDAY = r"(?:[A-Za-z]+,?\s+)?"
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?")
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?[-\s/.]+([A-Za-z]{3,9})\.?[-\s/.,]+(\d{4}|\d{2})"
)
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
)
_META_LINE = re.compile(
    r"[ \t]*(?:date\b[ \t]*:?[ \t]*)?(?P<date>[^()\n]+?)[ \t]*(?:\((?P<src>[^()\n]+)\))?[ \t]*",
    re.I,
)
_AGGREGATED = re.compile(r"(?P<agg>[^-–]+?)\s*[-–]\s+(?P<pub>\S.*)")  # "MENAFN- AzerNews"
_HTML_ROOT = re.compile(r"<(?:html|body)\b", re.I)
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I
)


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_date(value: str) -> str | None:
    """'2020-05-09', '9-May-20', 'May 9, 2020', 'Tue, 05 Mar 2024 10:00 GMT' -> 'YYYY-MM-DD'.

    Two-digit years follow POSIX strptime: 69-99 are 19xx, 00-68 are 20xx. Month names are
    English and matched here rather than by strptime, which depends on the locale.
    """
    value = value.strip()
    if m := _ISO_DATE.fullmatch(value):
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_YEAR.fullmatch(value):
        day, month, year = int(m[1]), _MONTHS.get(m[2].lower()), int(m[3])
    elif m := _MONTH_DAY_YEAR.fullmatch(value):
        month, day, year = _MONTHS.get(m[1].lower()), int(m[2]), int(m[3])
    else:
        try:  # RFC 2822, as in e-mail and RSS: "Tue, 05 Mar 2024 10:00:00 GMT"
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if month is None:
        return None
    if len(m[3]) == 2:
        year += 1900 if year >= 69 else 2000
    return _ymd(year, month, day)


def _metadata_line(text: str) -> tuple[str, str | None, str | None] | None:
    """The leading ``date 2024-02-26 (MENAFN- AzerNews)`` line -> (published, aggregator,
    publisher), or None when the first line is not such a line."""
    m = _META_LINE.fullmatch(text.split("\n", 1)[0])
    if m is None:
        return None
    published = _iso_date(m["date"])
    if published is None:
        return None
    src = (m["src"] or "").strip()
    if agg := _AGGREGATED.fullmatch(src):
        return published, agg["agg"].strip(), agg["pub"].strip()
    return published, None, src or None


def _plain_title(text: str, skip_first: bool) -> str | None:
    """A short first line followed by a blank line is a title; a sentence ending in '.' is not."""
    lines = text.split("\n")
    i = 1 if skip_first else 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i + 2 >= len(lines) or lines[i + 1].strip():
        return None
    candidate = lines[i].strip()
    if len(candidate) >= _TITLE_MAX or candidate.endswith((".", ":", ";", ",")):
        return None
    if not any(line.strip() for line in lines[i + 2 :]):
        return None  # the whole document would be its own title
    return candidate


# ---------------------------------------------------------------------------------------------
# Building documents


def _normalise(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _make(text: str, doc_id: str | None = None, **meta: Any) -> Document:
    text = _normalise(text)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        doc_id=doc_id or content_hash[:16], text=text, content_hash=content_hash, **meta
    )


def document_from_text(
    text: str,
    *,
    name: str | None = None,
    path: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    aggregator: str | None = None,
    title: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    format: str = "text",
) -> Document:
    """Build a Document from text. For plain text, when the caller gives no published,
    publisher or aggregator, a leading metadata line supplies them (the line stays in the
    text); when no title is given, a short first line followed by a blank line is the title."""
    text = _normalise(text)
    if format == "text":
        meta = _metadata_line(text)
        if meta is not None and published is None and publisher is None and aggregator is None:
            published, aggregator, publisher = meta
        if title is None:
            title = _plain_title(text, skip_first=meta is not None)
    return _make(
        text, doc_id, name=name, path=path, published=published, publisher=publisher,
        aggregator=aggregator, title=title, url=url, format=format,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Bytes -> text


def _decode(data: bytes, source: str) -> str:
    """Bytes -> text: UTF-8 (BOM or not), UTF-16 with a BOM, else a guessed legacy encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:_BINARY_PROBE]:
        raise UnreadableInputError(
            "looks binary (NUL bytes), not text; pass a text, HTML, feed, PDF or table file",
            source=source,
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            encoding, text = _guess_legacy(data)
            log.warning("%s: not UTF-8; decoded as %s (a guess): convert to UTF-8 to be sure",
                        source, encoding)  # fmt: skip
    if not text.strip():
        raise UnreadableInputError("empty (only whitespace); nothing to read", source=source)
    return _normalise(text)


def _guess_legacy(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess among common legacy encodings. Short Western text ties
    between cp1250 and cp1252 (it has no evidence either way); ties go to cp1252."""
    matches = list(charset_normalizer.from_bytes(data, cp_isolation=_LEGACY_ENCODINGS))
    if not matches:
        return "cp1252", data.decode("cp1252", errors="replace")
    best = matches[0]
    for m in matches:
        if (
            m.chaos <= best.chaos
            and m.coherence >= best.coherence
            and "cp1252" in m.could_be_from_charset
        ):
            return "cp1252", data.decode("cp1252", errors="replace")
    return best.encoding, str(best)


def _sniff(data: bytes) -> str:
    """Guess a format from the first bytes: PDF, RSS/Atom, HTML, else text."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "rss"
        if any(tag in head for tag in (b"<html", b"<!doctype html", b"<p", b"<body", b"<div")):
            return "html"
    return "text"


# ---------------------------------------------------------------------------------------------
# Readers: bytes of one source -> Documents (and failures for parts of it)


def _read_text(data: bytes, source: str, name: str | None, path: str | None) -> Document:
    return document_from_text(_decode(data, source), name=name, path=path)


def _read_html(data: bytes, source: str, name: str | None, path: str | None) -> Document:
    page = _decode(data, source)
    if not _HTML_ROOT.search(page[:8192]):
        page = f"<html><body>{page}</body></html>"  # trafilatura rejects a bare fragment
    try:
        # only dates the page declares: a date found in the body is often the event's
        result = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )  # fmt: skip
    except Exception as exc:  # a parser failure on untrusted bytes is an input problem
        raise UnreadableInputError(
            f"HTML could not be parsed ({type(exc).__name__}: {exc}); try --input-format text",
            source=source,
        ) from exc
    body = result.text if isinstance(result, TrafilaturaDocument) else None
    if not isinstance(result, TrafilaturaDocument) or not body or not body.strip():
        raise UnreadableInputError(
            "no main text found in the HTML (only navigation or scripts?); if the page "
            "is built by JavaScript save the rendered page, or pass --input-format text",
            source=source,
        )
    lang = _HTML_LANG.search(page[:8192])
    return _make(
        body, name=name, path=path, url=result.url, title=result.title,
        publisher=result.sitename or result.hostname, published=_iso_date(result.date or ""),
        language=lang[1] if lang else None, format="html",
    )  # fmt: skip


_BLOCK_TAG = re.compile(r"<(?:br|/?(?:p|div|li|h[1-6]|blockquote|tr|pre))\b[^>]*>", re.I)


def _html_to_text(fragment: str) -> str:
    """A feed's HTML fragment -> text, a blank line between blocks. Feedparser has already
    sanitised it (no scripts or styles), so dropping tags is enough."""
    text = html.unescape(re.sub(r"<[^>]*>", "", _BLOCK_TAG.sub("\n\n", fragment)))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _detail_text(value: str, detail: Any) -> str:
    """A feed field -> text: tags stripped when it is HTML (or untyped and looks like it)."""
    kind = str((detail or {}).get("type") or "")
    if "html" in kind or (not kind and "<" in value):
        return _html_to_text(value)
    return " ".join(value.split())


def _refuse_entities(data: bytes, source: str) -> None:
    """Entity declarations can expand into gigabytes ("billion laughs") or read local files;
    no real feed needs them, so a feed that declares any is refused before feedparser runs."""
    refusal = UnreadableInputError(
        "refused: the feed declares XML entities (<!ENTITY>), which can expand without "
        "bound or read local files; remove the DOCTYPE's entity declarations",
        source=source,
    )
    try:
        SafeElementTree.fromstring(data)
    except defusedxml.DefusedXmlException as exc:
        raise refusal from exc
    except (ParseError, ValueError, LookupError):
        # not well-formed: feedparser's lenient parser may still cope, but look for entities
        if re.search(rb"<!ENTITY", data[:65536], re.I):
            raise refusal from None


def _read_feed(
    data: bytes, source: str, name: str | None, path: str | None
) -> Iterator[Document | IngestFailure]:
    _refuse_entities(data, source)
    # bytes wrapped in a stream: feedparser treats a bare string as a URL or a file name
    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            why = parsed.get("bozo_exception")
            raise UnreadableInputError(
                f"not a readable RSS or Atom feed ({why}); check the file, or pass --input-format",
                source=source,
            )
        raise UnreadableInputError("the feed has no entries; nothing to read", source=source)
    if parsed.get("bozo"):
        log.warning("%s: feed is not well-formed (%s); read leniently", source,
                    parsed.get("bozo_exception"))  # fmt: skip
    feed = parsed.get("feed") or {}
    publisher = _str_or_none(feed.get("title"))
    feed_language = _str_or_none(feed.get("language"))
    for n, entry in enumerate(entries, 1):
        title = _detail_text(str(entry.get("title") or ""), entry.get("title_detail")) or None
        contents = [c for c in entry.get("content") or [] if c.get("value")]
        if contents:
            body = _detail_text(str(contents[0]["value"]), contents[0])
        else:
            body = _detail_text(str(entry.get("summary") or ""), entry.get("summary_detail"))
        text = "\n\n".join(part for part in (title, body) if part)
        if not text:
            yield _failure(UnreadableInputError(
                "feed entry has neither a title nor text; skipped", source=f"{source}:entry {n}"
            ))  # fmt: skip
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        language = (entry.get("title_detail") or {}).get("language") or feed_language
        yield _make(
            text, name=f"{name}:entry {n}" if name else None, path=path, title=title,
            url=_str_or_none(entry.get("link")), publisher=publisher, format="rss",
            language=_str_or_none(language),
            published=_ymd(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
        )  # fmt: skip


def _read_pdf(data: bytes, source: str, name: str | None, path: str | None) -> Document:
    hint = "it may be corrupt: open it in a PDF viewer and save a fresh copy"
    if b"%EOF" not in data[-2048:]:
        hint = "it looks truncated (no %EOF at the end): copy or download it again"
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise UnreadableInputError(
                "the PDF is password-protected; decrypt it first (qpdf --password=... "
                "--decrypt in.pdf out.pdf)",
                source=source,
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except TollbookError:
        raise
    except DependencyError as exc:
        raise UnreadableInputError(
            f"the PDF is encrypted with AES and needs the 'cryptography' package ({exc}); "
            "decrypt it first (qpdf --decrypt in.pdf out.pdf)",
            source=source,
        ) from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        raise UnreadableInputError(
            f"PDF could not be read ({type(exc).__name__}: {exc}); {hint}", source=source
        ) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableInputError(
            "the PDF has no text layer; OCR it first (scanned pages? e.g. ocrmypdf in out)",
            source=source,
        )
    return _make(text, name=name, path=path, title=_str_or_none(title), format="pdf")


def _str_or_none(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None


# ---------------------------------------------------------------------------------------------
# Tables: one document per JSONL line or CSV row


def _field_list(fields: Sequence[str]) -> str:
    return ", ".join(fields[:20]) + (", ..." if len(fields) > 20 else "") or "(none)"


def _named_fields(options: IngestOptions) -> list[tuple[str, str]]:
    pairs = [("text", options.text_field), ("id", options.id_field), ("date", options.date_field),
             ("title", options.title_field), ("url", options.url_field)]  # fmt: skip
    return [(kind, field) for kind, field in pairs if field is not None]


def _required_fields(options: IngestOptions) -> list[tuple[str, str]]:
    return [("text", options.text_field)] + ([("id", options.id_field)] if options.id_field else [])


def _row_document(
    record: Mapping[str, object], source: str, locator: str, name: str | None,
    path: str | None, options: IngestOptions, fmt: str,
) -> Document:  # fmt: skip
    """One table record -> Document; FieldError (source "file:line N") when a field lacks."""
    where, fields = f"{source}:{locator}", [str(key) for key in record]
    for kind, field in _required_fields(options):
        value = record.get(field)
        if value is None:
            raise FieldError(
                f"no field '{field}' in this record; use --{kind}-field one of: "
                f"{_field_list(fields)}",
                source=where,
            )
        if isinstance(value, (dict, list)) or not str(value).strip():
            raise FieldError(f"field '{field}' is empty or not text; nothing to read", source=where)
    published = None
    if options.date_field and (raw := _str_or_none(record.get(options.date_field))):
        published = _iso_date(raw)
        if published is None:
            log.warning("%s: date '%s' not understood; published left empty", where, raw)
    return _make(
        str(record[options.text_field]),
        doc_id=str(record[options.id_field]).strip() if options.id_field else None,
        name=f"{name}:{locator}" if name else None, path=path, published=published, format=fmt,
        title=_str_or_none(record.get(options.title_field or "")),
        url=_str_or_none(record.get(options.url_field or "")),
    )  # fmt: skip


def _failure(error: TollbookError, source: str = "") -> IngestFailure:
    return IngestFailure(error.source or source, " ".join(error.message.split()), error)


def _read_jsonl(
    text: str, source: str, name: str | None, path: str | None, options: IngestOptions
) -> Iterator[Document | IngestFailure]:
    first = True
    for lineno, line in enumerate(text.split("\n"), 1):  # not splitlines: JSON may hold U+2028
        if not line.strip():
            continue
        where = f"{source}:line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _failure(UnreadableInputError(
                f"invalid JSON ({exc.msg}, column {exc.colno}); fix or remove the line",
                source=where,
            ))  # fmt: skip
            continue
        if not isinstance(record, dict):
            yield _failure(UnreadableInputError(
                f"a JSON {type(record).__name__}, not an object; each line must be {{...}}",
                source=where,
            ))  # fmt: skip
            continue
        missing = [(k, f) for k, f in _required_fields(options) if f not in record]
        if first and missing:
            # the first record lacks it: surely a wrong --text-field, not one bad row, and one
            # error beats a failure per line
            kind, field = missing[0]
            raise FieldError(
                f"the first record (line {lineno}) has no field '{field}'; use "
                f"--{kind}-field one of: {_field_list(list(record))}",
                source=source,
            )
        first = False
        try:
            yield _row_document(record, source, f"line {lineno}", name, path, options, "jsonl")
        except FieldError as exc:
            yield _failure(exc)


def _read_csv(
    text: str, source: str, name: str | None, path: str | None, options: IngestOptions,
    tsv: bool,
) -> Iterator[Document | IngestFailure]:  # fmt: skip
    first_line = text.split("\n", 1)[0]
    tab = tsv or ("\t" in first_line and "," not in first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if tab else ",")
    header = next(reader, [])
    for kind, field in _named_fields(options):
        if field not in header:
            raise FieldError(
                f"no column '{field}' in the header; use --{kind}-field one of: "
                f"{_field_list(header)}",
                source=source,
            )
    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over the size limit; the reader goes on
            row_number += 1
            yield _failure(UnreadableInputError(
                f"unreadable row near line {reader.line_num} ({exc}); fix the row",
                source=f"{source}:row {row_number}",
            ))  # fmt: skip
            continue
        if not row:
            continue  # a blank line is no row
        row_number += 1
        if len(row) != len(header):
            yield _failure(UnreadableInputError(
                f"the row has {len(row)} fields but the header {len(header)} (ends on line "
                f"{reader.line_num}); check its quoting and delimiters",
                source=f"{source}:row {row_number}",
            ))  # fmt: skip
            continue
        try:
            record = dict(zip(header, row, strict=True))
            yield _row_document(record, source, f"row {row_number}", name, path, options, "csv")
        except FieldError as exc:
            yield _failure(exc)


# ---------------------------------------------------------------------------------------------
# Dispatch: paths, directories, stdin


def _forced_or_known(path: Path, options: IngestOptions) -> str | None:
    """The format from --input-format or the extension; None when the content must be sniffed."""
    if options.format is not None:
        if options.format not in FORMATS:
            raise UnsupportedFormatError(
                f"unknown format '{options.format}'; use one of: {' '.join(FORMATS)}",
                source=str(path),
            )
        return options.format
    suffix = path.suffix.lower()
    if suffix and suffix not in EXTENSIONS:
        raise UnsupportedFormatError(
            f"no reader for '{suffix}' files; {_SUPPORTED}", source=str(path)
        )
    return EXTENSIONS.get(suffix)


def _read_data(
    data: bytes, fmt: str | None, source: str, name: str | None, path: str | None,
    options: IngestOptions, tsv: bool = False,
) -> Iterator[Document | IngestFailure]:  # fmt: skip
    if not data.strip():
        raise UnreadableInputError("empty file; nothing to read", source=source)
    fmt = fmt or _sniff(data)
    if fmt == "text":
        yield _read_text(data, source, name, path)
    elif fmt == "html":
        yield _read_html(data, source, name, path)
    elif fmt == "rss":
        yield from _read_feed(data, source, name, path)
    elif fmt == "pdf":
        yield _read_pdf(data, source, name, path)
    elif fmt == "jsonl":
        yield from _read_jsonl(_decode(data, source), source, name, path, options)
    else:
        yield from _read_csv(_decode(data, source), source, name, path, options, tsv)


def _read_file(path: Path, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    fmt = _forced_or_known(path, options)  # before reading: an unknown extension fails fast
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(
            f"cannot read the file ({exc.strerror or exc}); check its permissions",
            source=str(path),
        ) from exc
    tsv = path.suffix.lower() == ".tsv"
    yield from _read_data(data, fmt, str(path), path.name, str(path), options, tsv)


def _walk(root: Path) -> list[Path]:
    """Files under root, recursively, skipping hidden files and directories, sorted."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, f) for f in filenames if not f.startswith("."))
    return sorted(found)


def _guarded(
    items: Iterator[Document | IngestFailure], source: str
) -> Iterator[Document | IngestFailure]:
    """Pass items through; a whole-source InputError becomes one IngestFailure."""
    try:
        yield from items
    except InputError as exc:
        yield _failure(exc, source)


def _read_directory(root: Path, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    for path in _walk(root):
        if options.format is None and path.suffix and path.suffix.lower() not in EXTENSIONS:
            log.warning("%s: skipped: no reader for '%s' files", path, path.suffix)
            continue
        yield from _guarded(_read_file(path, options), str(path))


def _read_stdin(options: IngestOptions) -> Iterator[Document | IngestFailure]:
    fmt = _forced_or_known(Path(_STDIN_NAME), options)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UnreadableInputError(
            "no standard input to read; pass a file path instead", source=_STDIN_NAME
        )
    data: bytes = stream.read()
    yield from _read_data(data, fmt, _STDIN_NAME, _STDIN_NAME, None, options)


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
