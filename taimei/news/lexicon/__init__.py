"""The default bilingual lexicon that ships with the code, and a gazetteer of well-known companies.

`DEFAULT_LEXICON` seeds the admin-editable lexicon of a freshly migrated database and is what
classifies documents out of the box. Terms are written in Traditional Chinese and English; the
Simplified form of every Chinese term is derived with OpenCC (t2s) and listed too, and mainland
vocabulary that is not a mere script conversion (芯片, 人工智能, 软件) is written out.

Weights: 3 = decisive on its own (232條款, 晶圓代工), 2 = strong but needs one more signal (a
second mention or another term), 1 = weak, only counts with other terms. Matching is on folded
text (NFKC, Simplified, case folded); English terms match on word boundaries.

`KNOWN_ORGANIZATIONS` lists companies and agencies that news names without a legal suffix
(Google, 輝達, 美國商務部): each row is (names, industries); the first name is the display name.
The member directory wins over this list when both know a name.
"""

from __future__ import annotations

from taimei.core.text import to_simplified
from taimei.news.lexicon.groups import Groups
from taimei.news.lexicon.industries import INDUSTRIES
from taimei.news.lexicon.organizations import KNOWN_ORGANIZATIONS
from taimei.news.lexicon.topics import TOPICS
from taimei.news.pipeline.document import LexiconEntry

__all__ = ["DEFAULT_LEXICON", "KNOWN_ORGANIZATIONS"]


def _entries(vocabulary: str, groups: Groups) -> list[LexiconEntry]:
    """Flatten (weight, terms) groups, adding each Chinese term's Simplified form once."""
    entries: list[LexiconEntry] = []
    seen: set[tuple[str, str]] = set()
    for slug, weighted in groups.items():
        for weight, terms in weighted:
            for term in terms:
                for form in (term, to_simplified(term)):
                    if (form, slug) not in seen:
                        seen.add((form, slug))
                        entries.append(LexiconEntry(form, vocabulary, slug, weight))
    return entries


DEFAULT_LEXICON: tuple[LexiconEntry, ...] = tuple(
    _entries("topics", TOPICS) + _entries("industries", INDUSTRIES)
)
