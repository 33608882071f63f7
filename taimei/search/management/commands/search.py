"""`taimei search QUERY [--kind K] [--limit N] --format json` (DESIGN.md's stable contract)."""

from __future__ import annotations

import json
from html import unescape
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.utils.html import strip_tags

from taimei.search.registry import KINDS
from taimei.search.selectors import search_run


class Command(BaseCommand):
    help = "Search articles, members, opportunities and events; print the hits as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("query")
        parser.add_argument("--kind", choices=KINDS, default="")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        limit = min(max(options["limit"], 1), 100)
        # The command line searches what the public may see.
        page = search_run(
            user=AnonymousUser(),
            q=options["query"],
            kind=options["kind"],
            per_page=limit,
            facets=False,
        )
        hits = [
            {
                "kind": hit.kind,
                **({"id": int(hit.key)} if hit.key.isdigit() else {"slug": hit.key}),
                "title": hit.title,
                "source": hit.source,
                "score": hit.score,
                "snippet": unescape(strip_tags(hit.snippet)),
            }
            for hit in page.hits
        ]
        self.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2))
