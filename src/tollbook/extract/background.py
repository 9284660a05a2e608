"""A killing told as a charge or a motive: (text, where a figure's left cue starts) -> is it
background?

Reports of mob justice and reprisals name the deed the victims were accused of: "a mob lynched
a man accused of murdering a woman", "locals wounded an individual accused of killing a farm
worker", "the attack came in revenge for the killing of two herders". The woman, the farm
worker and the herders died before the event reported; the coders count the man lynched, not
them. A left cue ("murdering", "the killing of") right after a charge word
(grammar/background_patterns.CHARGES, an article or "allegedly" between) starts no claim.
Only the cue's own position is read: "accused of theft, the man was killed" keeps its death.
"Suspected of", "responsible for" and "blamed for" are no charges here: summaries name the
perpetrators of the reported event so ("The AUC are suspected of killing three people").
"""

from __future__ import annotations

from tollbook.extract.grammar.background_patterns import CHARGE_BEFORE, REACH

__all__ = ["charged_killing"]


def charged_killing(text: str, start: int, cue_start: int) -> bool:
    """Is the cue starting at `cue_start` the deed of a charge or a motive?"""
    return CHARGE_BEFORE.search(text, max(start, cue_start - REACH), cue_start) is not None
