"""Tests for tollbook.ingest.sources: every format, identity, metadata, failures and batch behaviour."""

from __future__ import annotations

import hashlib
import io
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook import FieldError, UnreadableInputError, UnsupportedFormatError
from tollbook.ingest.sources import (
    IngestFailure,
    IngestOptions,
    document_from_text,
    read_path,
    read_sources,
)
from tollbook.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def docs(items: Iterable[Document | IngestFailure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures(items: Iterable[Document | IngestFailure]) -> list[IngestFailure]:
    return [item for item in items if isinstance(item, IngestFailure)]


def one(path: str | Path, options: IngestOptions | None = None) -> Document:
    items = list(read_path(path, options or IngestOptions()))
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


def make_pdf(text: str = "12 people were killed in Valdoria", title: str | None = None) -> bytes:
    """A minimal one-page PDF with a Helvetica text stream and a correct xref table."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if title is not None:
        objects.append(b"<< /Title (" + title.encode("latin-1") + b") >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    info = b" /Info %d 0 R" % len(objects) if title is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- plain text, metadata line, identity ----------------------------------------------------


def test_metadata_line_sets_published_aggregator_publisher_and_stays_in_text() -> None:
    path = FIXTURES / "wire_report.txt"
    doc = one(path)
    assert doc.published == "2024-03-05"
    assert doc.aggregator == "MENAFN"
    assert doc.publisher == "Valdoria Courier"
    assert doc.text == path.read_text(encoding="utf-8")  # kept exactly, metadata line included
    assert doc.text.startswith(" date 2024-03-05 (MENAFN- Valdoria Courier)\n")
    assert doc.name == "wire_report.txt" and doc.path == str(path)
    assert doc.format == "text" and doc.title is None and doc.language is None


@pytest.mark.parametrize(
    ("line", "published", "aggregator", "publisher"),
    [
        ("date Feb 26, 2024 (Norvane Daily)", "2024-02-26", None, "Norvane Daily"),
        ("  2024-02-26", "2024-02-26", None, None),
        ("date 9 May 2020 (Wire- Al-Castellan Times)", "2020-05-09", "Wire", "Al-Castellan Times"),
        ("Twelve people were killed (officials)", None, None, None),
        ("date 2024-02-30 (Norvane Daily)", None, None, None),  # no such day: not metadata
    ],
)
def test_metadata_line_variants(
    line: str, published: str | None, aggregator: str | None, publisher: str | None
) -> None:
    doc = document_from_text(line + "\nThree people were wounded in Valdoria.\n")
    assert (doc.published, doc.aggregator, doc.publisher) == (published, aggregator, publisher)


def test_caller_metadata_wins_over_metadata_line() -> None:
    doc = document_from_text(
        "date 2024-02-26 (MENAFN- AzerNews)\nText.\n", publisher="Given", published="2024-01-01"
    )
    assert (doc.publisher, doc.published, doc.aggregator) == ("Given", "2024-01-01", None)


def test_short_first_line_before_blank_line_is_the_title() -> None:
    doc = one(FIXTURES / "headline.txt")
    assert doc.title == "Floods in the Ostrava Hills"
    assert doc.text.startswith("Floods in the Ostrava Hills\n\n")
    # a sentence, or a first line not followed by a blank line, is no title
    assert document_from_text("Three were killed.\n\nMore text.\n").title is None
    assert document_from_text("Short line\nnext line\n\nmore\n").title is None


def test_content_hash_identity(tmp_path: Path) -> None:
    text = "Six people were detained in Port Castellan on Friday.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "c.txt").write_text(text.replace("Six", "Sixteen"), encoding="utf-8")
    first, again, other_name, different = (
        one(tmp_path / "a.txt"),
        one(tmp_path / "a.txt"),
        one(tmp_path / "b.txt"),
        one(tmp_path / "c.txt"),
    )
    assert first.content_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert first.doc_id == first.content_hash[:16]
    assert first.doc_id == again.doc_id == other_name.doc_id
    assert other_name.name == "b.txt"
    assert different.doc_id != first.doc_id
    assert document_from_text(text).doc_id == first.doc_id  # same id from a string


def test_crlf_and_bom_are_normalised_but_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf  Line one  \r\n\r\n\tIndented line\r\n")
    doc = one(path)
    assert doc.text == "  Line one  \n\n\tIndented line\n"
    assert doc.doc_id == document_from_text("  Line one  \n\n\tIndented line\n").doc_id


def test_legacy_encoding_is_decoded(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "legacy.txt"
    text = "Le café du port était fermé après les bombardements à Port Castellan."
    path.write_bytes(text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="tollbook.ingest.sources"):
        doc = one(path)
    assert doc.text == text
    assert "not UTF-8" in caplog.text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Nine people were injured in Norvane.\n".encode("utf-16"))
    assert one(path).text == "Nine people were injured in Norvane.\n"


def test_binary_and_empty_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnreadableInputError, match="looks binary") as err:
        list(read_path(binary))
    assert err.value.source == str(binary)
    for content in (b"", b"  \n\t\n"):
        empty = tmp_path / "empty.txt"
        empty.write_bytes(content)
        with pytest.raises(UnreadableInputError, match="empty"):
            list(read_path(empty))


# --- HTML -----------------------------------------------------------------------------------


def test_html_boilerplate_removed_metadata_kept() -> None:
    doc = one(FIXTURES / "article.html")
    assert doc.format == "html"
    assert "Twelve people were killed and 30 wounded" in doc.text
    assert "Subscribe" not in doc.text and "World desk" not in doc.text  # nav
    assert "Copyright" not in doc.text and "cookie" not in doc.text  # footer
    assert doc.title == "Shelling in Port Castellan"
    assert doc.publisher == "Valdoria Courier"
    assert doc.published == "2024-03-05"
    assert doc.url == "https://courier.example/port-castellan-shelling"
    assert doc.language == "en"
    assert doc.doc_id == hashlib.sha256(doc.text.encode()).hexdigest()[:16]


def test_html_without_main_text_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title><script>var a = 1;</script></head></html>")
    with pytest.raises(UnreadableInputError, match="no main text") as err:
        list(read_path(path))
    assert err.value.source == str(path)


# --- feeds ----------------------------------------------------------------------------------


def test_rss_feed_yields_one_document_per_entry() -> None:
    items = docs(read_path(FIXTURES / "feed.rss"))
    assert len(items) == 2
    first, second = items
    assert first.text == (
        "Clashes in the Ostrava Hills\n\nThree soldiers were killed in clashes near the "
        "border, the defence ministry said.\n\nTwo others were wounded."
    )
    assert first.title == "Clashes in the Ostrava Hills"
    assert first.published == "2024-03-05" and second.published == "2024-03-06"
    assert first.url == "https://wire.example/ostrava-clashes"
    assert first.publisher == "Valdoria Wire" and first.language == "en"
    assert first.format == "rss" and first.doc_id != second.doc_id


def test_atom_feed() -> None:
    (doc,) = docs(read_path(FIXTURES / "feed.atom"))
    assert doc.text == (
        "Evacuations along the Veloria river\n\nMore than 1,500 people were evacuated from "
        "villages along the Veloria river, officials said."
    )
    assert doc.publisher == "Norvane Monitor"
    assert doc.published == "2024-04-02"
    assert doc.url == "https://monitor.example/veloria-evacuations"
    assert doc.language == "en"


def test_entity_bomb_feed_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match=r"refused: the feed declares XML entities"):
        list(read_path(FIXTURES / "bomb.xml"))


def test_external_entity_in_malformed_feed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.rss"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><title>&x;</title></item>"  # unclosed: not well-formed
    )
    with pytest.raises(UnreadableInputError, match="refused"):
        list(read_path(path))


def test_feed_without_entries_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "none.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    with pytest.raises(UnreadableInputError, match="no entries"):
        list(read_path(path))
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text("not xml at all, just words")
    with pytest.raises(UnreadableInputError):
        list(read_path(sitemap))


# --- PDF ------------------------------------------------------------------------------------


def test_hand_built_pdf_is_read(tmp_path: Path) -> None:
    data = make_pdf(title="Valdoria situation report")
    assert pypdf.PdfReader(io.BytesIO(data), strict=True).pages[0].extract_text() == (
        "12 people were killed in Valdoria"
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    doc = one(path)
    assert doc.text == "12 people were killed in Valdoria"
    assert doc.title == "Valdoria situation report"
    assert doc.format == "pdf" and doc.publisher is None


def test_truncated_pdf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    data = make_pdf()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableInputError, match="truncated") as err:
        list(read_path(path))
    assert err.value.source == str(path)


def test_pdf_without_text_and_encrypted_pdf(tmp_path: Path) -> None:
    blank = tmp_path / "scan.pdf"
    blank.write_bytes(make_pdf(text=""))
    with pytest.raises(UnreadableInputError, match="no text layer; OCR it first"):
        list(read_path(blank))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(buffer.getvalue())
    with pytest.raises(UnreadableInputError, match="password-protected"):
        list(read_path(locked))


# --- tables ---------------------------------------------------------------------------------


def test_jsonl_rows_with_id_date_title_url_and_row_failures() -> None:
    options = IngestOptions(
        text_field="body", id_field="id", date_field="day", title_field="headline", url_field="link"
    )
    items = list(read_path(FIXTURES / "rows.jsonl", options))
    assert [type(i).__name__ for i in items] == [
        "Document", "Document", "IngestFailure", "IngestFailure", "Document"
    ]  # fmt: skip
    r1, r2, bad_json, no_body, r5 = items
    assert isinstance(r1, Document) and isinstance(r2, Document) and isinstance(r5, Document)
    assert (r1.doc_id, r2.doc_id, r5.doc_id) == ("r1", "r2", "r5")
    assert (r1.published, r2.published, r5.published) == ("2020-05-09", "2020-05-10", "2020-05-12")
    assert r1.title == "Port Castellan" and r1.url == "https://wire.example/r1"
    assert r1.text == "Five civilians were wounded in Port Castellan."
    assert r1.content_hash == hashlib.sha256(r1.text.encode()).hexdigest()
    assert r1.format == "jsonl" and r1.name == "rows.jsonl:line 1"
    assert isinstance(bad_json, IngestFailure) and bad_json.source.endswith("rows.jsonl:line 3")
    assert "invalid JSON" in bad_json.message
    assert isinstance(no_body, IngestFailure) and isinstance(no_body.error, FieldError)
    assert no_body.source.endswith("rows.jsonl:line 4")
    assert "no field 'body'" in no_body.message and "--text-field one of: id, notes" in (
        no_body.message
    )


def test_jsonl_without_id_field_uses_content_hash() -> None:
    (first, *_) = docs(read_path(FIXTURES / "rows.jsonl", IngestOptions(text_field="body")))
    assert first.doc_id == hashlib.sha256(first.text.encode()).hexdigest()[:16]


def test_wrong_text_field_is_one_whole_file_field_error() -> None:
    with pytest.raises(FieldError) as err:
        list(read_path(FIXTURES / "rows.jsonl"))  # default "text"
    message = str(err.value)
    assert "rows.jsonl" in message and "line 1" in message and "'text'" in message
    assert "use --text-field one of: id, body, day, headline, link" in message
    with pytest.raises(FieldError, match=r"no column 'text'.*use --text-field one of: event_id"):
        list(read_path(FIXTURES / "events.csv"))


def test_csv_rows_ids_dates_and_ragged_row() -> None:
    options = IngestOptions(text_field="notes", id_field="event_id", date_field="event_date")
    items = list(read_path(FIXTURES / "events.csv", options))
    assert [i.doc_id if isinstance(i, Document) else "FAIL" for i in items] == [
        "E-1", "E-2", "FAIL", "E-4"
    ]  # fmt: skip
    e1 = items[0]
    assert isinstance(e1, Document)
    assert e1.text == "Four people were killed in Port Castellan, officials said."
    assert e1.published == "2020-05-09" and e1.format == "csv" and e1.name == "events.csv:row 1"
    ragged = items[2]
    assert isinstance(ragged, IngestFailure) and ragged.source.endswith("events.csv:row 3")
    assert "5 fields but the header 3" in ragged.message
    (tsv,) = docs(read_path(FIXTURES / "events.tsv", IngestOptions(text_field="notes")))
    assert tsv.text == "Nine people were displaced in Valdoria."


def test_same_row_text_without_id_field_gives_same_doc_id(tmp_path: Path) -> None:
    path = tmp_path / "dupes.csv"
    path.write_text("text\nThe same sentence about Norvane.\nThe same sentence about Norvane.\n")
    a, b = docs(read_path(path))
    assert a.doc_id == b.doc_id == document_from_text("The same sentence about Norvane.").doc_id


# --- directories, batches, formats, stdin ---------------------------------------------------


def test_directory_recursion_with_bad_file_in_the_middle(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "corpus"
    (root / "b_sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Four people were killed in Valdoria.\n")
    (root / "b_sub" / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    (root / "b_sub" / "deeper" / "c.md").write_text("Two people were wounded in Norvane.\n")
    shutil.copy(FIXTURES / "feed.rss", root / "b_sub" / "d.rss")
    (root / "e.docx").write_bytes(b"PK\x03\x04")
    (root / ".hidden" / "x.txt").write_text("Hidden directory.\n")
    (root / ".dotfile.txt").write_text("Hidden file.\n")
    with caplog.at_level(logging.WARNING, logger="tollbook.ingest.sources"):
        items = list(read_path(root))
    names = [i.name if isinstance(i, Document) else f"FAIL {i.source}" for i in items]
    assert names == [
        "a.txt",
        f"FAIL {root / 'b_sub' / 'bad.txt'}",
        "d.rss:entry 1",  # sorted by path parts: b_sub/d.rss before b_sub/deeper/
        "d.rss:entry 2",
        "c.md",
    ]
    assert "looks binary" in failures(items)[0].message
    assert "e.docx" in caplog.text  # skipped with a warning


def test_read_sources_never_raises_and_keeps_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Eight people were evacuated from Port Castellan.\n")
    unknown = tmp_path / "notes.docx"
    unknown.write_bytes(b"PK")
    items = list(read_sources([tmp_path / "missing.txt", unknown, good, FIXTURES / "bomb.xml"]))
    assert [type(i).__name__ for i in items] == [
        "IngestFailure", "IngestFailure", "Document", "IngestFailure"
    ]  # fmt: skip
    missing, unsupported, bomb = failures(items)
    assert missing.source == str(tmp_path / "missing.txt")
    assert missing.message == "no such file; check the path"
    assert isinstance(unsupported.error, UnsupportedFormatError)
    assert "supported: .txt" in unsupported.message and "use --input-format to force one" in (
        unsupported.message
    )
    assert "refused" in bomb.message and "\n" not in bomb.message


def test_unknown_extension_named_explicitly_and_format_override(tmp_path: Path) -> None:
    path = tmp_path / "report.log"
    path.write_text("Three people were arrested in Norvane.\n")
    with pytest.raises(UnsupportedFormatError, match=r"\.log.*use --input-format to force one"):
        list(read_path(path))
    assert (
        one(path, IngestOptions(format="text")).text == "Three people were arrested in Norvane.\n"
    )
    with pytest.raises(UnsupportedFormatError, match="unknown format"):
        list(read_path(path, IngestOptions(format="docx")))
    html_as_text = one(FIXTURES / "article.html", IngestOptions(format="text"))
    assert html_as_text.text.startswith("<!DOCTYPE html>")


def test_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "page"
    shutil.copy(FIXTURES / "article.html", page)
    assert one(page).format == "html"
    plain = tmp_path / "README"
    plain.write_text("Nothing but words about Valdoria.\n")
    assert one(plain).format == "text"


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "fmt", "count"),
    [
        (b"Ten people were wounded in Port Castellan.\n", "text", 1),
        ((FIXTURES / "article.html").read_bytes(), "html", 1),
        ((FIXTURES / "feed.rss").read_bytes(), "rss", 2),
        (make_pdf(), "pdf", 1),
        (
            b"<p>Four houses were destroyed in Norvane, the mayor of the town said today.</p>",
            "html",
            1,
        ),
    ],
)
def test_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, count: int
) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(data))
    items = docs(read_path("-"))
    assert len(items) == count
    assert {d.format for d in items} == {fmt}
    assert all(d.path is None for d in items)


def test_stdin_with_forced_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(b'{"notes": "One person died in Valdoria."}\n'))
    (doc,) = docs(read_path("-", IngestOptions(format="jsonl", text_field="notes")))
    assert doc.text == "One person died in Valdoria." and doc.format == "jsonl"
    monkeypatch.setattr("sys.stdin", FakeStdin(b""))
    with pytest.raises(UnreadableInputError, match="empty") as err:
        list(read_path("-"))
    assert err.value.source == "<stdin>"


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_document_from_text_never_raises_and_is_stable(line: str) -> None:
    text = f"date {line} (Wire- Paper)\nSeven people were wounded in Valdoria.\n"
    doc = document_from_text(text)
    assert doc.text == text.removeprefix("\ufeff").replace("\r\n", "\n")
    assert doc.doc_id == document_from_text(text).doc_id
    assert doc.published is None or len(doc.published) == 10


def test_field_hint_lists_every_column_and_suggests_the_closest(tmp_path: Path) -> None:
    columns = [f"col{i:02d}" for i in range(30)] + ["Body_Text", "Published"]
    table = tmp_path / "wide.csv"
    table.write_text(",".join(columns) + "\n" + ",".join("x" for _ in columns) + "\n", encoding="utf-8")
    with pytest.raises(FieldError) as err:
        list(read_path(table, IngestOptions(text_field="body_text")))
    message = err.value.message
    assert "did you mean 'Body_Text'?" in message  # case-insensitive
    assert "use --text-field one of: " + ", ".join(columns) in message  # every column, none cut
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"ID": "a", "Story": "Two died."}\n', encoding="utf-8")
    with pytest.raises(FieldError, match=r"did you mean 'ID'\? use --id-field one of: ID, Story"):
        list(read_path(rows, IngestOptions(text_field="Story", id_field="id")))
    with pytest.raises(FieldError) as far:
        list(read_path(rows, IngestOptions(text_field="zzz")))
    assert "did you mean" not in far.value.message  # no suggestion when nothing is close


def test_skipped_rows_name_their_row_and_reason(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text('id,text\na1,Five were killed.\n,Six were killed.\na2\na3,"Seven were\n', encoding="utf-8")
    items = list(read_path(table, IngestOptions(id_field="id")))
    failures = [(i.source, i.message) for i in items if isinstance(i, IngestFailure)]
    assert failures == [
        (f"{table}:row 2", "row skipped: empty id (field 'id'); give it an id or leave out --id-field"),
        (f"{table}:row 3", "row skipped: truncated: the row has 1 fields but the header 2 (ends on line 4); "
                           "check its quoting and delimiters"),
        (f"{table}:row 4", "row skipped: truncated: a quoted field is not closed before the end of the file "
                           "(near line 5); fix the row"),
    ]  # fmt: skip
    lines = tmp_path / "t.jsonl"
    lines.write_text('{"id": "x", "text": "Two died."}\n{"id": " ", "text": "One died."}\n{"id": "y", "text": "Fo',
                     encoding="utf-8")  # fmt: skip
    bad = [i for i in read_path(lines, IngestOptions(id_field="id")) if isinstance(i, IngestFailure)]
    assert [(b.source, b.message.split(";")[0]) for b in bad] == [
        (f"{lines}:line 2", "row skipped: empty id (field 'id')"),
        (f"{lines}:line 3", "line skipped: truncated: invalid JSON (Unterminated string starting at, column 21)"),
    ]
