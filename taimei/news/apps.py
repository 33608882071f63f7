from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_lexicon(sender: AppConfig, **kwargs: object) -> None:
    from taimei.news.services.lexicon import lexicon_sync_defaults

    lexicon_sync_defaults(using=str(kwargs.get("using") or "default"))


class NewsConfig(AppConfig):
    name = "taimei.news"
    label = "news"
    verbose_name = _("News")
    demo_loaders = ["taimei.news.demo.demo_load"]
    search_indexes = ["taimei.news.search_index.ArticleIndex"]
    member_profile_sections = ["taimei.news.profile.in_the_news"]
    digest_sections = ["taimei.news.digest.articles_mentioning_you"]
    periodic_tasks = {"news-poll-feeds": {"task": "taimei.news.tasks.poll_feeds", "every": 900}}

    def ready(self) -> None:
        # A freshly migrated database classifies out of the box: the shipped lexicon follows.
        post_migrate.connect(_sync_lexicon, sender=self)
