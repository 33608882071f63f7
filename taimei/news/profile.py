"""The "In the news" section of a member's profile."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from taimei.core.sections import Section, SectionItem
from taimei.news.selectors import articles_mentioning

SHOWN = 5


def in_the_news(organization: Any, viewer: Any) -> Section:
    """The newest published articles that name the organisation, linked to the article page."""
    items = [
        SectionItem(
            title=article.title or _("(untitled)"),
            url=article.get_absolute_url(),
            note=article.published_at.date().isoformat() if article.published_at else "",
        )
        for article in articles_mentioning(organization, SHOWN)
    ]
    return Section(
        title=_("In the news"),
        items=items,
        empty_text=_("No recent news mentions this organisation."),
        order=10,
    )
