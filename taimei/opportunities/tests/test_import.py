"""`taimei import opportunities`: the DESIGN.md format, idempotence, precise row errors."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from taimei.core.csv_io import CsvFileError
from taimei.members.tests.factories import OrganizationFactory
from taimei.opportunities.csv_format import OPPORTUNITY_COLUMNS
from taimei.opportunities.demo import DATA_DIR, demo_load
from taimei.opportunities.models import Opportunity
from taimei.opportunities.services import opportunity_import

pytestmark = pytest.mark.django_db

HEADER = ",".join(OPPORTUNITY_COLUMNS)
GOOD = [
    "wafer-sourcing,sourcing-request,徵求矽晶圓供應商,亞利桑那廠需要12吋矽晶圓。,US,semiconductors,tsmc,2099-06-30",
    'drone-offer,supply-offer,Commercial drones for U.S. buyers,"Mapping UAVs, NDAA compliant.",'
    "TW,drones;defense-aerospace,skyhawk,",
]


@pytest.fixture(autouse=True)
def posters(db):
    OrganizationFactory(slug="tsmc", country="TW")
    OrganizationFactory(slug="skyhawk", country="TW")


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def test_good_file_creates_posts_with_language_by_script():
    report = opportunity_import(data=csv_bytes(*GOOD))
    assert report.ok and report.applied and report.created == 2
    wafer = Opportunity.objects.get(slug="wafer-sourcing")
    assert wafer.title_zh == "徵求矽晶圓供應商" and wafer.title_en == ""
    assert wafer.posted_by.slug == "tsmc" and str(wafer.closes_on) == "2099-06-30"
    drone = Opportunity.objects.get(slug="drone-offer")
    assert drone.title_en.startswith("Commercial") and drone.body_en.startswith("Mapping")
    assert set(drone.industries.values_list("slug", flat=True)) == {"drones", "defense-aerospace"}
    assert drone.closes_on is None


def test_reimport_is_idempotent_and_updates_by_slug():
    opportunity_import(data=csv_bytes(*GOOD))
    again = opportunity_import(data=csv_bytes(*GOOD))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = GOOD[1].replace("drones;defense-aerospace", "drones")
    report = opportunity_import(data=csv_bytes(GOOD[0], changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert list(
        Opportunity.objects.get(slug="drone-offer").industries.values_list("slug", flat=True)
    ) == ["drones"]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported():
    rows = [
        GOOD[0],
        "Bad Slug,sourcing-request,T,,US,,tsmc,",
        "x1,bartering,T,,US,,tsmc,",
        "x2,job,T,,US,robots,tsmc,",
        "x3,job,T,,US,,nobody,",
        "x4,job,T,,US,,tsmc,31/12/2099",
        "wafer-sourcing,job,T,,US,,tsmc,",
    ]
    report = opportunity_import(data=csv_bytes(*rows))
    assert not report.applied and Opportunity.objects.count() == 0
    messages = {error.line: error.message for error in report.errors}
    assert set(messages) == {3, 4, 5, 6, 7, 8}
    assert "slug" in messages[3]
    assert "kind 'bartering'" in messages[4]
    assert "'robots'" in messages[5]
    assert "'nobody'" in messages[6]
    assert "closes_on" in messages[7]
    assert "line 2" in messages[8]


def test_skip_invalid_imports_the_good_rows():
    report = opportunity_import(
        data=csv_bytes(GOOD[0], "x1,bartering,T,,US,,tsmc,"), skip_invalid=True
    )
    assert report.applied and report.created == 1 and report.skipped == 1


def test_unreadable_files_raise_a_file_error():
    with pytest.raises(CsvFileError, match="not UTF-8"):
        opportunity_import(data="slug,kind\n".encode("big5") + "中文".encode("big5"))
    with pytest.raises(CsvFileError, match="lacks"):
        opportunity_import(data=b"slug,kind\nx,job\n")


def test_the_import_command_reports_like_the_member_import(tmp_path, capsys):
    path = tmp_path / "posts.csv"
    path.write_bytes(csv_bytes(GOOD[0], "x1,bartering,T,,US,,tsmc,"))
    with pytest.raises(CommandError, match="1 bad rows; nothing was imported"):
        call_command("import", "opportunities", str(path))
    assert "line 3: kind 'bartering'" in capsys.readouterr().err
    call_command("import", "opportunities", str(path), "--skip-invalid")
    assert "1 created" in capsys.readouterr().out
    assert Opportunity.objects.filter(slug="wafer-sourcing").exists()


def test_the_demo_file_is_valid_and_bilingual(db, capsys):
    from taimei.members.demo import DATA_DIR as MEMBERS_DATA
    from taimei.members.services import member_import

    member_import(data=(MEMBERS_DATA / "demo_members.csv").read_bytes())
    demo_load(stdout=__import__("sys").stdout)
    posts = Opportunity.objects.all()
    assert posts.count() >= 30
    assert all(post.title_zh and post.title_en and post.body_zh and post.body_en for post in posts)
    assert posts.filter(visibility="members").exists()
    assert (DATA_DIR / "demo_opportunities.csv").exists()
