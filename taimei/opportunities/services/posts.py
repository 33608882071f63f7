"""Writes to posts: create, edit, close, import from CSV, and "not relevant" feedback."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from taimei.core.csv_io import ImportReport, RowError, read_rows
from taimei.core.models import Industry
from taimei.members.models import Organization
from taimei.opportunities.csv_format import OPPORTUNITY_COLUMNS, OpportunityRow
from taimei.opportunities.models import Interest, MatchDismissal, Opportunity
from taimei.opportunities.services.notify import notify_organization

if TYPE_CHECKING:
    from taimei.accounts.models import User

_EDITABLE = (
    "kind",
    "title_zh",
    "title_en",
    "body_zh",
    "body_en",
    "country",
    "amount",
    "currency",
    "closes_on",
    "visibility",
)


class OpportunityError(Exception):
    """A post cannot be changed as asked (the message says why)."""


def _unique_slug(title: str, kind: str) -> str:
    base = slugify(title)[:60].strip("-") or f"{kind}-{timezone.localdate():%Y%m%d}"
    slug = base
    while Opportunity.objects.filter(slug=slug).exists():
        slug = f"{base}-{get_random_string(4, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    return slug


def opportunity_industries_set(
    *, opportunity: Opportunity, industries: Iterable[Industry | str]
) -> None:
    """Set a post's industries, given as rows or as slugs (their primary keys)."""
    # Django takes any primary key here; django-stubs only int ones (typeddjango/django-stubs#1266).
    opportunity.industries.set(industries)  # type: ignore[arg-type]


def opportunity_create(
    *,
    user: User | None,
    organization: Organization,
    data: dict[str, Any],
    industries: Iterable[Industry | str],
) -> Opportunity:
    """Publish a post for `organization` (fields already validated by a form or schema)."""
    fields = {name: data[name] for name in _EDITABLE if name in data}
    with transaction.atomic():
        opportunity = Opportunity(
            slug=data.get("slug") or _unique_slug(fields.get("title_en", ""), fields["kind"]),
            posted_by=organization,
            created_by=user,
            **fields,
        )
        opportunity.full_clean(exclude=["slug"] if not data.get("slug") else None)
        opportunity.save()
        opportunity_industries_set(opportunity=opportunity, industries=industries)
    return opportunity


def opportunity_update(
    *,
    opportunity: Opportunity,
    data: dict[str, Any],
    industries: Iterable[Industry | str] | None = None,
) -> Opportunity:
    """Save edits by the poster's people or staff (fields already validated)."""
    with transaction.atomic():
        for name, value in data.items():
            if name in _EDITABLE:
                setattr(opportunity, name, value)
        opportunity.full_clean()
        opportunity.save()
        if industries is not None:
            opportunity_industries_set(opportunity=opportunity, industries=industries)
    return opportunity


def opportunity_close(*, opportunity: Opportunity, status: str, user: User) -> Opportunity:
    """Close a post (closed, or filled when a counterparty was found); pending answers hear."""
    if status not in {Opportunity.Status.CLOSED, Opportunity.Status.FILLED}:
        raise OpportunityError(_("A post can be closed or marked filled."))
    if opportunity.status != Opportunity.Status.OPEN:
        raise OpportunityError(_("This post is already closed."))
    with transaction.atomic():
        opportunity.status = status
        opportunity.save(update_fields=["status", "updated_at", "search_key"])
        pending = opportunity.interests.filter(status=Interest.Status.PENDING).select_related(
            "organization"
        )
        for interest in pending:
            notify_organization(
                organization=interest.organization,
                kind="opportunity-closed",
                url=opportunity.get_absolute_url(),
                text=lambda: (
                    _("“%(title)s” was closed by its poster") % {"title": opportunity.title}
                ),
            )
    return opportunity


def match_dismiss(
    *,
    user: User,
    opportunity: Opportunity,
    organization: Organization,
    by_organization: Organization,
) -> MatchDismissal:
    """Remember "not relevant": never suggest this pair again, rank similar ones lower."""
    try:
        with transaction.atomic():
            dismissal, _created = MatchDismissal.objects.get_or_create(
                opportunity=opportunity,
                organization=organization,
                by_organization=by_organization,
                defaults={"by_user": user},
            )
    except IntegrityError:  # the same click twice at once
        dismissal = MatchDismissal.objects.get(
            opportunity=opportunity, organization=organization, by_organization=by_organization
        )
    return dismissal


def _validate_rows(data: bytes, report: ImportReport) -> list[tuple[int, OpportunityRow]]:
    valid: list[tuple[int, OpportunityRow]] = []
    first_line: dict[str, int] = {}
    rows = list(read_rows(data, OPPORTUNITY_COLUMNS))
    posters = {
        o.slug: o
        for o in Organization.objects.filter(
            slug__in={row.values.get("posted_by", "") for row in rows}
        )
    }
    for row in rows:
        if row.problem:
            report.errors.append(RowError(row.line, row.problem))
            continue
        form = OpportunityRow(data=row.values)
        if not form.is_valid():
            report.errors.append(RowError(row.line, "; ".join(form.messages())))
            continue
        slug, poster = form.cleaned_data["slug"], form.cleaned_data["posted_by"]
        if poster not in posters:
            report.errors.append(
                RowError(
                    row.line,
                    _("posted_by: no member organisation has the slug '%(slug)s'")
                    % {"slug": poster},
                )
            )
            continue
        if slug in first_line:
            report.errors.append(
                RowError(
                    row.line,
                    _("slug '%(slug)s' already appears on line %(line)d")
                    % {"slug": slug, "line": first_line[slug]},
                )
            )
            continue
        first_line[slug] = row.line
        form.cleaned_data["poster"] = posters[poster]
        valid.append((row.line, form))
    return valid


def _apply_row(form: OpportunityRow, existing: Opportunity | None) -> str:
    fields = form.model_fields()
    poster: Organization = form.cleaned_data["poster"]
    industries: set[str] = set(form.cleaned_data["industries"])
    if existing is None:
        opportunity = Opportunity(slug=form.cleaned_data["slug"], posted_by=poster, **fields)
        opportunity.full_clean()
        opportunity.save()
        opportunity_industries_set(opportunity=opportunity, industries=industries)
        return "created"
    changed = existing.posted_by_id != poster.pk
    existing.posted_by = poster
    for name, value in fields.items():
        if getattr(existing, name) != value:
            setattr(existing, name, value)
            changed = True
    if changed:
        existing.full_clean()
        existing.save()
    if {i.slug for i in existing.industries.all()} != industries:
        opportunity_industries_set(opportunity=existing, industries=industries)
        changed = True
    return "updated" if changed else "unchanged"


def opportunity_import(
    *, data: bytes, skip_invalid: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import posts from opportunities CSV bytes, updating by slug (idempotent).

    Same contract as the member import: every bad row reported with its line number, and a
    file with any bad row imports nothing unless `skip_invalid`. Raises CsvFileError when the
    file as a whole is unreadable.
    """
    report = ImportReport()
    valid = _validate_rows(data, report)
    if (report.errors and not skip_invalid) or dry_run:
        return report
    report.skipped = len(report.errors)
    existing = {
        o.slug: o
        for o in Opportunity.objects.filter(
            slug__in=[form.cleaned_data["slug"] for _line, form in valid]
        ).prefetch_related("industries")
    }
    with transaction.atomic():
        for _line, form in valid:
            outcome = _apply_row(form, existing.get(form.cleaned_data["slug"]))
            setattr(report, outcome, getattr(report, outcome) + 1)
    report.applied = True
    return report
