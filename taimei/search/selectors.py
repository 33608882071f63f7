"""Reads: run a search for a user and shape the page (hits, groups, facets, snippets)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taimei.core.http import AnyUser
from taimei.core.taxonomy import COUNTRIES, INDUSTRIES, TOPICS, Vocabulary
from taimei.search.backends import get_backend
from taimei.search.backends.base import FACETS, EngineResult
from taimei.search.query import ParsedQuery, parse
from taimei.search.registry import KINDS, Visibility
from taimei.search.snippets import highlight, prepare

MAX_PAGE = 50

KIND_LABELS = {
    "article": _("News"),
    "member": _("Members"),
    "opportunity": _("Opportunities"),
    "event": _("Events"),
}
LANGUAGE_LABELS = {"zh-Hant": "繁體中文", "zh-Hans": "简体中文", "en": "English"}
_VOCABULARIES: dict[str, Vocabulary] = {
    "topic": TOPICS,
    "industry": INDUSTRIES,
    "country": COUNTRIES,
}


@dataclass(frozen=True)
class SearchHit:
    """One result as every surface shows it."""

    kind: str
    key: str
    title: str
    url: str
    source: str
    score: float
    snippet: SafeString
    date: str | None
    language: str


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchPage:
    """One page of results for a query, with everything a page, the CLI and the API show."""

    q: str
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    relaxed: bool = False
    facets_estimated: bool = False

    @property
    def groups(self) -> list[tuple[str, Any, list[SearchHit]]]:
        """Hits grouped by kind (kinds in the order of their best hit)."""
        grouped: dict[str, list[SearchHit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.kind, []).append(hit)
        return [(kind, KIND_LABELS.get(kind, kind), hits) for kind, hits in grouped.items()]

    @property
    def num_pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // self.per_page)))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def viewer_visibility(user: AnyUser) -> list[Visibility]:
    """What `user` may find: the public what is public, approved members more, staff all."""
    from taimei.members.selectors import user_is_approved_member

    if user.is_authenticated and user.is_staff:
        return ["public", "members", "staff"]
    if user_is_approved_member(user):
        return ["public", "members"]
    return ["public"]


@lru_cache(maxsize=4096)
def _label(facet: str, value: str, language: str | None) -> str:
    """A facet value's label in `language` (the active one: part of the cache key)."""
    if facet == "kind":
        return str(KIND_LABELS.get(value, value))
    if facet == "language":
        return LANGUAGE_LABELS.get(value, value)
    vocabulary = _VOCABULARIES.get(facet)
    if vocabulary is not None and value in vocabulary:
        return str(vocabulary[value].label)
    return value


def _facets(counts: dict[str, Counter[str]], query: ParsedQuery) -> dict[str, list[FacetValue]]:
    shaped: dict[str, list[FacetValue]] = {}
    language = get_language()
    for facet in FACETS:
        counter = counts.get(facet, Counter())
        selected = set(query.filters.get(facet, ()))
        ordered = (
            sorted(counter.items(), reverse=True) if facet == "year" else counter.most_common()
        )
        shaped[facet] = [
            FacetValue(value, _label(facet, value, language), count, value in selected)
            for value, count in ordered
        ]
    return shaped


def _hit(payload: dict[str, Any], score: float, terms: list[str]) -> SearchHit:
    text = prepare(payload.get("body") or payload.get("title") or "")
    return SearchHit(
        kind=payload["kind"],
        key=payload["key"],
        title=payload["title"],
        url=payload["url"],
        source=payload.get("source") or "",
        score=round(score, 4),
        snippet=highlight(text, terms),
        date=payload.get("date"),
        language=payload.get("language") or "",
    )


def search_run(
    *,
    user: AnyUser,
    q: str,
    kind: str = "",
    page: int = 1,
    per_page: int = 20,
    facets: bool = True,
    now: datetime | None = None,
) -> SearchPage:
    """The page of results `user` may see for `q` (any string: never raises on input)."""
    page = min(max(int(page), 1), MAX_PAGE)
    per_page = min(max(int(per_page), 1), 100)
    query = parse(q)
    if kind in KINDS:
        query.filters["kind"] = (kind,)
    return search_page(
        query,
        q=q,
        visibility=viewer_visibility(user),
        page=page,
        per_page=per_page,
        facets=facets,
        now=now or timezone.now(),
    )


def search_page(
    query: ParsedQuery,
    *,
    q: str,
    visibility: list[Visibility],
    page: int,
    per_page: int,
    facets: bool,
    now: datetime,
) -> SearchPage:
    """Run a parsed query: rank, relax when nothing matches every word, facets, snippets."""
    result = SearchPage(q=q, page=page, per_page=per_page, ignored=query.ignored)
    if query.is_empty:
        return result
    engine = _run(query, visibility, page=page, per_page=per_page, facets=facets, now=now)
    if engine.total == 0 and len(query.must) > 1:
        query = query.relaxed()
        engine = _run(query, visibility, page=page, per_page=per_page, facets=facets, now=now)
        result.relaxed = engine.total > 0
    terms = query.highlight_terms()
    result.hits = [_hit(hit.payload, hit.score, terms) for hit in engine.hits]
    result.total = engine.total
    result.facets = _facets(engine.facets, query)
    result.facets_estimated = engine.facets_estimated
    return result


def _run(
    query: ParsedQuery,
    visibility: list[Visibility],
    *,
    page: int,
    per_page: int,
    facets: bool,
    now: datetime,
) -> EngineResult:
    return get_backend().search(
        query,
        visibility=visibility,
        offset=(page - 1) * per_page,
        limit=per_page,
        facets=facets,
        now=now,
    )
