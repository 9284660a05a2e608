"""People wounded first who died later (extract/later.py, issue 20): "the two wounded later
succumbed to their wounds", "One peacekeeper died of his wounds" are dead, and add to the
dead counted before them."""

from __future__ import annotations

from tollbook.api import extract_text


def _best(text: str) -> float:
    tally = extract_text(text).tally.get("killed")
    return tally.best if tally else 0.0


def test_the_wounded_who_succumbed_are_dead_and_add_up() -> None:
    text = "Gunmen shot dead three traders in Orlen and wounded two others; the two wounded later succumbed to their wounds."
    claims = [(c.category, c.text, c.flags) for c in extract_text(text).claims]
    # of_wounds: the tally takes them from the wounded (docs/wounded.md, "the wounded are the survivors")
    assert ("killed", "two wounded", ("additional", "of_wounds")) in claims
    assert _best(text) == 5.0
    wounded = extract_text(text).tally.get("wounded")
    assert wounded is not None and wounded.best == 0.0
    assert _best("Three peacekeepers were killed by a mine. One peacekeeper died of his wounds on 21 November.") == 4.0
    assert _best("At least 22 were killed in Sorel. Later, three injured victims succumbed to their injuries.") == 25.0


def test_a_death_without_wounds_or_a_survival_adds_nothing() -> None:
    assert _best("Two soldiers died in Kessel.") == 2.0
    assert _best("A bomb wounded six pilgrims in Tamsin; all survived their injuries.") == 0.0


def test_the_same_people_or_a_name_restate_the_dead() -> None:
    assert _best("Gunmen shot five people in Dahimal. All five died of their injuries.") == 5.0
    text = "Two guards, Anton Relk and Ivo Marn, were killed in Orlen. Marn died later in the hospital."
    assert _best(text) == 2.0
