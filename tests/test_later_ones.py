"""A bare figure told dying later after a wounding (extract/later_ones.py), and figures that
point back at the wounded (later._points_back)."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tollbook.api import extract_text


def test_a_bare_figure_dying_after_a_wounding_leaves_the_survivors() -> None:
    text = "Two traders were wounded when gunmen fired on the market. One later died of his wounds."
    assert _best(text, "killed") == 1.0
    assert _best(text, "wounded") == 1.0
    text = "A grenade hurt four pilgrims at the shrine. One succumbed to his injuries on Sunday."
    assert (_best(text, "killed"), _best(text, "wounded")) == (1.0, 3.0)


def test_a_bare_figure_the_count_rules_read_points_back_at_the_wounded() -> None:
    text = "Three border guards were injured by a mine; two died later in hospital."
    assert (_best(text, "killed"), _best(text, "wounded")) == (2.0, 1.0)
    text = "The attack left four dead. Two were wounded. One of them later died."
    assert (_best(text, "killed"), _best(text, "wounded")) == (5.0, 1.0)


def test_no_wounding_before_no_reading() -> None:
    assert _best("Five soldiers were killed in the ambush. One later died.", "killed") == 5.0
    assert _best("Six hostages were freed by the army. One later died in hospital.", "wounded") is None
    assert _best("One later died of his wounds.", "killed") is None


def test_inside_a_sentence_a_part_of_an_uncounted_whole_is_read_here() -> None:
    # The whole ("Some of the villagers") is no figure, so later._part_deaths has nothing to
    # take a part of: this reader owns the clause-opening "one" inside the sentence too. (Reading
    # only sentence-initial figures here loses this death: tried, and measured on the shared data.)
    text = "Some of the villagers who tried to flee were injured, and one later died in hospital."
    assert (_best(text, "killed"), _best(text, "wounded")) == (1.0, None)
    # A counted whole: the part's death is later._part_deaths' reading, made once, on the part.
    text = "Three guards were hurt; two died later in hospital."
    assert [(c.text, c.rule) for c in extract_text(text).claims if c.category == "killed"] == [
        ("two", "count.right:killed+part_died")
    ]
