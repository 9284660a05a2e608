"""Executable documentation (issue 18): every example in README.md and docs/*.md prints what the
code prints today, and `tollbook demo` (what `make demo` runs) shows what the README says.

Input: the Markdown files, scripts/docs_examples.py and the bundled demo corpus -> assertions.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from tollbook import api
from tollbook.cli.main import cli
from tollbook.store.database import Store

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "docs_examples.py"
README = ROOT / "README.md"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_examples", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_examples"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


docs = _load_script()


def test_every_example_prints_what_the_docs_show() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True,
                          timeout=1200, check=False)  # fmt: skip
    assert done.returncode == 0, (
        "README.md or docs/*.md show output the commands no longer print. Regenerate with "
        f"`make docs` (python scripts/docs_examples.py) and review the diff:\n{done.stdout}\n{done.stderr}"
    )


def test_only_declared_blocks_are_not_run() -> None:
    """A block is skipped only under a marker with a reason, and only these: the tour, the
    events and the API example must stay executable."""
    skipped: dict[tuple[str, str], str] = {}
    run = []
    for path in docs.default_files():
        lines = path.read_text(encoding="utf-8").split("\n")
        for block in docs.find_blocks(lines, path.name):
            if block.lang not in ("console", "python"):
                continue
            first = " ".join(lines[block.start].split()[:3])
            if block.not_run is not None:
                skipped[path.name, first] = block.not_run
            else:
                run.append(first)
    assert set(skipped) == {
        ("README.md", '$ TOLLBOOK_WRITE_TOKEN="$(openssl rand'),  # a server (token from the environment)
        ("README.md", "$ tollbook extract"),  # Scaling: a crawl, Spark, PostgreSQL
        ("README.md", "$ tollbook load"),  # Bulk load: Spark's Parquet, PostgreSQL
        ("web.md", "$ tollbook serve"),
        ("web.md", '$ TOLLBOOK_WRITE_TOKEN="$(cat /etc/tollbook/token)"'),  # production set-up
        ("scaling.md", "from tollbook.run import"),  # a Spark notebook
    }, skipped
    assert all(reason.strip() for reason in skipped.values())
    for expected in ("$ tollbook demo", "$ tollbook extract", "$ tollbook tally", "$ tollbook ingest",
                     "$ tollbook events", "from tollbook.api import"):  # fmt: skip
        assert expected in run, f"{expected} is no longer run"


def _markdown(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "example.md"
    path.write_text(body, encoding="utf-8")
    return path


def test_stale_output_is_found_and_regenerated(tmp_path: Path) -> None:
    path = _markdown(tmp_path, "Text.\n\n```console\n$ tollbook tally src/tollbook/demo/"
                               "khojaly-2024-statement.txt --table\nstale\n```\n")  # fmt: skip
    assert docs.main(["--check", str(path)]) == 1
    assert "stale" in path.read_text()
    assert docs.main([str(path)]) == 0
    text = path.read_text()
    assert "51c9c1bf92769877  orphaned  155" in text and "stale" not in text
    assert docs.main(["--check", str(path)]) == 0


def test_declared_truncation_keeps_its_length(tmp_path: Path) -> None:
    path = _markdown(tmp_path, "```console\n$ tollbook tally src/tollbook/demo/khojaly-2024-statement.txt"
                               " --table\na\nb\n...\n```\n")  # fmt: skip
    docs.main([str(path)])
    block = path.read_text().split("\n")[1:5]
    assert block[1].startswith("doc_id") and block[2].startswith("---") and block[3] == "..."
    assert docs._shown(["1", "2"], ["x", "y", "..."]) == ["1", "2"]  # all shown: no "..."


def test_python_result_comments_are_rewritten(tmp_path: Path) -> None:
    path = _markdown(tmp_path, "```python\nx = 6 * 7\nx   # 0\n[x, x]\n# []\nprint('ignored')\n```\n")
    docs.main([str(path)])
    assert path.read_text() == "```python\nx = 6 * 7\nx   # 42\n[x, x]\n# [42, 42]\nprint('ignored')\n```\n"


def test_examples_never_write_into_the_repository() -> None:
    runner = docs.Runner("x.md")
    try:
        assert (runner.cwd / "src" / "tollbook" / "demo").is_dir()
        assert not (runner.cwd / "README.md").exists()  # files are not linked: a user's conflict.db is safe
        assert runner.cwd.resolve() != ROOT
    finally:
        runner.close()


def test_markers_and_refusals(tmp_path: Path) -> None:
    kept = "<!-- docs: not run: a server -->\n```console\n$ tollbook serve --db x.db\nanything\n```\n"
    path = _markdown(tmp_path, kept)
    assert docs.main(["--check", str(path)]) == 0
    other = _markdown(tmp_path, "```console\n$ rm -rf /tmp/nothing\n```\n")
    with pytest.raises(docs.DocsError, match="only `\\$ tollbook"):
        docs.regenerate(other)
    failing = _markdown(tmp_path, "```console\n$ tollbook show --db missing-dir/x.db nosuchdoc\n```\n")
    with pytest.raises(docs.DocsError, match="exited"):
        docs.regenerate(failing)


def test_demo_shows_what_the_readme_says(tmp_path: Path) -> None:
    """`make demo` runs `tollbook demo`: the orphaned tally of the 2024 statement is 155 from two
    claims (130 lost one parent, 25 lost both), and the counts are the README's."""
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    said = re.search(r"`make demo` runs `tollbook demo`: it stores the bundled demo corpus \((\d+) files: "
                     r"(\d+) documents,\s+(\d+) claims\)", README.read_text(encoding="utf-8"))  # fmt: skip
    assert said is not None, "the README's tour no longer states the demo's counts"
    files, documents, claims = map(int, said.groups())
    printed = re.search(r"^(\d+) documents, (\d+) claims stored in", result.output, re.M)
    assert printed is not None
    assert (len(api.demo_paths()), int(printed.group(1)), int(printed.group(2))) == (files, documents, claims)
    assert re.search(r"^51c9c1bf92769877  orphaned  155 .* sum_by_detail$", result.output, re.M)
    store = Store.open(str(db))
    try:
        tally = store.tally("51c9c1bf92769877").get("orphaned")
        assert tally is not None and tally.best == 155 and len(tally.claim_ids) == 2
        orphans = sorted((c.value, c.detail) for c in store.claims("51c9c1bf92769877", category="orphaned"))
        assert orphans == [(25.0, "lost both parents"), (130.0, "lost one parent")]
        assert len(store.claims()) == claims
    finally:
        store.close()
