"""The install sets: the core install extracts, tallies, stores and runs the demo without any
extra, each extra's command says which extra to install, and the locks agree with pyproject.

The core path runs in a subprocess whose import system refuses every extra's packages, as a
venv made from requirements/core.lock would.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from .conftest import run_without

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
EXTRAS: dict[str, list[str]] = PYPROJECT["project"]["optional-dependencies"]
#: Top-level modules of the packages the core install does not have.
NOT_IN_CORE = ("starlette", "jinja2", "uvicorn", "multipart", "python_multipart", "httpx",
               "psycopg", "pyspark", "pyarrow", "pytest", "hypothesis")  # fmt: skip


def _run_core(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    body = ("from tollbook.cli.main import cli\n"
            f"sys.exit(cli.main(args={args!r}, prog_name='tollbook', standalone_mode=True))\n")
    return run_without(NOT_IN_CORE, body, timeout=300, cwd=cwd)


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~ ;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_demo_runs_on_the_core_install(tmp_path: Path) -> None:
    done = _run_core(["demo", "--db", str(tmp_path / "demo.db")], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "documents" in done.stdout and "claims stored in" in done.stdout


def test_extract_and_tally_run_on_the_core_install(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("At least 14 people were killed, including five children.\n")
    done = _run_core(["tally", str(text), "--csv"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "killed,14" in done.stdout


def test_serve_without_the_web_extra_says_what_to_install(tmp_path: Path) -> None:
    done = _run_core(["serve", "--db", str(tmp_path / "x.db")], tmp_path)
    assert done.returncode == 1
    assert "pip install 'tollbook[web]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_blocker_really_blocks(tmp_path: Path) -> None:
    """Guards the guard: the same subprocess cannot import a web module."""
    done = run_without(NOT_IN_CORE, "import tollbook.web.app\n", timeout=60)
    assert done.returncode != 0 and "ModuleNotFoundError" in done.stderr


def test_core_dependencies_leave_out_every_extra() -> None:
    core = _names(PYPROJECT["project"]["dependencies"])
    for extra in ("web", "postgres", "spark"):
        assert not core & _names(EXTRAS[extra]), f"{extra} packages are in the core"
    assert {"starlette", "uvicorn", "psycopg", "pyspark"}.isdisjoint(core)


@pytest.mark.parametrize("name", ["core", "web", "postgres", "spark", "parquet", "datasette", "fast", "rust", "dev"])
def test_each_install_set_has_a_hashed_lock_agreeing_with_dev(name: str) -> None:
    lock = (ROOT / "requirements" / f"{name}.lock").read_text()
    pins = dict(re.findall(r"^([a-z0-9_.-]+)==(\S+) \\$", lock, re.M))
    assert pins, f"requirements/{name}.lock pins nothing"
    assert all("--hash=sha256:" in block for block in lock.split(" \\\n    # via")[0:1])
    dev = dict(re.findall(r"^([a-z0-9_.-]+)==(\S+) \\$", (ROOT / "requirements/dev.lock").read_text(), re.M))
    wanted = _names(PYPROJECT["project"]["dependencies"])
    if name not in ("core", "dev"):
        wanted |= _names(EXTRAS[name])
    assert wanted - {"tollbook"} <= set(pins), f"{name}.lock lacks {wanted - set(pins)}: run make lock"
    assert {k: v for k, v in pins.items() if dev.get(k) != v} == {}, "versions differ from dev.lock"


def test_the_installer_is_pinned_before_anything_else() -> None:
    boot = (ROOT / "requirements/bootstrap.lock").read_text()
    assert re.search(r"^pip==\d", boot, re.M) and re.search(r"^setuptools==\d", boot, re.M)
    makefile = (ROOT / "Makefile").read_text()
    assert "requirements/bootstrap.lock" in makefile and "--no-build-isolation" in makefile
    ci = (ROOT / ".ci/run").read_text()
    assert "PIP_NO_CACHE_DIR=1" in ci and "rm -rf .venv" in ci
    assert ci.index("make demo") < ci.index("make test")
