"""Search endpoint: the same search as the site, for the caller's visibility."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from taimei.search.selectors import search_run

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = ""
    kind: str = ""
    page: int = 1
    per_page: int = 20


class HitOut(Schema):
    kind: str
    key: str
    title: str
    url: str
    source: str
    score: float
    snippet: str
    date: str | None
    language: str


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    q: str
    total: int
    page: int
    per_page: int
    hits: list[HitOut]
    facets: dict[str, list[FacetValueOut]]
    facets_estimated: bool = False
    ignored: list[str]


@router.get("/search", response=SearchOut, auth=None)
def search(request: HttpRequest, params: Query[SearchQuery]) -> SearchOut:
    """Ranked hits (snippets are HTML-escaped text with <mark> around matches) and facets.

    Anonymous callers find public documents; a token or session of an approved member or of
    staff also finds what they may see.
    """
    page = search_run(
        user=request.user,
        q=params.q,
        kind=params.kind,
        page=params.page,
        per_page=params.per_page,
    )
    return SearchOut(
        q=page.q,
        total=page.total,
        page=page.page,
        per_page=page.per_page,
        hits=[HitOut(**{**hit.__dict__, "snippet": str(hit.snippet)}) for hit in page.hits],
        facets={
            name: [FacetValueOut(value=v.value, label=str(v.label), count=v.count) for v in values]
            for name, values in page.facets.items()
        },
        facets_estimated=page.facets_estimated,
        ignored=page.ignored,
    )
