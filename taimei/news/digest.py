"""The weekly digest's "in the news" section: new articles naming the reader's organisations."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from taimei.core.links import absolute_url
from taimei.core.sections import Section, SectionItem
from taimei.members.selectors import user_organizations
from taimei.news.selectors import articles_mentioning_since

SHOWN = 8


def articles_mentioning_you(user: Any, since: datetime.datetime) -> Section | None:
    """Articles published since the last digest that mention one of `user`'s organisations."""
    articles = articles_mentioning_since(user_organizations(user), since=since, limit=SHOWN)
    if not articles:
        return None
    return Section(
        title=_("Your organisation in the news"),
        items=[
            SectionItem(
                title=article.title or _("(untitled)"),
                url=absolute_url(article.get_absolute_url()),
                note=article.published_at.date().isoformat() if article.published_at else "",
            )
            for article in articles
        ],
    )
