"""Template tags other apps' pages use to show news (a member profile's "in the news")."""

from __future__ import annotations

from typing import Any

from django import template

from taimei.members.models import Organization
from taimei.news.selectors import articles_mentioning

register = template.Library()


@register.inclusion_tag("news/partials/_in_the_news.html")
def in_the_news(organization: Organization, limit: int = 5) -> dict[str, Any]:
    """The newest published articles naming `organization`: `{% in_the_news organization %}`."""
    return {"articles": articles_mentioning(organization, limit)}
