"""Candidate retrieval: inverted indexes that find the best pairs without scoring every one.

Every part of the score is either a property of one side (its roles, its country) or a sum
over features both sides share (industries, glossary concepts, names). Postings lists per
feature turn the shared parts into one `bincount` each over the members (or posts) that share
something with the query, so a whole population is ranked with a few vector operations. The
best `limit + SHORTLIST_MARGIN` are then re-scored exactly by `scorer.score_pair`; the
benchmark checks the result against scoring every candidate one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from taimei.opportunities.matching.features import (
    ROLES,
    SECTOR_AGNOSTIC_KINDS,
    TARGET_ROLES,
    MemberFeatures,
    OpportunityFeatures,
)
from taimei.opportunities.matching.glossary import concepts
from taimei.opportunities.matching.scorer import (
    CROSS_BORDER_COUNTRIES,
    Match,
    penalty,
    rank,
    score_pair,
)

SHORTLIST_MARGIN = 20
_COUNTRY_CODES = {"TW": 1, "US": 2}


def _postings(rows: Iterable[tuple[int, Iterable[str]]]) -> dict[str, np.ndarray]:
    lists: dict[str, list[int]] = defaultdict(list)
    for position, tokens in rows:
        for token in tokens:
            lists[token].append(position)
    return {token: np.asarray(positions, dtype=np.int64) for token, positions in lists.items()}


def _count(postings: Mapping[str, np.ndarray], tokens: Iterable[str], size: int) -> np.ndarray:
    """How many of `tokens` each position has (0 for positions sharing none)."""
    arrays = [postings[t] for t in tokens if t in postings]
    if not arrays:
        return np.zeros(size)
    return np.bincount(np.concatenate(arrays), minlength=size).astype(np.float64)


def _weighted(
    postings: Mapping[str, np.ndarray], weights: Mapping[str, float], size: int
) -> np.ndarray:
    """Sum of `weights[token]` over the tokens each position has."""
    arrays, values = [], []
    for token, weight in weights.items():
        if token in postings:
            arrays.append(postings[token])
            values.append(np.full(len(postings[token]), weight))
    if not arrays:
        return np.zeros(size)
    return np.bincount(np.concatenate(arrays), np.concatenate(values), minlength=size)


def _country_code(country: str) -> int:
    return _COUNTRY_CODES.get(country, 0)


def _penalty_vector(
    postings: Mapping[str, np.ndarray],
    sizes: np.ndarray,
    dismissed: Sequence[frozenset[str]],
) -> np.ndarray:
    """Vectorised `scorer.penalty` of every position against the dismissed signatures."""
    result = np.zeros(len(sizes))
    for signature in dismissed:
        shared = _count(postings, signature, len(sizes))
        union = sizes + len(signature) - shared
        np.maximum(
            result, np.divide(shared, union, out=np.zeros_like(shared), where=union > 0), out=result
        )
    return result


def _shortlist(
    scores: np.ndarray, eligible: np.ndarray, limit: int, slug_order: np.ndarray
) -> np.ndarray:
    """Positions of the best eligible scores, ties broken by slug as `scorer.rank` does.

    Synthetic and real populations have many equal scores (same industries, same kind); ties
    at the boundary are settled here with array operations, not by scoring them all.
    """
    positions = np.flatnonzero(eligible)
    wanted = min(len(positions), limit + SHORTLIST_MARGIN)
    if wanted == 0:
        return positions
    values = np.round(scores[positions], 9)
    if wanted < len(positions):
        floor = values[np.argpartition(-values, wanted - 1)[wanted - 1]]
        keep = values >= floor
        positions, values = positions[keep], values[keep]
    best = np.lexsort((slug_order[positions], -values))[:wanted]
    return positions[best]


def _slug_order(slugs: Sequence[str]) -> np.ndarray:
    """Each item's position in slug order (the tie-break of `scorer.rank`)."""
    order = np.empty(len(slugs), dtype=np.int64)
    order[np.argsort(np.array(slugs, dtype=object), kind="stable")] = np.arange(len(slugs))
    return order


class MemberIndex:
    """Member organisations, ready to be ranked for any post."""

    def __init__(self, members: Sequence[MemberFeatures]) -> None:
        self.members = list(members)
        self.position = {member.id: i for i, member in enumerate(self.members)}
        self.slug_order = _slug_order([member.slug for member in self.members])
        size = len(self.members)
        self.industries = _postings((i, m.industries) for i, m in enumerate(self.members))
        self.concepts = _postings((i, m.concepts) for i, m in enumerate(self.members))
        self.signatures = _postings((i, m.signature) for i, m in enumerate(self.members))
        self.signature_sizes = np.array([len(m.signature) for m in self.members], dtype=np.float64)
        self.countries = np.array([_country_code(m.country) for m in self.members], dtype=np.int8)
        roles = {
            role: np.array([role in m.roles for m in self.members], dtype=bool) for role in ROLES
        }
        self.fit = {
            kind: np.logical_or.reduce([roles[r] for r in targets] + [np.zeros(size, dtype=bool)])
            for kind, targets in TARGET_ROLES.items()
        }

    def __len__(self) -> int:
        return len(self.members)

    def top(
        self,
        opportunity: OpportunityFeatures,
        *,
        weights: Mapping[str, float],
        limit: int,
        exclude: Iterable[int] = (),
        dismissed: Sequence[frozenset[str]] = (),
        keep: Callable[[MemberFeatures], bool] | None = None,
    ) -> list[Match]:
        """The best `limit` eligible members for `opportunity`, best first."""
        size = len(self.members)
        if size == 0 or limit <= 0:
            return []
        glossary = concepts()
        fit = self.fit.get(opportunity.kind, np.zeros(size, dtype=bool))
        industry = _count(self.industries, opportunity.industries, size)
        if opportunity.industries:
            industry = industry / len(opportunity.industries)
        text = _weighted(
            self.concepts, {key: glossary[key].weight for key in opportunity.concepts}, size
        )
        text = np.minimum(1.0, text / opportunity.text_norm)
        alias = np.zeros(size)
        mentioned = [self.position[i] for i in opportunity.mentions if i in self.position]
        alias[mentioned] = 1.0
        cross = np.zeros(size)
        if opportunity.poster_country in CROSS_BORDER_COUNTRIES:
            poster = _country_code(opportunity.poster_country)
            cross = ((self.countries != poster) & (self.countries != 0)).astype(np.float64)
        feedback = _penalty_vector(self.signatures, self.signature_sizes, dismissed)
        scores = (
            weights["kind"] * fit
            + weights["industry"] * industry
            + weights["cross_border"] * cross
            + weights["text"] * text
            + weights["alias"] * alias
            - weights["feedback"] * feedback
        )
        eligible = (industry > 0) | (text > 0) | (alias > 0)
        if opportunity.kind in SECTOR_AGNOSTIC_KINDS:
            eligible |= fit
        for member_id in (opportunity.poster_id, *exclude):
            if member_id in self.position:
                eligible[self.position[member_id]] = False
        wanted = limit
        while True:
            shortlist = _shortlist(scores, eligible, wanted, self.slug_order)
            matches = [
                score_pair(
                    opportunity,
                    self.members[i],
                    weights=weights,
                    feedback=float(feedback[i]),
                )
                for i in shortlist
                if keep is None or keep(self.members[i])
            ]
            if len(matches) >= limit or len(shortlist) == int(eligible.sum()):
                break
            # `keep` rejected some of the shortlist: look further down the ranking.
            wanted *= 4
        return rank(matches, limit)

    def brute_force(
        self,
        opportunity: OpportunityFeatures,
        *,
        weights: Mapping[str, float],
        limit: int,
        exclude: Iterable[int] = (),
        dismissed: Sequence[frozenset[str]] = (),
    ) -> list[Match]:
        """Score every member one by one (the benchmark's reference)."""
        excluded = set(exclude)
        matches = [
            score_pair(
                opportunity, member, weights=weights, feedback=penalty(member.signature, dismissed)
            )
            for member in self.members
            if member.id not in excluded
        ]
        return rank(matches, limit)


class OpportunityIndex:
    """Open posts, ready to be ranked for any member ("for you")."""

    def __init__(self, opportunities: Sequence[OpportunityFeatures]) -> None:
        self.opportunities = list(opportunities)
        self.position = {o.id: i for i, o in enumerate(self.opportunities)}
        self.slug_order = _slug_order([o.slug for o in self.opportunities])
        items = self.opportunities
        self.industries = _postings((i, o.industries) for i, o in enumerate(items))
        self.concepts = _postings((i, o.concepts) for i, o in enumerate(items))
        self.mentions = _postings((i, (str(m) for m in o.mentions)) for i, o in enumerate(items))
        self.signatures = _postings((i, o.signature) for i, o in enumerate(items))
        self.signature_sizes = np.array([len(o.signature) for o in items], dtype=np.float64)
        self.industry_counts = np.array([len(o.industries) for o in items], dtype=np.float64)
        self.text_norms = np.array([o.text_norm for o in items], dtype=np.float64)
        self.countries = np.array([_country_code(o.poster_country) for o in items], dtype=np.int8)
        self.posters = np.array([o.poster_id for o in items], dtype=np.int64)
        kinds = sorted(TARGET_ROLES)
        self.kind_codes = np.array([kinds.index(o.kind) if o.kind in kinds else -1 for o in items])
        self._kinds = kinds
        self.agnostic = np.isin(self.kind_codes, [kinds.index(k) for k in SECTOR_AGNOSTIC_KINDS])

    def __len__(self) -> int:
        return len(self.opportunities)

    def top(
        self,
        member: MemberFeatures,
        *,
        weights: Mapping[str, float],
        limit: int,
        exclude: Iterable[int] = (),
        dismissed: Sequence[frozenset[str]] = (),
        keep: Callable[[OpportunityFeatures], bool] | None = None,
    ) -> list[Match]:
        """The best `limit` eligible posts for `member`, best first."""
        size = len(self.opportunities)
        if size == 0 or limit <= 0:
            return []
        glossary = concepts()
        fitting = [
            self._kinds.index(k) for k, roles in TARGET_ROLES.items() if roles & member.roles
        ]
        fit = np.isin(self.kind_codes, fitting)
        shared = _count(self.industries, member.industries, size)
        industry = np.divide(
            shared, self.industry_counts, out=np.zeros(size), where=self.industry_counts > 0
        )
        text = _weighted(
            self.concepts, {key: glossary[key].weight for key in member.concepts}, size
        )
        text = np.minimum(1.0, text / self.text_norms)
        alias = np.zeros(size)
        if str(member.id) in self.mentions:
            alias[self.mentions[str(member.id)]] = 1.0
        cross = np.zeros(size)
        if member.country in CROSS_BORDER_COUNTRIES:
            own = _country_code(member.country)
            cross = ((self.countries != own) & (self.countries != 0)).astype(np.float64)
        feedback = _penalty_vector(self.signatures, self.signature_sizes, dismissed)
        scores = (
            weights["kind"] * fit
            + weights["industry"] * industry
            + weights["cross_border"] * cross
            + weights["text"] * text
            + weights["alias"] * alias
            - weights["feedback"] * feedback
        )
        eligible = (industry > 0) | (text > 0) | (alias > 0) | (fit & self.agnostic)
        eligible &= self.posters != member.id
        for opportunity_id in exclude:
            if opportunity_id in self.position:
                eligible[self.position[opportunity_id]] = False
        wanted = limit
        while True:
            shortlist = _shortlist(scores, eligible, wanted, self.slug_order)
            matches = [
                score_pair(
                    self.opportunities[i], member, weights=weights, feedback=float(feedback[i])
                )
                for i in shortlist
                if keep is None or keep(self.opportunities[i])
            ]
            if len(matches) >= limit or len(shortlist) == int(eligible.sum()):
                break
            wanted *= 4
        return rank(matches, limit)

    def brute_force(
        self,
        member: MemberFeatures,
        *,
        weights: Mapping[str, float],
        limit: int,
        exclude: Iterable[int] = (),
        dismissed: Sequence[frozenset[str]] = (),
    ) -> list[Match]:
        """Score every post one by one (the benchmark's reference)."""
        excluded = set(exclude)
        matches = [
            score_pair(
                opportunity,
                member,
                weights=weights,
                feedback=penalty(opportunity.signature, dismissed),
            )
            for opportunity in self.opportunities
            if opportunity.id not in excluded
        ]
        return rank(matches, limit)
