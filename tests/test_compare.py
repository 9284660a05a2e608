"""Comparing two documents' claims (tollbook.events.compare, `tollbook compare`)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tollbook import api
from tollbook.cli.main import cli

from .conftest import require_shared
from .test_events import FIXTURES, ingest_into


def _rows(db: Path, a: str, b: str) -> list[dict[str, object]]:
    res = CliRunner().invoke(cli, ["compare", a, b, "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    return list(json.loads(res.output))


def test_compare_two_statements_of_one_ministry(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with ingest_into(
        db, FIXTURES / "castellan-ministry-0305.txt", FIXTURES / "castellan-ministry-0308.txt"
    ) as store:
        a, b = (
            next(d.doc_id for d in store.documents() if d.name == n)
            for n in ("castellan-ministry-0305.txt", "castellan-ministry-0308.txt")
        )
        cmp = api.compare(store, a[:6], b[:6])
    assert cmp.doc_a == a and cmp.doc_b == b
    changed = {(r.a.category, r.a.value, r.b.value) for r in cmp.of("changed") if r.a and r.b}
    assert changed == {("killed", 42, 48), ("wounded", 97, 120)}
    assert [(r.a.population, r.a.value) for r in cmp.of("removed") if r.a] == [("children", 11)]
    assert not cmp.of("added") and not cmp.of("unchanged")
    rows = _rows(db, a, b)
    assert {"value: 42 -> 48"} <= {c for r in rows for c in r["changes"]}  # type: ignore[attr-defined]


def test_compare_the_seeds(tmp_path: Path) -> None:
    seeds = require_shared("seeds")
    db = tmp_path / "s.db"
    with ingest_into(db, seeds) as store:
        old = next(d.doc_id for d in store.documents() if d.name and d.name.startswith("003"))
        new = next(d.doc_id for d in store.documents() if d.name and d.name.startswith("000"))
    rows = _rows(db, old, new)
    got = {
        (r["status"], r["category"], r["population"], r["detail"], r["a_value"], r["b_value"])
        for r in rows
    }
    assert got == {
        ("changed", "killed", "people", None, 613, 613),  # "613 civilians" became "613 people"
        ("changed", "missing", "people", None, 150, 150),  # now placed among the 1275 hostages
        ("unchanged", "killed", "women", None, 106, 106),
        ("unchanged", "killed", "children", None, 63, 63),
        ("unchanged", "killed", "elderly", None, 70, 70),
        ("unchanged", "hostage", "people", None, 1275, 1275),
        ("removed", "wounded", "people", None, 1000, None),
        ("added", "killed", "families", None, None, 8),
        ("added", "missing", "women", None, None, 68),
        ("added", "missing", "children", None, None, 26),
        ("added", "orphaned", "children", "lost one parent", None, 130),
        ("added", "orphaned", "children", "lost both parents", None, 25),
    }
    missing = next(r for r in rows if r["status"] == "changed" and r["category"] == "missing")
    assert missing["changes"] == ["placement: (none) -> subset of 1275 people hostage"]
    # Areas are compared on request: the 2017 text lists nine territories, the 2024 one none.
    res = CliRunner().invoke(cli, ["compare", old, new, "--db", str(db), "--kind", "area"])
    assert res.exit_code == 0 and len(res.output.splitlines()) == 9
