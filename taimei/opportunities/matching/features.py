"""What the scorer knows about each side of a match, extracted once from plain values.

Features are pure data (no models), so the web pages, the command, the evaluation and the
benchmark all score through the same code. `roles` says what a member can be to a post: a
supplier, a buyer, an investor, …; `TARGET_ROLES` says which role each kind of post looks for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from taimei.opportunities.matching.glossary import Matcher, concepts, find_concepts

TARGET_ROLES: dict[str, frozenset[str]] = {
    "sourcing-request": frozenset({"supplier"}),
    "procurement-tender": frozenset({"supplier"}),
    "supply-offer": frozenset({"buyer"}),
    "investment-seeking": frozenset({"investor"}),
    "startup-fundraising": frozenset({"investor"}),
    "investment-offer": frozenset({"investee"}),
    "partnership": frozenset({"partner"}),
    "job": frozenset({"talent"}),
    "talent-seeking": frozenset({"talent"}),
}
# Kinds whose counterparty need not share the post's industry: an investor in semiconductors
# works in finance, a talent agency in education.
SECTOR_AGNOSTIC_KINDS = frozenset(
    {"investment-seeking", "startup-fundraising", "job", "talent-seeking"}
)
ROLES = ("supplier", "buyer", "investor", "investee", "partner", "talent")


def member_roles(*, kind: str, industries: Iterable[str], domains: Iterable[str]) -> frozenset[str]:
    """What an organisation can be to a post, from its kind, industries and domains."""
    industries, domains = set(industries), set(domains)
    roles: set[str] = set()
    service_only = industries <= {"finance", "professional-services", "education"}
    if kind in {"company", "state-owned"} and not service_only:
        roles |= {"supplier", "buyer"}
    if kind == "government" or (kind in {"company", "state-owned"} and "trade" in domains):
        roles.add("buyer")
    if kind in {"company", "state-owned", "association", "partner-organisation"}:
        roles.add("partner")
    if "investment" in domains or "finance" in industries:
        roles.add("investor")
    # An investor is not an investment target, even when "investment" is its domain.
    if kind == "company" and ({"startups", "investment"} & domains) and "finance" not in industries:
        roles.add("investee")
    if "talent" in domains or "education" in industries:
        roles.add("talent")
    return frozenset(roles)


@dataclass(frozen=True, slots=True)
class MemberFeatures:
    """A member organisation as the matcher sees it."""

    id: int
    slug: str
    country: str
    kind: str
    roles: frozenset[str]
    industries: frozenset[str]
    concepts: Mapping[str, str] = field(default_factory=dict)

    @property
    def signature(self) -> frozenset[str]:
        """Tokens compared when judging two members similar (for "not relevant")."""
        return _signature(self.kind, self.industries, self.concepts)


@dataclass(frozen=True, slots=True)
class OpportunityFeatures:
    """A post as the matcher sees it; `mentions` are members it names ({member id: surface})."""

    id: int
    slug: str
    kind: str
    poster_id: int
    poster_country: str
    industries: frozenset[str]
    concepts: Mapping[str, str] = field(default_factory=dict)
    mentions: Mapping[int, str] = field(default_factory=dict)

    @property
    def signature(self) -> frozenset[str]:
        return _signature(self.kind, self.industries, self.concepts)

    @property
    def text_norm(self) -> float:
        """Glossary weight that counts as full text evidence: half of what the post mentions."""
        return text_norm(self.concepts)


def _signature(kind: str, industries: Iterable[str], concept_keys: Iterable[str]) -> frozenset[str]:
    return frozenset(
        [f"k:{kind}", *(f"i:{slug}" for slug in industries), *(f"c:{k}" for k in concept_keys)]
    )


def text_norm(concept_keys: Iterable[str]) -> float:
    glossary = concepts()
    return max(1.0, 0.5 * sum(glossary[key].weight for key in concept_keys))


def member_features(
    *,
    id: int,
    slug: str,
    country: str,
    kind: str,
    industries: Iterable[str],
    domains: Iterable[str],
    names: Iterable[str],
    description: str,
) -> MemberFeatures:
    """Features of an organisation from its profile: names and aliases count as text."""
    text = "\n".join([*names, description])
    return MemberFeatures(
        id=id,
        slug=slug,
        country=country,
        kind=kind,
        roles=member_roles(kind=kind, industries=industries, domains=domains),
        industries=frozenset(industries),
        concepts=find_concepts(text),
    )


def opportunity_features(
    *,
    id: int,
    slug: str,
    kind: str,
    poster_id: int,
    poster_country: str,
    industries: Iterable[str],
    text: str,
    names: Matcher | None = None,
) -> OpportunityFeatures:
    """Features of a post; without explicit industries, those its glossary concepts imply."""
    found = find_concepts(text)
    explicit = frozenset(industries)
    if not explicit:
        glossary = concepts()
        explicit = frozenset(
            industry for key in found if (industry := glossary[key].industry) is not None
        )
    mentions: dict[int, str] = {}
    if names is not None:
        mentions = {
            int(member_id): surface
            for member_id, surface in names.find(text).items()
            if int(member_id) != poster_id
        }
    return OpportunityFeatures(
        id=id,
        slug=slug,
        kind=kind,
        poster_id=poster_id,
        poster_country=poster_country,
        industries=explicit,
        concepts=found,
        mentions=mentions,
    )


def name_matcher(members: Iterable[tuple[int, Iterable[str]]]) -> Matcher:
    """A matcher from every name and alias of each member to its id (as a string key).

    A name two organisations share leads to the first; names shorter than two Chinese
    characters or three Latin letters are skipped (they would match everywhere).
    """
    phrases: dict[str, str] = {}
    for member_id, names in members:
        for name in names:
            if len(name.strip()) >= 3 or any("\u3400" <= ch <= "\u9fff" for ch in name):
                phrases.setdefault(name, str(member_id))
    return Matcher(phrases)
