""""Where to add ..." (README): a new input format, cue verb or category is one change in one
place, because everything else reads that place."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

import tollbook
from tollbook.cli.main import COMMANDS
from tollbook.ingest import registry, sources


def test_every_input_format_reader_is_importable_and_callable() -> None:
    for fmt in registry.FORMAT_TABLE:
        if fmt.reader is None:
            assert fmt.name in registry.TABLE_FORMATS
            continue
        module, _, function = fmt.reader.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), fmt


def test_the_cli_sources_and_extensions_follow_the_format_registry() -> None:
    option = next(p for p in COMMANDS["extract"].params if p.name == "input_format")
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == registry.FORMATS
    assert sources.FORMATS is registry.FORMATS and sources.EXTENSIONS is registry.EXTENSIONS
    assert set(registry.EXTENSIONS.values()) == set(registry.FORMATS)


def test_a_format_is_read_by_the_reader_its_row_names(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes] = []

    def fake(data: bytes, source: str, name: str | None, path: str | None) -> object:
        seen.append(data)
        from tollbook.ingest.documents import document_from_text

        return document_from_text("Two people were killed.")

    monkeypatch.setattr("tollbook.ingest.formats.read_html", fake)
    (doc,) = list(sources.read_bytes(b"<html>x</html>", options=sources.IngestOptions(format="html")))
    assert seen == [b"<html>x</html>"] and getattr(doc, "text", "") == "Two people were killed."


def test_every_cue_verb_is_read_before_after_and_as_an_agent() -> None:
    from tollbook.api import extract_text
    from tollbook.extract.grammar.verbs import CUE_VERBS

    for category, participle, ing in CUE_VERBS:
        for text in (f"Gunmen {participle} 12 villagers on Monday.", f"Twelve villagers were {participle} on Monday.",
                     f"Gunmen attacked the village, {ing} 12 villagers."):  # fmt: skip
            # people that gunmen detain are their hostages (extract/captives.py), not the state's detainees
            expected = "hostage" if category == "detained" and text.startswith("Gunmen ") else category
            assert [(c.category, c.value) for c in extract_text(text).claims] == [(expected, 12.0)], text


def test_a_new_cue_verb_is_one_row() -> None:
    # A verb the grammar does not know, declared in verbs.CUE_VERBS only (before the grammar is
    # compiled), is read as a cue after its people, before them, and as an agent's verb.
    script = (
        "import tollbook.extract.grammar.verbs as v\n"
        "v.CUE_VERBS += (('killed', 'butchered', 'butchering'),)\n"
        "from tollbook.api import extract_text\n"
        "for t in ('Gunmen butchered 12 villagers.', 'Twelve villagers were butchered.',\n"
        "          'Gunmen stormed the village, butchering 12 villagers.', 'Five gunmen butchered a farmer.'):\n"
        "    print([(c.category, c.population, c.value) for c in extract_text(t).claims])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(tollbook.__file__).parents[1])}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "[('killed', 'civilians', 12.0)]", "[('killed', 'civilians', 12.0)]", "[('killed', 'civilians', 12.0)]",
        "[('killed', 'civilians', 1.0)]",  # the farmer, not the five gunmen
    ]
    # and without the row, none of them is read
    plain = script.replace("v.CUE_VERBS += (('killed', 'butchered', 'butchering'),)\n", "")
    out = subprocess.run([sys.executable, "-c", plain], env=env, capture_output=True, text=True, check=True).stdout
    assert all(line == "[]" for line in out.splitlines()), out


def _run(script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(tollbook.__file__).parents[1])}
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)


_RECRUITED = (
    "import tollbook.model as m\n"
    "m.CATEGORIES['recruited'] = 'recruited or conscripted by an armed group'\n"
    "import tollbook.extract.grammar.verbs as v\n"
    "v.CUE_VERBS += (('recruited', 'recruited', 'recruiting'),)\n"
)


def test_a_new_category_is_its_contract_entry_and_its_words() -> None:
    # model.CATEGORIES lists it (the contract), verbs.CUE_VERBS declares its verbs: nothing else.
    script = _RECRUITED + (
        "from tollbook.api import extract_text\n"
        "for t in ('Rebels recruited 40 children last year.', 'At least 40 children were recruited.'):\n"
        "    e = extract_text(t)\n"
        "    print([(c.category, c.value) for c in e.claims], e.tally.get('recruited').best)\n"
    )
    done = _run(script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[('recruited', 40.0)] 40.0"] * 2


def test_a_cue_verb_of_a_category_the_contract_lacks_is_refused() -> None:
    done = _run(_RECRUITED.replace("m.CATEGORIES['recruited'] = 'recruited or conscripted by an armed group'\n", "")
                + "import tollbook.extract.grammar.lexicon\n")  # fmt: skip
    assert done.returncode != 0 and "GrammarError" in done.stderr and "model.CATEGORIES" in done.stderr
