"""Later fates (extract/later.py, the second death): the wounded who died of it in the same
clause are counted killed and leave the wounded (the tally's survivors: docs/wounded.md); a
death with its own subject or in another clause is not theirs."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def _best(text: str) -> tuple[float, float]:
    t = extract_text(text).tally
    killed, wounded = t.get("killed"), t.get("wounded")
    return (killed.best if killed else 0.0, wounded.best if wounded else 0.0)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the wounded who died are not among the wounded (GTD's nwound: non-fatal injuries; these
        # were (2, 2), (2, 1), (1, 1) while fates.py kept them wounded against tally._survivors)
        ("Two farmers were wounded by the shelling of Vesk and later died of their injuries.", (2, 0)),
        ("One soldier was killed and another soldier was injured in Amra before succumbing to his wounds.", (2, 0)),
        ("A boy was hurt in the crossfire near Tolo and died on the way to hospital.", (1, 0)),
        # its own subject: another person died
        ("Four people were wounded in Ulm and a guard died of a heart attack.", (1, 4)),
        # another clause
        ("Five people were wounded in Ulm; the bomber died in the blast.", (1, 5)),
        ("Six people were wounded in the attack on Orsk, but nobody died.", (0, 6)),
    ],
)
def test_later_deaths(text: str, want: tuple[float, float]) -> None:
    assert _best(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "A gunman wounded five people in Orsk before dying in a shootout with police.",
        "The bomber injured five soldiers near Orsk and died in the blast.",
    ],
)
def test_a_death_after_the_object_of_an_active_wounding_is_its_subjects(text: str) -> None:
    # the five were wounded; the one who died is the gunman (fates.py read the five as dead)
    claims = extract_text(text).claims
    assert not any(c.category == "killed" and c.value == 5 for c in claims)
    assert _best(text)[1] == 5
