"""Companions in death (extract/along.py, which comitative.py was merged into): "along with" after a casualty predicate adds
its people in the predicate's category; guards."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def _tally(text: str, category: str) -> float:
    t = extract_text(text).tally.get(category)
    return t.best if t else 0.0


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        ("The district chief was killed along with three police officers in Uzo.", "killed", 4),
        ("Five hostages died in the fighting along with 20 kidnappers near Belo.", "killed", 25),
        ("The judge was shot dead together with his bodyguard in Asko.", "killed", 2),
        ("Two guards were wounded along with a driver at the camp near Orvo.", "wounded", 3),
    ],
)
def test_the_companions_add_up(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        # another clause between the predicate and the comitative
        ("Two rebels were killed in Ira; along with them, three commanders surrendered.", "killed", 2),
        # already read with its own predicate
        ("The bomber detonated his vest, killing himself along with four others in Oso.", "killed", 5),
        # not a person
        ("A soldier was killed along with the mules of the convoy near Kett.", "killed", 1),
    ],
)
def test_guards(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best


def test_companions_read_by_two_rules_count_once() -> None:
    # one reader of "along with" (comitative.py and along.py both read it before): counted once
    assert _tally("The mayor was killed along with three police officers in Kett.", "killed") == 4
