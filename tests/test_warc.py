"""WARC input: HTML responses become documents, the rest is skipped and counted, broken
records cost one line naming the file and offset, and reading goes on."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tollbook import api
from tollbook.cli.main import cli
from tollbook.ingest.sources import IngestFailure, IngestOptions
from tollbook.ingest.warc import WarcCounts, read_warc_bytes, read_warc_file
from tollbook.model import Document

ARTICLE = """<!doctype html><html lang="en"><head><title>Shelling in {place}</title></head>
<body><nav>Home | World | Sport</nav><article><h1>Shelling in {place}</h1>
<p>At least {n} people were killed in the shelling of {place} on Tuesday, the Valdorian
Health Ministry said in a statement.</p>
<p>Rescue teams were still searching the rubble late into the night, officials added.</p>
</article><footer>Copyright Port Castellan Courier</footer></body></html>"""


def _page(place: str, n: int, encoding: str = "utf-8") -> bytes:
    return ARTICLE.format(place=place, n=n).encode(encoding)


def _write(out: io.BytesIO, writer: WARCWriter, uri: str, payload: bytes, *,
           status: str = "200 OK", ctype: str | None = "text/html; charset=utf-8",
           kind: str = "response") -> int:  # fmt: skip
    """Append one record; return its offset."""
    offset = out.tell()
    headers = [("Content-Type", ctype)] if ctype else []
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1") if kind == "response" else None
    if kind == "request":
        http = StatusAndHeaders(
            f"GET {uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True
        )
    record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http)
    writer.write_record(record)
    return offset


def _archive(gzip: bool = True) -> tuple[bytes, list[int]]:
    """A small crawl: 3 HTML pages, a 404, an image, a request, a latin-1 page."""
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gzip)
    offsets = [
        _write(out, w, "https://courier.example/a", _page("Lorsk", 14)),
        _write(out, w, "https://courier.example/a", b"", kind="request"),
        _write(out, w, "https://courier.example/gone", _page("Pell", 3), status="404 Not Found"),
        _write(out, w, "https://courier.example/i.png", b"\x89PNG\r\n\x1a\n", ctype="image/png"),
        _write(out, w, "https://courier.example/b", _page("Sorel", 27)),
        _write(
            out,
            w,
            "https://courier.example/c",
            _page("Drevna Pré", 5, "latin-1"),
            ctype="text/html; charset=ISO-8859-1",
        ),  # fmt: skip
        _write(out, w, "https://courier.example/d", _page("Ardel", 8), ctype=None),
    ]
    return out.getvalue(), offsets


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_documents(gzip: bool) -> None:
    data, _ = _archive(gzip)
    counts = WarcCounts()
    items = list(read_warc_bytes(data, "crawl.warc", name="crawl.warc", counts=counts))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"https://courier.example/{c}" for c in "abcd"]
    assert (counts.documents, counts.not_200, counts.not_html, counts.other_records) == (4, 1, 1, 1)
    assert counts.broken == 0 and not [i for i in items if isinstance(i, IngestFailure)]
    assert all(d.format == "html" and "Home | World" not in d.text for d in docs)
    assert "Drevna Pré" in docs[2].text  # the header's charset decoded the page
    assert docs[0].name is not None and docs[0].name.startswith("crawl.warc:offset 0")


def test_claims_come_out_as_from_html() -> None:
    data, _ = _archive()
    docs = [d for d in read_warc_bytes(data, "x.warc.gz") if isinstance(d, Document)]
    values = [[c.value for c in e.claims if c.category == "killed"] for e in api.extract(docs)]  # type: ignore[union-attr]
    assert values == [[14.0], [27.0], [5.0], [8.0]]


def _damage(data: bytes, offsets: list[int], record: int) -> bytes:
    """Overwrite the start of one record with garbage."""
    start = offsets[record]
    return data[:start] + b"GARBAGE" * 4 + data[start + 28 :]


@pytest.mark.parametrize("gzip", [True, False])
def test_a_broken_record_costs_one_line_and_reading_goes_on(gzip: bool, tmp_path: Path) -> None:
    data, offsets = _archive(gzip)
    path = tmp_path / ("bad.warc.gz" if gzip else "bad.warc")
    path.write_bytes(_damage(data, offsets, 4))  # the "Sorel" page
    counts = WarcCounts()
    items = list(read_warc_file(path, counts))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert len(failures) == 1 and counts.broken >= 1
    assert failures[0].source == f"{path}:offset {offsets[4]}"
    assert "broken WARC record" in failures[0].message and "\n" not in failures[0].message
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"https://courier.example/{c}" for c in "acd"]


def test_truncated_archive_keeps_what_came_before(tmp_path: Path) -> None:
    data, offsets = _archive()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: offsets[5] + 40])
    items = list(read_warc_file(path))
    assert [i.url for i in items if isinstance(i, Document)] == [
        "https://courier.example/a", "https://courier.example/b"]  # fmt: skip
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert len(failures) == 1 and failures[0].source.endswith(f":offset {offsets[5]}")


def test_cli_reads_warc_files_and_directories(tmp_path: Path) -> None:
    data, offsets = _archive()
    (tmp_path / "crawl").mkdir()
    good = tmp_path / "crawl" / "good.warc.gz"
    good.write_bytes(data)
    bad = tmp_path / "crawl" / "bad.warc.gz"
    bad.write_bytes(_damage(data, offsets, 4))
    runner = CliRunner()
    one = runner.invoke(cli, ["tally", str(good)])
    assert one.exit_code == 0, one.output
    assert one.stdout.count('"killed"') == 4
    both = runner.invoke(cli, ["extract", str(tmp_path / "crawl"), "--jobs", "2"])
    assert both.exit_code == 1  # the broken record; the rest was read
    assert f"error: {bad}:offset {offsets[4]}: broken WARC record" in both.stderr
    assert len(both.stderr.strip().splitlines()) == 2  # one error line and the summary
    alone = [runner.invoke(cli, ["extract", str(p)]).stdout for p in (bad, good)]  # sorted order
    assert both.stdout == "".join(alone)
    assert both.stdout.count('"category": "killed"') == 3 + 4


def test_stdin_and_forced_format(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data, _ = _archive()
    runner = CliRunner()
    result = runner.invoke(cli, ["-v", "extract", "-", "--input-format", "warc"], input=data)
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"category": "killed"') == 4
    odd = tmp_path / "crawl.bin"
    odd.write_bytes(data)
    with caplog.at_level(logging.INFO, logger="tollbook.ingest.warc"):
        docs = list(api.read([odd], IngestOptions(format="warc")))
    assert sum(isinstance(d, Document) for d in docs) == 4
    assert "4 HTML document(s) read; skipped 1 non-200 and 1 non-HTML" in caplog.text


def test_not_a_warc_file(tmp_path: Path) -> None:
    fake = tmp_path / "notes.warc"
    fake.write_text("At least 3 people were killed.", encoding="utf-8")
    (failure,) = list(api.read([fake]))
    assert isinstance(failure, IngestFailure)
    assert failure.source == str(fake) and "not a WARC file" in failure.message
