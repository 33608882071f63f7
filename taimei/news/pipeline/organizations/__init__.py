"""Stage `link_organizations`: organisations named in the text, linked to the member directory.

Reads `text` (through a length-preserving fold, so offsets map straight back) and
`Options.directory`. Writes `organizations`.

One module per concern: `aliases` matches every alias of every member and of the well-known
organisations in `taimei.news.lexicon.KNOWN_ORGANIZATIONS`; `patterns` then finds Chinese
names of organisations that are not members where the text makes it clear (a Latin gloss, an
institutional suffix, a government office), and `english` English ones (an organisational last
word, a government unit, a business described beside its name); `names` decides where a
Chinese name begins. Each pass leaves alone what an earlier one claimed.
"""

from __future__ import annotations

from taimei.core.text import aligned_fold
from taimei.news.pipeline.document import Document, Options, OrganizationMention
from taimei.news.pipeline.organizations.aliases import (
    Matcher,
    is_ascii_word_char,
    key_starts,
    matcher_for,
)
from taimei.news.pipeline.organizations.english import english_pass
from taimei.news.pipeline.organizations.names import strip_prefixes, trim_name
from taimei.news.pipeline.organizations.patterns import Collector, Found, paren_pass, suffix_pass

__all__ = [
    "Matcher",
    "aligned_fold",
    "industries_of",
    "is_ascii_word_char",
    "key_starts",
    "link_organizations",
    "matcher_for",
    "strip_prefixes",
    "trim_name",
]


def link_organizations(doc: Document, options: Options) -> Document:
    """Find organisations in `doc.text`, link members, keep surface forms and offsets."""
    text = doc.text
    folded = aligned_fold(text)
    matcher = matcher_for(options)
    collector = Collector(text, folded, matcher)
    for start, end, target in matcher.scan(text, folded):
        collector.add(start, end, target)
    paren_pass(collector)
    suffix_pass(collector)
    english_pass(collector)
    doc.organizations = [_mention(found) for found in collector.found.values()]
    doc.organizations.sort(key=lambda org: org.spans[0].start)
    return doc


def _mention(found: Found) -> OrganizationMention:
    spans = sorted(found.spans, key=lambda span: span.start)
    mentions = list(dict.fromkeys(span.text for span in spans))
    # Members keep their directory name; others are named as this text first names them.
    name = found.target.name if found.target.member else mentions[0]
    return OrganizationMention(name, found.target.member, mentions, spans)


def industries_of(doc: Document, options: Options) -> dict[str, list[str]]:
    """Industry slug → mentions of the organisations in `doc` that imply it (for classification)."""
    matcher = matcher_for(options)
    by_member = matcher.by_member
    implied: dict[str, list[str]] = {}
    for org in doc.organizations:
        target = by_member.get(org.member) if org.member else None
        for mention in org.mentions if target is None else ():
            target = matcher.lookup(aligned_fold(mention)) or target
        for slug in target.industries if target is not None else ():
            implied.setdefault(slug, []).append(org.mentions[0] if org.mentions else org.name)
    return implied
