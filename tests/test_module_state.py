"""No module-level mutable state (house rule: settings passed explicitly; issue 23, session 3):

- the word gates' marks travel with the text the rules read (`literals.Marked`), so two
  pipelines in one process never read each other's marks: a pipeline whose marks engine lies
  (says no gate word anywhere) changes its own claims, and a pipeline without marks run before
  and after it gives the same claims (a process-wide memo of marks keyed by the text's value
  made the second run read the lie);
- what a pipeline says about a missing or older extension is the pipeline's own state
  (`extension.Notices`): said once per pipeline, not remembered by the process;
- an AST check over src/tollbook: no `global` statement, no module-level dict/list/set
  mutated inside a function, no `functools.cache`/`lru_cache` on a function returning None (a
  once-memo), outside the few listed below with the reason each is kept.
"""

from __future__ import annotations

import ast
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tollbook.extract.grammar import literals
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import extension
from tollbook.scan.cues import PythonCues, select_cues

SRC = Path(__file__).resolve().parents[1] / "src" / "tollbook"

#: (module path under src/tollbook, name) -> why it may stay.
ALLOWED = {
    # Registries of constants filled while the grammar modules import (each Gate's bit is its
    # place; each derived pattern is listed for scripts/required_words.py): they only grow, the
    # same in every pipeline whatever its settings, like `re`'s own cache of compiled patterns.
    ("extract/grammar/literals.py", "_DECLARED"): "import-time registry of the declared gates",
    ("extract/grammar/literals.py", "_DERIVED"): "import-time registry of the derived patterns",
    # A process pool hands state to its tasks only through the worker process's globals: set
    # once by the pool's initialiser, in worker processes only.
    ("run/parallel.py", "_WORKER_PIPELINE"): "the worker process's pipeline (pool initialiser)",
}

_MUTATORS = {"append", "extend", "insert", "pop", "popitem", "clear", "update", "setdefault", "add", "discard",
             "remove", "sort", "reverse", "__setitem__", "__delitem__"}  # fmt: skip
_CONTAINERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "WeakValueDictionary",
               "WeakKeyDictionary"}  # fmt: skip
_MEMOS = {"cache", "lru_cache"}


def _mutable_globals(tree: ast.Module) -> set[str]:
    """Names the module binds at its top level to a mutable container."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        literal = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp))
        called = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _CONTAINERS
        if literal or called:
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _decorator_name(d: ast.expr) -> str:
    d = d.func if isinstance(d, ast.Call) else d
    return d.attr if isinstance(d, ast.Attribute) else d.id if isinstance(d, ast.Name) else ""


def module_state(source: str, where: str) -> list[str]:
    """Every piece of module-level mutable state of one module's source, as 'where:line: what'."""
    tree = ast.parse(source)
    mutable = _mutable_globals(tree)
    found: list[str] = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        returns_none = isinstance(fn.returns, ast.Constant) and fn.returns.value is None
        if returns_none and any(_decorator_name(d) in _MEMOS for d in fn.decorator_list):
            found.append(f"{where}:{fn.lineno}: once-memo {fn.name} (a cached function returning None)")
        local = {a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)}
        for node in ast.walk(fn):
            if isinstance(node, ast.Global):
                found += [f"{where}:{node.lineno}: global {n}" for n in node.names]
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                local |= {t.id for t in targets if isinstance(t, ast.Name)}
        for node in ast.walk(fn):
            name = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS:
                name = node.func.value.id if isinstance(node.func.value, ast.Name) else None
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                        name = t.value.id
            if name is not None and name in mutable and name not in local:
                found.append(f"{where}:{node.lineno}: {name} mutated in {fn.name}")
    return found


def _allowed(line: str) -> bool:
    where, _, what = line.partition(": ")
    path = where.rsplit(":", 1)[0]
    return any(path == p and (f" {n} " in f" {what} " or what.endswith(f" {n}")) for p, n in ALLOWED)


def test_no_module_level_mutable_state_in_src() -> None:
    found = [line for p in sorted(SRC.rglob("*.py"))
             for line in module_state(p.read_text(encoding="utf-8"), str(p.relative_to(SRC)))]  # fmt: skip
    assert [line for line in found if not _allowed(line)] == []
    assert all(any(path in line and name in line for line in found) for path, name in ALLOWED), (
        "an allowance no longer needed: remove it from ALLOWED", found)  # fmt: skip


@pytest.mark.parametrize(
    "source",
    [
        "_MEMO: dict[str, int] = {}\ndef f(k: str) -> None:\n    _MEMO[k] = 1\n",
        "_MEMO = {}\ndef f() -> None:\n    _MEMO.clear()\n",
        "_SAID = []\ndef f(x) -> None:\n    _SAID.append(x)\n",
        "_N = 0\ndef f() -> None:\n    global _N\n    _N += 1\n",
        "from functools import cache\n@cache\ndef say_once(why: str) -> None:\n    print(why)\n",
    ],
)
def test_the_check_finds_each_kind_of_state(source: str) -> None:
    assert module_state(source, "m.py"), source


def test_the_check_leaves_local_and_import_time_containers() -> None:
    source = ("TABLE = {}\nTABLE['a'] = 1\n"  # built at import: a constant
              "def f(TABLE: dict[str, int]) -> None:\n    TABLE['b'] = 2\n"  # a parameter, not the global
              "def g() -> int:\n    seen = {}\n    seen['x'] = 1\n    return len(seen)\n")  # fmt: skip
    assert module_state(source, "m.py") == []


# --------------------------------------------------------------------------- the marks


class _Lying:
    """A marks engine saying that no sentence holds any gate's word: every gated reading is
    skipped, so its claims differ (the marks are read) and anyone else reading them would too."""

    name = "lying"

    def __init__(self, size: int) -> None:
        self.size = size

    def masks(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[int]:
        return [0] * len(ranges)


_TEXTS = [
    "Ishaya was nearly lynched and a couple was shot dead in Jos on Monday, police said.",
    "Gunmen killed four people and wounded 12 others in the attack, officials said. No one "
    "else was hurt. The trio were abducted on their way home.",
    "A National Directorate of Security officer was killed and his driver was injured.",
]


def _claims(pipeline: Pipeline) -> list[str]:
    return [repr((ex.claims, ex.tally)) for ex in (pipeline.run(document_from_text(t)) for t in _TEXTS)]


def test_one_pipelines_marks_never_answer_anothers_gates() -> None:
    searching = Pipeline(Settings(scanner="python"))
    assert searching.gates is None  # the rules search for themselves
    before = _claims(searching)
    lying = Pipeline(Settings(scanner="python"))
    searching.patterns  # noqa: B018 - every gate declared
    lying.__dict__["gates"] = _Lying(len(literals.declared()))  # the cached property, set
    lied = _claims(lying)
    assert lied != before  # the lying marks are read by their own pipeline
    assert _claims(searching) == before  # and by no other: nothing is remembered by the text's value
    assert _claims(Pipeline(Settings(scanner="python"))) == before


def test_marks_belong_to_the_marked_text_only() -> None:
    Pipeline().patterns  # noqa: B018 - every gate declared
    g = literals.declared()[0]
    text = "qqstate: " + " ".join(g.words)
    marked = literals.marked(text, [(0, len(text))], [0], len(literals.declared()))
    assert marked == text and not literals.gate(marked, 0, len(text), g)  # the marks answer
    assert literals.gate(text, 0, len(text), g)  # equal characters, another value: the search
    assert literals.gate(str(marked), 0, len(text), g)
    with pytest.raises(AttributeError):
        marked.marks = {}  # type: ignore[misc]  # frozen
    assert type(marked[0:5]) is str and type(marked[:]) is str  # slices are plain text


# --------------------------------------------------------------------------- what is said


def test_what_a_pipeline_said_is_its_own_state(monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    """Without the extension, "auto" says so once per pipeline (its Notices), whichever
    pipelines ran before in the process."""
    monkeypatch.setitem(sys.modules, "tollbook_scan", None)  # not installed: the import fails
    literals_ = ["kill"]
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        for _ in range(2):
            notices = extension.Notices()
            assert isinstance(select_cues("auto", literals_, notices=notices), PythonCues)
            assert isinstance(select_cues("auto", literals_, notices=notices), PythonCues)
    said = [r.getMessage() for r in caplog.records if r.name == "tollbook.scan"]
    assert len(said) == 2 and all("make rust" in s and "cue pre-filter" in s for s in said), said
