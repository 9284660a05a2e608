"""Progress on stderr: a tqdm bar on a terminal, a plain line every few seconds elsewhere,
per-document detail with -v, and the input counts that give the bar its total."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook.cli.main import cli
from tollbook.cli.progress import Progress
from tollbook.ingest.counting import KNOWN_SUFFIXES, count_documents
from tollbook.ingest.documents import IngestOptions
from tollbook.ingest.sources import EXTENSIONS, read_sources


class Clock:
    """A clock the test moves by hand: no sleeping."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_every_few_seconds_with_total_rate_and_time_left() -> None:
    clock, out = Clock(), io.StringIO()
    with Progress("ingest", 20, out, tty=False, every=5, clock=clock) as progress:
        for i in range(12):
            clock.now += 1.0  # one document a second
            progress.update(i)
    lines = out.getvalue().splitlines()
    assert lines == [
        "ingest: 5/20 documents (25%), 1.0/s, 0:00:15 left",
        "ingest: 10/20 documents (50%), 1.0/s, 0:00:10 left",
        "ingest: 12 documents in 0:00:12 (1.0/s)",
    ]


def test_unknown_total_shows_count_and_rate_without_eta() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress("extract", None, out, tty=False, every=2, clock=clock)
    for i in range(4):
        clock.now += 0.5
        progress.update(i)
    progress.close()
    assert out.getvalue().splitlines() == ["extract: 4 documents, 2.0/s", "extract: 4 documents in 0:00:02 (2.0/s)"]


def test_a_short_run_writes_nothing() -> None:
    clock, out = Clock(), io.StringIO()
    with Progress("tally", 3, out, tty=False, every=10, clock=clock) as progress:
        for i in range(3):
            progress.update(i)
    assert out.getvalue() == ""


def test_terminal_gets_a_tqdm_bar_with_total_and_rate() -> None:
    out = io.StringIO()
    with Progress("ingest", 3, out, tty=True) as progress:
        for i in range(3):
            progress.update(i)
    text = out.getvalue()
    assert "ingest: 100%" in text and "3/3" in text and "doc/s" in text
    assert "documents (" not in text  # no plain lines on a terminal


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i}.txt").write_text(f"Gunmen killed {i + 2} villagers in Marren.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["extract", "tally", "ingest"])
def test_cli_progress_lines_and_verbose_detail_stay_off_stdout(tmp_path: Path, command: str) -> None:
    folder = _folder(tmp_path, 3)
    args = ["-v", command, str(folder), "--progress-every", "0"]
    if command == "ingest":
        args += ["--db", str(tmp_path / "t.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        json.loads(line)  # stdout stays machine-readable
    err = result.stderr
    assert f"{command}: 3/3 documents (100%)" in err
    assert "d0.txt: 1 claim(s)" in err and "d2.txt: 1 claim(s)" in err  # -v: per document
    quiet = CliRunner().invoke(cli, args[1:])
    assert "claim(s)" not in quiet.stderr.replace("3 claim(s) into", "")  # without -v: no detail
    assert f"{command}: 3/3 documents" in quiet.stderr


def test_counts_match_what_is_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "notes.xyz").write_text("skipped", encoding="utf-8")
    table = folder / "rows.jsonl"
    table.write_text('{"text": "One was killed."}\n\n{"text": "Two were killed."}\n{"text": "x"}', encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('text,id\n"Three were\nkilled.",a\n\n"Four were killed.",b\n', encoding="utf-8")
    paths = [str(folder), str(sheet)]
    assert count_documents(paths) == 4 + 3 + 2
    assert count_documents(paths) == sum(1 for _ in read_sources(paths, IngestOptions()))


def test_uncountable_inputs_give_no_total(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss></rss>", encoding="utf-8")
    assert count_documents([str(feed)]) is None
    assert count_documents(["-"]) is None
    assert count_documents([str(tmp_path / "missing.txt")]) == 1  # one failure


def test_counting_knows_every_reader_extension() -> None:
    assert set(EXTENSIONS) == KNOWN_SUFFIXES
