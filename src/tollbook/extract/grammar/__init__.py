"""The grammar the extractor reads, declared as data: cue words, population nouns and
their classes, number words, verb forms -> compiled tables and patterns.

- `populations`: population nouns -> (population, class, unit); organisations' members.
- `numberwords`: spelled numbers, scales, vague amounts, qualifier phrases.
- `verbs`: the forms of "be" the cue patterns share.
- `lexicon`: category nouns, left and right cue tables, stop words, breakdown and zero
  patterns; it loads `populations` and compiles everything once, at import.
- `cue_patterns`, `head_patterns`, `phrase_patterns`, `count_patterns`, `housing_patterns`,
  `attribution_patterns`, `anchor_patterns`, `date_patterns`, `segment_patterns`, `glue_patterns`,
  `area_patterns`: the named patterns each rule module (extract/cues.py, heads.py,
  attribution.py, anchor.py, dates.py, ...) reads.
- `loader`: the one loader: rows -> tables, refusing a word declared with two meanings.
- `alternation`: word lists -> fast regular-expression alternations.

Rule modules hold no word lists of their own (tests/test_grammar.py names the modules it checks;
the place finder's words are in geo/placewords.py): a new cue word goes into the table here that
names its category (see README, "Where to add ...").
"""
