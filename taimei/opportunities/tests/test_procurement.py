"""Government procurement: U.S. federal and Taiwanese tender files, alerts, following."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from taimei.members.tests.factories import OrganizationFactory
from taimei.opportunities.models import Notification, Opportunity
from taimei.opportunities.services import procurement

pytestmark = pytest.mark.django_db

US_HEADER = (
    "NoticeId,Title,Sol#,Department/Ind.Agency,NaicsCode,SetASide,ResponseDeadLine,"
    "PopCity,PopState,PopCountry,Link,Description"
)
US_ROWS = [
    "a1b2c3,Silicon wafer metrology services,W911-25,DEPT OF DEFENSE,334413,Total Small Business,"
    "2099-03-14T17:00:00-05:00,Austin,TX,USA,https://sam.gov/opp/a1b2c3/view,Wafer inspection.",
    "d4e5f6,Small unmanned aircraft systems,FA86-25,DEPT OF THE AIR FORCE,336411,,2099-05-01,"
    "Dayton,OH,USA,https://sam.gov/opp/d4e5f6/view,Group 1 UAS for base security.",
]
TW_HEADER = "標案案號,標案名稱,機關名稱,預算金額,截止投標,履約地點,公告網址,標的分類"
TW_ROWS = [
    '1130520A,無人機巡檢服務採購案,經濟部水利署,"3,500,000",188/06/30,臺中市,'
    "https://web.pcc.gov.tw/tps/1130520A,勞務類",
    "1130601B,AI伺服器租賃,國家科學及技術委員會,12000000,1880701,新竹市,,財物類",
]


@pytest.fixture(autouse=True)
def publisher(db):
    return OrganizationFactory(slug="taitra", name_en="TAITRA", country="TW")


def data(header: str, *rows: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def test_us_federal_notices_become_procurement_tenders():
    report = procurement.procurement_import_us(data=data(US_HEADER, *US_ROWS))
    assert report.applied and report.created == 2
    wafer = Opportunity.objects.get(source="us-federal", external_id="a1b2c3")
    assert wafer.kind == "procurement-tender" and wafer.country == "US"
    assert wafer.title_en == "Silicon wafer metrology services"
    assert wafer.closes_on == datetime.date(2099, 3, 14)
    assert wafer.naics_code == "334413" and wafer.set_aside == "Total Small Business"
    assert wafer.place_of_performance == "Austin, TX, USA"
    assert wafer.agency == "DEPT OF DEFENSE"
    assert set(wafer.industries.values_list("slug", flat=True)) == {"semiconductors"}
    drones = Opportunity.objects.get(external_id="d4e5f6")
    assert {"defense-aerospace", "drones"} <= set(drones.industries.values_list("slug", flat=True))
    # Posted by the secretariat, matched from the notice's own side of the Pacific.
    assert drones.posted_by.slug == "taitra" and drones.counterpart_country == "US"


def test_windows_1252_files_as_published_are_read():
    row = US_ROWS[0].replace("Wafer inspection.", "Café-grade wafer inspection.")
    report = procurement.procurement_import_us(data=data(US_HEADER, row, encoding="cp1252"))
    assert report.created == 1
    assert "Café" in Opportunity.objects.get().body_en


def test_taiwanese_tenders_with_roc_dates():
    report = procurement.procurement_import_tw(data=data(TW_HEADER, *TW_ROWS))
    assert report.created == 2, report.errors
    drone = Opportunity.objects.get(source="tw-government", external_id="1130520A")
    assert drone.title_zh == "無人機巡檢服務採購案" and drone.country == "TW"
    assert drone.closes_on == datetime.date(2099, 6, 30)
    assert drone.amount == 3_500_000 and drone.currency == "TWD"
    assert "drones" in set(drone.industries.values_list("slug", flat=True))
    server = Opportunity.objects.get(external_id="1130601B")
    assert server.closes_on == datetime.date(2099, 7, 1) and server.external_url == ""


def test_bad_notice_rows_are_reported_by_line_and_nothing_is_imported():
    rows = [
        US_ROWS[0],
        "x1,Title,S,AGENCY,33A,,2099-01-01,,,,https://sam.gov/x1,",
        "x2,Title,S,AGENCY,,,next tuesday,,,,,",
        "x3,Title,S,AGENCY,,,2099-01-01,,,,not a link,",
        ",No id,S,AGENCY,,,2099-01-01,,,,,",
        US_ROWS[0],
    ]
    report = procurement.procurement_import_us(data=data(US_HEADER, *rows))
    assert not report.applied and not Opportunity.objects.exists()
    lines = {error.line: error.message for error in report.errors}
    assert set(lines) == {3, 4, 5, 6, 7}
    assert "NaicsCode '33A'" in lines[3]
    assert "next tuesday" in lines[4]
    assert "line 2" in lines[7]


def test_reimport_updates_by_notice_id_and_tells_followers(
    member, django_capture_on_commit_callbacks
):
    procurement.procurement_import_us(data=data(US_HEADER, *US_ROWS))
    notice = Opportunity.objects.get(external_id="a1b2c3")
    procurement.notice_follow(user=member, opportunity=notice, follow=True)
    again = procurement.procurement_import_us(data=data(US_HEADER, *US_ROWS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    amended = US_ROWS[0].replace("2099-03-14", "2099-04-30")
    with django_capture_on_commit_callbacks(execute=True):
        report = procurement.procurement_import_us(data=data(US_HEADER, amended, US_ROWS[1]))
    assert report.updated == 1
    notice.refresh_from_db()
    assert notice.closes_on == datetime.date(2099, 4, 30)
    note = Notification.objects.get(recipient=member, kind="notice-updated")
    assert "Silicon wafer metrology services" in note.text_en
    assert mail.outbox and mail.outbox[-1].to == [member.email]


@pytest.mark.parametrize(
    ("criteria", "hits"),
    [
        ({"naics_prefix": "3344"}, {"a1b2c3"}),
        ({"naics_prefix": "33"}, {"a1b2c3", "d4e5f6"}),
        ({"keyword": "晶圓"}, {"a1b2c3"}),
        ({"keyword": "無人機"}, {"d4e5f6", "1130520A"}),
        ({"industry": "drones"}, {"d4e5f6", "1130520A"}),
        ({"naics_prefix": "3364", "keyword": "wafer"}, set()),
    ],
)
def test_alerts_by_naics_prefix_keyword_synonyms_and_industry(member, criteria, hits):
    procurement.alert_create(user=member, **criteria)
    procurement.procurement_import_us(data=data(US_HEADER, *US_ROWS))
    procurement.procurement_import_tw(data=data(TW_HEADER, *TW_ROWS))
    notified = Notification.objects.filter(recipient=member, kind="procurement-alert")
    urls = {n.url for n in notified}
    expected = {Opportunity.objects.get(external_id=i).get_absolute_url() for i in hits}
    assert urls == expected


def test_alert_page_and_follow_button_need_an_approved_member(client, member, applicant):
    procurement.procurement_import_us(data=data(US_HEADER, *US_ROWS))
    notice = Opportunity.objects.get(external_id="a1b2c3")
    client.force_login(applicant)
    assert client.get(reverse("opportunities:alerts")).status_code == 403
    assert (
        client.post(
            reverse("opportunities:follow", args=[notice.slug]), {"follow": "1"}
        ).status_code
        == 403
    )
    client.force_login(member)
    response = client.post(reverse("opportunities:alerts"), {"naics_prefix": "12345678"})
    assert b"A NAICS code is 2 to 6 digits." in response.content
    response = client.post(reverse("opportunities:alerts"), {})
    assert b"Give a NAICS code, a keyword or an industry." in response.content
    client.post(reverse("opportunities:alerts"), {"keyword": "wafer"})
    assert member.procurement_alerts.get().keyword == "wafer"
    client.post(reverse("opportunities:follow", args=[notice.slug]), {"follow": "1"})
    assert notice.followers.filter(user=member).exists()
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "334413" in page and "Total Small Business" in page and "Stop following" in page


def test_import_command_registers_both_formats(tmp_path, capsys):
    path = tmp_path / "ContractOpportunitiesFull.csv"
    path.write_bytes(data(US_HEADER, *US_ROWS))
    call_command("import", "procurement-us", str(path))
    assert "2 created" in capsys.readouterr().out
    path = tmp_path / "tenders.csv"
    path.write_bytes(data(TW_HEADER, *TW_ROWS))
    call_command("import", "procurement-tw", str(path))
    assert Opportunity.objects.filter(kind="procurement-tender").count() == 4
