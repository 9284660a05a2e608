"""Speed guards that can fail without a stopwatch: `tollbook --help` loads no heavy module, and
the work of extracting a long document grows linearly with its length (counted in executed
lines of tollbook code, which a loaded machine does not change). Timings live in
bench/throughput.py."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline

from .conftest import CORPUS, ROOT

#: Third-party readers, servers and engines, and tollbook's own extraction stages: none is
#: needed to print the help.
HEAVY = (
    "trafilatura", "feedparser", "pypdf", "charset_normalizer", "warcio", "lxml", "starlette",
    "uvicorn", "jinja2", "httpx", "pyarrow", "pyspark", "psycopg", "quantulum3",
    "tollbook.ingest.sources", "tollbook.ingest.formats", "tollbook.extract.grammar.lexicon", "tollbook.extract.counts",
    "tollbook.extract.claims", "tollbook.run.parallel", "tollbook.evaluation.runner",
)  # fmt: skip


def _loaded_after(args: list[str]) -> tuple[int, list[str]]:
    """Exit status and the modules executed by `tollbook ARGS` (a lazy module not yet used
    does not count)."""
    code = (
        "import json, sys\n"
        "from tollbook.cli.main import cli\n"
        "try:\n"
        f"    cli({args!r}, prog_name='tollbook')\n"
        "    code = 0\n"
        "except SystemExit as exc:\n"
        "    code = exc.code or 0\n"
        "loaded = [m for m, mod in sys.modules.items() if type(mod).__name__ != '_LazyModule']\n"
        "print(json.dumps([code, sorted(loaded)]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    status, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    return int(status), modules


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY]


def test_help_loads_no_heavy_module() -> None:
    status, modules = _loaded_after(["--help"])
    assert status == 0
    assert "click" in modules  # the probe does see imports
    assert not _heavy(modules), (
        f"`tollbook --help` imported {_heavy(modules)}: import them where used"
    )


def test_command_help_loads_no_heavy_module() -> None:
    status, modules = _loaded_after(["extract", "--help"])
    assert status == 0
    assert not _heavy(modules), f"`tollbook extract --help` imported {_heavy(modules)}"


def test_heavy_modules_still_load_when_used() -> None:
    """The lazy module really is the module: its functions are there on first use."""

    from tollbook.cli import main as cli

    evaluation = cli.evaluation
    assert isinstance(evaluation, types.ModuleType)
    assert callable(evaluation.run)
    assert "tollbook.evaluation.runner" in sys.modules


# ------------------------------------------------------------------------- linear cost


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def _lines_executed(pipeline: Pipeline, text: str) -> int:
    """Lines of tollbook code executed while extracting `text` (loops count per iteration)."""
    src = str(Path(__file__).resolve().parents[1] / "src" / "tollbook")
    count = 0

    def local(frame: types.FrameType, event: str, arg: object) -> object:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def on_call(frame: types.FrameType, event: str, arg: object) -> object:
        return local if frame.f_code.co_filename.startswith(src) else None

    _run_hooked(pipeline, text, sys.settrace, on_call)
    return count


def _run_hooked(pipeline: Pipeline, text: str, install: Callable[[Any], None], hook: Any) -> None:
    """Extract `text` with `hook` installed by `install` (sys.settrace or sys.setprofile)."""
    doc = document_from_text(text)
    install(hook)
    try:
        pipeline.run(doc)
    finally:
        install(None)


def test_long_document_work_grows_linearly(pipeline: Pipeline) -> None:
    """4x the paragraphs in one document: about 4x the work, far from a quadratic 16x."""
    paras = _paragraphs()
    pipeline.gazetteer  # noqa: B018  (loading it is not per-document work)
    # 200 paragraphs: big enough for a scan per sentence over the whole text to show (the
    # extractor before issue 9 scored 6.0 here; linear work scores about 4).
    n = 200
    small = "\n\n".join(paras[:n])
    large = "\n\n".join((paras * 4)[: 4 * n])
    work_small = _lines_executed(pipeline, small)
    work_large = _lines_executed(pipeline, large)
    assert work_small > 1000  # the probe does count
    ratio = work_large / work_small
    assert ratio < 5.0, f"4x the text took {ratio:.1f}x the work: something is quadratic"


# ------------------------------------------------------------------------- work skipped


def _calls(pipeline: Pipeline, text: str, names: set[str]) -> dict[str, int]:
    """How often tollbook functions called `names` ran while extracting `text`."""
    counts = dict.fromkeys(names, 0)

    def on_call(frame: types.FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code.co_name in counts and "tollbook" in frame.f_code.co_filename:
            counts[frame.f_code.co_name] += 1

    _run_hooked(pipeline, text, sys.setprofile, on_call)
    return counts


def test_documents_without_figures_skip_places_and_attribution(pipeline: Pipeline) -> None:
    """Most articles of an archive count no victims: their places are not looked up in the
    gazetteer and no attribution is built; the first claim of a document asks for both, once."""
    pipeline.gazetteer  # noqa: B018
    # An attribution is built once; its statement issuer is read at most once, when a speaker
    # names the statement (none does here); each sentence is read once.
    names = {"find_in_document", "_statement_speaker", "_cues_in"}
    quiet = "Talks resumed in Geneva on Monday, the ministry said. Delegates from Armenia attended."
    assert _calls(pipeline, quiet, names) == {"find_in_document": 0, "_statement_speaker": 0, "_cues_in": 0}
    toll = quiet + " Shelling killed 12 civilians in Stepanakert, officials said. Four were wounded."
    assert _calls(pipeline, toll, names) == {"find_in_document": 1, "_statement_speaker": 0, "_cues_in": 4}
    stated = (quiet[: quiet.index(" Delegates")] + " The Health Ministry said in a statement that shelling killed"
              " 12 civilians in Stepanakert. The statement said four were wounded.")  # fmt: skip
    assert _calls(pipeline, stated, names) == {"find_in_document": 1, "_statement_speaker": 1, "_cues_in": 3}
    assert {c.source.speaker for c in pipeline.run(document_from_text(stated)).claims} == {"Health Ministry"}
    claims = pipeline.run(document_from_text(toll)).claims
    assert [(c.value, c.place.text if c.place else None) for c in claims] == [(12.0, "Stepanakert"), (4.0, "Stepanakert")]
