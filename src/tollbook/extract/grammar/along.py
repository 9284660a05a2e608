"""People killed "along with" someone: the words of "was shot and killed along with his driver",
"murdered a Portuguese employee, along with a Mozambican colleague" -> tables extract/along.py reads.
"""

from __future__ import annotations

from typing import Final

#: Phrases that add people to those a predicate is said of.
ALONG: Final[tuple[str, ...]] = ("along with", "together with", "as well as")
#: Of those, the ones that add only to a predicate told before them: "Three tourists were injured
#: as well as the driver" (+1); before a verb, "as well as" joins two subjects ("Police as well
#: as soldiers were deployed"), which the subject readers count.
AFTER_ONLY: Final[tuple[str, ...]] = ("as well as",)
#: Predicates of dying whose subject "along with" may extend ("died along with his son").
DIED: Final[tuple[str, ...]] = ("died", "perished", "were killed", "was killed")
#: How far (characters) from the verb "along with" may stand.
REACH: Final[int] = 140
