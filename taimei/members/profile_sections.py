"""Sections other apps add to an organisation's profile page (in the news, opportunities, events).

The members app imports no other app, so apps declare their sections on their AppConfig:
`member_profile_sections = ["taimei.news.profile.in_the_news"]`, each a callable
`(organization, viewer) -> taimei.core.sections.Section | None` (None hides the section).
The members app renders every section with one template: apps contribute data, not markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string

from taimei.core.sections import Section


def profile_sections(organization: Any, viewer: Any) -> list[Section]:
    """Every section the installed apps offer for this organisation and viewer, in order."""
    sections = []
    for config in apps.get_app_configs():
        for path in getattr(config, "member_profile_sections", []):
            section_for: Callable[[Any, Any], Section | None] = import_string(path)
            if (section := section_for(organization, viewer)) is not None:
                sections.append(section)
    return sorted(sections, key=lambda section: section.order)
