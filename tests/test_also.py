"""People said to add to those counted before (extract/also.py)."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tollbook.api import extract_text


def test_also_in_the_predicate_adds_a_named_or_described_subject() -> None:
    text = "One trader was seriously injured in a blast in Osso. Another passerby was also slightly wounded."
    assert _best(text, "wounded") == 2.0
    assert _best("Two guards were killed in Marrow. Tomas Verin was also killed.", "killed") == 3.0


def test_without_also_or_another_a_second_statement_is_a_restatement() -> None:
    assert _best("One trader was seriously injured in Osso. The trader was injured by glass.", "wounded") == 1.0


def test_another_before_a_name_adds_once() -> None:
    text = ("The headman of Kessel was slightly injured. Another man, Ivo Marsh, who had come from Tarrow, "
            "was injured by the gunfire.")  # fmt: skip
    assert _best(text, "wounded") == 2.0


def test_as_well_is_no_subject() -> None:
    claims = extract_text("Ivo Marsh, who was sitting on the bench as well, was injured.").claims
    assert [c.text for c in claims if c.category == "wounded"] == ["Ivo Marsh"]
