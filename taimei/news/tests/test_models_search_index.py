"""Articles in site search: what the index receives, who finds them, across scripts."""

from __future__ import annotations

import pytest

from taimei.accounts.tests.factories import UserFactory
from taimei.news.search_index import ArticleIndex
from taimei.news.services.ingest import ingest_run
from taimei.news.tests.conftest import STORY, write_text
from taimei.news.tests.factories import ArticleFactory, ArticleSourceFactory, TopicLabelFactory
from taimei.search.registry import indexes

pytestmark = pytest.mark.django_db


def test_news_declares_its_index():
    assert isinstance(indexes()["article"], ArticleIndex)


def test_an_article_document_has_text_facets_source_and_recency():
    article = TopicLabelFactory(topic_id="trade").article
    article.captions = ["▲簽約儀式。"]
    article.save()
    ArticleSourceFactory(article=article, url="https://cna.example/1")

    ((pk, document),) = list(ArticleIndex().documents([article.pk]))

    assert pk == article.pk and document is not None
    assert document.kind == "article" and document.key == str(article.pk)
    assert document.title == article.title
    assert article.text in document.body and "▲簽約儀式。" in document.body
    assert document.source == "https://cna.example/1"
    assert document.url == article.get_absolute_url()
    assert document.facets["topic"] == ["trade"]
    assert document.recency and document.date == article.published_at
    assert document.visibility == "public"


def test_a_hidden_article_leaves_the_index():
    article = ArticleFactory(is_published=False)
    assert list(ArticleIndex().documents([article.pk])) == [(article.pk, None)]


def test_an_ingested_article_is_found_by_a_simplified_query(
    tmp_path, django_capture_on_commit_callbacks
):
    from taimei.search.selectors import search_run

    path = write_text(tmp_path / "story.txt", STORY, "台積電加碼投資美國1000億美元")
    with django_capture_on_commit_callbacks(execute=True):
        ingest_run(locations=[str(path)])

    page = search_run(user=UserFactory(), q="台积电 投资", kind="article")

    assert [hit.title for hit in page.hits] == ["台積電加碼投資美國1000億美元"]
