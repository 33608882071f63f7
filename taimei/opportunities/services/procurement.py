"""Government procurement notices from public data files, alerts on them, and follows.

Two public formats become procurement-tender posts:
- U.S. federal contract opportunities (the SAM.gov bulk CSV): `NoticeId, Title,
  Department/Ind.Agency, NaicsCode, SetASide, ResponseDeadLine, Link` (+ optional
  `Description, PopCity, PopState, PopCountry`); UTF-8, or Windows-1252 as published.
- Taiwanese government tenders (政府電子採購網 open data): `標案案號, 標案名稱, 機關名稱,
  截止投標, 履約地點, 公告網址` (+ optional `預算金額, 標的分類`); dates in the ROC calendar
  (113/05/20) or ISO.
Notices are posted in the name of the alliance's secretariat organisation (setting
`TAIMEI_PROCUREMENT_PUBLISHER`), matched by their own country, and update by notice number.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from taimei.core.csv_io import CsvFileError, ImportReport, RowError, read_rows
from taimei.members.models import Organization
from taimei.opportunities.conf import procurement_publisher
from taimei.opportunities.matching.glossary import Matcher, concepts, find_concepts, synonyms
from taimei.opportunities.models import NoticeFollow, Opportunity, ProcurementAlert
from taimei.opportunities.services.notify import notify_users
from taimei.opportunities.services.posts import opportunity_industries_set

if TYPE_CHECKING:
    from taimei.accounts.models import User

US_COLUMNS = (
    "NoticeId",
    "Title",
    "Department/Ind.Agency",
    "NaicsCode",
    "SetASide",
    "ResponseDeadLine",
    "Link",
)
TW_COLUMNS = ("標案案號", "標案名稱", "機關名稱", "截止投標", "履約地點", "公告網址")

# NAICS prefixes → the taxonomy's industries; the longest prefix wins.
NAICS_INDUSTRIES = {
    "11": "agriculture-food",
    "311": "agriculture-food",
    "2211": "energy",
    "221113": "nuclear",
    "221114": "renewables",
    "221115": "renewables",
    "3251": "petrochemicals",
    "3254": "biotech-health",
    "331": "steel-materials",
    "332": "steel-materials",
    "333": "machinery",
    "3341": "ict-hardware",
    "3342": "telecom-5g",
    "3344": "semiconductors",
    "3345": "ict-hardware",
    "3361": "automotive-ev",
    "3363": "automotive-ev",
    "3364": "defense-aerospace",
    "336411": "defense-aerospace",
    "3391": "medical-devices",
    "48": "logistics",
    "49": "logistics",
    "517": "telecom-5g",
    "518": "cloud-datacenter",
    "52": "finance",
    "54": "professional-services",
    "5415": "professional-services",
    "611": "education",
    "6215": "medical-devices",
}
_ROC_DATE = re.compile(r"^(\d{2,3})[/.-]?(\d{1,2})[/.-]?(\d{1,2})")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def industry_for_naics(code: str) -> str | None:
    """The industry of a NAICS code by its longest known prefix."""
    for length in range(len(code), 1, -1):
        if industry := NAICS_INDUSTRIES.get(code[:length]):
            return industry
    return None


def parse_deadline(value: str) -> datetime.date | None:
    """An ISO date (2025-03-14, 2025-03-14T17:00:00-05:00) or an ROC one (113/05/20, 1130520)."""
    value = value.strip()
    if not value:
        return None
    if match := _ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _ROC_DATE.match(value.replace(" ", "")):
        roc_year, month, day = (int(part) for part in match.groups())
        year = roc_year + 1911
    else:
        raise ValueError(value)
    return datetime.date(year, month, day)


@dataclass
class Notice:
    """One notice, validated and ready to become a post."""

    line: int
    external_id: str
    title: str
    agency: str
    closes_on: datetime.date | None
    url: str
    naics_code: str = ""
    set_aside: str = ""
    place: str = ""
    body: str = ""
    amount: Decimal | None = None
    extra_text: list[str] = field(default_factory=list)


def _url(value: str) -> str:
    if value:
        URLValidator(schemes=["http", "https"])(value)
    return value


def _us_notice(line: int, values: dict[str, str]) -> Notice:
    naics = values["NaicsCode"].strip()
    if naics and not (naics.isdigit() and 2 <= len(naics) <= 6):
        raise ValidationError(_("NaicsCode '%(value)s' is not a NAICS code") % {"value": naics})
    place = ", ".join(
        part for part in (values.get(k, "") for k in ("PopCity", "PopState", "PopCountry")) if part
    )
    return Notice(
        line=line,
        external_id=values["NoticeId"],
        title=values["Title"][:200],
        agency=values["Department/Ind.Agency"][:300],
        closes_on=parse_deadline(values["ResponseDeadLine"]),
        url=_url(values["Link"]),
        naics_code=naics,
        set_aside=values["SetASide"][:200],
        place=place[:300],
        body=values.get("Description", ""),
    )


def _tw_notice(line: int, values: dict[str, str]) -> Notice:
    amount_text = values.get("預算金額", "").replace(",", "").replace("元", "").strip()
    try:
        amount = Decimal(amount_text) if amount_text else None
    except InvalidOperation as error:
        raise ValidationError(
            _("預算金額 '%(value)s' is not a number") % {"value": amount_text}
        ) from error
    return Notice(
        line=line,
        external_id=values["標案案號"],
        title=values["標案名稱"][:200],
        agency=values["機關名稱"][:300],
        closes_on=parse_deadline(values["截止投標"]),
        url=_url(values["公告網址"]),
        place=values["履約地點"][:300],
        amount=amount if amount is not None and amount >= 0 else None,
        extra_text=[values.get("標的分類", "")],
    )


def _read(
    data: bytes,
    columns: Sequence[str],
    build: Callable[[int, dict[str, str]], Notice],
    report: ImportReport,
) -> list[Notice]:
    notices: list[Notice] = []
    seen: dict[str, int] = {}
    for row in read_rows(data, columns):
        if row.problem:
            report.errors.append(RowError(row.line, row.problem))
            continue
        missing = [c for c in columns[:2] if not row.values.get(c)]
        if missing:
            report.errors.append(
                RowError(row.line, _("%(columns)s: required") % {"columns": ", ".join(missing)})
            )
            continue
        try:
            notice = build(row.line, row.values)
        except ValueError as error:
            report.errors.append(
                RowError(row.line, _("unreadable deadline '%(value)s'") % {"value": error})
            )
            continue
        except ValidationError as error:
            report.errors.append(RowError(row.line, "; ".join(error.messages)))
            continue
        if notice.external_id in seen:
            report.errors.append(
                RowError(
                    row.line,
                    _("notice '%(id)s' already appears on line %(line)d")
                    % {"id": notice.external_id, "line": seen[notice.external_id]},
                )
            )
            continue
        seen[notice.external_id] = row.line
        notices.append(notice)
    return notices


def _industries(notice: Notice) -> set[str]:
    found = {industry_for_naics(notice.naics_code)} if notice.naics_code else set()
    glossary = concepts()
    for key in find_concepts("\n".join([notice.title, notice.body, *notice.extra_text])):
        found.add(glossary[key].industry)
    return {slug for slug in found if slug}


def _fields(notice: Notice, source: str) -> dict[str, Any]:
    english = source == Opportunity.Source.US_FEDERAL
    return {
        "kind": "procurement-tender",
        "title_en" if english else "title_zh": notice.title,
        "body_en" if english else "body_zh": notice.body,
        "country": "US" if english else "TW",
        "closes_on": notice.closes_on,
        "agency": notice.agency,
        "naics_code": notice.naics_code,
        "set_aside": notice.set_aside,
        "place_of_performance": notice.place,
        "external_url": notice.url,
        "amount": notice.amount,
        "currency": "" if notice.amount is None else "TWD",
    }


def _apply(notices: list[Notice], source: str, report: ImportReport) -> None:
    publisher = Organization.objects.filter(slug=procurement_publisher()).first()
    if publisher is None:
        raise CsvFileError(
            _(
                "no member organisation '%(slug)s' publishes notices; "
                "set TAIMEI_PROCUREMENT_PUBLISHER"
            )
            % {"slug": procurement_publisher()}
        )
    existing = {
        post.external_id: post
        for post in Opportunity.objects.filter(
            source=source, external_id__in=[n.external_id for n in notices]
        ).prefetch_related("industries")
    }
    created: list[Opportunity] = []
    with transaction.atomic():
        for notice in notices:
            fields, industries = _fields(notice, source), _industries(notice)
            post = existing.get(notice.external_id)
            if post is None:
                post = Opportunity(
                    slug=_notice_slug(source, notice.external_id),
                    source=source,
                    external_id=notice.external_id,
                    posted_by=publisher,
                    **fields,
                )
                post.full_clean()
                post.save()
                opportunity_industries_set(opportunity=post, industries=industries)
                created.append(post)
                report.created += 1
                continue
            changed = [name for name, value in fields.items() if getattr(post, name) != value]
            for name in changed:
                setattr(post, name, fields[name])
            if changed:
                post.full_clean()
                post.save()
                _tell_followers(post)
                report.updated += 1
            else:
                report.unchanged += 1
            if {i.slug for i in post.industries.all()} != industries:
                opportunity_industries_set(opportunity=post, industries=industries)
        alert_matches(posts=created)


def _notice_slug(source: str, external_id: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", external_id.lower()).strip("-")[:70] or "notice"
    prefix = "us" if source == Opportunity.Source.US_FEDERAL else "tw"
    slug, n = f"{prefix}-{base}", 2
    while Opportunity.objects.filter(slug=slug).exists():
        slug, n = f"{prefix}-{base}-{n}", n + 1
    return slug


def _tell_followers(post: Opportunity) -> None:
    users = [follow.user for follow in post.followers.select_related("user")]
    notify_users(
        users=users,
        kind="notice-updated",
        url=post.get_absolute_url(),
        text=lambda: _("The notice “%(title)s” was updated") % {"title": post.title},
    )


def _import(
    data: bytes,
    columns: Sequence[str],
    build: Callable[[int, dict[str, str]], Notice],
    source: str,
    skip_invalid: bool,
    dry_run: bool,
) -> ImportReport:
    report = ImportReport()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        data = data.decode("cp1252", errors="replace").encode("utf-8")
    notices = _read(data, columns, build, report)
    if (report.errors and not skip_invalid) or dry_run:
        return report
    report.skipped = len(report.errors)
    _apply(notices, source, report)
    report.applied = True
    return report


def procurement_import_us(
    *, data: bytes, skip_invalid: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import U.S. federal contract-opportunity notices (SAM.gov bulk CSV), by notice id."""
    return _import(
        data, US_COLUMNS, _us_notice, Opportunity.Source.US_FEDERAL, skip_invalid, dry_run
    )


def procurement_import_tw(
    *, data: bytes, skip_invalid: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import Taiwanese government tender announcements (open data CSV), by 標案案號."""
    return _import(
        data, TW_COLUMNS, _tw_notice, Opportunity.Source.TW_GOVERNMENT, skip_invalid, dry_run
    )


def _keyword_matcher(keyword: str) -> Matcher:
    return Matcher(dict.fromkeys([keyword, *synonyms(keyword)], "hit"))


def _alert_text(post: Opportunity) -> str:
    return _("New procurement notice: %(title)s") % {"title": post.title}


def alert_matches_post(alert: ProcurementAlert, post: Opportunity, industries: set[str]) -> bool:
    """Does `post` meet every criterion `alert` sets?"""
    if alert.naics_prefix and not post.naics_code.startswith(alert.naics_prefix):
        return False
    if alert.industry_id and alert.industry_id not in industries:
        return False
    if alert.keyword:
        text = "\n".join([post.title_zh, post.title_en, post.body_zh, post.body_en, post.agency])
        return bool(_keyword_matcher(alert.keyword).find(text))
    return True


def alert_matches(*, posts: Iterable[Opportunity]) -> int:
    """Notify the owners of alerts that new notices meet; returns the notifications sent."""
    posts = list(posts)
    if not posts:
        return 0
    sent = 0
    alerts = list(ProcurementAlert.objects.select_related("user").filter(user__is_active=True))
    for post in posts:
        industries = {i.slug for i in post.industries.all()}
        users = list({a.user for a in alerts if alert_matches_post(a, post, industries)})
        notify_users(
            users=users,
            kind="procurement-alert",
            url=post.get_absolute_url(),
            text=partial(_alert_text, post),
        )
        sent += len(users)
    return sent


def alert_create(
    *, user: User, naics_prefix: str = "", keyword: str = "", industry: str | None = None
) -> ProcurementAlert:
    """Save an alert (at least one criterion)."""
    alert = ProcurementAlert(
        user=user, naics_prefix=naics_prefix.strip(), keyword=keyword.strip(), industry_id=industry
    )
    alert.full_clean()
    alert.save()
    return alert


def notice_follow(*, user: User, opportunity: Opportunity, follow: bool) -> bool:
    """Follow or stop following a notice; returns whether the user now follows it."""
    if follow:
        NoticeFollow.objects.get_or_create(user=user, opportunity=opportunity)
        return True
    NoticeFollow.objects.filter(user=user, opportunity=opportunity).delete()
    return False
