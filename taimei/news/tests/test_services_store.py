"""Storing one processed document: fields, labels, mentions, member links, identity."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from taimei.members.tests.factories import OrganizationFactory
from taimei.news.models import Article, IngestFailure, Mention
from taimei.news.pipeline import dedupe
from taimei.news.pipeline.document import (
    Amount,
    Document,
    Label,
    OrganizationMention,
    Percentage,
    PersonMention,
    Span,
)
from taimei.news.services.duplicates import DuplicateFinder
from taimei.news.services.store import article_store, content_hash
from taimei.news.tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

TEXT = "台積電宣布投資400億美元。\n\n行政院長卓榮泰表示，出口成長15%。"


def _document(**overrides) -> Document:
    fields = {
        "source": "https://news.example.tw/1",
        "raw": b"<html>raw</html>",
        "encoding": "utf-8",
        "url": "https://news.example.tw/1",
        "guid": "news-1",
        "title": "台積電加碼投資",
        "author": "記者王小明",
        "language": "zh-Hant",
        "published_at": datetime(2026, 1, 27, 2, 0, tzinfo=UTC),
        "paragraphs": TEXT.split("\n\n"),
        "captions": ["▲台積電亞利桑那廠。"],
        "metadata": {"roc_stamp": "1150127", "when": datetime(2026, 1, 27, tzinfo=UTC)},
        "topics": [Label("investment", 4.0, ["投資", "400億美元"]), Label("nonsense", 9.0)],
        "industries": [Label("semiconductors", 3.0, ["台積電"])],
        "organizations": [
            OrganizationMention("台積電", "tsmc", ["台積電"], [Span(0, 3, "台積電")]),
            OrganizationMention("美商西屋公司", None, ["美商西屋公司"], []),
        ],
        "people": [
            PersonMention(
                "卓榮泰", ["行政院長卓榮泰"], [Span(19, 26, "行政院長卓榮泰")], "行政院長"
            )
        ],
        "amounts": [Amount(40_000_000_000, "USD", "400億美元", Span(7, 13, "400億美元"))],
        "percentages": [Percentage(15.0, "15%", Span(33, 36, "15%"))],
    }
    fields.update(overrides)
    return Document(**fields)


def test_a_new_document_becomes_an_article_with_labels_and_mentions():
    tsmc = OrganizationFactory(slug="tsmc", name_zh="台積電")
    source = SourceFactory()

    result = article_store(document=_document(), source=source)

    assert result.outcome == "new"
    article = Article.objects.get()
    assert article.text == TEXT and article.paragraphs == TEXT.split("\n\n")
    assert article.original == "<html>raw</html>"
    assert article.captions == ["▲台積電亞利桑那廠。"]
    assert article.metadata["roc_stamp"] == "1150127"
    assert article.metadata["when"].startswith("2026-01-27")  # JSON-safe
    assert article.content_hash == content_hash(_document())
    assert len(article.fingerprint) == dedupe.NUM_PERM + 1  # shingle count, then the values
    # Slugs outside the taxonomy are dropped; evidence is kept.
    assert [(label.topic_id, label.evidence) for label in article.topic_labels.all()] == [
        ("investment", ["投資", "400億美元"])
    ]
    assert article.industry_labels.get().industry_id == "semiconductors"
    org = article.mentions.get(kind="organization", name="台積電")
    assert (org.organization, org.start, org.end) == (tsmc, 0, 3)
    assert article.mentions.get(name="美商西屋公司").organization is None
    person = article.mentions.get(kind="person")
    assert (person.name, person.title, person.surface) == ("卓榮泰", "行政院長", "行政院長卓榮泰")
    amount = article.mentions.get(kind="amount")
    assert (amount.value, amount.currency) == (Decimal(40_000_000_000), "USD")
    assert article.mentions.get(kind="percentage").value == Decimal("15")
    copy = article.copies.get()
    assert (copy.source, copy.guid, copy.is_primary) == (source, "news-1", True)


def test_the_same_item_again_is_unchanged_and_a_changed_one_is_updated():
    source = SourceFactory()
    article_store(document=_document(), source=source)

    assert article_store(document=_document(), source=source).outcome == "unchanged"
    changed = _document(raw=b"<html>v2</html>", title="台積電再加碼")
    assert article_store(document=changed, source=source).outcome == "updated"

    article = Article.objects.get()
    assert article.title == "台積電再加碼"
    assert article.copies.count() == 1


def test_the_same_text_from_another_outlet_is_folded_in():
    article_store(document=_document(), source=SourceFactory())
    other = _document(source="https://other.example/9", url="https://other.example/9", raw=b"x")

    result = article_store(document=other, source=SourceFactory())

    assert result.outcome == "duplicate"
    assert Article.objects.count() == 1
    assert result.article.copies.count() == 2


def test_a_near_duplicate_is_found_against_stored_articles():
    long_text = "\n\n".join(
        [
            "台積電今天宣布在美國亞利桑那州追加投資1000億美元，興建三座新晶圓廠與兩座先進封裝廠。",
            "美國商務部表示，這項投資將創造數千個工作機會，並強化美國半導體供應鏈的韌性與安全。",
        ]
    )
    article_store(document=_document(paragraphs=long_text.split("\n\n")), source=None)
    edited = long_text.replace("今天", "13日") + "\n\n（編輯：王小明）"
    other = _document(
        source="b", url="https://b.example/2", raw=b"b", paragraphs=edited.split("\n\n")
    )

    result = article_store(document=other, source=None, finder=DuplicateFinder())

    assert result.outcome == "duplicate"
    assert Article.objects.count() == 1


def test_a_failed_document_is_recorded_with_its_reason():
    source = SourceFactory()
    failed = Document(source="/data/x.bin", raw=b"\x00", error="binary data, not text")

    result = article_store(document=failed, source=source)

    assert (result.outcome, result.reason) == ("failed", "binary data, not text")
    failure = IngestFailure.objects.get()
    assert (failure.source, failure.item, failure.reason) == (source, "/data/x.bin", failed.error)
    assert failure.stage == "pipeline"
    assert not Article.objects.exists()


def test_a_document_without_text_is_a_failure_not_an_empty_article():
    result = article_store(document=_document(paragraphs=[]), source=None)

    assert result.outcome == "failed"
    assert IngestFailure.objects.get().stage == "extract"
    assert not Article.objects.exists()


def test_an_interrupted_store_leaves_no_half_article(monkeypatch):
    from taimei.news.services import store

    def interrupted(**kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "mentions_replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        article_store(document=_document(), source=SourceFactory())

    assert not Article.objects.exists()
    assert not Mention.objects.exists()


def test_huge_values_and_unknown_languages_are_stored_safely():
    document = _document(
        language="fr",
        amounts=[Amount(float("inf"), "usd", "∞"), Amount(1e40, "USD", "1e40")],
        title="標題" * 400,
    )

    article_store(document=document, source=None)

    article = Article.objects.get()
    assert article.language == "" and len(article.title) == 500
    assert list(article.mentions.filter(kind="amount").values_list("value", "currency")) == [
        (None, "USD"),
        (None, "USD"),
    ]
