"""Verb forms, declared as data: the forms of "be" the cue patterns agree on, as a pattern
alternation (a pattern writes `(?:{BE}|have\\s+been)`). Irregular past tenses, which end an
open noun phrase, are `lexicon.IRREGULAR_VERBS`.
"""

from __future__ import annotations

__all__ = ["BE", "BE_FORMS"]

#: The present and past of "be" before a participle or "among": "were killed", "was among".
BE_FORMS: tuple[str, ...] = ("were", "was", "are", "is")
BE = "|".join(BE_FORMS)
