"""Misspelt casualty words read by extract/spelling.py, declared as data: the cue words a
misspelling is measured against, the real words one edit away from them (never corrected),
and the habitual misspellings more than one edit away.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import verbs as vb

#: Casualty cue words a token one edit away from (insertion, deletion, substitution, swap of
#: two neighbours; the first letter kept) is read as. Short words ("dead", "died", "kill") are
#: left out: one edit from them is too often another real word ("deal", "diet", "till").
CUE_WORDS = frozenset(
    """killed killing casualties casualty fatalities fatality injured injuries wounded
    assassinated assassination executed murdered massacred beheaded slaughtered""".split()
) | frozenset(  # and both forms of every killing and wounding cue verb ("injring", "wonuded")
    form for category, *forms in vb.CUE_VERBS if category in ("killed", "wounded") for form in forms
)
#: Real words one edit away from a cue word: kept as written.
REAL_NEIGHBOURS = frozenset(
    """killer kilted kilned killings kilting injures insured insuring injurer wounder executes
    executer execute murderer murders massacres massacre beheader slaughterer slaughters
    assassinate assassinator lunched lunching lynches""".split()
)
#: Real words one edit away from a cue word, kept as written before the word given and read as
#: the cue word elsewhere: "inured to gunfire", but "three were inured in the blast".
KEPT_BEFORE: dict[str, str] = {"inured": "to"}
#: Habitual misspellings more than one edit away from their word.
VARIANTS = {"causalities": "casualties", "causality": "casualty", "casualities": "casualties"}
#: A word token; the shortest token a cue word is looked for in.
WORD = re.compile(r"[A-Za-z]+")
MIN_LENGTH = 6
#: The cue words by their first letter (a misspelling keeps the first letter).
BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(w for w in sorted(CUE_WORDS) if w[0] == first)
    for first in sorted({w[0] for w in CUE_WORDS})
}
