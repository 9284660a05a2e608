"""Start-up guards that can fail without a stopwatch (issue 23): a one-document command on a
text file imports no format reader it does not use, and loads the grammar's patterns from the
pattern cache, not from source. Timings live in bench/startup.py.

Input: a text file and a fresh `tollbook extract` process -> the modules it imported and what
the pattern cache served."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tollbook.pipeline import Pipeline, Settings

from .conftest import ROOT
from .test_speed_guards import _loaded_after

#: The third-party readers of HTML, feeds, PDF and legacy encodings.
READERS = ("trafilatura", "feedparser", "pypdf", "charset_normalizer", "defusedxml", "lxml")


def test_extract_on_a_text_file_imports_no_format_reader(tmp_path: Path) -> None:
    doc = tmp_path / "one.txt"
    doc.write_text("Gunmen killed 12 people in Niamey on Monday, police said.\n", encoding="utf-8")
    status, modules = _loaded_after(["extract", str(doc)])
    assert status == 0
    assert "tollbook.extract.claims" in modules  # the probe sees the extraction stage load
    loaded = sorted(m for m in modules if m.split(".")[0] in READERS)
    assert not loaded, f"`tollbook extract one.txt` imported {loaded}: import them in their reader"


def test_the_readers_still_load_when_used(tmp_path: Path) -> None:
    page = tmp_path / "one.html"
    page.write_text("<html><body><p>Gunmen killed 12 people in Niamey on Monday, police said. "
                    "The attack came at dawn.</p></body></html>", encoding="utf-8")  # fmt: skip
    status, modules = _loaded_after(["extract", str(page)])
    assert status == 0 and "trafilatura" in modules


def test_a_second_process_reads_the_grammar_from_the_pattern_cache(tmp_path: Path) -> None:
    code = (
        "import json\n"
        "from tollbook.pipeline import Pipeline\n"
        "c = Pipeline().patterns\n"
        "print(json.dumps([c.status, c.hits, c.misses]))\n"
    )
    env = {**os.environ, "TOLLBOOK_CACHE_DIR": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                      env=env, check=True).stdout) for _ in range(2)]  # fmt: skip
    (status1, _, misses1), (status2, hits2, misses2) = runs
    assert status1 == "missing" and misses1 > 300
    assert status2 == "read" and misses2 == 0 and hits2 >= misses1
    assert len(list(tmp_path.glob("patterns-*.marshal"))) == 1


def test_settings_cache_dir_holds_both_start_up_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(tmp_path / "env"))
    rows = tmp_path / "g.tsv"
    rows.write_text(
        "# test gazetteer; fold=1\n"
        "geonameid\tname\tasciiname\talternatenames\tcountry\tfeature\tlat\tlon\tpopulation\tadmin1\n"
        "1\tTartar\tTartar\t\tAZ\tPPLA\t40.34\t46.93\t20000\t71\n",
        encoding="utf-8",
    )
    chosen = tmp_path / "chosen"
    pipeline = Pipeline(Settings(gazetteer_path=rows, cache_dir=chosen))
    assert pipeline.gazetteer is not None and pipeline.gazetteer.resolve("Tartar") is not None
    assert pipeline.patterns.path.parent == chosen
    assert len(list(chosen.glob("gazetteer-*.marshal"))) == 1
    assert not (tmp_path / "env").exists()


def test_the_start_up_settings_and_bench_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("Settings.pattern_cache", "Settings.cache_dir", "TOLLBOOK_CACHE_DIR", "bench/startup.py"):
        assert name in readme, f"README does not document {name}"


def test_a_forking_pool_imports_the_stages_before_it_forks(tmp_path: Path) -> None:
    # Workers forked after the parent imported the extraction stage inherit it; imported in
    # each worker instead, every --jobs run pays the grammar's import once per worker.
    code = (
        "import sys\n"
        "from tollbook.ingest.documents import document_from_text\n"
        "from tollbook.run import parallel\n"
        "if parallel._context().get_start_method() != 'fork':\n"
        "    print('no fork'); sys.exit(0)\n"
        "docs = [document_from_text('Gunmen killed 12 people in Niamey.', name=str(i)) for i in range(4)]\n"
        "out = list(parallel.extract_parallel(docs, jobs=2, chunk_size=1))\n"
        "print(len(out), 'tollbook.extract.claims' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "TOLLBOOK_CACHE_DIR": str(tmp_path)}, check=True)  # fmt: skip
    if done.stdout.strip() == "no fork":
        pytest.skip("this platform's pool does not fork")
    assert done.stdout.split() == ["4", "True"]
