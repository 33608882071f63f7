"""Scoring one (post, member) pair: a weighted sum of parts a person can check.

The same function scores every pair wherever it is needed (pages, the command, brute force in
the benchmark); `retrieval` only decides which pairs are worth scoring.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from taimei.core.taxonomy import COUNTRIES, INDUSTRIES
from taimei.opportunities.kinds import OPPORTUNITY_KINDS
from taimei.opportunities.matching.features import (
    SECTOR_AGNOSTIC_KINDS,
    TARGET_ROLES,
    MemberFeatures,
    OpportunityFeatures,
)
from taimei.opportunities.matching.glossary import concepts

COMPONENTS = ("kind", "industry", "cross_border", "text", "alias", "feedback")
CROSS_BORDER_COUNTRIES = frozenset({"TW", "US"})


@dataclass(frozen=True)
class Match:
    """A scored pair with the evidence behind each part of the score."""

    opportunity: OpportunityFeatures
    member: MemberFeatures
    score: float
    parts: Mapping[str, float]
    weights: Mapping[str, float]
    shared_industries: tuple[str, ...] = ()
    shared_concepts: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    eligible: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    def breakdown(self) -> dict[str, dict[str, float]]:
        """For staff: each part's raw value, its weight and its contribution to the score."""
        sign = {"feedback": -1.0}
        return {
            name: {
                "value": round(self.parts[name], 4),
                "weight": self.weights[name],
                "points": round(sign.get(name, 1.0) * self.parts[name] * self.weights[name], 4),
            }
            for name in COMPONENTS
        }

    def reasons(self) -> list[str]:
        """Why this pair was suggested, in the active language, strongest evidence first."""
        reasons: list[str] = []
        if self.parts["alias"]:
            surface = self.opportunity.mentions.get(self.member.id, "")
            reasons.append(_("The post names this organisation (“%(name)s”)") % {"name": surface})
        if self.shared_concepts:
            reasons.append(_("Text evidence: %(pairs)s") % {"pairs": "; ".join(self._evidence())})
        if self.shared_industries:
            labels = ", ".join(str(INDUSTRIES[slug].label) for slug in self.shared_industries)
            reasons.append(_("Shared industries: %(industries)s") % {"industries": labels})
        if self.parts["kind"]:
            reasons.append(self._kind_reason())
        if self.parts["cross_border"]:
            reasons.append(
                _("Cross-border: %(from)s ↔ %(to)s")
                % {
                    "from": COUNTRIES[self.opportunity.poster_country].label,
                    "to": COUNTRIES[self.member.country].label,
                }
            )
        if self.parts["feedback"]:
            reasons.append(_("Ranked lower: similar to a suggestion marked not relevant"))
        return reasons

    def _evidence(self) -> list[str]:
        glossary = concepts()
        pairs = []
        for key in self.shared_concepts:
            ours = self.opportunity.concepts[key]
            theirs = self.member.concepts[key]
            if ours.casefold() == theirs.casefold():
                pairs.append(
                    _("“%(term)s” (%(concept)s)") % {"term": ours, "concept": glossary[key].label}
                )
            else:
                pairs.append(
                    _("“%(post)s” in the post ↔ “%(profile)s” in the profile")
                    % {"post": ours, "profile": theirs}
                )
        return pairs

    def _kind_reason(self) -> str:
        role_labels = {
            "supplier": _("a potential supplier"),
            "buyer": _("a potential buyer"),
            "investor": _("an investor"),
            "investee": _("an investment target"),
            "partner": _("a potential partner"),
            "talent": _("a source of talent"),
        }
        kind = self.opportunity.kind
        label = OPPORTUNITY_KINDS[kind].label if kind in OPPORTUNITY_KINDS else kind
        return _("Complementary: a %(kind)s post meets %(role)s") % {
            "kind": str(label).lower() if kind in OPPORTUNITY_KINDS else label,
            "role": ", ".join(str(role_labels[role]) for role in self.roles),
        }


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two signatures."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def penalty(signature: frozenset[str], dismissed: Iterable[frozenset[str]]) -> float:
    """How close `signature` is to the closest dismissed item (0 when nothing was dismissed)."""
    return max((similarity(signature, other) for other in dismissed), default=0.0)


def score_pair(
    opportunity: OpportunityFeatures,
    member: MemberFeatures,
    *,
    weights: Mapping[str, float],
    feedback: float = 0.0,
) -> Match:
    """Score one pair. Ineligible (never suggested): the poster itself, or no evidence at all."""
    roles = tuple(sorted(TARGET_ROLES.get(opportunity.kind, frozenset()) & member.roles))
    shared_industries = tuple(INDUSTRIES.order(opportunity.industries & member.industries))
    glossary = concepts()
    shared_concepts = tuple(sorted(opportunity.concepts.keys() & member.concepts.keys()))
    text_weight = 0.0
    for key in shared_concepts:
        text_weight += glossary[key].weight
    parts = {
        "kind": 1.0 if roles else 0.0,
        "industry": (
            len(shared_industries) / len(opportunity.industries) if opportunity.industries else 0.0
        ),
        "cross_border": (
            1.0
            if opportunity.poster_country != member.country
            and {opportunity.poster_country, member.country} <= CROSS_BORDER_COUNTRIES
            else 0.0
        ),
        "text": min(1.0, text_weight / opportunity.text_norm),
        "alias": 1.0 if member.id in opportunity.mentions else 0.0,
        "feedback": feedback,
    }
    evidence = (
        parts["industry"] > 0
        or parts["text"] > 0
        or parts["alias"] > 0
        or (parts["kind"] > 0 and opportunity.kind in SECTOR_AGNOSTIC_KINDS)
    )
    score = sum(parts[name] * weights[name] for name in COMPONENTS if name != "feedback")
    score -= parts["feedback"] * weights["feedback"]
    return Match(
        opportunity=opportunity,
        member=member,
        score=score,
        parts=parts,
        weights=dict(weights),
        shared_industries=shared_industries,
        shared_concepts=shared_concepts,
        roles=roles,
        eligible=evidence and member.id != opportunity.poster_id,
    )


def rank(matches: Iterable[Match], limit: int) -> list[Match]:
    """Eligible matches, best first; ties broken by slug so the order is stable everywhere."""
    eligible = [match for match in matches if match.eligible]
    eligible.sort(key=lambda m: (-round(m.score, 9), m.member.slug, m.opportunity.slug))
    return eligible[:limit]
