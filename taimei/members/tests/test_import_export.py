"""Members CSV import/export: the DESIGN.md format, idempotence, and precise row errors."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from taimei.core.csv_io import CsvFileError
from taimei.core.taxonomy import INDUSTRIES
from taimei.members.csv_format import MEMBER_COLUMNS
from taimei.members.models import Organization
from taimei.members.services import member_export, member_import

pytestmark = pytest.mark.django_db

HEADER = ",".join(MEMBER_COLUMNS)
GOOD_ROWS = [
    "tsmc,台灣積體電路製造股份有限公司,Taiwan Semiconductor Manufacturing Company,"
    "台積電;TSMC;台积电,"
    "TW,company,semiconductors;ai,investment;industry,https://www.tsmc.com,晶圓代工。,Foundry.",
    "ustbc,美台商業協會,US-Taiwan Business Council,美台商會;USTBC,US,partner-organisation,,"
    'trade,https://www.us-taiwan.org,,"Trade association, Arlington VA."',
    "mesa-drones,梅薩無人機,Mesa Drones LLC,,US,company,drones,startups,,,",
]


def csv_bytes(*rows: str, header: str = HEADER, bom: bool = False) -> bytes:
    text = "\n".join([header, *rows]) + "\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def test_good_file_creates_every_field():
    report = member_import(data=csv_bytes(*GOOD_ROWS))

    assert report.ok and report.applied
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    tsmc = Organization.objects.get(slug="tsmc")
    assert tsmc.aliases == ["台積電", "TSMC", "台积电"]
    assert sorted(tsmc.industries.values_list("slug", flat=True)) == ["ai", "semiconductors"]
    assert sorted(tsmc.domains.values_list("slug", flat=True)) == ["industry", "investment"]
    assert tsmc.country == "TW" and tsmc.website == "https://www.tsmc.com"
    assert (
        Organization.objects.get(slug="ustbc").description_en == "Trade association, Arlington VA."
    )


def test_reimport_is_idempotent_and_updates_by_slug():
    member_import(data=csv_bytes(*GOOD_ROWS))
    again = member_import(data=csv_bytes(*GOOD_ROWS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)

    changed = GOOD_ROWS[2].replace("drones,startups", "drones;defense-aerospace,startups")
    report = member_import(data=csv_bytes(GOOD_ROWS[0], GOOD_ROWS[1], changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert Organization.objects.count() == 3
    assert set(
        Organization.objects.get(slug="mesa-drones").industries.values_list("slug", flat=True)
    ) == {"drones", "defense-aerospace"}


def test_utf8_bom_from_spreadsheets_is_accepted():
    report = member_import(data=csv_bytes(*GOOD_ROWS, bom=True))
    assert report.ok and report.created == 3
    assert Organization.objects.filter(slug="tsmc").exists()


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Bad Slug,名,Name,,TW,company,,,,,", "slug 'Bad Slug' must be lowercase"),
        ("acme,名,Name,,JP,company,,,,,", "country 'JP' is not one of: TW, US"),
        ("acme,名,Name,,TW,conglomerate,,,,,", "kind 'conglomerate' is not one of"),
        ("acme,名,Name,,TW,company,chips;ai,,,,", "industries: unknown industries 'chips'"),
        ("acme,名,Name,,TW,company,,culture,,,", "domains: unknown domains 'culture'"),
        ("acme,名,Name,,TW,company,,,not a url,,", "website: Enter a valid URL"),
        ("acme,,,,TW,company,,,,,", "a row needs name_zh or name_en"),
        ("acme,名,Name,TW,company", "expected 11 fields, found 5"),
        ("acme,名,Name,,,company,,,,,", "country: This field is required"),
    ],
)
def test_each_kind_of_bad_row_is_reported_with_line_and_reason(row, expected):
    report = member_import(data=csv_bytes(GOOD_ROWS[0], row))

    assert not report.applied
    assert [error.line for error in report.errors] == [3]
    assert expected in report.errors[0].message
    assert str(report.errors[0]).startswith("line 3: ")
    assert Organization.objects.count() == 0, "a file with errors imports nothing"


def test_duplicate_slug_in_one_file_points_at_the_first_line():
    report = member_import(data=csv_bytes(GOOD_ROWS[0], GOOD_ROWS[0]))
    assert [str(e) for e in report.errors] == ["line 3: slug 'tsmc' already appears on line 2"]


def test_multiline_quoted_field_keeps_line_numbers_true():
    multiline = 'acme,名,Acme,,TW,company,,,,"第一行\n第二行",'
    report = member_import(data=csv_bytes(multiline, "bad,名,Bad,,XX,company,,,,,"))
    assert [e.line for e in report.errors] == [4]


def test_skip_invalid_imports_the_good_rows_only():
    report = member_import(
        data=csv_bytes(GOOD_ROWS[0], "acme,名,Name,,JP,company,,,,,", GOOD_ROWS[1]),
        skip_invalid=True,
    )
    assert report.applied and report.created == 2 and report.skipped == 1
    assert sorted(Organization.objects.values_list("slug", flat=True)) == ["tsmc", "ustbc"]


def test_dry_run_writes_nothing():
    report = member_import(data=csv_bytes(*GOOD_ROWS), dry_run=True)
    assert report.ok and not report.applied
    assert Organization.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"slug,name_zh\nx,y\n", "line 1: the header lacks name_en"),
        (HEADER.encode() + b"\nacme,\xa4\xa4\xa4\xe5,Name,,TW,company,,,,,\n", "not UTF-8"),
    ],
)
def test_unreadable_files_are_refused_as_a_whole(data, expected):
    with pytest.raises(CsvFileError, match=expected):
        member_import(data=data)


def _rows(text: str) -> dict[str, dict[str, object]]:
    """Rows by slug, list fields as sets: their order is not content."""
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        for name in ("industries", "domains"):
            row[name] = frozenset(filter(None, row[name].split(";")))
        rows[row["slug"]] = row
    return rows


def test_export_then_import_round_trips(tmp_path):
    source = csv_bytes(*GOOD_ROWS)
    member_import(data=source)
    exported = member_export()

    assert exported.splitlines()[0] == HEADER
    assert _rows(exported) == _rows(source.decode())
    assert member_import(data=exported.encode()).unchanged == 3


def test_cli_import_export_round_trip_unchanged_in_content(tmp_path, capsys):
    source = tmp_path / "members.csv"
    source.write_bytes(csv_bytes(*GOOD_ROWS, bom=True))
    target = tmp_path / "out.csv"

    call_command("import", "members", str(source))
    call_command("export", "members", str(target))

    assert _rows(target.read_text(encoding="utf-8")) == _rows(source.read_text("utf-8-sig"))
    assert "3 created" in capsys.readouterr().out


def test_cli_refuses_a_file_with_three_bad_rows_with_three_precise_messages(tmp_path, capsys):
    source = tmp_path / "bad.csv"
    source.write_bytes(
        csv_bytes(
            GOOD_ROWS[0],
            "acme,名,Name,,JP,company,,,,,",
            GOOD_ROWS[1],
            "beta,名,Name,,TW,company,wafers,,,,",
            "Gamma!,名,Name,,US,company,,,,,",
        )
    )
    with pytest.raises(CommandError, match="3 bad rows; nothing was imported"):
        call_command("import", "members", str(source))

    messages = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert messages == [
        f"{source}: line 3: country 'JP' is not one of: TW, US",
        f"{source}: line 5: industries: unknown industries 'wafers' (allowed: "
        + ", ".join(INDUSTRIES.slugs)
        + ")",
        f"{source}: line 6: slug 'Gamma!' must be lowercase letters, digits and single hyphens",
    ]
    assert Organization.objects.count() == 0
