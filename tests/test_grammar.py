"""The grammar as declared data: one loader, a word with two meanings refused, tables compiled once."""

from __future__ import annotations

import pytest

from tollbook._exceptions import GrammarError, TollbookError
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.loader import load_table, load_words, split_words
from tollbook.extract.grammar.populations import POPULATION_NOUNS, Population


def test_a_word_declared_twice_with_different_meanings_is_refused() -> None:
    rows = (("traders, merchants", "civilians"), ("vendors,traders", "people"))
    with pytest.raises(GrammarError) as err:
        load_table("TEST", rows)
    assert "'traders'" in err.value.message and "row 0" in err.value.message and "row 1" in err.value.message
    assert isinstance(err.value, TollbookError)


def test_a_word_declared_twice_with_the_same_meaning_is_kept_once() -> None:
    table = load_table("TEST", (("guard,border guard", "soldiers"), ("border guard,", "soldiers")))
    assert table == {"guard": "soldiers", "border guard": "soldiers"}


def test_the_declared_population_nouns_refuse_a_second_meaning() -> None:
    # The rows as shipped load; the same rows plus "traders" as civilians (as the old table
    # declared it before a later call overwrote it) do not.
    assert load_table("POPULATION_NOUNS", POPULATION_NOUNS) == lx.POPULATIONS
    clash = (*POPULATION_NOUNS, ("traders", Population("civilians", "civilian")))
    with pytest.raises(GrammarError, match="traders"):
        load_table("POPULATION_NOUNS", clash)


def test_the_once_overwritten_words_have_the_one_meaning_declared() -> None:
    # "traders" and "youths" were declared in two rows, the last silently winning; each is
    # now declared once, with the meaning the output always had.
    assert lx.POPULATIONS["traders"] == Population("people", "unknown")
    assert lx.POPULATIONS["youths"] == Population("people", "unknown")
    declared = [w for spec, _ in POPULATION_NOUNS for w in split_words(spec)]
    assert declared.count("traders") == 1 and declared.count("youths") == 1


def test_split_words_and_word_sets() -> None:
    assert split_words(" people, persons ,,") == ("people", "persons")
    assert load_words("TEST", "a,b", ["b", "c"]) == frozenset({"a", "b", "c"})
    with pytest.raises(GrammarError, match="empty"):
        load_words("TEST", "")


RULE_MODULES = ("counts", "cues", "heads", "phrases", "housing", "claims", "numbers")
NOT_GRAMMAR = {"_ASCII_LETTERS"}  # cues.last_word's character set: spelling, not vocabulary


@pytest.mark.parametrize("name", RULE_MODULES)
def test_rule_modules_declare_no_patterns_or_word_lists_of_their_own(name: str) -> None:
    # Patterns and word tables live in extract/grammar/; a rule module assigns none at top level
    # and writes no word pattern inline (punctuation-only patterns such as r"\d" are not grammar).
    import ast
    import re
    from pathlib import Path

    import tollbook.extract

    path = Path(tollbook.extract.__file__).parent / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            if ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target) in NOT_GRAMMAR:
                continue
            src = ast.unparse(node.value)
            assert not src.startswith(("re.compile", "frozenset(", "{")), f"{name}.py:{node.lineno} declares grammar"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("re.match", "re.search", "re.compile", "re.finditer"):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                words = re.findall(r"(?<!\\)[a-z]{3,}", first.value)
                assert not words, f"{name}.py:{node.lineno} writes the words {words} inline"
