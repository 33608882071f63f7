import hashlib

import factory
from django.utils import timezone

from taimei.news.models import Article, ArticleSource, Mention, Source, TopicLabel


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    location = factory.Sequence(lambda n: f"https://feeds{n}.example.com/rss.xml")
    kind = Source.Kind.FEED
    title = factory.Sequence(lambda n: f"Feed {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"台美經貿新聞 {n}")
    text = factory.Sequence(lambda n: f"第一段新聞內容 {n}。\n\n第二段新聞內容 {n}。")
    language = "zh-Hant"
    published_at = factory.Sequence(lambda n: timezone.now() - timezone.timedelta(hours=n))
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())


class ArticleSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleSource

    article = factory.SubFactory(ArticleFactory)
    source = factory.SubFactory(SourceFactory)
    location = factory.Sequence(lambda n: f"https://news.example.com/{n}")
    url = factory.LazyAttribute(lambda o: o.location)
    raw_hash = factory.Sequence(lambda n: hashlib.sha256(str(n).encode()).hexdigest())
    is_primary = True


class TopicLabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicLabel

    article = factory.SubFactory(ArticleFactory)
    topic_id = "trade"
    score = 3.0
    evidence = factory.LazyFunction(lambda: ["232條款"])


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    kind = Mention.Kind.ORGANIZATION
    name = "台積電"
    surface = "台積電"
