"""One-letter slips of the wounding verbs (grammar/slips.py): each is read as its verb, before
its people, after them and as an agent's -ing form; a slip that is a word of its own is not
read before "to"; the correctly spelt verbs are no slips."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.grammar.slips import SLIP_GUARD
from tollbook.extract.grammar.verbs import CUE_VERBS, SLIP_ROWS


def test_every_slip_is_read_before_after_and_as_an_agent() -> None:
    assert SLIP_ROWS
    for category, participle, ing in SLIP_ROWS:
        p, g = participle.removesuffix(SLIP_GUARD), ing.removesuffix(SLIP_GUARD)
        for text in (f"Gunmen {p} 12 villagers on Monday.", f"Twelve villagers were {p} on Monday.",
                     f"Gunmen attacked the village, {g} 12 villagers."):  # fmt: skip
            assert [(c.category, c.value) for c in extract_text(text).claims] == [(category, 12.0)], text


def test_slips_are_no_declared_form_and_keep_the_first_letter() -> None:
    forms = {f for _c, p, ing in CUE_VERBS for f in (p, ing)}
    for _c, participle, ing in SLIP_ROWS:
        for slip in (participle.removesuffix(SLIP_GUARD), ing.removesuffix(SLIP_GUARD)):
            assert slip not in forms
            assert slip[0] in "wi"  # wounded / injured: "founded", "rounds" are never made
    assert ("wounded", "inured" + SLIP_GUARD, "inuring" + SLIP_GUARD) in SLIP_ROWS


def test_a_slip_that_is_a_word_is_not_read_before_to() -> None:
    assert extract_text("Twelve villagers were inured to the shelling.").claims == ()
    assert [(c.category, c.value) for c in extract_text("Twelve villagers were inured in the shelling.").claims] == [("wounded", 12.0)]
