"""News hub, article page and the staff pages (thin: parse, call a selector/service, render)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from taimei.core.http import HtmxHttpRequest
from taimei.core.taxonomy import INDUSTRIES, TOPICS
from taimei.news import conf, selectors
from taimei.news.highlight import paragraphs_with_mentions
from taimei.news.models import LANGUAGE_CHOICES, Mention
from taimei.news.services.classify import articles_classify_enqueue


def hub(request: HtmxHttpRequest) -> HttpResponse:
    """Latest articles with filters and pages; an htmx request gets the results partial."""
    filters = selectors.NewsFilters.from_params(request.GET.dict())
    paginator = Paginator(selectors.article_list(filters, viewer=request.user), conf.page_size())
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filters": filters,
        "page": page,
        "query_without_page": params.urlencode(),
        "topics": TOPICS,
        "industries": INDUSTRIES,
        "languages": LANGUAGE_CHOICES,
        "sources": selectors.source_choices(),
        "can_manage": selectors.user_can_manage_news(request.user),
    }
    template = "news/partials/_articles.html" if request.htmx else "news/hub.html"
    return render(request, template, context)


def article(request: HttpRequest, pk: int) -> HttpResponse:
    """One article: clean text with entities highlighted, captions, sources, labels, figures."""
    item = selectors.access_article(request.user, pk)
    mentions = selectors.article_mentions(item)
    organizations: dict[str, Mention] = {}
    people: dict[str, Mention] = {}
    for mention in mentions:
        if mention.kind == Mention.Kind.ORGANIZATION:
            organizations.setdefault(mention.name, mention)
        elif mention.kind == Mention.Kind.PERSON:
            people.setdefault(mention.name, mention)
    context = {
        "article": item,
        "paragraphs": paragraphs_with_mentions(item.text, mentions),
        "copies": selectors.article_copies(item),
        "topic_labels": item.topic_labels.all(),
        "industry_labels": item.industry_labels.all(),
        "organizations": list(organizations.values()),
        "people": list(people.values()),
        "amounts": [m for m in mentions if m.kind == Mention.Kind.AMOUNT],
        "percentages": [m for m in mentions if m.kind == Mention.Kind.PERCENTAGE],
        "can_manage": selectors.user_can_manage_news(request.user),
    }
    return render(request, "news/article.html", context)


@login_required
def sources(request: HtmxHttpRequest) -> HttpResponse:
    """Staff: each source's health (last fetch, items, last error, back-off), recent failures."""
    selectors.access_news_staff(request.user)
    context = {
        "sources": selectors.source_health_list(),
        "failures": selectors.failure_list(limit=30),
    }
    template = "news/partials/_sources.html" if request.htmx else "news/sources.html"
    return render(request, template, context)


@login_required
@require_POST
def reclassify(request: HttpRequest) -> HttpResponse:
    """Staff: label stored articles again with the current lexicon and directory."""
    selectors.access_news_staff(request.user)
    raw = request.POST.get("article", "")
    article_ids = [int(raw)] if raw.isdigit() and len(raw) < 10 else None
    count = articles_classify_enqueue(article_ids=article_ids)
    messages.success(
        request,
        ngettext(
            "Classification is being re-run for %(count)d article.",
            "Classification is being re-run for %(count)d articles.",
            count,
        )
        % {"count": count},
    )
    if article_ids:
        return redirect("news:article", pk=article_ids[0])
    return redirect("news:sources")
