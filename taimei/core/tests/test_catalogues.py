"""Every Traditional Chinese catalogue is complete and compiled: the default language of the
site must never fall back to English (or to another package's wording) for our own text."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(PACKAGE.glob("**/locale/zh_Hant/LC_MESSAGES/django.po"))


def test_every_app_has_a_catalogue():
    apps = {path.parents[3].name for path in CATALOGUES}
    assert {"core", "members", "news", "search", "opportunities", "events", "operations"} <= apps


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_the_catalogue_is_complete_and_compiled(path):
    catalogue = polib.pofile(str(path))
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=1;")
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    compiled = path.with_suffix(".mo")
    assert compiled.stat().st_mtime >= path.stat().st_mtime - 1, "run make messages"
