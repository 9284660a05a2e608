"""A killing told as a charge or a motive is background (extract/background.py): "lynched a man
accused of murdering a woman" counts the man, not the woman; the perpetrators of the reported
event "suspected of killing" still kill."""

from __future__ import annotations

from tests.conftest import claims_of as _killed
from tollbook.extract.background import charged_killing


def test_the_charge_right_before_the_cue() -> None:
    text = "a man accused of murdering a woman"
    assert charged_killing(text, 0, text.index("murdering"))
    text = "in revenge for the killing of two herders"
    assert charged_killing(text, 0, text.index("the killing"))
    text = "Rebels are suspected of killing three farmers"
    assert not charged_killing(text, 0, text.index("killing"))


def test_the_charged_death_is_no_claim_and_the_event_keeps_its_own() -> None:
    assert _killed("A mob in Velt lynched a man accused of murdering a woman.") == [("a man", 1.0)]
    assert _killed("Herders attacked Kelda in revenge for the killing of two herders, killing five farmers.") \
        == [("five farmers", 5.0)]  # fmt: skip
    assert _killed("Accused of theft, a man was killed by a mob in Velt.") == [("a man", 1.0)]
    assert _killed("Rebels are suspected of killing three farmers in Amsel.") == [("three farmers", 3.0)]
