"""Stored news: where items come from, the articles they become, and what was found in them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taimei.core.models import Industry, TimeStampedModel, Topic
from taimei.core.taxonomy import INDUSTRIES, TOPICS

LANGUAGE_CHOICES = [
    ("zh-Hant", _("Traditional Chinese")),
    ("zh-Hans", _("Simplified Chinese")),
    ("en", _("English")),
]


class Source(TimeStampedModel):
    """Something `ingest` reads: a feed (maybe listed in an OPML file), a page, a file or folder.

    Feeds keep what conditional GET and back-off need: the validators the server sent, when
    the last fetch happened and how it went, and when the next one is due.
    """

    class Kind(models.TextChoices):
        FEED = "feed", _("Feed")
        OPML = "opml", _("OPML list")
        PAGE = "page", _("Web page")
        FILE = "file", _("File")
        FOLDER = "folder", _("Folder")

    class Status(models.TextChoices):
        NEW = "new", _("Not fetched yet")
        OK = "ok", _("OK")
        NOT_MODIFIED = "not-modified", _("Not modified")
        ERROR = "error", pgettext_lazy("fetch status", "Error")

    location = models.CharField(_("URL or path"), max_length=2000, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("listed in"),
        help_text=_("The OPML list this feed came from."),
    )
    is_active = models.BooleanField(
        _("polled"), default=True, help_text=_("Inactive feeds are kept but no longer fetched.")
    )
    etag = models.CharField(_("ETag"), max_length=500, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_status = models.CharField(
        _("last status"), max_length=15, choices=Status.choices, default=Status.NEW
    )
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    next_fetch_at = models.DateTimeField(_("next fetch"), null=True, blank=True, db_index=True)
    items_read = models.PositiveIntegerField(_("items read (last run)"), default=0)
    items_new = models.PositiveIntegerField(_("new articles (last run)"), default=0)
    items_total = models.PositiveIntegerField(_("items read (all runs)"), default=0)

    class Meta:
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")
        ordering = ["location"]

    def __str__(self) -> str:
        return self.title or self.location

    @property
    def is_remote(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    @property
    def backing_off(self) -> bool:
        """True while errors keep this feed waiting longer than its normal interval."""
        return self.consecutive_failures > 0 and self.next_fetch_at is not None


class Article(TimeStampedModel):
    """One story: clean text and metadata, possibly told by several sources (see ArticleSource)."""

    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("clean text"), help_text=_("Paragraphs separated by blank lines."))
    original = models.TextField(_("original"), blank=True, help_text=_("The decoded input."))
    captions = models.JSONField(_("photo captions"), default=list, blank=True)
    url = models.CharField(_("URL"), max_length=2000, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, blank=True)
    author = models.CharField(_("author"), max_length=300, blank=True)
    section = models.CharField(_("section"), max_length=200, blank=True)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    folded_text = models.TextField(editable=False, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    fingerprint = models.JSONField(
        _("near-duplicate fingerprint"), default=list, blank=True, editable=False
    )
    is_published = models.BooleanField(
        _("published on the site"),
        default=True,
        help_text=_("Hidden articles stay stored but vanish from the news hub and search."),
    )
    topics = models.ManyToManyField(
        Topic, through="TopicLabel", related_name="articles", verbose_name=_("topics")
    )
    industries = models.ManyToManyField(
        Industry, through="IndustryLabel", related_name="articles", verbose_name=_("industries")
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["-published_at", "-id"], name="news_article_latest")]

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("news:article", kwargs={"pk": self.pk})

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


class ArticleSource(TimeStampedModel):
    """One outlet's copy of an article: where it was read, and what identifies it there.

    Re-ingesting an item finds it here by guid, URL or content hash, so nothing changes;
    a near-duplicate from another outlet adds a row to the article it tells again.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="copies", verbose_name=_("article")
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("source"),
    )
    location = models.CharField(_("read from"), max_length=2000)
    url = models.CharField(_("URL"), max_length=2000, blank=True, db_index=True)
    guid = models.CharField(_("GUID"), max_length=1000, blank=True, db_index=True)
    outlet = models.CharField(_("outlet"), max_length=300, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    raw_hash = models.CharField(_("input hash"), max_length=64, db_index=True)
    is_primary = models.BooleanField(_("first copy"), default=False)

    class Meta:
        verbose_name = _("article copy")
        verbose_name_plural = _("article copies")
        ordering = ["-is_primary", "created_at", "pk"]

    def __str__(self) -> str:
        return self.url or self.location

    @property
    def link(self) -> str:
        """Where a reader can open this copy: its web address, or nothing for a local file."""
        return self.url if self.url.startswith(("http://", "https://")) else ""


class Mention(models.Model):
    """An organisation, person, sum of money or percentage found in an article's clean text."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", _("Organisation")
        PERSON = "person", _("Person")
        AMOUNT = "amount", _("Amount")
        PERCENTAGE = "percentage", _("Percentage")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, db_index=True)
    name = models.CharField(
        _("name"), max_length=300, blank=True, help_text=_("Organisation or person, normalised.")
    )
    organization = models.ForeignKey(
        "members.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_mentions",
        verbose_name=_("member"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    value = models.DecimalField(_("value"), max_digits=30, decimal_places=4, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    surface = models.CharField(_("as written"), max_length=300)
    start = models.PositiveIntegerField(_("start"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "start", "pk"]
        indexes = [models.Index(fields=["organization", "article"], name="news_mention_member")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.surface}"


class _Label(models.Model):
    score = models.FloatField(_("score"), default=0.0)
    evidence = models.JSONField(
        _("evidence"), default=list, blank=True, help_text=_("The terms that gave this label.")
    )

    class Meta:
        abstract = True


class TopicLabel(_Label):
    """A topic given to an article, with its score and the evidence a reader can check."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topic_labels")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("topic label")
        verbose_name_plural = _("topic labels")
        ordering = ["-score", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="one_label_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id} ({self.score:.1f})"

    @property
    def label(self) -> str:
        """The topic's name in the active language (no query)."""
        return TOPICS[self.topic_id].label if self.topic_id in TOPICS else self.topic_id


class IndustryLabel(_Label):
    """An industry given to an article, with its score and evidence."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="industry_labels")
    industry = models.ForeignKey(Industry, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("industry label")
        verbose_name_plural = _("industry labels")
        ordering = ["-score", "industry"]
        constraints = [
            models.UniqueConstraint(fields=["article", "industry"], name="one_label_per_industry")
        ]

    def __str__(self) -> str:
        return f"{self.industry_id} ({self.score:.1f})"

    @property
    def label(self) -> str:
        """The industry's name in the active language (no query)."""
        return (
            INDUSTRIES[self.industry_id].label
            if self.industry_id in INDUSTRIES
            else self.industry_id
        )


class LexiconTerm(TimeStampedModel):
    """A word that signals a topic or an industry; the classifier reads the active ones.

    The default lexicon ships with the code and is synced after every `migrate`: missing terms
    are added, and shipped terms staff have not edited follow the code's weights. Any save of a
    shipped term (the admin, a shell) marks it `edited_by_staff`, and the sync never touches it
    again. Shipped terms are deactivated rather than deleted, so the next migrate does not
    bring them back.
    """

    class Vocabulary(models.TextChoices):
        TOPICS = "topics", _("Topic")
        INDUSTRIES = "industries", _("Industry")

    class Origin(models.TextChoices):
        DEFAULT = "default", _("Shipped with the platform")
        STAFF = "staff", _("Added by staff")

    term = models.CharField(_("term"), max_length=200)
    vocabulary = models.CharField(_("vocabulary"), max_length=12, choices=Vocabulary.choices)
    slug = models.SlugField(_("topic or industry"), max_length=40)
    weight = models.FloatField(
        _("weight"),
        default=1.0,
        help_text=_("3 = decisive on its own, 2 = strong, 1 = only counts with other terms."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    origin = models.CharField(
        _("origin"), max_length=8, choices=Origin.choices, default=Origin.STAFF, editable=False
    )
    edited_by_staff = models.BooleanField(
        _("edited by staff"),
        default=False,
        editable=False,
        help_text=_("A shipped term staff changed: updates of the shipped lexicon leave it alone."),
    )

    class Meta:
        verbose_name = _("lexicon term")
        verbose_name_plural = _("lexicon terms")
        ordering = ["vocabulary", "slug", "-weight", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "vocabulary", "slug"], name="one_lexicon_term_per_label"
            )
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.slug}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The sync writes with bulk_create/bulk_update; a save of an existing row is an edit.
        if self.pk is not None and self.origin == self.Origin.DEFAULT and not self.edited_by_staff:
            self.edited_by_staff = True
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "edited_by_staff"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        vocabulary = TOPICS if self.vocabulary == self.Vocabulary.TOPICS else INDUSTRIES
        if self.slug not in vocabulary:
            raise ValidationError(
                {"slug": _("Choose one of: %(slugs)s.") % {"slugs": ", ".join(vocabulary.slugs)}}
            )
        if not self.term.strip():
            raise ValidationError({"term": _("Write the term.")})


class IngestFailure(models.Model):
    """An item that could not be stored, and why (the batch it was in went on)."""

    source = models.ForeignKey(
        Source,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="failures",
        verbose_name=_("source"),
    )
    item = models.CharField(_("item"), max_length=2000)
    stage = models.CharField(_("stage"), max_length=30)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("ingest failure")
        verbose_name_plural = _("ingest failures")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"
