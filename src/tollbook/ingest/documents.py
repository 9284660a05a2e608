"""Text (+ what is known about it) -> Document; the types every reader shares.

Input: a decoded text and optional metadata, or the leading metadata line and title of a
plain text. Output: a `tollbook.model.Document` whose identity is the SHA-256 of its text.
Also defines `IngestOptions` (how to read sources) and `IngestFailure` (a source, feed entry
or table row that could not be read), which `tollbook.ingest.sources` re-exports.

Text is normalised only by dropping a leading BOM and turning CRLF into LF. Every scan here
looks at a bounded head of the text, so a 100 MB document or a 5 MB line costs no more than
its own copy.
"""

from __future__ import annotations

import email.utils
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from tollbook._exceptions import TollbookError, UnreadableInputError
from tollbook.model import Document

log = logging.getLogger("tollbook.ingest.sources")

_TITLE_MAX = 120
_META_MAX = 300  # a metadata line is short; longer first lines are never read as one
_HASH_CHUNK = 1 << 20  # encode for hashing in slices: no second full-size copy

# ---------------------------------------------------------------------------------------------
# Shared types


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


_UNPRINTABLE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def printable(text: str) -> str:
    """Text safe to print on one terminal line: control, format and line-separator characters
    (a newline or an ANSI escape in a file name) become visible escapes such as \\x1b."""
    if text.isprintable():
        return text
    return "".join(
        ch if unicodedata.category(ch) not in _UNPRINTABLE else ascii(ch)[1:-1] for ch in text
    )


def failure(error: TollbookError, source: str = "") -> IngestFailure:
    """An IngestFailure from an error, its message folded onto one line; the source and the
    message are made printable (a file name can hold any character but / and NUL)."""
    message = printable(" ".join(error.message.split()))
    return IngestFailure(printable(error.source or source), message, error)


#: How an internal-error failure's message begins (the fuzzers count these as crashes).
INTERNAL_ERROR = "internal error while reading"


def internal_failure(exc: Exception, source: str, *, stage: str = "reading", consequence: str = "",
                     kind: type[TollbookError] = UnreadableInputError) -> IngestFailure:  # fmt: skip
    """An unexpected exception while reading (or, with `stage`, extracting) one source, as a
    one-line failure: a bug in tollbook or a library must cost that source only, never the
    rest of the batch."""
    log.debug("%s: internal error", source, exc_info=exc)
    why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    error = kind(
        f"internal error while {stage} ({why}); {consequence}please report it to the tollbook "
        "maintainers with this input (run with -vv for the traceback)",
        source=source,
    )
    error.__cause__ = exc
    return failure(error)


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
_NON_SPACE = re.compile(r"\S")
_SURROGATE = re.compile("[\ud800-\udfff]")


def ymd(year: int, month: int, day: int) -> str | None:
    """'YYYY-MM-DD', or None when there is no such day."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    """'2020-05-09', '9-May-20', 'May 9, 2020', 'Tue, 05 Mar 2024 10:00 GMT' -> 'YYYY-MM-DD'.

    Two-digit years follow POSIX strptime: 69-99 are 19xx, 00-68 are 20xx. Month names are
    English and matched here rather than by strptime, which depends on the locale.
    """
    value = value.strip()
    if len(value) > _META_MAX:
        return None  # no date is that long; the regexes would only backtrack over it
    if m := _ISO_DATE.fullmatch(value):
        return ymd(int(m[1]), int(m[2]), int(m[3]))
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
    return ymd(year, month, day)


def _first_line(text: str) -> str:
    end = text.find("\n", 0, _META_MAX + 1)
    return text[: _META_MAX + 1] if end < 0 else text[:end]


def metadata_line(text: str) -> tuple[str, str | None, str | None] | None:
    """The leading ``date 2024-02-26 (MENAFN- AzerNews)`` line -> (published, aggregator,
    publisher), or None when the first line is not such a line."""
    line = _first_line(text)
    if len(line) > _META_MAX:
        return None
    m = _META_LINE.fullmatch(line)
    if m is None:
        return None
    published = iso_date(m["date"])
    if published is None:
        return None
    src = (m["src"] or "").strip()
    if agg := _AGGREGATED.fullmatch(src):
        return published, agg["agg"].strip(), agg["pub"].strip()
    return published, None, src or None


def plain_title(text: str, skip_first: bool) -> str | None:
    """A short first line followed by a blank line is a title; a sentence ending in '.' is not.

    Only the head of the text is split into lines: a title sits in the first few lines."""
    head = text[: 8 * _META_MAX]
    lines = head.split("\n")
    i = 1 if skip_first else 0
    while i < len(lines) - 1 and not lines[i].strip():
        i += 1
    if i + 2 >= len(lines) or lines[i + 1].strip():
        return None
    candidate = lines[i].strip()
    if len(candidate) >= _TITLE_MAX or candidate.endswith((".", ":", ";", ",")):
        return None
    rest = sum(len(line) + 1 for line in lines[: i + 2])
    if _NON_SPACE.search(text, rest) is None:
        return None  # the whole document would be its own title
    return candidate


# ---------------------------------------------------------------------------------------------
# Building documents


def normalise(text: str) -> str:
    """Drop a leading BOM and turn CRLF into LF (no copy when there is neither)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text, hashed in slices so a big text is not copied whole.
    Raises UnicodeEncodeError for a lone surrogate (not encodable text)."""
    digest = hashlib.sha256()
    for i in range(0, len(text), _HASH_CHUNK):
        digest.update(text[i : i + _HASH_CHUNK].encode("utf-8"))
    return digest.hexdigest()


def make_document(text: str, doc_id: str | None = None, **meta: Any) -> Document:
    """A Document from text; doc_id defaults to the first 16 hex digits of the content hash.

    Lone surrogates (JSON's "\\ud800", undecodable file names) become U+FFFD: they cannot be
    written as UTF-8, so they would fail later, at output or in the store."""
    text = normalise(text)
    try:
        digest = content_hash(text)
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
        digest = content_hash(text)
    meta = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in meta.items()}
    if doc_id is not None:
        doc_id = _SURROGATE.sub("\ufffd", doc_id)
    return Document(doc_id=doc_id or digest[:16], text=text, content_hash=digest, **meta)


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
    text = normalise(text)
    if format == "text":
        meta = metadata_line(text)
        if meta is not None and published is None and publisher is None and aggregator is None:
            published, aggregator, publisher = meta
        if title is None:
            title = plain_title(text, skip_first=meta is not None)
    return make_document(
        text, doc_id, name=name, path=path, published=published, publisher=publisher,
        aggregator=aggregator, title=title, url=url, format=format,
    )  # fmt: skip
