"""The search index protocol: how an app puts its records into the one search box.

An app that wants its records found writes a `search_index.py` module with one subclass of
`SearchIndex` per model and lists them, as dotted paths, on its AppConfig::

    # taimei/news/search_index.py
    class ArticleIndex(SearchIndex[Article]):
        kind = "article"
        model = Article

        def queryset(self) -> QuerySet[Article]:
            return Article.objects.select_related("source").prefetch_related("topics")

        def document(self, instance: Article) -> IndexDocument:
            return IndexDocument(
                kind=self.kind, pk=instance.pk, key=instance.slug,
                title=instance.title, body=instance.text,
                url=instance.get_absolute_url(), source=instance.url,
                language=instance.language, date=instance.published_at,
                facets={"topic": [t.slug for t in instance.topics.all()]},
                recency=True,   # news: newer articles rank higher
            )

        def visibility(self, instance: Article) -> Visibility:
            return "public" if instance.is_published else "hidden"

    # taimei/news/apps.py
    class NewsConfig(AppConfig):
        search_indexes = ["taimei.news.search_index.ArticleIndex"]

(An app without the attribute but with a `search_index` module has every `SearchIndex`
subclass defined there registered, so a declaration works before its AppConfig line lands.)

What the search app does with it:
- `SearchConfig.ready()` collects the indexes and connects `post_save`, `post_delete` and
  `m2m_changed` (for every many-to-many field of the model) to a handler that only records
  the primary key in a durable outbox row (same transaction as the change) and enqueues
  `taimei.search.tasks.index_sync` on commit. The task receives kinds and primary keys,
  re-reads `queryset()` and writes or deletes documents, so a crash between the database
  commit and the index write loses nothing: the outbox is drained again later.
- `document()` is called on instances from `queryset()`: select/prefetch what it reads.
- `visibility()` decides who finds the record: "public" (everyone), "members" (approved
  members and staff), "staff", or "hidden" (removed from the index).
- Text is indexed as given (any script); the search app segments and script-folds it. Facet
  values are taxonomy slugs (topic, industry, country) or short codes; `language` is
  "zh-Hant", "zh-Hans" or "en".
- Fields weigh differently: `names` (an organisation's names and aliases: the strongest
  signal, and an exact match of the whole query earns a bonus), then `title`, then `body`.
  `recency=True` (news) lifts recent documents.
- `synonyms()` may return groups of names that mean the same thing (台積電, TSMC, 台灣積體
  電路製造): a query for one finds documents that use another.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from importlib import import_module
from typing import Any, ClassVar, Generic, Literal, TypeVar, get_args

from django.apps import apps
from django.db import models
from django.utils.module_loading import import_string, module_has_submodule

logger = logging.getLogger(__name__)

Kind = Literal["article", "member", "opportunity", "event"]
KINDS: tuple[Kind, ...] = get_args(Kind)
Visibility = Literal["public", "members", "staff", "hidden"]
FACET_FIELDS: tuple[str, ...] = ("topic", "industry", "country")
FIELD_WEIGHTS: Mapping[str, float] = {"names": 4.0, "title": 2.5, "body": 1.0}

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True, slots=True)
class IndexDocument:
    """One record as the search engine sees it: text per field, facets, and how to show it."""

    kind: Kind
    pk: int | str
    key: str
    title: str
    body: str = ""
    url: str = ""
    source: str = ""
    names: Sequence[str] = ()
    language: str = "zh-Hant"
    date: datetime | None = None
    facets: Mapping[str, Sequence[str]] = field(default_factory=dict)
    recency: bool = False
    visibility: Visibility = "public"

    @property
    def doc_id(self) -> str:
        """Stable identity in every backend: kind and primary key (slugs may change)."""
        return document_id(self.kind, self.pk)


def document_id(kind: str, pk: object) -> str:
    return f"{kind}:{pk}"


class SearchIndex(ABC, Generic[M]):
    """What one model contributes to search. Subclass, set `kind` and `model`, write document()."""

    kind: ClassVar[Kind]
    model: ClassVar[type[models.Model]]

    def queryset(self) -> models.QuerySet[M]:
        """Every record that may be indexed, with what document() reads selected/prefetched."""
        return self.model._default_manager.all()  # type: ignore[return-value]

    @abstractmethod
    def document(self, instance: M) -> IndexDocument:
        """The document for `instance` (no database queries beyond the prefetched ones)."""

    def visibility(self, instance: M) -> Visibility:
        """Who may find `instance`; "hidden" removes it from the index."""
        return "public"

    def synonyms(self) -> Iterable[Sequence[str]]:
        """Groups of names meaning one thing, for query expansion across scripts/languages."""
        return ()

    def build(self, instance: M) -> IndexDocument | None:
        """The document with its visibility applied, or None when it must not be indexed."""
        visibility = self.visibility(instance)
        if visibility == "hidden":
            return None
        document = self.document(instance)
        if document.visibility != visibility:
            document = replace(document, visibility=visibility)
        return document

    def documents(
        self, pks: Iterable[object] | None = None
    ) -> Iterator[tuple[object, IndexDocument | None]]:
        """(pk, document or None) for `pks` (all records when None), in chunks."""
        queryset = self.queryset()
        if pks is not None:
            queryset = queryset.filter(pk__in=list(pks))
        for instance in queryset.iterator(chunk_size=500):
            yield instance.pk, self.build(instance)


def _declared_paths() -> list[str]:
    paths: list[str] = []
    for config in apps.get_app_configs():
        declared = getattr(config, "search_indexes", None)
        if declared is not None:
            paths.extend(declared)
        elif config.module is not None and module_has_submodule(config.module, "search_index"):
            namespace = import_module(f"{config.name}.search_index")
            paths.extend(
                f"{config.name}.search_index.{name}"
                for name, value in vars(namespace).items()
                if isinstance(value, type)
                and issubclass(value, SearchIndex)
                and value is not SearchIndex
                and value.__module__ == namespace.__name__
                and "kind" in vars(value)
            )
    return paths


@cache
def indexes() -> dict[str, SearchIndex[Any]]:
    """Every declared index by kind (one index per kind)."""
    found: dict[str, SearchIndex[Any]] = {}
    for path in _declared_paths():
        index = import_string(path)()
        if index.kind not in KINDS:
            raise ValueError(f"{path}: unknown search kind {index.kind!r}")
        if index.kind in found:
            raise ValueError(f"{path}: a second index for kind {index.kind!r}")
        found[index.kind] = index
    return found


def index_for_kind(kind: str) -> SearchIndex[Any] | None:
    return indexes().get(kind)


def index_for_model(model: type[models.Model]) -> SearchIndex[Any] | None:
    for index in indexes().values():
        if issubclass(model, index.model):
            return index
    return None
