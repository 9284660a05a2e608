"""Verb forms, declared as data: the verbs that say what happened to the people a figure counts
(`CUE_VERBS`), and the forms of "be" the cue patterns agree on (`BE`, a pattern alternation:
`(?:{BE}|have\\s+been)`). Irregular past tenses, which end an open noun phrase, are
`lexicon.IRREGULAR_VERBS`.
"""

from __future__ import annotations

__all__ = ["BE", "BE_FORMS", "CUE_VERBS", "active_forms", "participles"]

#: The present and past of "be" before a participle or "among": "were killed", "was among".
BE_FORMS: tuple[str, ...] = ("were", "was", "are", "is")
BE = "|".join(BE_FORMS)

#: Verbs of a category that read the same three ways, one row each: (category, participle, -ing
#: form). The participle is a cue after the people ("12 were executed": lexicon.RIGHT_CUES), both
#: forms are cues before them ("executed 12", "executing 12": lexicon.LEFT_CUES), and the
#: participle written actively makes the figure before it the agent, not the victim ("a gunman
#: executed five": cue_patterns.TRANSITIVE). A new verb of an existing category is one row here.
#: Verbs read otherwise (phrases such as "shot dead", "took ... hostage") stay in the cue tables.
CUE_VERBS: tuple[tuple[str, str, str], ...] = (
    ("killed", "murdered", "murdering"),
    ("killed", "massacred", "massacring"),
    ("killed", "executed", "executing"),
    ("killed", "assassinated", "assassinating"),
    ("killed", "beheaded", "beheading"),
    ("killed", "lynched", "lynching"),
    ("wounded", "wounded", "wounding"),
    ("wounded", "injured", "injuring"),
    ("hostage", "abducted", "abducting"),
    ("hostage", "kidnapped", "kidnapping"),
    ("hostage", "captured", "capturing"),
    ("hostage", "seized", "seizing"),
    ("detained", "detained", "detaining"),
    ("detained", "arrested", "arresting"),
)
def participles(*categories: str) -> str:
    """ "murdered|massacred|...": the participles of CUE_VERBS in `categories`, as an alternation
    (every category when none is given), in declaration order."""
    return "|".join(p for c, p, _ in CUE_VERBS if not categories or c in categories)


def active_forms(category: str) -> str:
    """ "murdered|murdering|...": both forms of the category's CUE_VERBS, as an alternation."""
    return "|".join(f"{p}|{ing}" for c, p, ing in CUE_VERBS if c == category)
