"""Coordinated subjects (extract/conjuncts.py): single people before a counted group add up
with it; conjuncts that name no single person leave the subject unread."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def _tally(text: str, category: str) -> float:
    t = extract_text(text).tally.get(category)
    return t.best if t else 0.0


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        ("The station chief and four guards were killed in the raid on Kell.", "killed", 5),
        ("Haddad and his three bodyguards were shot dead near Ulva.", "killed", 4),
        ("The farmer, his wife, and their two sons were wounded in Brest.", "wounded", 4),
        ("In addition, the deputy commander and two of his aides were killed in Asko.", "killed", 3),
        ("Vitaly Orsk and two others died in the blast in Nim.", "killed", 3),
        # an apposition says the person before it again
        ("Ivo Rask, a teacher, and two pupils were killed in Olm.", "killed", 3),
        # the counted figure closes a list of its own ("his wife and their three sons"), and a
        # read apposition ("a district engineer") says the name before it again
        ("The district judge, his wife and their three sons were killed in Pavla.", "killed", 5),
        ("The district judge, his wife and three sons were killed in Pavla.", "killed", 5),
        ("Ivo Brandt, a district engineer, and his assistant were wounded in Sarn.", "wounded", 2),
        ("Vigilantes killed a trader and his two sons near Orsk.", "killed", 3),
    ],
)
def test_single_conjuncts_add_up(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        # a plural or a thing among the conjuncts: not a list of people counted one by one
        ("Cattle and two herders were killed in Sabo.", "killed", 2),
        ("Police and two soldiers were killed in Sabo.", "killed", 2),
        # the predicate is singular: no coordination of the figure
        ("Officials said a nurse and one patient was evacuated; two guards were killed in Sabo.", "killed", 2),
    ],
)
def test_guards(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best
