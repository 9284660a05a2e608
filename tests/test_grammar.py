"""The grammar as declared data: one loader, a word with two meanings refused, tables compiled once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import tollbook
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


#: Rule modules, as paths under src/tollbook/ without ".py".
RULE_MODULES = ("extract/counts", "extract/cues", "extract/heads", "extract/phrases", "extract/housing",
                "extract/claims", "extract/numbers", "extract/attribution", "extract/anchor", "extract/dates",
                "extract/areas", "extract/glue", "extract/segment", "extract/lost", "geo/places",
                "extract/readings", "extract/bare", "extract/anaphora", "extract/postmodified",
                "extract/attackers", "extract/headlines", "extract/victims", "extract/besides", "extract/categorise",
                "extract/zeros", "extract/including", "extract/conjuncts",
                "extract/objects",
                "extract/scare", "extract/burning", "extract/offices",
                "extract/bodies", "extract/subjects", "extract/active_objects", "extract/nominals",
                "extract/along", "extract/later", "extract/fatal", "extract/spelling", "extract/asides",
                "extract/sets", "extract/collectives", "extract/persons",
                "extract/captives", "extract/relative_parts")  # fmt: skip
#: Top-level sets and tables a rule module may hold because they are not vocabulary.
NOT_GRAMMAR = {
    "_ASCII_LETTERS": "cues.last_word's character set: spelling",
    "RULE": "the rule's name in a claim's provenance",
    "RULE_PREFIX": "the rule's name in a claim's provenance",
    "_NAMED_RULES": "later.py's rule names of named victims (provenance)",
    "_QUOTE_CUES": "attribution's own cue labels",
    "_PRECISION_RANK": "anchor's order of date precisions",
    "_UNIT_RANK": "dates' order of date precisions",
    "_COUNTRY_FEATURES": "GeoNames feature codes",
    "_REGION_FEATURES": "GeoNames feature codes",
    "_TIER_SCORE": "places' score per GeoNames feature code",
    "_SENTENCE_END": "punctuation",
    "_OPENERS": "punctuation",
    "COLUMNS": "the gazetteer file's columns",
    "INDEX_MARKER": "the gazetteer file's index marker",
    # Keys folded (geo.names.name_key) from the words declared in geo/placewords.py.
    **{k: "folded from geo/placewords" for k in ("_STOP_KEYS", "_FUNCTION_KEYS", "_DEMONYM_KEYS",
                                                 "_REGION_NOUN_KEYS", "_PLACE_NOUN_KEYS",
                                                 "_PREPOSITION_KEYS", "_TAIL_KEYS")},
}  # fmt: skip
_RE_CALLS = ("re.match", "re.search", "re.compile", "re.finditer", "re.fullmatch", "re.findall", "re.sub",
             "re.subn", "re.split")  # fmt: skip


def _words(node: ast.AST) -> list[str]:
    """The words (3+ letters, not a regex escape) of the string literals inside `node`."""
    out: list[str] = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            out += re.findall(r"(?<!\\)[a-z]{3,}", sub.value)
    return out


@pytest.mark.parametrize("name", RULE_MODULES)
def test_rule_modules_declare_no_patterns_or_word_lists_of_their_own(name: str) -> None:
    # Patterns and word tables live in extract/grammar/ (place words in geo/placewords.py); a rule
    # module assigns none at top level, holds no word in a top-level literal, and writes no word
    # pattern inline, whole or concatenated (punctuation-only patterns such as r"\d" are not grammar).
    _check_declares_no_grammar(name, NOT_GRAMMAR)


def _check_declares_no_grammar(name: str, allowed: dict[str, str]) -> None:
    """The check above, for a module under src/tollbook/ and the top-level names it may hold."""
    import tollbook

    path = Path(tollbook.__file__).parent / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            target = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
            if target in allowed or target == "__all__":
                continue
            src = ast.unparse(node.value)
            assert not src.startswith(("re.compile", "frozenset(", "{")), f"{name}.py:{node.lineno} declares grammar"
            assert not _words(node.value), f"{name}.py:{node.lineno} declares the words {_words(node.value)}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in _RE_CALLS and node.args:
            words = _words(node.args[0])
            assert not words, f"{name}.py:{node.lineno} writes the words {words} inline"


#: Top-level names of the event and evaluation stages that are labels, fields or codes, not
#: vocabulary of the texts read (their words are in events/event_patterns.py and
#: evaluation/*_patterns.py).
NOT_GRAMMAR_STAGES = {
    "STATUSES": "compare's change labels (output)",
    "_FIELDS": "compare's claim fields",
    "_PLACE_SCORE": "grouping's score per place relation",
    "_DATE_SCORE": "grouping's score per date relation",
    "REGION_FEATURES": "GeoNames feature codes",
    "_ROLE_KEYS": "folded from event_patterns.ROLE_WORDS",
    "_TOKEN": "letters: spelling",
    "STATUS_ORDER": "reconcile's finding statuses (output)",
    "EVENT_KINDS": "claim kinds (the output contract)",
    "REVIEWED": "review states (output)",
    "CORRECTED": "review states (output)",
    "_ISO": "ISO date digits",
    "_SENTENCE_SPLIT": "punctuation",
    "_WORD_NUMBERS": "built from grammar/numberwords",
    "_IDMC_TIERS": "claim categories and units (the output contract)",
    "HALVES": "the evaluation's half names (output)",
    "SUBSETS": "the evaluation's subset names (output)",
    "_KEEP": "the evaluation's subset names (output)",
    "_WHERE": "the --where option's syntax",
    "CHECKED_FIELDS": "claim fields (the output contract)",
}
#: The event and evaluation stages' modules, except their declared-data modules: checked like
#: the rule modules (their words are declared in event_patterns.py and evaluation/*_patterns.py).
STAGE_MODULES = tuple(
    f"{stage}/{p.stem}" for stage in ("events", "evaluation")
    for p in sorted((Path(tollbook.__file__).parent / stage).glob("*.py"))
    if p.stem != "__init__" and not p.stem.endswith("_patterns")
)  # fmt: skip


@pytest.mark.parametrize("name", STAGE_MODULES)
def test_event_and_evaluation_modules_declare_no_patterns_or_word_lists_of_their_own(name: str) -> None:
    _check_declares_no_grammar(name, {**NOT_GRAMMAR, **NOT_GRAMMAR_STAGES})


def test_the_stage_check_covers_the_stages_and_reads_their_data_modules() -> None:
    # Every module of both stages is checked (a new one too); the declared words are read
    # through the one loader (a word declared twice with two meanings is refused there).
    assert {"events/documents", "events/origins", "events/reconcile", "evaluation/datasets",
            "evaluation/numparse", "evaluation/ranges"} <= set(STAGE_MODULES)  # fmt: skip
    assert not any(m.endswith("_patterns") for m in STAGE_MODULES)
    from tollbook.evaluation import dataset_patterns
    from tollbook.events import event_patterns

    assert "spokesman" in event_patterns.ROLE_WORDS and "the" in event_patterns.NOT_NAME_WORDS
    assert list(dataset_patterns.ACLED_VAGUE)[:2] == ["dozens", "several"]  # first match wins
    with pytest.raises(GrammarError, match="dozens"):
        load_table("ACLED_VAGUE", (("dozens", 12), ("dozens", 24)))


def test_the_rule_check_fails_on_a_declared_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check above reads each module's source: a clean module passes; a word pattern put back
    # at top level, inline, or concatenated inline, and a word list in a tuple each make it fail.
    import tollbook

    def check(source: str, where: str) -> None:
        root = tmp_path / where
        (root / "geo").mkdir(parents=True)
        (root / "geo" / "places.py").write_text("import re\n" + source, encoding="utf-8")
        monkeypatch.setattr(tollbook, "__file__", str(root / "__init__.py"))
        test_rule_modules_declare_no_patterns_or_word_lists_of_their_own("geo/places")

    check('_CONTEXT = 60\ndef f(t):\n    return re.split(r"[ -]", t[:_CONTEXT])\n', "clean")
    bad = (
        '_X = re.compile(r"\\bsaid\\b")\n',
        'def f(t):\n    return re.sub(r"^(?:and|but)\\s+", "", t)\n',
        'def f(t):\n    return re.match(r"\\s+" + X + r"(?:near|at)", t)\n',
        '_V = ("said", "told")\n',
    )
    for i, source in enumerate(bad):
        with pytest.raises(AssertionError, match=r"declares|inline"):
            check(source, str(i))
