"""events.unionfind.Forest: the one union-find of the event stages (claims into incidents,
mentions into events, documents into copies)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import tollbook
from tollbook.events.unionfind import Forest


def test_the_earliest_item_roots_its_set_whatever_the_order_of_the_unions() -> None:
    rank = {d: i for i, d in enumerate("abcdef")}
    pairs = [("e", "c"), ("c", "b"), ("f", "d")]
    for order in itertools.permutations(pairs):
        forest = Forest("abcdef", key=rank.__getitem__)
        for a, b in order:
            forest.union(a, b)
        assert [forest.find(x) for x in "abcdef"] == ["a", "b", "b", "d", "b", "d"]


def test_union_returns_the_root_kept_or_none_when_already_joined() -> None:
    forest = Forest(range(5), key=lambda i: i)
    assert forest.union(4, 2) == 2
    assert forest.union(2, 4) is None
    assert forest.union(3, 4) == 2
    assert forest.union(0, 3) == 0 and forest.find(4) == 0


def test_a_tie_keeps_the_first_items_root_and_new_items_join_when_seen() -> None:
    forest = Forest[str](key=lambda x: 0)  # every key equal
    assert list(forest) == []
    assert forest.union("y", "x") == "y" and forest.find("x") == "y"
    assert forest.find("z") == "z"
    assert list(forest) == ["y", "x", "z"]  # in the order first seen


def test_a_long_chain_finds_its_root_and_the_path_is_shortened() -> None:
    n = 2000
    forest = Forest(range(n), key=lambda i: i)
    for i in range(n - 1, 0, -1):  # each union hangs the chain under a new, earlier root
        forest.union(i, i - 1)
    assert forest.find(n - 1) == 0
    assert all(forest.find(i) == 0 for i in range(n))


def test_no_event_module_keeps_a_union_find_of_its_own() -> None:
    # The path-halving step of a union-find, written anywhere but unionfind.py, is a second one.
    step = re.compile(r"(\w+)\[(\w+)\]\s*=\s*\1\[\1\[\2\]\]")
    root = Path(tollbook.__file__).parent
    own = [str(p.relative_to(root)) for p in root.rglob("*.py")
           if p.name != "unionfind.py" and step.search(p.read_text(encoding="utf-8"))]  # fmt: skip
    assert not own, own
    assert step.search("        parent[x] = parent[parent[x]]\n")  # the check sees one
