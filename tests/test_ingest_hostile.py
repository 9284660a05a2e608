"""Issue 22, hostile files and stores: special files and symlinks, a decompression bomb in a
WARC, unbroken text, binary bytes without NULs, control characters in file names, a damaged
or read-only database, and a full disk that must stop the batch at its first error."""

from __future__ import annotations

import io
import os
import sqlite3
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tollbook import api
from tollbook._exceptions import StoreError, UnreadableInputError
from tollbook.extract.segment import MAX_SENTENCE, segment, sentences
from tollbook.ingest import warc
from tollbook.ingest.documents import printable
from tollbook.ingest.formats import decode
from tollbook.ingest.sources import IngestFailure, document_from_text, read_path, read_sources
from tollbook.model import Document
from tollbook.pipeline import Settings
from tollbook.store import backends
from tollbook.store.backends import StoreIOError
from tollbook.store.database import Store

REPORT = "At least 12 people were killed in Norvane on Monday, the ministry said.\n"


def _split(items: list[Document | IngestFailure]) -> tuple[list[Document], list[IngestFailure]]:
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, IngestFailure)])  # fmt: skip


def test_a_fifo_in_a_directory_is_refused_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes it: reading it would block for ever
    docs, failures = _split(list(read_sources([tmp_path])))
    assert len(docs) == 1
    assert len(failures) == 1 and "named pipe" in failures[0].message


def test_a_device_given_directly_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")  # would grow to gigabytes
    with pytest.raises(UnreadableInputError, match="character device"):
        list(read_path(link))


def test_symlinks_out_of_the_directory_are_not_followed(tmp_path: Path) -> None:
    inside = tmp_path / "in"
    inside.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" + REPORT)
    (inside / "a.txt").write_text(REPORT.replace("12", "13"))
    (inside / "passwd.txt").symlink_to(secret)
    (inside / "zero.txt").symlink_to("/dev/zero")
    (inside / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (inside / "same.txt").symlink_to(inside / "a.txt")  # inside the directory: read
    docs, failures = _split(list(read_sources([inside])))
    assert all("root:x" not in d.text for d in docs)
    assert len(docs) == 2  # a.txt and the link to it
    assert sorted(Path(f.source).name for f in failures) == ["dangling.txt", "passwd.txt", "zero.txt"]
    assert all("symbolic link" in f.message for f in failures)


def _warc(records: list[bytes]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i, page in enumerate(records):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")  # fmt: skip
        writer.write_record(writer.create_warc_record(
            f"https://news.example/{i}", "response", payload=io.BytesIO(page), http_headers=http
        ))  # fmt: skip
    return out.getvalue()


def test_a_warc_record_over_the_budget_is_skipped_in_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warc, "MAX_RECORD_BYTES", 1 << 20)
    bomb = b"<html><body><p>" + b"a" * (64 << 20) + b"</p></body></html>"
    page = f"<html><head><title>T</title></head><body><p>{REPORT}</p></body></html>".encode()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([bomb, page]))
    assert path.stat().st_size < 200_000  # 64 MB packed small
    warm = tmp_path / "warm.warc.gz"  # the HTML reader's imports are not the record's memory
    warm.write_bytes(_warc([page]))
    assert len(list(read_path(warm))) == 1
    tracemalloc.start()
    try:
        docs, failures = _split(list(read_path(path)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(docs) == 1 and "12 people" in docs[0].text
    assert len(failures) == 1 and "larger than" in failures[0].message
    assert peak < 16 << 20, peak  # the 64 MB record is never held whole


def test_unbroken_text_is_cut_into_bounded_sentences() -> None:
    words = "people were killed and wounded in the village of Norvane on Tuesday "
    text = (words * 2000)[:100_000]
    got = sentences(text)
    assert len(got) > 50
    assert all(len(s.text) <= MAX_SENTENCE for s in got)
    assert "".join(text[s.start : s.end] for s in got).replace(" ", "") == text.replace(" ", "")
    one = "x" * (3 * MAX_SENTENCE)  # one word longer than the limit is still cut
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences(one))


def test_written_sentences_are_not_cut() -> None:
    long_sentence = "On Monday " + ", ".join(["twelve people were killed"] * 60) + ".\n"
    assert len(long_sentence) < MAX_SENTENCE
    got = [s for s in segment(long_sentence) if s.kind == "sentence"]
    assert len(got) == 1 and got[0].text == long_sentence.strip()


def test_random_bytes_without_nul_are_refused_as_binary() -> None:
    data = bytes(b for b in os.urandom(20_000) if b)
    with pytest.raises(UnreadableInputError, match="looks binary"):
        decode(data, "noise.txt")
    legacy = "Zwölf Menschen wurden getötet, sagte das Ministerium. Café crème.\n" * 50
    assert "getötet" in decode(legacy.encode("cp1252"), "de.txt")


@pytest.mark.parametrize("name", ["evil\nline.txt", "red\x1b[31mtext.txt", "rtl\u202etxt.txt"])
def test_control_characters_in_file_names_are_escaped(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")  # empty: one failure naming the file
    (failure,) = list(read_sources([tmp_path]))
    assert isinstance(failure, IngestFailure)
    assert failure.source.isprintable() and failure.message.isprintable()
    assert printable(name) in failure.source


def _stored(db: Path, n: int) -> None:
    with Store.open(str(db)) as store:
        docs = [document_from_text(REPORT.replace("12", str(20 + i))) for i in range(n)]
        assert api.ingest(store, docs, Settings(gazetteer=False)).ok


def test_a_damaged_database_is_refused_before_any_write(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _stored(db, 30)
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(3 * page + 100, len(data) - page, page):  # flip bytes in every page
        data[offset : offset + 40] = bytes(b ^ 0xFF for b in data[offset : offset + 40])
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    with pytest.raises(StoreError, match=r"damaged|not a database|malformed"):
        Store.open(str(db))
    assert db.read_bytes() == before


def test_a_read_only_database_in_a_read_only_folder_can_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ro" / "t.db"
    db.parent.mkdir()
    _stored(db, 3)
    # Tests may run as root, for whom every file is writable: the check itself is replaced.
    monkeypatch.setattr(backends.os, "access", lambda path, mode: False)
    with Store.open(str(db)) as store:
        assert store.backend.read_only  # type: ignore[attr-defined]
        assert len(store.documents()) == 3
        with pytest.raises(StoreError, match="read-only"):
            store.save_document(document_from_text(REPORT.replace("12", "99")))


def test_a_full_disk_stops_the_batch_at_the_first_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "full.db"
    docs = [document_from_text((REPORT * 40).replace("12", str(100 + i))) for i in range(60)]
    with Store.open(str(db)) as store:
        pages = store.backend.query("PRAGMA page_count")[0]["page_count"]
        conn = store.backend._c()  # type: ignore[attr-defined]
        conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # the disk fills up soon
        with pytest.raises(StoreIOError, match="disk full"):
            api.ingest(store, docs, Settings(gazetteer=False))
        stored = len(store.documents())
    assert 0 < stored < 60
    assert "disk full" not in caplog.text  # raised once, not logged per remaining document
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
