"""A headline's figure takes any killing participle as its predicate (grammar/headline_patterns.
PREDICATES, read by extract/headlines.py): text -> telegraphic claims."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.headline_patterns import PREDICATES


def counts(text: str) -> list[tuple[str, float, str]]:
    return [(c.category, c.value, c.text) for c in extract_text(text).claims if c.kind == "count"]


@pytest.mark.parametrize(("text", "expected"), [
    ("One beheaded, another abducted as gunmen raid a hamlet near Wukari.",
     [("killed", 1.0, "One beheaded"), ("hostage", 1.0, "another abducted")]),
    ("One lynched, two hurt in a market brawl in Ouagadougou.",
     [("killed", 1.0, "One lynched"), ("wounded", 2.0, "two hurt")]),
    ("One clubbed to death after a land dispute in Tamale.", [("killed", 1.0, "One clubbed to death")]),
    ("One assassinated and one wounded at a checkpoint near Ansongo.",
     [("killed", 1.0, "One assassinated"), ("wounded", 1.0, "one wounded")]),
])
def test_a_lone_one_with_a_killing_participle_is_a_headline(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "Two murdered activists were remembered at a vigil in Lome.",  # attributive participle
    "Two executed the order before dawn, the report said.",  # an active verb with its object
])
def test_a_participle_before_a_noun_or_an_object_is_no_headline(text: str) -> None:
    assert [c for c in counts(text) if c[2].startswith("Two")] == []


def test_the_predicates_are_derived_from_the_verb_tables() -> None:
    # No word list of its own: every killing participle of the verb tables is a predicate.
    for verb, category in vb.VICTIM_VERBS.items():
        if category == "killed" and not any(w.endswith("ing") for w in verb.split()):
            assert PREDICATES[verb] == "killed"
    for predicate in vb.MORE_DEATH_PREDICATES:
        assert PREDICATES[predicate] == "killed"
    assert PREDICATES["hacked to death"] == "killed" and "shot alive" not in PREDICATES
