"""The bundled demo directory: organisations, people and a few sign-in accounts."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from taimei.accounts.models import User
from taimei.members.models import MembershipApplication, Organization, Person
from taimei.members.services import member_import

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_MEMBER_EMAIL = "member@taimei.example"
DEMO_APPLICANT_EMAIL = "applicant@taimei.example"
DEMO_PASSWORD = "taimei-demo-member"  # noqa: S105 - published demo login


def _load_people() -> int:
    path = DATA_DIR / "demo_people.csv"
    if not path.exists():
        return 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    organizations = {
        o.slug: o for o in Organization.objects.filter(slug__in={r["organization"] for r in rows})
    }
    created = 0
    for row in rows:
        organization = organizations.get(row["organization"])
        if organization is None:
            continue
        _person, was_created = Person.objects.update_or_create(
            organization=organization,
            email=row["email"],
            defaults={
                "name_zh": row["name_zh"],
                "name_en": row["name_en"],
                "title_zh": row["title_zh"],
                "title_en": row["title_en"],
                "role": row["role"] or Person.Role.MEMBER,
            },
        )
        created += was_created
    return created


def _ensure_user(email: str, password: str, **fields: object) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password, **fields)
    return user


def _load_accounts() -> None:
    _ensure_user(
        settings.TAIMEI_DEMO_STAFF_EMAIL,
        settings.TAIMEI_DEMO_STAFF_PASSWORD,
        full_name="Alliance Staff 聯盟秘書處",
        is_staff=True,
        is_superuser=True,
    )
    member = _ensure_user(DEMO_MEMBER_EMAIL, DEMO_PASSWORD, full_name="Demo Member 示範會員")
    organization = (
        Organization.objects.filter(country="TW", kind="company").order_by("slug").first()
    )
    if organization is not None:
        Person.objects.get_or_create(
            organization=organization,
            user=member,
            defaults={
                "name_en": "Demo Member",
                "name_zh": "示範會員",
                "email": DEMO_MEMBER_EMAIL,
                "role": Person.Role.ORG_ADMIN,
            },
        )
    applicant = _ensure_user(DEMO_APPLICANT_EMAIL, DEMO_PASSWORD, full_name="Pending Applicant")
    MembershipApplication.objects.get_or_create(
        applicant=applicant,
        defaults={
            "organization_name_zh": "北極星精密工業",
            "organization_name_en": "Polaris Precision Industries",
            "country": "TW",
            "kind": "company",
            "message": "We make CNC spindles and want to meet U.S. buyers.",
        },
    )


def demo_load(*, stdout: TextIO) -> None:
    """Load (or refresh) the demo directory and accounts; safe to run again."""
    report = member_import(data=(DATA_DIR / "demo_members.csv").read_bytes())
    if not report.ok:
        for error in report.errors:
            stdout.write(f"demo_members.csv: {error}\n")
        raise ValueError("the bundled demo_members.csv has bad rows")
    with transaction.atomic():
        people = _load_people()
        _load_accounts()
    stdout.write(
        gettext("Members: %(summary)s; %(people)d people added.")
        % {"summary": report.summary(), "people": people}
        + "\n"
    )
    stdout.write(
        gettext("Demo member login: %(login)s")
        % {"login": f"{DEMO_MEMBER_EMAIL} / {DEMO_PASSWORD}"}
        + "\n"
    )
