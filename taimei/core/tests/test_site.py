"""The site shell: both languages render, the API documents itself, the CLI lists commands."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_traditional_chinese_is_the_default_language(client):
    html = client.get("/").content.decode()
    assert 'lang="zh-Hant-TW"' in html
    assert "會員名錄" in html and "台美企業聯盟" in html


def test_english_after_switching_language(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/members/"})
    assert response.status_code == 302
    html = client.get("/members/").content.decode()
    assert 'lang="en"' in html and "Member directory" in html and "會員名錄" not in html


def test_browser_language_english_is_honoured(client):
    html = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).content.decode()
    assert "Taiwan–U.S. Business Alliance" in html


def test_every_navigation_link_leads_somewhere(client, admin_user):
    client.force_login(admin_user)  # staff also see the dashboard link
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    hrefs = re.findall(r'href="([^"]*)"', nav)
    assert len(hrefs) == 5
    for href in hrefs:
        assert href.startswith("/"), f"empty or broken navigation link in {nav}"
        assert client.get(href).status_code == 200, href


def test_api_docs_and_schema(client):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert "/api/members" in schema["paths"]
    assert "BearerAuth" in str(schema["components"]) or "TokenAuth" in str(schema["components"])


def test_api_lists_members_with_filters(client):
    from taimei.members.tests.factories import OrganizationFactory

    OrganizationFactory(slug="acme", country="US")
    OrganizationFactory(slug="bolt", country="TW")
    body = client.get("/api/members", {"country": "US"}).json()
    assert [item["slug"] for item in body["items"]] == ["acme"]


def test_static_assets_come_from_the_installation(client):
    html = client.get("/").content.decode()
    assert "https://cdn" not in html and "unpkg" not in html
    assert "/static/django_htmx/htmx" in html or "htmx.min.js" in html


def test_cli_help_lists_every_command_with_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "taimei", "--help"], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    for command in (
        "demo",
        "serve",
        "import",
        "export",
        "worker",
        "scheduler",
        "migrate",
        "createsuperuser",
    ):
        assert any(line.split()[:1] == [command] for line in lines), command
    demo_line = next(line for line in lines if line.split()[:1] == ["demo"])
    assert "serve" in demo_line


def test_deploy_check_is_clean_with_production_variables(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x" * 20 + "-production-secret-from-the-environment-" + "y" * 20,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "exchange.example.org",
        "SECURE_SSL": "true",
        "TAIMEI_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "taimei", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_TW.UTF-8"}, "zh-hant"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh-hant"),
        ({}, "en"),
    ],
)
def test_cli_messages_follow_the_posix_locale(environ, language):
    from taimei.cli import cli_language

    assert cli_language(environ) == language
