"""Attribution grammar read by extract/attribution.py, declared as named patterns and word lists,
compiled once: the speech verbs ("said", "told reporters", inverted ", said the ministry"), "according
to", "quoted by ... as saying", "citing", a statement and who issued it, figures released by, and
the words that are never a speaker.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation

#: The verbs that attribute a figure to a speaker. Two of them take more than the word:
SPEECH_SPECIAL = {
    "told": r"told\s+[\w ]{0,30}?",  # "told reporters"
    "tells": r"tells\s+[\w ]{0,30}?",
    "claimed": r"claimed(?!\s+(?:the\s+)?(?:[\w,]+\s+)?lives)",  # not "claimed 40 lives"
    "claims": r"claims(?!\s+(?:the\s+)?(?:[\w,]+\s+)?lives)",
}
SPEECH_VERBS = (
    "said", "says", "say", "stated", "states", "noted", "notes", "added", "adds", "told", "tells",
    "reported", "reports", "announced", "announces", "declared", "confirmed", "claimed", "claims",
    "wrote", "writes", "explained", "insisted", "estimated", "estimates", "reads", "read",
    "recorded", "counted", "documented", "registered", "put", "puts", "show", "shows", "showed",
    "raised", "revised", "lowered", "updated",  # "Local authorities raised the toll to 25"
)  # fmt: skip
SPEECH = "(?:" + "|".join(SPEECH_SPECIAL.get(v, v) for v in SPEECH_VERBS) + ")"
#: Every match of X_SAID and SAID_X (case-sensitive) holds one of the verbs as written: a
#: sentence without any is not scanned with them, which tries each of its positions.
SPEECH_WORD = re.compile(alternation(SPEECH_VERBS))
STATEMENT_ISSUED = re.compile(
    r"(?P<x>[A-Z][^.;:\"“”()]{1,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:issued|released|published|"
    r"made|put\s+out|adopted)\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press\s+release|"
    r"report|declaration)|(?P<y>[A-Z][^.;:\"“”()]{1,80}?)\s+said\s+in\s+(?:a|an)\s+(?:\w+\s+)?"
    r"statement|(?:a|the)\s+statement\s+(?:by|from|of)\s+(?P<z>[A-Z][^.;:,\"“”]{1,80}?)(?=[,.;]|\s+(?:said|on|that))"
)
ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<x>[^,.;:\"“”()]{2,90}?)(?=\s*(?:[,.;:\"“”()]|$|\s+(?:which|who|that|in\s+a)\b))",
    re.IGNORECASE,
)
X_SAID = re.compile(
    r"(?:^|[,;:“”\"]\s*|\)\s*[-–—]\s*|\s[-–—]\s+|\b(?:and|but|while|whereas|as|that)\s+)(?P<x>(?:[Tt]he\s+|[Aa]n?\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,8}?)"
    # "The provincial health department on Wednesday lowered the toll": the day is not the name
    r"(?:\s+(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|\s+(?:yesterday|today))?\s*,?\s+"
    r"(?:has\s+|had\s+|have\s+|also\s+|later\s+|earlier\s+)?" + SPEECH + r"\b"
)
#: Verbs that take their subject after them (", said the ministry."); "put", "show" and the
#: like never do (", put the toll at 17").
INVERTED_VERBS = (
    "said", "says", "told", "added", "adds", "reported", "wrote", "writes", "stated", "noted",
    "confirmed", "announced", "explained", "insisted", "declared", "claimed",
)  # fmt: skip
INVERTED = "(?:" + "|".join(SPEECH_SPECIAL.get(v, v) for v in INVERTED_VERBS) + ")"
SAID_X = re.compile(
    r"[,“”\"]\s*(?:" + INVERTED + r")\s+(?P<x>(?:[Tt]he\s+|[Aa]n?\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,8}?)\s*(?=[.,;]|$)"
)
QUOTED_BY = re.compile(
    r"(?P<x>[A-Z][\w’'.-]*(?:[\s,-]+[\w’'.-]+){0,12}?)\s*,?\s+(?:was|were|is|has\s+been)\s+"
    r"quoted\s+by\s+(?P<y>[^,]{2,80}?)\s*,?\s+as\s+saying",
)
#: The active form: "The national broadcaster quoted a police spokesman as saying".
QUOTED = re.compile(
    r"(?P<y>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,6}?)\s+quoted\s+(?P<x>(?:the\s+|an?\s+)?[\w’'.-]+"
    r"(?:\s+[\w’'.-]+){0,6}?)\s*,?\s+as\s+saying",
)
REPORTS = re.compile(r",\s*(?P<x>[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,3})\s+(?:reports|reported)\s*\.")
CITING = re.compile(r"\bciting\s+(?P<x>[^,.;:\"“”()]{2,80}?)\s*(?=[,.;]|\s+(?:as|said|says)\b)", re.IGNORECASE)
#: The words every STATEMENT_ISSUED match holds, and the characters none crosses (its lookahead
#: may read one): a match lies in a stretch between two of these that holds one of the words.
STATEMENT_WORD = re.compile(r"statement|communiqu[eé]|press\s+release|report|declaration")
STATEMENT_STOP_CHARS = ".;:\"“”"
STATEMENT_STOP = re.compile("[" + re.escape(STATEMENT_STOP_CHARS) + "]")
RELEASED_BY = re.compile(
    r"\b(?:figures|data|statistics|numbers|records|a\s+report|the\s+report|a\s+tally|a\s+count)\s+"
    r"(?:released|published|compiled|provided|issued|gathered|collected)\s+by\s+"
    r"(?P<x>[^,.;:\"“”()]{2,80}?)\s+(?=show|showed|shows|said|say|put|indicate)",
    re.IGNORECASE,
)
WORD_CHAR = re.compile(r"\w\w")
TRAILING_ADVERB = re.compile(r"\s+(?:now|also|later|again|earlier|further|then|still)\s*$")
RELATIVE_HEAD = re.compile(r"(?P<x>(?:[Tt]he\s+|[Aa]n?\s+)?[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)\s*,?\s*$")
BULLET = re.compile(r"\n\s*(?:[-–—•*]|\d{1,2}[:.]\d{2})\s+")
TIME_STAMP = re.compile(r"^\s*(?:\d{1,2}[:.h])?\d{2}\s+(?=[A-Z])")
#: What may follow a sentence-final "X said": nothing, or the day of the statement.
FINAL = re.compile(
    r"\s*(?:(?:on|late|early|last|this)\s+)*(?:[A-Z][a-z]+|today|yesterday|overnight|tonight)?"
    r"\s*[.!?]?\s*$"
)
# Characters that no capitalised name run (_antecedent) can contain.
NAME_STOP = re.compile(r"[^\w'’.\- \t\n]")
APPOSITIVE = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}),\s*$")
PRONOUNS = frozenset("he she they it we i who this that which there a an the".split())
NOT_SPEAKERS = re.compile(
    r"^(?:it|this|that|there|which|who|one|some|many|officials?\s+have|reports?|sources?)$|"
    r"\b(?:unconfirmed|unverified|rumou?rs?)\b|^(?:an?\s+)?estimated$|"
    r"\b(?:people|killed|were|was|is|are|been|dead|died|left|wounded|injured)\b|"
    r"^(?:the\s+|an?\s+)?(?:\w+\s+)?(?:attacks?|blasts?|strikes?|explosions?|bombings?|fire|"
    r"fighting|shelling|clashes|violence|floods?|storm|earthquake)$",
    re.IGNORECASE,
)


# Patterns the rule functions read (written inline there before they were named here).
#: A speaker's leading article, dropped from its display form.
LEADING_ARTICLE = re.compile(r"^(?:the|The|a|A|an|An)\s+")
#: A statement issuer's name is the last clause of its match.
CLAUSE_BREAK = re.compile(r",\s+|\bthat\s+|\n\s*\n")
#: 'the statement from X': X is the speaker.
STATEMENT_OF = re.compile(r"\b(?:statement|communiqu[eé]|report)\s+(?:from|by|of)\s+(.+)$", re.IGNORECASE)
#: After a quotation: '”, the minister said'.
QUOTE_SPEAKER_SAID = re.compile(r"[”\"]\s*,?\s*(?P<x>(?:[Tt]he\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,8}?)\s+" + SPEECH + r"\b")
#: After a quotation: '”, said the minister.'
QUOTE_SAID_SPEAKER = re.compile(r"[”\"]\s*,?\s*" + SPEECH + r"\s+(?P<x>(?:[Tt]he\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,8}?)\s*[.,;]")
#: Before a quotation: '... as saying, “'.
AS_SAYING_END = re.compile(r"as\s+saying\s*,?\s*[“\"]?\s*\Z", re.IGNORECASE)
#: Before a quotation: 'the minister said: “'.
SPEAKER_SAID_QUOTE = re.compile(r"(?P<x>(?:[Tt]he\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,6}?)\s+" + SPEECH + r"\s*:?\s*[“\"]?\s*\Z")
#: A conjunction opening an 'X said' subject is not part of the speaker.
LEADING_CONJUNCTION = re.compile(r"^(?:and|but|while|whereas|as|that)\s+")
#: A subject that names someone: capitalised, or with an article.
NAMED_SUBJECT = re.compile(r"(?:[Tt]he\s+|[Aa]n?\s+)?[A-Z]|(?:the|a|an)\s+\w")
#: 'X said in a statement'.
SAID_IN_STATEMENT = re.compile(r"\s*said\s+in\s+a\s+statement")
#: A figure that is one indefinite person ("a police officer", "an army officer"): when it is
#: also its sentence's speaker ("..., a police officer told Horn Wire"), it speaks, it is no
#: victim. "One rebel death reported" is not such a person.
INDEFINITE_ONE = re.compile(r"(?:a|an)\s", re.IGNORECASE)



# Issue 23's marks (scan/speech.py): which sentences each pattern of Attributor._cues_in may match
# in, read for every sentence at once.
#: Each pattern's word sets (compared folded, literals.fold, as case-blind patterns compare
#: letters): every match holds a word of each set, so a sentence lacking every word of one set
#: is not searched with the pattern. tests/test_scan_attribution.py proves each set against its
#: pattern (literals.proves). A case-sensitive pattern's words are found folded too: a superset.
CUE_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "QUOTED_BY": (("quoted",), ("saying",)),
    "QUOTED": (("quoted",), ("saying",)),
    "CITING": (("citing",),),
    "RELEASED_BY": (
        ("figures", "data", "statistics", "numbers", "records", "report", "tally", "count"),
        ("released", "published", "compiled", "provided", "issued", "gathered", "collected"),
    ),
    "ACCORDING": (("according",),),
    "X_SAID": (SPEECH_VERBS,),
    "SAID_X": (INVERTED_VERBS,),
}
#: The words every STATEMENT_ISSUED match holds one of (folded; its issuing verbs, or the
#: "statement" of 'said in a statement' and 'the statement by'): first_statement skips a
#: stretch without one (tests/test_scan_attribution.py proves it).
STATEMENT_GATE = ("issued", "released", "published", "made", "put", "adopted", "statement")
#: Every character a SPEAKER_SAID_QUOTE match consumes (read on the reversed text: the run of
#: them the text ends with). A match ends at the end, so it lies in that run.
SAID_QUOTE_RUN = re.compile(r"[\w’'.\-\s:“\"]*")

