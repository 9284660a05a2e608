"""Pasted text, an uploaded file or a URL -> Documents -> stored extractions (api.ingest).

Uploaded and fetched bytes go through the same readers as the CLI (`tollbook.api.read`) via a
temporary file named with the upload's extension, so every input format behaves the same.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from tollbook import api
from tollbook.ingest.sources import EXTENSIONS, IngestFailure, document_from_text
from tollbook.model import Document
from tollbook.pipeline import Settings
from tollbook.store.database import Store
from tollbook.web.errors import BadRequest, PayloadTooLarge
from tollbook.web.security import fetch_url
from tollbook.web.settings import WebSettings
from tollbook.web.views import DATE_PATTERN as _DATE

_CONTENT_TYPES = (
    ("html", ".html"), ("xhtml", ".html"), ("pdf", ".pdf"), ("rss", ".xml"), ("atom", ".xml"),
    ("xml", ".xml"), ("csv", ".csv"), ("tab-separated", ".tsv"), ("ndjson", ".jsonl"),
    ("jsonl", ".jsonl"), ("text/plain", ".txt"), ("markdown", ".md"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class IngestRequest:
    """What a user gave: exactly one of text, upload (name + bytes) or url, plus metadata."""

    text: str = ""
    filename: str = ""
    data: bytes = b""
    content_type: str = ""
    url: str = ""
    title: str | None = None
    publisher: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """Stored documents (doc_id, title, claims) and per-source failures (source, message)."""

    documents: tuple[tuple[str, str | None, int], ...]
    failures: tuple[tuple[str, str], ...]


def _suffix(filename: str, content_type: str) -> str:
    """The reader's extension: the longest known one the name ends with ('.warc.gz' is one),
    else one from the content type."""
    name = PurePosixPath(filename).name.lower()
    known = [ext for ext in EXTENSIONS if name.endswith(ext)]
    if known:
        return max(known, key=len)
    ctype = content_type.lower()
    return next((s for key, s in _CONTENT_TYPES if key in ctype), "")


def _read_bytes(data: bytes, filename: str, content_type: str) -> list[Document | IngestFailure]:
    suffix = _suffix(filename, content_type)
    with tempfile.TemporaryDirectory(prefix="tollbook-upload-") as tmp:
        path = Path(tmp) / ("upload" + suffix)
        path.write_bytes(data)
        items = list(api.read([path]))
    name = PurePosixPath(filename).name or None
    out: list[Document | IngestFailure] = []
    for item in items:
        if isinstance(item, IngestFailure):
            message = item.message.replace(str(path), name or "upload")
            out.append(IngestFailure(source=name or "upload", message=message, error=item.error))
        else:
            out.append(replace(item, name=name, path=None))
    return out


def _documents(req: IngestRequest, settings: WebSettings) -> list[Document | IngestFailure]:
    given = [bool(req.text), bool(req.data or req.filename), bool(req.url)]
    if sum(given) != 1:
        raise BadRequest(
            "give exactly one of: pasted text, an uploaded file, a URL",
            hint="fill in one of the three fields",
        )
    size = len(req.text.encode("utf-8")) + len(req.data)
    if size > settings.max_upload_bytes:
        raise PayloadTooLarge(
            f"the input is {size} bytes, more than the limit of {settings.max_upload_bytes}",
            hint="send a smaller file or text, or start the server with a larger --max-upload-bytes",
        )
    if req.published and not _DATE.fullmatch(req.published):
        raise BadRequest(f"published {req.published!r} is not a date", hint="write YYYY-MM-DD")
    if req.text:
        return [document_from_text(
            req.text, title=req.title, publisher=req.publisher, published=req.published,
            name=req.title,
        )]  # fmt: skip
    if req.filename or req.data:
        if not req.data:
            raise BadRequest(
                f"the uploaded file {req.filename!r} is empty", hint="pick another file"
            )
        items = _read_bytes(req.data, req.filename, req.content_type)
    else:
        fetched = fetch_url(
            req.url, max_bytes=settings.max_upload_bytes, timeout=settings.fetch_timeout,
            allow_private=settings.allow_private_urls,
        )  # fmt: skip
        name = PurePosixPath(urlsplit(fetched.url).path).name
        items = [
            replace(i, url=i.url or fetched.url) if isinstance(i, Document) else i
            for i in _read_bytes(fetched.data, name, fetched.content_type)
        ]
    meta = {k: v for k, v in (("title", req.title), ("publisher", req.publisher),
                              ("published", req.published)) if v}  # fmt: skip
    return [replace(i, **meta) if isinstance(i, Document) and meta else i for i in items]


def run_ingest(store: Store, req: IngestRequest, settings: WebSettings) -> IngestOutcome:
    """Read, extract and store; a source that cannot be read is reported, not raised."""
    report = api.ingest(
        store, _documents(req, settings), Settings(gazetteer=settings.gazetteer), keep=True
    )
    docs = tuple(
        (e.document.doc_id, e.document.title or e.document.name, len(e.claims))
        for e in report.extractions
    )
    return IngestOutcome(
        documents=docs, failures=tuple((f.source, f.message) for f in report.failures)
    )
