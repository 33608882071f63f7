from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.opportunities.matching import engine
from taimei.opportunities.models import Opportunity


class Command(BaseCommand):
    help = "Rank member organisations for an opportunity, with the reasons (DESIGN.md format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", metavar="OPPORTUNITY_SLUG")
        parser.add_argument("--limit", type=int, default=10, help="how many members (1-100)")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--explain", action="store_true", help="add each part of the score (json only)"
        )

    def handle(
        self, *args: Any, slug: str, limit: int, format: str, explain: bool, **options: Any
    ) -> None:
        if not 1 <= limit <= 100:
            raise CommandError(gettext("--limit must be between 1 and 100"))
        opportunity = (
            Opportunity.objects.select_related("posted_by")
            .prefetch_related("industries")
            .filter(slug=slug)
            .first()
        )
        if opportunity is None:
            raise CommandError(f"no opportunity has the slug '{slug}'")
        matches = engine.matches_for_opportunity(opportunity, limit=limit)
        if format == "text":
            for match in matches:
                self.stdout.write(f"{match.score:.4f}  {match.member.slug}")
                for reason in match.reasons():
                    self.stdout.write(f"        {reason}")
            return
        rows: list[dict[str, Any]] = []
        for match in matches:
            row: dict[str, Any] = {
                "member": match.member.slug,
                "score": round(match.score, 4),
                "reasons": match.reasons(),
            }
            if explain:
                row["breakdown"] = match.breakdown()
            rows.append(row)
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
