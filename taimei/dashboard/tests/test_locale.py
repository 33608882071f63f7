"""The dashboard speaks Traditional Chinese by default (every catalogue's completeness is
checked in core/tests/test_catalogues.py)."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_dashboard_is_in_chinese_by_default(client, staff):
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
    client.force_login(staff)
    html = client.get(reverse("dashboard")).content.decode()
    for text in ("<h1>儀表板</h1>", "政策觀察清單", "商機漏斗", "232條款", "對等關稅", "快速選擇"):
        assert text in html
