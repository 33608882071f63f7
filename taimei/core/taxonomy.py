"""The platform's controlled vocabularies (DESIGN.md, "Taxonomy slugs"), defined once.

Models, forms, filters, importers and the API all read from here. Every term carries its
Traditional Chinese and English label as data, so the label follows the active language without
a round trip through the translation catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import get_language


@dataclass(frozen=True, slots=True)
class Term:
    """One slug of a vocabulary with its two labels."""

    slug: str
    zh: str
    en: str

    def label_for(self, language: str | None) -> str:
        """The label in `language` (a Django language code); Chinese unless English is asked."""
        return self.en if (language or "").startswith("en") else self.zh

    @property
    def label(self) -> str:
        """The label in the active language, resolved when rendered."""
        return _lazy_label(self)


def _active_label(term: Term) -> str:
    return term.label_for(get_language())


_lazy_label = lazy(_active_label, str)


class Vocabulary:
    """An ordered, immutable set of terms addressable by slug."""

    def __init__(self, name: str, terms: Iterable[Term]) -> None:
        self.name = name
        self.terms: tuple[Term, ...] = tuple(terms)
        self._by_slug = {term.slug: term for term in self.terms}
        if len(self._by_slug) != len(self.terms):
            raise ValueError(f"duplicate slug in vocabulary {name}")

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def __getitem__(self, slug: str) -> Term:
        return self._by_slug[slug]

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(term.slug for term in self.terms)

    @property
    def choices(self) -> list[tuple[str, str]]:
        """Django `choices`: labels stay lazy so they follow the request's language."""
        return [(term.slug, term.label) for term in self.terms]

    def order(self, slugs: Iterable[str]) -> list[str]:
        """`slugs` de-duplicated and in vocabulary order, for stable output."""
        wanted = set(slugs)
        return [slug for slug in self.slugs if slug in wanted]


TOPICS = Vocabulary(
    "topics",
    [
        Term("trade", "台美貿易", "Taiwan–U.S. trade"),
        Term("market-expansion", "拓展商機", "Market expansion"),
        Term("procurement", "政府採購", "Government procurement"),
        Term("supply-chain", "供應鏈重組", "Supply-chain restructuring"),
        Term("investment", "經商投資", "Business and investment"),
        Term("talent", "台美人才人脈", "Talent and networks"),
        Term("startups", "新創", "Startups"),
    ],
)

DOMAINS = Vocabulary(
    "domains",
    [
        Term("trade", "貿易", "Trade"),
        Term("investment", "投資", "Investment"),
        Term("industry", "產業", "Industry"),
        Term("talent", "人才", "Talent"),
        Term("startups", "新創", "Startups"),
    ],
)

MEMBER_KINDS = Vocabulary(
    "member kinds",
    [
        Term("company", "民間企業", "Company"),
        Term("state-owned", "國營事業", "State-owned enterprise"),
        Term("association", "公協會", "Industry association"),
        Term("government", "政府機關", "Government agency"),
        Term("partner-organisation", "合作夥伴組織", "Partner organisation"),
    ],
)

COUNTRIES = Vocabulary(
    "countries",
    [
        Term("TW", "台灣", "Taiwan"),
        Term("US", "美國", "United States"),
    ],
)

INDUSTRIES = Vocabulary(
    "industries",
    [
        Term("semiconductors", "半導體", "Semiconductors"),
        Term("ai", "人工智慧", "Artificial intelligence"),
        Term("ict-hardware", "資通訊硬體", "ICT hardware"),
        Term("telecom-5g", "電信與5G", "Telecom and 5G"),
        Term("cybersecurity", "資安", "Cybersecurity"),
        Term("cloud-datacenter", "雲端與資料中心", "Cloud and data centres"),
        Term("biotech-health", "生技醫療", "Biotech and health"),
        Term("medical-devices", "醫療器材", "Medical devices"),
        Term("energy", "能源", "Energy"),
        Term("nuclear", "核能", "Nuclear"),
        Term("renewables", "再生能源", "Renewables"),
        Term("steel-materials", "鋼鐵與材料", "Steel and materials"),
        Term("petrochemicals", "石化", "Petrochemicals"),
        Term("defense-aerospace", "國防航太", "Defense and aerospace"),
        Term("drones", "無人機", "Drones"),
        Term("quantum", "量子科技", "Quantum technology"),
        Term("finance", "金融", "Finance"),
        Term("consumer-products", "消費性產品", "Consumer products"),
        Term("logistics", "物流", "Logistics"),
        Term("machinery", "機械", "Machinery"),
        Term("automotive-ev", "汽車與電動車", "Automotive and EV"),
        Term("agriculture-food", "農業食品", "Agriculture and food"),
        Term("education", "教育", "Education"),
        Term("professional-services", "專業服務", "Professional services"),
    ],
)

VOCABULARIES: dict[str, Vocabulary] = {
    "topics": TOPICS,
    "domains": DOMAINS,
    "kinds": MEMBER_KINDS,
    "countries": COUNTRIES,
    "industries": INDUSTRIES,
}


# Module-level callables for model `choices`: migrations store a reference to them instead of
# the labels, so switching language never looks like a schema change.
def country_choices() -> list[tuple[str, str]]:
    return COUNTRIES.choices


def member_kind_choices() -> list[tuple[str, str]]:
    return MEMBER_KINDS.choices


def topic_choices() -> list[tuple[str, str]]:
    return TOPICS.choices


def industry_choices() -> list[tuple[str, str]]:
    return INDUSTRIES.choices


def domain_choices() -> list[tuple[str, str]]:
    return DOMAINS.choices
