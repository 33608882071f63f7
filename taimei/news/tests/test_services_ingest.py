"""Ingest end to end: hostile batches, idempotent re-runs, duplicates, sources and the demo."""

from __future__ import annotations

import io

import pytest

from taimei.core.text import to_simplified
from taimei.news.models import Article, ArticleSource, IngestFailure, Source
from taimei.news.services.ingest import ingest_run, reason_key
from taimei.news.tests.conftest import OTHER_STORY, STORY, write_text
from taimei.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_hostile_batch_stores_the_good_article_and_records_each_failure(hostile_folder):
    report = ingest_run(locations=[str(hostile_folder)])

    good = Article.objects.get(copies__location=str(hostile_folder / "good.txt"))
    assert "1000億美元" in good.text
    # The truncated feed still gives its readable entry.
    assert Article.objects.filter(copies__url="https://x.example/1").exists()
    reasons = {f.item.rsplit("/", 1)[-1]: f.reason for f in IngestFailure.objects.all()}
    assert "entit" in reasons["bomb.xml"]  # refused, not expanded
    assert "binary" in reasons["garbage.bin"]
    assert "empty" in reasons["empty.txt"]
    assert "malformed feed" in reasons["broken.rss"]
    assert report.new == 2
    # Four broken inputs (the truncated feed may also give an entry with no content).
    assert report.failed == IngestFailure.objects.count() >= 4
    assert report.read == report.new + report.failed
    assert not any("lollol" in a.text + a.title for a in Article.objects.all())


def test_reingesting_the_same_items_changes_nothing(hostile_folder):
    ingest_run(locations=[str(hostile_folder)])
    before = list(Article.objects.values_list("pk", "text", "updated_at").order_by("pk"))
    copies = ArticleSource.objects.count()

    again = ingest_run(locations=[str(hostile_folder)])

    assert again.new == 0 and again.duplicates == 0 and again.updated == 0
    assert again.unchanged == 2
    assert list(Article.objects.values_list("pk", "text", "updated_at").order_by("pk")) == before
    assert ArticleSource.objects.count() == copies


def test_a_changed_file_updates_its_article(tmp_path):
    path = write_text(tmp_path / "story.txt", STORY, "台積電加碼投資美國")
    ingest_run(locations=[str(path)])
    write_text(path, (*STORY, "台積電董事長魏哲家表示，美國客戶需求強勁。"), "台積電加碼投資美國")

    report = ingest_run(locations=[str(path)])

    assert report.updated == 1
    assert Article.objects.count() == 1
    assert "魏哲家" in Article.objects.get().text


def test_a_story_in_both_scripts_becomes_one_article_with_two_sources(duplicate_pair):
    first, second = duplicate_pair
    report = ingest_run(locations=[str(first.parent)])

    assert (report.new, report.duplicates) == (1, 1)
    article = Article.objects.get()
    assert sorted(c.location for c in article.copies.all()) == [str(first), str(second)]
    assert article.copies.get(is_primary=True).location == str(first)


def test_a_duplicate_is_folded_into_an_article_stored_in_an_earlier_run(duplicate_pair):
    first, second = duplicate_pair
    ingest_run(locations=[str(first)])

    report = ingest_run(locations=[str(second)])

    assert report.duplicates == 1
    assert Article.objects.count() == 1
    assert Article.objects.get().copies.count() == 2


def test_different_stories_on_the_same_topic_stay_apart(tmp_path):
    write_text(tmp_path / "one.txt", STORY, "台積電加碼投資美國")
    write_text(tmp_path / "two.txt", OTHER_STORY, "政院研議對等關稅因應方案")

    report = ingest_run(locations=[str(tmp_path)])

    assert (report.new, report.duplicates) == (2, 0)


def test_every_source_gets_a_row_and_feeds_in_a_folder_hang_under_it(tmp_path):
    write_text(tmp_path / "story.txt", STORY, "台積電加碼投資美國")
    (tmp_path / "wire.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>US and Taiwan hold trade talks</title><link>https://wire.example/1</link>"
        "<guid>wire-1</guid><description>Officials from Taiwan and the United States held "
        "trade talks in Washington on tariffs and export controls.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )

    ingest_run(locations=[str(tmp_path)])

    folder = Source.objects.get(location=str(tmp_path))
    feed = Source.objects.get(location=str(tmp_path / "wire.rss"))
    assert (folder.kind, feed.kind, feed.parent) == ("folder", "feed", folder)
    assert (folder.items_read, folder.items_new, folder.last_status) == (1, 1, "ok")
    assert feed.items_read == 1
    copy = ArticleSource.objects.get(guid="wire-1")
    assert copy.source == feed and copy.url == "https://wire.example/1"


def test_opml_feeds_become_sources_listed_in_it(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>A</title><item>'
        "<title>Taiwan startups go to Austin</title><link>https://a.example/1</link>"
        "<description>Twenty Taiwanese startups will pitch to investors in Austin, Texas, "
        "next month, the agency said.</description></item></channel></rss>",
        encoding="utf-8",
    )
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="A" xmlUrl="feeds/a.xml"/><outline text="gone" xmlUrl="feeds/missing.xml"/>'
        "</body></opml>",
        encoding="utf-8",
    )

    report = ingest_run(locations=[str(opml)])

    top = Source.objects.get(location=str(opml))
    assert top.kind == "opml"
    child = Source.objects.get(location=str(tmp_path / "feeds" / "a.xml"))
    assert child.parent == top and child.items_new == 1
    missing = Source.objects.get(location=str(tmp_path / "feeds" / "missing.xml"))
    assert missing.last_status == "error" and "missing.xml" in missing.last_error
    assert report.new == 1 and report.failed == 1


def test_a_missing_path_is_a_recorded_failure_not_a_crash(tmp_path):
    report = ingest_run(locations=[str(tmp_path / "nope.txt"), str(tmp_path)])

    assert report.failed == 1
    failure = IngestFailure.objects.get()
    assert "no such file" in failure.reason
    assert Source.objects.get(location=str(tmp_path / "nope.txt")).last_status == "error"


def test_a_database_refusal_of_one_item_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    write_text(tmp_path / "a.txt", STORY, "台積電加碼投資美國")
    write_text(tmp_path / "b.txt", OTHER_STORY, "政院研議對等關稅因應方案")
    from taimei.news.services import store

    real = store.mentions_replace

    def explode_once(*, article, document):
        if "卓榮泰" in document.text:
            raise RuntimeError("disk full")
        real(article=article, document=document)

    monkeypatch.setattr(store, "mentions_replace", explode_once)
    report = ingest_run(locations=[str(tmp_path)])

    assert report.new == 1 and report.failed == 1
    # The transaction of the failed item was rolled back: no half article without mentions.
    assert Article.objects.count() == 1
    assert "卓榮泰" not in Article.objects.get().text
    assert IngestFailure.objects.get().stage == "store"
    assert "disk full" in IngestFailure.objects.get().reason


def test_nul_characters_never_reach_the_database(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(("台積電擴大美國投資\n\n" + "\n\n".join(STORY)).encode() + b"\x00\x00tail")

    ingest_run(locations=[str(path)])

    for article in Article.objects.all():
        assert "\x00" not in article.text + article.original


def test_reason_key_drops_the_item_path():
    assert reason_key("/data/a.bin: binary data", "/data/a.bin") == "…: binary data"


def test_hans_text_of_an_unrelated_stored_story_is_not_folded(tmp_path):
    ArticleFactory(text="\n\n".join(OTHER_STORY), title="對等關稅")
    path = write_text(
        tmp_path / "hans.txt", tuple(to_simplified(p) for p in STORY), "台积电加码投资美国"
    )

    report = ingest_run(locations=[str(path)])

    assert report.new == 1


def test_demo_loader_ingests_the_samples_and_stays_idempotent():
    from taimei.news.demo import SAMPLES, demo_load

    if not SAMPLES.is_dir():
        pytest.skip("the bundled samples are not there")
    out = io.StringIO()
    demo_load(stdout=out)
    count = Article.objects.count()
    assert count >= 20
    assert "new" in out.getvalue()

    demo_load(stdout=io.StringIO())

    assert Article.objects.count() == count
