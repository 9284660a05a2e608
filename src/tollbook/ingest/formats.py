"""Bytes of one source -> Documents: decoding, format sniffing, and the whole-file readers
(plain text, HTML, RSS/Atom, PDF). Tables (JSONL/CSV) are streamed by `tollbook.ingest.tables`.

Input: the bytes of one file (or stdin), a source name for messages, and the name/path to
record. Output: a Document, or for feeds an iterator of Documents and `IngestFailure`s (one
per bad entry). A whole-file problem raises `UnreadableInputError` with `source` set and a
one-line message that says what happened and what to try.

The third-party readers (charset-normalizer, trafilatura, feedparser, pypdf, defusedxml) are
imported by the reader that needs them: a one-document text command does not pay their
~0.2 s of imports (README "Start-up").
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

from tollbook._exceptions import TollbookError, UnreadableInputError
from tollbook.ingest.documents import (
    IngestFailure,
    document_from_text,
    failure,
    iso_date,
    make_document,
    normalise,
    ymd,
)
from tollbook.model import Document

log = logging.getLogger("tollbook.ingest.sources")

BINARY_PROBE = 8192
_SAMPLE = 1 << 20  # bytes looked at to tell damaged UTF-8 from a legacy encoding
_HTML_PROBE = 8192

# Legacy encodings worth guessing for news text; DOS and Mac code pages only add false guesses.
LEGACY_ENCODINGS = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_2", "latin_1", "koi8_r", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]  # fmt: skip

#: Magic numbers of files that end up with a text extension, and what to do about them.
_MAGIC = (
    (b"%PDF-", "it is a PDF: name it .pdf or pass --input-format pdf"),
    (b"\x89PNG", "it is a PNG image: tollbook reads text, not images (OCR it first)"),
    (b"\xff\xd8\xff", "it is a JPEG image: tollbook reads text, not images (OCR it first)"),
    (b"GIF8", "it is a GIF image: tollbook reads text, not images"),
    (b"PK\x03\x04", "it is a ZIP archive (.docx, .xlsx, .odt?): export it as text or PDF first"),
    (b"\x1f\x8b", "it is gzip-compressed: decompress it first (gunzip)"),
    (b"\xd0\xcf\x11\xe0", "it is an old Office document (.doc, .xls): export it as text first"),
)
_MAGIC_PREFIXES = tuple(magic for magic, _ in _MAGIC)
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

# ---------------------------------------------------------------------------------------------
# Bytes -> text


def binary_error(data: bytes, source: str) -> UnreadableInputError:
    """The error for bytes that are not text, naming the kind of file when it is known."""
    hint = next((h for magic, h in _MAGIC if data.startswith(magic)), None)
    if hint is not None:
        return UnreadableInputError(f"looks binary, not text: {hint}", source=source)
    return UnreadableInputError(
        "looks binary (NUL bytes), not text; pass a text, HTML, feed, PDF or table file",
        source=source,
    )


def utf16_without_bom(probe: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs fall on every other byte as in mostly-Latin UTF-16."""
    even, odd = probe[0::2], probe[1::2]
    if len(probe) < 4 or len(probe) % 2:
        return None
    for encoding, nuls, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls.count(0) >= 0.9 * len(nuls) and chars.count(0) == 0:
            return encoding
    return None


def decode(data: bytes, source: str) -> str:
    """Bytes -> text: UTF-8 (BOM or not), UTF-16/32 with a BOM or UTF-16 without one, UTF-8
    with a few damaged bytes (replaced by U+FFFD), else a guessed legacy encoding."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif data.startswith(_MAGIC_PREFIXES):
        raise binary_error(data, source)  # e.g. a PDF without NUL bytes named .txt
    elif b"\x00" in data[:BINARY_PROBE]:
        wide = utf16_without_bom(data[: BINARY_PROBE - BINARY_PROBE % 2])
        if wide is None:
            raise binary_error(data, source)
        text = data.decode(wide, errors="replace")
        log.warning("%s: decoded as %s (no byte-order mark): add one or convert to UTF-8",
                    source, wide)  # fmt: skip
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _decode_damaged(data, exc, source)
    if not text or text.isspace():
        raise UnreadableInputError("empty (only whitespace); nothing to read", source=source)
    return normalise(text)


def mostly_utf8(sample: bytes) -> bool:
    """Whether bytes that fail as UTF-8 are UTF-8 with a few damaged bytes: valid multi-byte
    sequences outnumber the invalid ones. Legacy text has almost no valid UTF-8 pairs."""
    bad = sample.decode("utf-8", errors="replace").count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    good = sum(1 for _ in _UTF8_SEQ.finditer(sample))
    return good >= 2 * max(bad, 1)


def _decode_damaged(data: bytes, exc: UnicodeDecodeError, source: str) -> str:
    start = max(0, exc.start - _SAMPLE // 2)
    if mostly_utf8(data[start : start + _SAMPLE]):
        log.warning("%s: invalid UTF-8 bytes (first at byte %d) replaced by U+FFFD; "
                    "check the file's encoding", source, exc.start)  # fmt: skip
        return data.decode("utf-8-sig", errors="replace")
    if looks_binary(data[:_SAMPLE]):
        raise UnreadableInputError(
            "looks binary (control bytes, invalid UTF-8), not text; pass a text, HTML, feed, "
            "PDF or table file",
            source=source,
        )
    encoding, text = guess_legacy(data)
    log.warning("%s: not UTF-8; decoded as %s (a guess): convert to UTF-8 to be sure",
                source, encoding)  # fmt: skip
    return text


#: C0 control bytes no text file holds (tab, line feed, vertical tab, form feed, carriage
#: return, SUB and escape are left out: old text and terminal logs have them).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1a\x1b") + b"\x7f"
#: Share of control bytes above which bytes that are not UTF-8 are binary, not legacy text:
#: random bytes have about 10 %, text in any legacy encoding close to none.
_CONTROL_SHARE = 0.01


def looks_binary(sample: bytes) -> bool:
    """Whether bytes (already known not to be UTF-8) are binary rather than legacy text."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > _CONTROL_SHARE * len(sample)


def guess_legacy(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess among common legacy encodings. Short Western text ties
    between cp1250 and cp1252 (it has no evidence either way); ties go to cp1252."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS))
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


def sniff(data: bytes) -> str:
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


def read_text(data: bytes, source: str, name: str | None, path: str | None) -> Document:
    return document_from_text(decode(data, source), name=name, path=path)


_HTML_ROOT = re.compile(r"<(?:html|body)\b", re.I)
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I
)


def read_html(data: bytes, source: str, name: str | None, path: str | None) -> Document:
    import trafilatura
    from trafilatura.settings import Document as TrafilaturaDocument

    page = decode(data, source)
    if not _HTML_ROOT.search(page[:_HTML_PROBE]):
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
            "no main text found in the HTML (only navigation or scripts, or nested too deeply?); "
            "if the page is built by JavaScript save the rendered page, or pass --input-format "
            "text",
            source=source,
        )
    lang = _HTML_LANG.search(page[:_HTML_PROBE])
    return make_document(
        body, name=name, path=path, url=result.url, title=result.title,
        publisher=result.sitename or result.hostname, published=iso_date(result.date or ""),
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
    import defusedxml
    from defusedxml import ElementTree as SafeElementTree

    try:
        SafeElementTree.fromstring(data)
    except defusedxml.DefusedXmlException as exc:
        raise refusal from exc
    except (ParseError, ValueError, LookupError):
        # not well-formed: feedparser's lenient parser may still cope, but look for entities
        if re.search(rb"<!ENTITY", data, re.I):
            raise refusal from None


def read_feed(
    data: bytes, source: str, name: str | None, path: str | None
) -> Iterator[Document | IngestFailure]:
    import feedparser

    _refuse_entities(data, source)
    # bytes wrapped in a stream: feedparser treats a bare string as a URL or a file name
    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            why = " ".join(str(parsed.get("bozo_exception")).split())
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
            yield failure(UnreadableInputError(
                "feed entry has neither a title nor text; skipped", source=f"{source}:entry {n}"
            ))  # fmt: skip
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        language = (entry.get("title_detail") or {}).get("language") or feed_language
        yield make_document(
            text, name=f"{name}:entry {n}" if name else None, path=path, title=title,
            url=_str_or_none(entry.get("link")), publisher=publisher, format="rss",
            language=_str_or_none(language),
            published=ymd(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
        )  # fmt: skip


def read_pdf(data: bytes, source: str, name: str | None, path: str | None) -> Document:
    import pypdf
    from pypdf.errors import DependencyError

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
        why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise UnreadableInputError(f"PDF could not be read ({why}); {hint}", source=source) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableInputError(
            "the PDF has no text layer; OCR it first (scanned pages? e.g. ocrmypdf in out)",
            source=source,
        )
    return make_document(text, name=name, path=path, title=_str_or_none(title), format="pdf")


def _str_or_none(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None
