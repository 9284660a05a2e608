"""The packages' arrows run one way, in the order of the pipeline (README, "How the code is
laid out"): a stage imports only stages before it, so there is no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import tollbook

ROOT = Path(tollbook.__file__).parent
#: Stages in data-flow order; a module may import its own stage and any earlier one.
LAYERS = (
    ("_exceptions", "version", "model", "cachefiles"),
    ("ingest", "scan", "geo"),  # scan: the marks the place finder (and later the rules) read
    ("extract",),
    ("tally",),
    ("pipeline",),
    ("events",),
    ("output",),
    ("store",),
    ("run",),
    ("evaluation",),
    ("api",),
    ("web",),
    ("cli",),
)
RANK = {stage: i for i, layer in enumerate(LAYERS) for stage in layer}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) of every tollbook import, lazy ones included, outside an
    `if __name__ == "__main__":` block (a script entry point, not a dependency)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tollbook"):
            mods = [f"tollbook.{a.name}" for a in node.names] if node.module == "tollbook" else [node.module]
            out += [(node.lineno, m) for m in mods]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("tollbook.")]
    return out


def _stage(module: str) -> str:
    return module.split(".")[1]


def _modules() -> list[tuple[str, Path]]:
    return [(".".join(("tollbook", *p.relative_to(ROOT).with_suffix("").parts)), p) for p in sorted(ROOT.rglob("*.py"))]


def _backward(module: str, imports: list[tuple[int, str]]) -> list[str]:
    own = _stage(module)
    return [f"{module}:{line} ({own}) imports {target} ({_stage(target)})" for line, target in imports
            if RANK.get(_stage(target), -1) > RANK.get(own, len(RANK))]  # fmt: skip


def test_every_stage_imports_only_earlier_stages() -> None:
    wrong = [w for module, path in _modules() if module != "tollbook.__init__" for w in _backward(module, _imports(path))]
    assert not wrong, "arrows running backwards:\n" + "\n".join(wrong)


def test_every_stage_is_in_the_layering() -> None:
    stages = {_stage(m) for m, _ in _modules() if m != "tollbook.__init__"}
    assert stages <= set(RANK), f"add {sorted(stages - set(RANK))} to LAYERS"


def test_name_folding_across_documents_does_not_load_the_extraction_gazetteer() -> None:
    for module, path in _modules():
        if _stage(module) in ("events", "output", "evaluation"):
            assert all(t != "tollbook.geo.places" for _, t in _imports(path)), f"{module} imports geo.places"


def test_web_views_read_the_store_through_the_api() -> None:
    targets = {t for _, t in _imports(ROOT / "web" / "views.py")}
    assert not targets & {"tollbook.store.database", "tollbook.events.review", "tollbook.tally.rules"}, targets
    assert "tollbook.api" in targets


def test_the_layering_test_sees_a_backward_arrow() -> None:
    # The check must be able to fail: extract importing tally (as claims.py once did for one
    # constant) or events importing output are reported; the reverse arrows are not.
    assert _backward("tollbook.extract.claims", [(25, "tollbook.tally.rules")])
    assert _backward("tollbook.events.reconcile", [(39, "tollbook.output.serialize")])
    assert not _backward("tollbook.tally.rules", [(23, "tollbook.model")])
    assert not _backward("tollbook.output.events_json", [(11, "tollbook.events.grouping")])
