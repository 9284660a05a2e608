"""Shared fixtures: one pipeline per session (the gazetteer loads once), ../shared paths, and a
fresh interpreter where some packages cannot be imported (an install without them)."""

from __future__ import annotations

import csv
import json
import logging
import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from tollbook.api import extract_text
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import extension
from tollbook.scan.extension import extension_class
from tollbook.scan.marks import EngineUnavailable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "tests" / "corpus"
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip saying why (the project must pass without it)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds, gold, external data) lives beside the "
                    "project checkout and is not part of it; clone it there to run this test")
    return path


_BLOCKER = """import sys
class _Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, _Blocked())
"""


def run_without(modules: Iterable[str], body: str, *, timeout: float,
                cwd: Path | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """`body` run by a fresh interpreter in which importing any of `modules` (top-level names)
    fails as on an install without them; `sys` is imported for it."""
    code = _BLOCKER.format(blocked=sorted(set(modules))) + body
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=cwd)


#: The files of ../shared/data that hold texts, for the differential tests (pre-filter, number
#: marks, misspellings, reading anchors): each asserts byte-identical output on their rows.
SHARED_TEXT_FILES = ["acled/acled-2020-global-sample.csv", "acled/acled-more-dev.jsonl", "gtd/gtd-dev.jsonl",
                     "rand/rand-dev.jsonl", "idetect/idetect-test.csv"]  # fmt: skip


def shared_texts(path: Path) -> Iterator[str]:
    """The texts of a ../shared/data file, row by row (JSONL `text`; CSV `notes` or `excerpt`)."""
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield row.get("notes") or row.get("excerpt") or ""


def sampled_shared_texts(name: str, every: int) -> list[str]:
    """Every `every`-th non-empty text of ../shared/data/`name` (every text with
    TOLLBOOK_DIFF_ALL=1), for the differential tests; the test is skipped when ../shared is absent."""
    path = SHARED / "data" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared lives beside the checkout)")
    step = 1 if os.environ.get("TOLLBOOK_DIFF_ALL") else every
    return [t for i, t in enumerate(shared_texts(path)) if i % step == 0 and t.strip()]


def claims_of(text: str, category: str = "killed") -> list[tuple[str, float]]:
    """(text, value) of each claim of `category` that tollbook reads in `text`, in text order: the
    reading most rule tests assert on."""
    return [(c.text, c.value) for c in extract_text(text).claims if c.category == category]


def best_of(text: str, category: str = "killed") -> float | None:
    """The tally's best figure of `category` for `text` (None when it has none)."""
    tally = extract_text(text).tally.get(category)
    return tally.best if tally is not None else None


def has_extension_class(name: str) -> bool:
    """Whether the compiled scanner is installed and built from this checkout's rust/ (it has the
    class `name`): the tests of a compiled engine run only then (`make rust`; CI builds it)."""
    try:
        extension_class(name, "")
    except EngineUnavailable:
        return False
    return True


def needs_extension_class(name: str) -> pytest.MarkDecorator:
    """Skip unless `has_extension_class(name)`."""
    return pytest.mark.skipif(
        not has_extension_class(name),
        reason=f"the tollbook_scan extension of this checkout (with {name}) is not installed: "
        "`make rust` builds it (CI does)",
    )


def assert_older_build_falls_back(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
                                  select: Callable[[str, extension.Notices], object], reference: object) -> None:  # fmt: skip
    """With an extension built before a stage's class, `select("auto", notices)` gives
    `reference` and says how to rebuild once per `notices` (a pipeline's: scan/extension.py);
    `select("compiled", notices)` refuses, saying the same."""
    monkeypatch.setitem(sys.modules, "tollbook_scan", types.SimpleNamespace(Triggers=object))
    notices = extension.Notices()
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        assert select("auto", notices) is reference
        assert select("auto", notices) is reference
    said = [r.getMessage() for r in caplog.records if r.name == "tollbook.scan"]
    assert len(said) == 1 and "make rust" in said[0] and "older" in said[0], said
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        assert select("auto", extension.Notices()) is reference  # another pipeline says it too
    assert len([r for r in caplog.records if r.name == "tollbook.scan"]) == 2
    with pytest.raises(EngineUnavailable, match="make rust"):
        select("compiled", extension.Notices())


def corpus_texts(*, heldout: bool = False) -> list[str]:
    """The "text" of every row of tests/corpus/*.jsonl, in file order; with `heldout`, of
    tests/corpus/heldout/ too."""
    paths = CORPUS.rglob("*.jsonl") if heldout else CORPUS.glob("*.jsonl")
    return [json.loads(line)["text"] for path in sorted(paths)
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip


def demo_texts() -> list[str]:
    """The demo's plain-text statements (src/tollbook/demo/*.txt), in name order."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src" / "tollbook" / "demo").glob("*.txt"))]


def path_outputs(texts: Sequence[str], scanner: str = "python") -> list[str]:
    """repr((claims, tally)) of each text through a fresh pipeline: what a differential test compares."""
    pipeline = Pipeline(Settings(scanner=scanner))
    return [repr((ex.claims, ex.tally)) for ex in (pipeline.run(document_from_text(t)) for t in texts)]


def assert_path_agrees(texts: Sequence[str], reference: Callable[[], AbstractContextManager[object]], *,
                       least_claims: int, scanners: Sequence[str] = ("python",),
                       outputs: Callable[[Sequence[str], str], list[str]] = path_outputs) -> list[str]:  # fmt: skip
    """The whole path gives the same claims and tallies for every text with the code as it is and
    inside `reference()` (the code before a move, swapped in), for each scanner; at least
    `least_claims` claims are read, so an empty run cannot pass. The one check every
    tests/test_scan_*.py differential test ends with; returns the last scanner's outputs."""
    got: list[str] = []
    for scanner in scanners:
        got = outputs(texts, scanner)
        assert sum(r.count("Claim(") for r in got) >= least_claims, f"{scanner}: too few claims read"
        with reference():
            want = outputs(texts, scanner)
        diff = [(t[:120], a, b) for t, a, b in zip(texts, want, got, strict=True) if a != b]
        assert not diff, f"{scanner}: {len(diff)} documents differ from the reference, first: {diff[0]}"
    return got
