"""Data: the boilerplate, caption, byline, credit, date and time-zone rules of the stages.

Each rule has a name (recorded in `metadata["removed"]` when it fires), a kind that says what
the extract stage does with a match, and a pattern. Patterns are matched against a paragraph
whose full-width digits, letters and brackets were folded to half width, so `（１３日）` and
`(13日)` are one case. Named groups carry what a rule lifts into the document (`author`,
`editor`, `roc_stamp`, `date`, ...).

Kinds:
- `drop`: the whole paragraph is boilerplate (widgets, promos, share bars, copyright lines).
- `block`: a heading that opens a related-links block; it and the teaser lines after it go.
- `caption`: the paragraph is a photo caption; it moves to `captions`.
- `byline`: the match (at the start of an early paragraph) names the author; text after it
  stays, so the dateline sentence survives.
- `credit`: the match (editor, translator, reporting credits) moves into metadata.
- `stamp`: the match (ROC date stamp, end mark) at the end of the last paragraph goes.
- `trailing`: after the article, a line matching this is an unrelated teaser.
- `bio`: after the article, a note about the author ("Doe covers trade for ..."); a rule with a
  `name` group fires only when that name is the byline's author.
- `lead`: in plain text, header lines before the article (date line).
- `zone`: source hints (outlet, URL, feed-mirror region tag) that say which time zone a naive
  publication time is in.

`max_length` keeps a rule from touching long paragraphs; `sentences` says whether the rule may
remove a paragraph that reads as a real sentence (ends in sentence punctuation and has a
clause break). Recall of the body matters more than anything, so most rules may not.

One module per family: `boilerplate` (drop, block, caption, trailing, lead; DOM furniture),
`credits` (byline, credit, stamp, bio), `dates` (date sources and zone rules); `base` holds
the `Rule` shape and the width folding every stage shares.
"""

from __future__ import annotations

from taimei.news.pipeline.rules.base import WIDTH_TABLE, Rule, ZoneRule, width_fold
from taimei.news.pipeline.rules.boilerplate import (
    BLOCK_RULES,
    BOILERPLATE_CLASS,
    CAPTION_CLASS,
    CAPTION_RULES,
    CAPTION_TAGS,
    DROP_RULES,
    DROP_TAGS,
    LEAD_RULES,
    SECTIONS,
    TRAILING_RULES,
)
from taimei.news.pipeline.rules.credits import (
    AUTHOR_SUFFIX,
    BIO_RULES,
    BYLINE_RULES,
    CREDIT_RULES,
    PLACES,
    STAMP_RULES,
)
from taimei.news.pipeline.rules.dates import (
    DATE_ELEMENT_CLASS,
    DATE_ELEMENT_MAX,
    DATE_ELEMENT_YEAR,
    DATE_JSON_LD,
    DATE_META,
    ENGLISH_DATELINE,
    LANGUAGE_ZONES,
    PLACE_NAME,
    PLACE_ZONES,
    ZONE_ABBREVIATIONS,
    ZONE_RULES,
)

__all__ = [
    "AUTHOR_SUFFIX",
    "BIO_RULES",
    "BLOCK_RULES",
    "BOILERPLATE_CLASS",
    "BYLINE_RULES",
    "CAPTION_CLASS",
    "CAPTION_RULES",
    "CAPTION_TAGS",
    "CREDIT_RULES",
    "DATE_ELEMENT_CLASS",
    "DATE_ELEMENT_MAX",
    "DATE_ELEMENT_YEAR",
    "DATE_JSON_LD",
    "DATE_META",
    "DROP_RULES",
    "DROP_TAGS",
    "ENGLISH_DATELINE",
    "LANGUAGE_ZONES",
    "LEAD_RULES",
    "PLACES",
    "PLACE_NAME",
    "PLACE_ZONES",
    "SECTIONS",
    "STAMP_RULES",
    "TRAILING_RULES",
    "WIDTH_TABLE",
    "ZONE_ABBREVIATIONS",
    "ZONE_RULES",
    "Rule",
    "ZoneRule",
    "width_fold",
]
