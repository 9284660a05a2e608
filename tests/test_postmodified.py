"""Subjects with a post-modifier (extract/postmodified.py): one person each, with the guards."""

from __future__ import annotations

import pytest

from tollbook.extract.postmodified import find_subjects
from tollbook.extract.victims import find_victims


def _read(text: str) -> list[tuple[str, str]]:
    named = find_victims(text, 0, len(text), [])
    named += find_subjects(text, 0, len(text), [v.span for v in named])
    return [(text[v.span[0] : v.span[1]], v.category) for v in named]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Lebanese consul in Barranquilla was shot dead.", [("The Lebanese consul", "killed")]),
        ("A French national living in Algiers was shot to death by gunmen.", [("A French national", "killed")]),
        ("An Iraqi who works with coalition forces was killed by gunmen.", [("An Iraqi", "killed")]),
        ("A nurse from the district clinic in Sorel was wounded by shrapnel.", [("A nurse", "wounded")]),
        ("The chief of a village near Tamsin died of his wounds.", [("The chief", "killed")]),
        ("The driver of a relief truck was shot in the chest and killed.", [("The driver", "killed")]),
    ],
)
def test_post_modified_subjects(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "A farmer living near Dorvik was nearly killed by a stray shell.",  # undone
        "The convoy of a minister in Karsel was attacked on Friday.",  # no lethal predicate
        "A member of the council who was kidnapped in May was released.",  # the relative's own verb
        "The body of a man in the river was found.",  # not a person's fate
        "The man in the car was stopped and was killed.",  # a finite verb of its own first
        "Soldiers from the base in Orlen were killed.",  # plural: the count rules' business
        "The driver of a truck carrying 12 workers was shot dead.",  # a figure inside the modifier
    ],
)
def test_guards(text: str) -> None:
    assert find_subjects(text, 0, len(text), []) == []


def test_a_taken_span_is_not_read_again() -> None:
    text = "The Lebanese consul in Barranquilla was shot dead."
    assert find_subjects(text, 0, len(text), [(0, 19)]) == []
