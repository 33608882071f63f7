"""Options from the database, and classification re-run after staff refine the lexicon."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taimei.accounts.tests.factories import UserFactory
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.models import Article, LexiconTerm, Mention
from taimei.news.services.classify import articles_classify, articles_classify_enqueue
from taimei.news.services.ingest import ingest_run
from taimei.news.services.options import options_build
from taimei.news.tests.conftest import STORY, write_text

pytestmark = pytest.mark.django_db


def test_options_carry_listed_members_with_aliases_and_industries_and_the_active_lexicon():
    OrganizationFactory(
        slug="tsmc",
        name_zh="台積電",
        name_en="TSMC",
        aliases=["台灣積體電路製造"],
        industries=["semiconductors"],
    )
    OrganizationFactory(slug="hidden", is_listed=False)
    LexiconTerm.objects.filter(term="232條款").update(is_active=False)

    options = options_build()

    (entry,) = options.directory
    assert entry.slug == "tsmc"
    assert set(entry.names) == {"台積電", "TSMC", "台灣積體電路製造"}
    assert entry.industries == ("semiconductors",)
    terms = {e.term for e in options.lexicon}
    assert "對等關稅" in terms and "232條款" not in terms
    assert options.now is not None and options.now.tzinfo is not None


def test_a_new_staff_term_labels_stored_articles_after_a_rerun(tmp_path):
    path = write_text(
        tmp_path / "a.txt", ("鷹翔科技今天公布第四季營收創新高。",) * 3, "鷹翔科技營收"
    )
    ingest_run(locations=[str(path)])
    article = Article.objects.get()
    assert not article.topic_labels.filter(topic="startups").exists()

    LexiconTerm.objects.create(term="鷹翔科技", vocabulary="topics", slug="startups", weight=3)
    assert articles_classify(article_ids=[article.pk]) == 1

    label = article.topic_labels.get(topic="startups")
    assert "鷹翔科技" in label.evidence


def test_a_member_added_later_is_linked_after_a_rerun(tmp_path):
    ingest_run(locations=[str(write_text(tmp_path / "a.txt", STORY, "台積電加碼投資美國"))])
    assert not Mention.objects.filter(organization__isnull=False).exists()
    tsmc = OrganizationFactory(slug="tsmc", name_zh="台灣積體電路製造", aliases=["台積電"])

    articles_classify()

    assert Mention.objects.filter(organization=tsmc).exists()


def test_enqueue_runs_after_commit_and_counts_the_articles(
    tmp_path, django_capture_on_commit_callbacks
):
    ingest_run(locations=[str(write_text(tmp_path / "a.txt", STORY, "台積電加碼投資美國"))])
    Article.objects.get().topic_labels.all().delete()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert articles_classify_enqueue() == 1

    assert len(callbacks) == 1
    assert Article.objects.get().topic_labels.exists()


def test_only_staff_can_rerun_classification(client, tmp_path):
    url = reverse("news:reclassify")
    assert client.post(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(is_staff=True))
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("news:sources")
