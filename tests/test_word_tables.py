"""Word tables answer every word their case-blind patterns match (grammar/loader.WordTable).

`re.IGNORECASE` reads "ſ" as "s", "ı" and "İ" as "i", "K" (Kelvin) as "k"; the rules look the
matched word up by its `.lower()`, which keeps those letters ("İ" becomes "i" + U+0307). Such a
text raised KeyError and stopped its document ("3 İNJURED", "two dozen ſoldiers").

Input: the grammar's module-level tables; the project corpus with those letters swapped in ->
assertions (no document stops; a table answers the folded key; every word table is a WordTable)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import tollbook
from tollbook.extract.grammar.literals import FOLDS
from tollbook.extract.grammar.loader import WordTable, load_table
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings

from .conftest import corpus_texts

SRC = Path(tollbook.__file__).parent


def _lowered(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "lower"
               for n in ast.walk(node))  # fmt: skip


def _tables_looked_up_lowered() -> dict[str, object]:
    """Every module-level table a rule subscripts with a `.lower()`ed word: `lx.POPULATIONS[
    m.group(0).lower()]`, resolved in the module's namespace (a local table is not seen)."""
    found: dict[str, object] = {}
    for path in sorted(SRC.rglob("*.py")):
        name = "tollbook." + ".".join(path.relative_to(SRC).with_suffix("").parts)
        subscripts = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                      if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load) and _lowered(n.slice)
                      and isinstance(n.value, (ast.Name, ast.Attribute))]  # fmt: skip
        if not subscripts:
            continue
        namespace = vars(importlib.import_module(name.removesuffix(".__init__")))
        for n in subscripts:
            try:
                table = eval(compile(ast.Expression(n.value), name, "eval"), namespace)  # a name or a.b
            except NameError:
                continue  # a local
            if isinstance(table, dict):
                found[f"{name}:{n.lineno} {ast.unparse(n.value)}"] = table
    return found


def test_every_table_looked_up_by_a_lowered_word_answers_folded_keys() -> None:
    tables = _tables_looked_up_lowered()
    assert len(tables) >= 20  # the walk finds the rules' lookups (POPULATIONS alone has a dozen)
    plain = [where for where, table in tables.items() if not isinstance(table, WordTable)]
    assert not plain, f"tables a case-blind match can miss (KeyError): {plain}; declare them as WordTable"


def test_a_folded_key_finds_its_word_and_a_stranger_still_misses() -> None:
    table = load_table("T", [("injured, soldiers, killed", 1)])
    assert isinstance(table, WordTable)
    for word in ("injured", "soldiers", "killed"):
        for ch, letter in FOLDS:
            if letter in word:
                assert table[word.replace(letter, ch).lower()] == 1, (word, ch)
    assert table["İnjured".lower()] == 1  # "i" + combining dot
    with pytest.raises(KeyError):
        table["wounded"]
    with pytest.raises(KeyError):
        table["\u0131"]  # folds to "i", not a word of the table
    assert table.get("ſoldiers") is None  # only a subscript is folded: .get and `in` stay plain


@pytest.mark.parametrize("swap", [("s", "\u017f"), ("i", "\u0130"), ("k", "\u212a"), ("i", "\u0131")])
def test_corpus_with_letters_re_reads_as_ascii_reads_without_error(swap: tuple[str, str]) -> None:
    pipeline = Pipeline(Settings(scanner="python"))
    failed = []
    for text in corpus_texts()[::3]:
        for variant in (text.replace(*swap), text.upper().replace(swap[0].upper(), swap[1])):
            try:
                pipeline.run(document_from_text(variant))
            except KeyError as e:
                failed.append((variant[:80], repr(e)))
    assert not failed, failed[:5]
