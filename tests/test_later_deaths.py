"""Deaths of the wounded told after the toll are additional (extract/later.py)."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tollbook.api import extract_text


def test_a_later_death_of_the_wounded_adds_to_the_toll() -> None:
    assert _best("Two farmers were killed and four wounded. One of the wounded later died.") == 3.0
    assert _best("A bomb killed three soldiers. Two of the injured died of their wounds the next day.") == 5.0
    assert _best("Six people died in the blast. Three others later succumbed to their injuries.") == 9.0


def test_a_later_total_still_replaces_the_sum() -> None:
    text = "Four people were killed. One of the wounded later died, raising the death toll to 5."
    assert _best(text) == 5.0


def test_a_bare_death_a_pronoun_a_name_or_a_restated_group_is_no_addition() -> None:
    assert _best("A bomb killed one person. He died of his wounds the next day.") == 1.0
    assert _best("Two officers, Ivo Brandt and Ana Dorn, were killed. Dorn died later in hospital.") == 2.0
    assert _best("Gunmen shot dead four traders. All four died of their wounds.") == 4.0


def test_a_definite_phrase_may_be_someone_counted_before() -> None:
    assert _best("Gunmen killed a taxi driver. The victim died from his injuries later.") == 1.0


def _flags(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.category or "", c.text, c.flags) for c in extract_text(text).claims if c.category == "killed"]


def _wounded(text: str) -> float | None:
    wounded = extract_text(text).tally.get("wounded")
    return wounded.best if wounded is not None else None


def test_one_rule_for_every_reading_of_a_death_of_wounds() -> None:
    """However the death is told, its people are killed, additional and of_wounds, and the
    wounded tally leaves them (docs/wounded.md: the wounded are the survivors)."""
    both = ("additional", "of_wounds")
    # the figure's own predicate, its noun naming the wounded
    text = "Gunmen killed two guards and wounded six people in Orsk. Two wounded later succumbed to their wounds."
    assert ("killed", "Two wounded", both) in _flags(text)
    assert (_best(text), _wounded(text)) == (4.0, 4.0)
    # the figure's own predicate, past an apposition naming them
    text = "Nine villagers were wounded in Tarrow. Two victims, Ana Dorn and Ivo Brandt, died of their injuries."
    assert ("killed", "Two victims", both) in _flags(text)
    assert (_best(text), _wounded(text)) == (2.0, 7.0)
    # a second predicate of the wounded, read here ...
    text = "A nurse was injured by shrapnel in Dovre and subsequently succumbed to her wounds."
    assert ("killed", "A nurse", both) in _flags(text)
    assert (_best(text), _wounded(text)) == (1.0, 0.0)
    # ... or read by the count rules as a coordinated predicate
    text = "Two farmers were wounded by the shelling of Vesk and later died of their injuries."
    assert ("killed", "Two farmers", both) in _flags(text)
    assert (_best(text), _wounded(text)) == (2.0, 0.0)


def test_a_later_death_not_told_of_wounds_takes_no_one_from_the_wounded() -> None:
    text = "Gunmen shot dead two guards and wounded five people in Orsk. A third guard died in hospital."
    assert ("killed", "A third guard", ("additional",)) in _flags(text)
    assert (_best(text), _wounded(text)) == (3.0, 5.0)


def test_an_approximate_count_of_the_wounded_keeps_its_figure() -> None:
    # "around 50": its survivors are not known, and the coders keep the stated figure
    assert _wounded("About 40 people were wounded in Orsk. Two later died of their injuries.") == 40.0
    assert _wounded("Forty people were wounded in Orsk. Two later died of their injuries.") == 38.0


def test_a_name_in_a_list_is_no_addition() -> None:
    text = "Two guards, Anton Relk and Ivo Marn, were shot in Orlen. Relk died at the scene and Marn died later in the hospital."
    assert ("killed", "Marn", ()) in _flags(text)  # a name read as one of a list: maybe one counted before
    assert _best(text) == 2.0
