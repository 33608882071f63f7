"""Matchmaking evaluation: would the engine introduce the counterparties a staffer would?

The labelled set in eval/match/ (organisations in the members CSV format, posts in the
opportunities CSV format, and for each post the organisations a skilled alliance staffer would
introduce) is ranked by the production engine: the same features, scorer and retrieval, with
the weights from settings. Many pairs are cross-lingual: an English post whose counterparties
describe themselves only in Chinese, and the other way round.

Prints precision@3 and nDCG@5 (binary relevance) per post and overall; exits 1 when P@3 is
below the target (0.8).

    .venv/bin/python eval/match_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "match"
TARGET_P_AT_3 = 0.8

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def dcg(relevance: list[int]) -> float:
    return sum(rel / math.log2(rank + 2) for rank, rel in enumerate(relevance))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print the top 3 of every post")
    args = parser.parse_args()

    import django

    django.setup()
    from taimei.members.csv_format import MemberRow
    from taimei.opportunities.conf import match_weights
    from taimei.opportunities.csv_format import OpportunityRow
    from taimei.opportunities.matching.features import (
        member_features,
        name_matcher,
        opportunity_features,
    )
    from taimei.opportunities.matching.retrieval import MemberIndex

    members, names, ids = [], [], {}
    for number, row in enumerate(_rows(DATA / "organizations.csv"), start=1):
        form = MemberRow(data=row)
        if not form.is_valid():
            raise SystemExit(f"organizations.csv row {number}: {form.messages()}")
        data = form.cleaned_data
        all_names = [n for n in (data["name_zh"], data["name_en"], *data["aliases"]) if n]
        ids[data["slug"]] = number
        names.append((number, all_names))
        members.append(
            member_features(
                id=number,
                slug=data["slug"],
                country=data["country"],
                kind=data["kind"],
                industries=data["industries"],
                domains=data["domains"],
                names=all_names,
                description="\n".join([data["description_zh"], data["description_en"]]),
            )
        )
    index, matcher = MemberIndex(members), name_matcher(names)
    labels: dict[str, list[str]] = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    countries = {m.slug: m.country for m in members}

    precisions, ndcgs = [], []
    for number, row in enumerate(_rows(DATA / "opportunities.csv"), start=1):
        form = OpportunityRow(data=row)
        if not form.is_valid():
            raise SystemExit(f"opportunities.csv row {number}: {form.messages()}")
        data, fields = form.cleaned_data, form.model_fields()
        features = opportunity_features(
            id=10_000 + number,
            slug=data["slug"],
            kind=data["kind"],
            poster_id=ids[data["posted_by"]],
            poster_country=countries[data["posted_by"]],
            industries=data["industries"],
            text="\n".join(fields[k] for k in ("title_zh", "title_en", "body_zh", "body_en")),
            names=matcher,
        )
        relevant = set(labels[data["slug"]])
        ranked = [m.member.slug for m in index.top(features, weights=match_weights(), limit=5)]
        gains = [1 if slug in relevant else 0 for slug in ranked]
        p3 = sum(gains[:3]) / 3
        ideal = dcg([1] * min(5, len(relevant)))
        n5 = dcg(gains) / ideal if ideal else 0.0
        precisions.append(p3)
        ndcgs.append(n5)
        if args.verbose or p3 < 1:
            marks = ", ".join(
                f"{slug}{'' if g else ' ✗'}" for slug, g in zip(ranked[:3], gains, strict=False)
            )
            print(f"  {data['slug']:<28} P@3 {p3:.2f}  nDCG@5 {n5:.2f}  top 3: {marks}")

    p_at_3 = sum(precisions) / len(precisions)
    ndcg_5 = sum(ndcgs) / len(ndcgs)
    print(
        f"match eval: {len(members)} organisations, {len(precisions)} posts; "
        f"precision@3 {p_at_3:.3f} (target ≥ {TARGET_P_AT_3}), nDCG@5 {ndcg_5:.3f}"
    )
    if p_at_3 < TARGET_P_AT_3:
        print("FAILED: precision@3 below target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
