"""The Traditional Chinese catalogue is complete and the page speaks it by default."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

CATALOGUE = Path(__file__).resolve().parents[1] / "locale/zh_Hant/LC_MESSAGES/django.po"


def test_every_message_has_a_traditional_chinese_translation():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert untranslated == []
    assert catalogue.fuzzy_entries() == []
    assert CATALOGUE.with_suffix(".mo").stat().st_mtime >= CATALOGUE.stat().st_mtime - 1


@pytest.mark.django_db
def test_the_dashboard_is_in_chinese_by_default(client, staff):
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
    client.force_login(staff)
    html = client.get(reverse("dashboard")).content.decode()
    for text in ("<h1>儀表板</h1>", "政策觀察清單", "商機漏斗", "232條款", "對等關稅", "快速選擇"):
        assert text in html
