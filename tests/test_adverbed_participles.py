"""A figure's participle used as a noun past degree adverbs ("eleven seriously injured", in
extract/heads.py), and such a figure after a breakdown closed by ", and" (extract/counts.py)."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.heads import head_of
from tollbook.extract.numbers import find_numbers


def _claims(text: str) -> list[tuple[str | None, float, str]]:
    return [(c.category, c.value, c.text) for c in extract_text(text).claims]


def _noun_category(text: str) -> str | None:
    num = next(n for n in find_numbers(text, 0, len(text)) if n.kind == "cardinal")
    head = head_of(text, num, len(text))
    return head[4] if head is not None else None


def test_a_figure_reaches_its_participle_across_degree_adverbs() -> None:
    assert _noun_category("eleven seriously injured in the blast") == "wounded"
    assert _noun_category("five slightly wounded by glass") == "wounded"
    assert _noun_category("2.4 million internally displaced") == "displaced"
    assert ("wounded", 11.0, "eleven seriously injured") in _claims(
        "There were eleven seriously injured and one person was killed.")
    assert ("wounded", 5.0, "five slightly injured") in _claims(
        "A bomb exploded at the Osso market, with five slightly injured in the blast.")


def test_a_fatal_adverb_or_a_people_noun_keeps_the_wounded_noun_reading_off() -> None:
    assert _noun_category("three fatally injured in the blast") is None
    assert _noun_category("three mortally wounded in the blast") is None
    # the people noun is the head: the participle modifies it
    assert _noun_category("eleven seriously injured people") is None


def test_a_figure_naming_its_category_after_a_breakdown_is_a_new_clause() -> None:
    claims = _claims("Three persons were killed, including an official, and twenty-nine injured in a blast.")
    assert ("killed", 3.0, "Three persons") in claims
    assert ("wounded", 29.0, "twenty-nine injured") in claims
    # a member with no category of its own stays in the breakdown
    listed = _claims("Nine people were killed, including a child and two women.")
    assert ("killed", 9.0, "Nine people") in listed
    assert all(c[0] == "killed" for c in listed)
