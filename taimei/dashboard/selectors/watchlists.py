"""Policy watchlists: matching articles per week or month, and the latest of them."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from taimei.dashboard.filters import Period
from taimei.dashboard.models import WatchTerm
from taimei.dashboard.selectors.common import bucket_of, published_in, spread
from taimei.news.models import Article


@dataclass(frozen=True, slots=True)
class WatchArticle:
    """A published article that matched a watch term."""

    pk: int
    title: str
    published_at: datetime.datetime
    url: str


@dataclass(frozen=True, slots=True)
class Watchlist:
    """One watch term's timeline: matching articles per bucket, and the latest of them."""

    pk: int
    label: str
    terms: list[str]
    counts: list[int]
    latest: list[WatchArticle] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class WatchlistTimelines:
    buckets: list[datetime.date]
    watchlists: list[Watchlist]


def _matches(term: WatchTerm) -> Q:
    keys = term.match_keys
    if not keys:
        return Q(pk__in=[])
    condition = Q()
    for key in keys:
        condition |= Q(folded_text__contains=key)
    return condition


def watchlist_timelines(*, period: Period, latest: int) -> WatchlistTimelines:
    """Active watch terms with matching articles per bucket and the latest ones (three queries).

    Articles are matched on their folded title and text, so one term finds both scripts.
    """
    terms = list(WatchTerm.objects.filter(is_active=True))
    buckets = period.buckets()
    if not terms:
        return WatchlistTimelines(buckets=buckets, watchlists=[])
    conditions = {term.pk: _matches(term) for term in terms}
    published = Article.objects.filter(published_in(period))
    per_bucket: dict[int, dict[datetime.date, int]] = {term.pk: {} for term in terms}
    for row in (
        published.annotate(bucket=bucket_of(period, "published_at"))
        .values("bucket")
        .annotate(**{f"w{pk}": Count("pk", filter=q) for pk, q in conditions.items()})
    ):
        # The per-term counts have computed names, which the row's inferred type cannot list.
        counts = cast("Mapping[str, int]", row)
        for pk in conditions:
            per_bucket[pk][row["bucket"]] = counts[f"w{pk}"]
    latest_by_term = _latest_matches(published, conditions, latest)
    return WatchlistTimelines(
        buckets=buckets,
        watchlists=[
            Watchlist(
                pk=term.pk,
                label=term.label,
                terms=list(term.terms),
                counts=spread(period, per_bucket[term.pk]),
                latest=latest_by_term.get(term.pk, []),
            )
            for term in terms
        ],
    )


def _latest_matches(
    published: QuerySet[Article], conditions: dict[int, Q], limit: int
) -> dict[int, list[WatchArticle]]:
    """The `limit` newest matches of every term in one query: a row number per term's matches."""
    if limit < 1:
        return {}
    newest = [F("published_at").desc(), F("pk").desc()]
    flags = {
        f"m{pk}": Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())
        for pk, q in conditions.items()
    }
    ranks = {
        f"r{pk}": Window(RowNumber(), partition_by=[F(f"m{pk}")], order_by=newest)
        for pk in conditions
    }
    wanted = Q(pk__in=[])
    for pk in conditions:
        wanted |= Q(**{f"m{pk}": 1, f"r{pk}__lte": limit})
    any_match = Q(pk__in=[])
    for q in conditions.values():
        any_match |= q
    rows = (
        published.filter(any_match)
        .annotate(**flags)
        .annotate(**ranks)
        .filter(wanted)
        .order_by("-published_at", "-pk")
        .values("pk", "title", "published_at", *flags)
    )
    found: dict[int, list[WatchArticle]] = {}
    for row in rows:
        article = WatchArticle(
            pk=row["pk"],
            title=row["title"] or f"#{row['pk']}",
            published_at=row["published_at"],
            url=reverse("news:article", kwargs={"pk": row["pk"]}),
        )
        for pk in conditions:
            if row[f"m{pk}"] and len(found.setdefault(pk, [])) < limit:
                found[pk].append(article)
    return found
