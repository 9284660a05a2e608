"""After 'and', a noun phrase with its own finite verb is a new subject (count_patterns.NEW_SUBJECT):
'X was killed and his aide was injured' files X as killed only; 'abducted and later killed'
still counts the same people twice."""

from __future__ import annotations

from tollbook.api import extract_text


def _claims(text: str) -> set[tuple[str, str, float]]:
    return {(c.category or "", c.text, c.value) for c in extract_text(text).claims}


def test_a_new_subject_after_and_is_other_people() -> None:
    assert _claims("An observer was killed and his aide was injured when a bomb exploded.") == {
        ("killed", "An observer", 1.0),
        ("wounded", "his aide", 1.0),
    }
    assert ("wounded", "A nurse", 1.0) not in _claims("A nurse was abducted and her colleague was wounded.")


def test_a_second_predicate_of_the_same_people_still_counts_them() -> None:
    assert _claims("Two herders were abducted and later killed.") == {
        ("hostage", "Two herders", 2.0),
        ("killed", "Two herders", 2.0),
    }
