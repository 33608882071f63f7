"""Writes to the member directory: CSV import/export, profile edits, membership applications."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from taimei.core.csv_io import ImportReport, RowError, read_rows, write_rows
from taimei.core.models import Domain, Industry
from taimei.core.taxonomy import DOMAINS, INDUSTRIES
from taimei.members.csv_format import MEMBER_COLUMNS, MemberRow, join_list
from taimei.members.models import MembershipApplication, Organization, Person

if TYPE_CHECKING:
    from taimei.accounts.models import User


class ApplicationError(Exception):
    """A membership application cannot move to the requested state."""


@dataclass(frozen=True)
class _ValidRow:
    line: int
    data: dict[str, Any]


def _validate_member_rows(data: bytes, report: ImportReport) -> list[_ValidRow]:
    valid: list[_ValidRow] = []
    first_line_of_slug: dict[str, int] = {}
    for row in read_rows(data, MEMBER_COLUMNS):
        if row.problem:
            report.errors.append(RowError(row.line, row.problem))
            continue
        form = MemberRow(data=row.values)
        if not form.is_valid():
            report.errors.append(RowError(row.line, "; ".join(form.messages())))
            continue
        slug = form.cleaned_data["slug"]
        if slug in first_line_of_slug:
            report.errors.append(
                RowError(
                    row.line,
                    translation.gettext("slug '%(slug)s' already appears on line %(line)d")
                    % {"slug": slug, "line": first_line_of_slug[slug]},
                )
            )
            continue
        first_line_of_slug[slug] = row.line
        valid.append(_ValidRow(row.line, form.cleaned_data))
    return valid


_SCALAR_FIELDS = (
    "name_zh",
    "name_en",
    "aliases",
    "country",
    "kind",
    "website",
    "description_zh",
    "description_en",
)


def _apply_member_row(data: dict[str, Any], existing: Organization | None) -> str:
    """Create or update one organisation; returns 'created', 'updated' or 'unchanged'."""
    organization = existing or Organization(slug=data["slug"])
    changed = existing is None
    for name in _SCALAR_FIELDS:
        if getattr(organization, name) != data[name]:
            setattr(organization, name, data[name])
            changed = True
    current_industries = {i.slug for i in organization.industries.all()} if existing else set()
    current_domains = {d.slug for d in organization.domains.all()} if existing else set()
    if changed:
        organization.full_clean(exclude=["logo"])
        organization.save()
    if current_industries != set(data["industries"]):
        organization.industries.set(data["industries"])
        changed = True
    if current_domains != set(data["domains"]):
        organization.domains.set(data["domains"])
        changed = True
    if existing is None:
        return "created"
    return "updated" if changed else "unchanged"


def member_import(
    *, data: bytes, skip_invalid: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import organisations from members CSV bytes, updating by slug (idempotent).

    A file with any bad row imports nothing unless `skip_invalid`; every bad row is reported
    with its line number. Raises CsvFileError when the file as a whole is unreadable.
    """
    report = ImportReport()
    valid = _validate_member_rows(data, report)
    if (report.errors and not skip_invalid) or dry_run:
        return report
    report.skipped = len(report.errors)
    existing = {
        organization.slug: organization
        for organization in Organization.objects.filter(
            slug__in=[row.data["slug"] for row in valid]
        ).prefetch_related("industries", "domains")
    }
    with transaction.atomic():
        for row in valid:
            outcome = _apply_member_row(row.data, existing.get(row.data["slug"]))
            setattr(report, outcome, getattr(report, outcome) + 1)
    report.applied = True
    return report


def _export_row(organization: Organization) -> dict[str, str]:
    return {
        "slug": organization.slug,
        "name_zh": organization.name_zh,
        "name_en": organization.name_en,
        "aliases": join_list(organization.aliases),
        "country": organization.country,
        "kind": organization.kind,
        "industries": join_list(INDUSTRIES.order(i.slug for i in organization.industries.all())),
        "domains": join_list(DOMAINS.order(d.slug for d in organization.domains.all())),
        "website": organization.website,
        "description_zh": organization.description_zh,
        "description_en": organization.description_en,
    }


def member_export(*, organizations: Iterable[Organization] | None = None) -> str:
    """Members CSV text (DESIGN.md format) for `organizations`, by default all, sorted by slug."""
    if organizations is None:
        organizations = Organization.objects.order_by("slug").prefetch_related(
            "industries", "domains"
        )
    return write_rows((_export_row(o) for o in organizations), MEMBER_COLUMNS)


def organization_update(
    *,
    organization: Organization,
    data: dict[str, Any],
    industries: Iterable[Industry] | None = None,
    domains: Iterable[Domain] | None = None,
) -> Organization:
    """Save profile edits made by an org admin or staff (fields already validated)."""
    with transaction.atomic():
        for name, value in data.items():
            setattr(organization, name, value)
        organization.full_clean()
        organization.save()
        if industries is not None:
            organization.industries.set(industries)
        if domains is not None:
            organization.domains.set(domains)
    return organization


def application_submit(*, applicant: User, data: dict[str, Any]) -> MembershipApplication:
    """Record a pending application to join; staff decide in the admin."""
    if MembershipApplication.objects.filter(
        applicant=applicant, status=MembershipApplication.Status.PENDING
    ).exists():
        raise ApplicationError(translation.gettext("You already have an application pending."))
    application = MembershipApplication(applicant=applicant, **data)
    application.full_clean()
    application.save()
    return application


def _unique_slug(base: str) -> str:
    base = slugify(base)[:70] or "member"
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _notify_applicant(application: MembershipApplication) -> None:
    user = application.applicant
    with translation.override(user.preferred_language):
        subject = translation.gettext("Your TaiMei Exchange membership application")
        body = render_to_string(
            "members/email/application_decided.txt", {"application": application, "user": user}
        )
    send_mail(subject, body, None, [user.email])


def application_approve(*, application: MembershipApplication, reviewer: User) -> Person:
    """Approve: attach the applicant to the existing or a new organisation as its admin."""
    if application.status != MembershipApplication.Status.PENDING:
        raise ApplicationError(translation.gettext("Only pending applications can be approved."))
    with transaction.atomic():
        organization = application.organization
        role = Person.Role.MEMBER
        if organization is None:
            organization = Organization.objects.create(
                slug=_unique_slug(application.organization_name_en or application.applicant.email),
                name_zh=application.organization_name_zh,
                name_en=application.organization_name_en,
                country=application.country,
                kind=application.kind,
                website=application.website,
            )
            application.organization = organization
            role = Person.Role.ORG_ADMIN
        person, _created = Person.objects.get_or_create(
            organization=organization,
            user=application.applicant,
            defaults={
                "name_en": application.applicant.full_name,
                "title_en": application.job_title,
                "email": application.applicant.email,
                "role": role,
            },
        )
        application.status = MembershipApplication.Status.APPROVED
        application.reviewed_by = reviewer
        application.reviewed_at = timezone.now()
        application.save()
        transaction.on_commit(lambda: _notify_applicant(application))
    return person


def application_decline(
    *, application: MembershipApplication, reviewer: User, note: str = ""
) -> None:
    """Decline a pending application, with a note the applicant reads."""
    if application.status != MembershipApplication.Status.PENDING:
        raise ApplicationError(translation.gettext("Only pending applications can be declined."))
    application.status = MembershipApplication.Status.DECLINED
    application.reviewed_by = reviewer
    application.reviewed_at = timezone.now()
    application.decision_note = note
    with transaction.atomic():
        application.save()
        transaction.on_commit(lambda: _notify_applicant(application))
