"""One processed document written as an article: atomically, idempotently, folding duplicates.

An item is recognised by its guid (within its source), its URL or the hash of its input, so
reading it again changes nothing. A story already stored under another outlet (same clean text,
or a near-duplicate by fingerprint) gains a copy instead of becoming a second article.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from django.db import transaction
from django.db.models import Q

from taimei.core.taxonomy import INDUSTRIES, TOPICS
from taimei.core.text import fold
from taimei.members.models import Organization
from taimei.news import conf
from taimei.news.models import (
    Article,
    ArticleSource,
    IndustryLabel,
    IngestFailure,
    Mention,
    Source,
    TopicLabel,
)
from taimei.news.pipeline.document import Document, Label
from taimei.news.services.duplicates import DuplicateFinder

Outcome = Literal["new", "duplicate", "unchanged", "updated", "failed"]
LANGUAGES = {"zh-Hant", "zh-Hans", "en"}


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing one document did; `reason` is set when it failed."""

    outcome: Outcome
    article: Article | None = None
    reason: str = ""


def clean_str(value: Any, limit: int | None = None) -> str:
    """Text a database accepts: NUL characters removed (PostgreSQL refuses them), length capped."""
    text = "" if value is None else str(value).replace("\x00", "")
    return text[:limit] if limit else text


def raw_hash(document: Document) -> str:
    """Identifies the input itself: the bytes read, or for a feed entry its markup and links."""
    if document.raw:
        return hashlib.sha256(document.raw).hexdigest()
    parts = (document.guid or "", document.url or "", document.title, document.markup)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()


def content_hash(document: Document) -> str:
    """Identifies the story's text whatever the outlet, script or width it came in."""
    key = document.folded_text or fold(document.text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def failure_record(*, source: Source | None, item: str, stage: str, reason: str) -> IngestFailure:
    """Record an item that could not be stored, with a reason a person can act on."""
    return IngestFailure.objects.create(
        source=source,
        item=clean_str(item, 2000),
        stage=clean_str(stage, 30),
        reason=clean_str(reason),
    )


def article_store(
    *, document: Document, source: Source | None, finder: DuplicateFinder | None = None
) -> StoreResult:
    """Store one processed document in one transaction; a failed document is recorded instead."""
    if document.error:
        failure_record(
            source=source,
            item=document.source,
            stage=failure_stage(document),
            reason=document.error,
        )
        return StoreResult("failed", reason=document.error)
    if not document.text.strip():
        reason = "no article text found in the document"
        failure_record(source=source, item=document.source, stage="extract", reason=reason)
        return StoreResult("failed", reason=reason)
    with transaction.atomic():
        result = _store(document, source, finder)
    if finder is not None and result.outcome == "new" and result.article is not None:
        finder.add(result.article.pk, result.article.fingerprint)
    return result


def failure_stage(document: Document) -> str:
    """The stage that gave up on `document`, as far as its state tells."""
    stage = document.metadata.get("failed_stage")
    if stage:
        return str(stage)
    if not document.raw and not document.markup:
        return "read"
    return "pipeline"


def _store(
    document: Document, source: Source | None, finder: DuplicateFinder | None
) -> StoreResult:
    fingerprint = raw_hash(document)
    known = _known_copy(document, source, fingerprint)
    if known is not None:
        if known.raw_hash == fingerprint:
            return StoreResult("unchanged", known.article)
        if known.is_primary:
            _write_article(known.article, document)
        ArticleSource.objects.filter(pk=known.pk).update(
            raw_hash=fingerprint, title=clean_str(document.title, 500)
        )
        return StoreResult("updated", known.article)
    same = _same_story(document, finder)
    if same is not None:
        _add_copy(same, document, source, fingerprint, primary=False)
        return StoreResult("duplicate", same)
    article = Article()
    _write_article(article, document)
    _add_copy(article, document, source, fingerprint, primary=True)
    return StoreResult("new", article)


def _known_copy(
    document: Document, source: Source | None, fingerprint: str
) -> ArticleSource | None:
    """The copy this very item was stored as: same input, or same place, guid or URL in its
    source."""
    match = Q(raw_hash=fingerprint)
    if source is not None:
        match |= Q(location=clean_str(document.source, 2000), source=source)
        if document.url:
            match |= Q(url=clean_str(document.url, 2000), source=source)
        if document.guid:
            match |= Q(guid=clean_str(document.guid, 1000), source=source)
    return ArticleSource.objects.filter(match).select_related("article").order_by("pk").first()


def _same_story(document: Document, finder: DuplicateFinder | None) -> Article | None:
    """A stored article telling the same story: same text, same URL elsewhere, near-duplicate."""
    exact = Article.objects.filter(content_hash=content_hash(document)).order_by("pk").first()
    if exact is not None:
        return exact
    if document.url:
        copy = ArticleSource.objects.filter(url=clean_str(document.url, 2000)).first()
        if copy is not None:
            return copy.article
    if finder is None:
        return None
    pk = finder.find(document)
    return Article.objects.filter(pk=pk).first() if pk is not None else None


def _write_article(article: Article, document: Document) -> None:
    article.title = clean_str(document.title, 500)
    article.text = clean_str(document.text)
    article.original = clean_str(_original(document), conf.max_original_chars())
    article.captions = [clean_str(caption) for caption in document.captions]
    article.url = clean_str(document.url, 2000)
    article.published_at = document.published_at
    article.language = document.language if document.language in LANGUAGES else ""
    article.author = clean_str(document.author, 300)
    article.section = clean_str(document.section, 200)
    article.metadata = _json_safe(
        {
            **document.metadata,
            "format": document.format,
            "encoding": document.encoding,
            "guid": document.guid,
            "feed_url": document.feed_url,
        }
    )
    article.folded_text = clean_str(document.folded_text or fold(document.text))
    article.content_hash = content_hash(document)
    article.fingerprint = DuplicateFinder.fingerprint(document)
    article.save()
    labels_replace(article=article, topics=document.topics, industries=document.industries)
    mentions_replace(article=article, document=document)


def _original(document: Document) -> str:
    if document.raw and document.encoding:
        return document.raw.decode(document.encoding, errors="replace")
    return document.markup


def _json_safe(value: dict[str, Any]) -> dict[str, Any]:
    """Metadata as JSON the database stores (dates and other objects as text, no NUL)."""
    text = json.dumps(value, ensure_ascii=False, default=str).replace("\\u0000", "")
    return json.loads(text)


def _add_copy(
    article: Article, document: Document, source: Source | None, fingerprint: str, *, primary: bool
) -> ArticleSource:
    outlet = document.metadata.get("outlet") or document.metadata.get("agency") or ""
    return ArticleSource.objects.create(
        article=article,
        source=source,
        location=clean_str(document.source, 2000),
        url=clean_str(document.url, 2000),
        guid=clean_str(document.guid, 1000),
        outlet=clean_str(outlet, 300),
        title=clean_str(document.title, 500),
        raw_hash=fingerprint,
        is_primary=primary,
    )


def labels_replace(*, article: Article, topics: list[Label], industries: list[Label]) -> None:
    """Replace an article's topic and industry labels (slugs outside the taxonomy dropped)."""
    TopicLabel.objects.filter(article=article).delete()
    IndustryLabel.objects.filter(article=article).delete()
    TopicLabel.objects.bulk_create(
        TopicLabel(
            article=article,
            topic_id=label.slug,
            score=label.score,
            evidence=[clean_str(e, 200) for e in label.evidence],
        )
        for label in _distinct(topics)
        if label.slug in TOPICS
    )
    IndustryLabel.objects.bulk_create(
        IndustryLabel(
            article=article,
            industry_id=label.slug,
            score=label.score,
            evidence=[clean_str(e, 200) for e in label.evidence],
        )
        for label in _distinct(industries)
        if label.slug in INDUSTRIES
    )


def _distinct(labels: list[Label]) -> list[Label]:
    return list({label.slug: label for label in labels}.values())


def mentions_replace(*, article: Article, document: Document) -> None:
    """Replace an article's mentions with what the pipeline found, linking member slugs."""
    Mention.objects.filter(article=article).delete()
    slugs = {o.member for o in document.organizations if o.member}
    members = dict(Organization.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    rows: list[Mention] = []
    for organization in document.organizations:
        member_id = members.get(organization.member or "")
        for surface, start, end in _occurrences(
            organization.spans, organization.mentions, organization.name
        ):
            rows.append(
                Mention(
                    kind=Mention.Kind.ORGANIZATION,
                    name=clean_str(organization.name, 300),
                    organization_id=member_id,
                    surface=clean_str(surface, 300),
                    start=start,
                    end=end,
                )
            )
    for person in document.people:
        for surface, start, end in _occurrences(person.spans, person.mentions, person.name):
            rows.append(
                Mention(
                    kind=Mention.Kind.PERSON,
                    name=clean_str(person.name, 300),
                    title=clean_str(person.title, 200),
                    surface=clean_str(surface, 300),
                    start=start,
                    end=end,
                )
            )
    for amount in document.amounts:
        rows.append(
            Mention(
                kind=Mention.Kind.AMOUNT,
                value=_decimal(amount.value),
                currency=clean_str(amount.currency, 3).upper(),
                surface=clean_str(amount.text, 300),
                start=amount.span.start if amount.span else None,
                end=amount.span.end if amount.span else None,
            )
        )
    for percentage in document.percentages:
        rows.append(
            Mention(
                kind=Mention.Kind.PERCENTAGE,
                value=_decimal(percentage.value),
                surface=clean_str(percentage.text, 300),
                start=percentage.span.start if percentage.span else None,
                end=percentage.span.end if percentage.span else None,
            )
        )
    for row in rows:
        row.article = article
    Mention.objects.bulk_create(rows, batch_size=500)


def _occurrences(
    spans: list[Any], mentions: list[str], name: str
) -> list[tuple[str, int | None, int | None]]:
    """Each place a name occurs (with offsets), or its surface forms when no span is known."""
    if spans:
        return [(span.text, span.start, span.end) for span in spans]
    return [(surface, None, None) for surface in (mentions or [name])]


def _decimal(value: float) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and abs(number) < Decimal(10) ** 25 else None
