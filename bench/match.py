"""Matchmaking benchmark: top-10 members for one post among 100,000, indexed vs brute force.

Generates N member organisations and N open posts (bilingual text drawn from the glossary,
industries, countries, kinds, a few posts naming a member), builds the production indexes
(`taimei.opportunities.matching.retrieval`) and times, in the same run:
- indexed: `MemberIndex.top` for sample posts (and `OpportunityIndex.top`, "for you", for
  sample members);
- brute force: `score_pair` on every candidate, the reference ranking.
Reports median and p95 of each and whether the indexed top 10 equals brute force's.
Targets: indexed p95 ≤ 50 ms and identical top 10; exits 1 when missed.

    .venv/bin/python bench/match.py [--size 100000] [--queries 40] [--brute 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")

TARGET_P95_MS = 50.0
FILLER_ZH = ["我們", "尋求", "合作", "提供", "台灣", "美國", "廠商", "需要", "長期", "供應"]
FILLER_EN = ["we", "seek", "partners", "for", "offer", "long-term", "supply", "in", "the", "u.s."]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def generate(size: int, seed: int):  # type: ignore[no-untyped-def]
    from taimei.core.taxonomy import DOMAINS, INDUSTRIES
    from taimei.opportunities.kinds import OPPORTUNITY_KINDS
    from taimei.opportunities.matching.features import (
        member_features,
        name_matcher,
        opportunity_features,
    )
    from taimei.opportunities.matching.glossary import concepts

    rng = random.Random(seed)
    glossary = list(concepts().values())
    by_industry: dict[str, list] = {}
    for concept in glossary:
        by_industry.setdefault(concept.industry or "", []).append(concept)
    industries, domains = list(INDUSTRIES.slugs), list(DOMAINS.slugs)
    kinds = ["company"] * 8 + ["association", "government", "partner-organisation", "state-owned"]

    def text(chosen: list[str], words: int) -> str:
        parts = []
        for _ in range(words):
            pool = by_industry.get(rng.choice(chosen), glossary) if rng.random() < 0.7 else glossary
            concept = rng.choice(pool)
            zh = rng.random() < 0.5 and concept.zh
            parts.append(rng.choice(concept.zh if zh else concept.en))
            parts.append(rng.choice(FILLER_ZH if zh else FILLER_EN))
        return " ".join(parts)

    members, names = [], []
    for i in range(1, size + 1):
        chosen = rng.sample(industries, rng.randint(1, 3))
        member_names = [f"會員{i}號企業", f"Member {i} Holdings"]
        names.append((i, member_names))
        members.append(
            member_features(
                id=i,
                slug=f"member-{i:06d}",
                country=rng.choice(["TW", "US"]),
                kind=rng.choice(kinds),
                industries=chosen,
                domains=rng.sample(domains, rng.randint(1, 3)),
                names=member_names,
                description=text(chosen, rng.randint(2, 6)),
            )
        )
    matcher = name_matcher(names)
    posts = []
    for j in range(1, size + 1):
        chosen = rng.sample(industries, rng.randint(1, 2))
        body = text(chosen, rng.randint(3, 8))
        if rng.random() < 0.05:
            body += " " + rng.choice(names[rng.randrange(size)][1])
        poster = rng.randint(1, size)
        posts.append(
            opportunity_features(
                id=size + j,
                slug=f"post-{j:06d}",
                kind=rng.choice(OPPORTUNITY_KINDS.slugs),
                poster_id=poster,
                poster_country=members[poster - 1].country,
                industries=chosen,
                text=body,
                names=matcher,
            )
        )
    return members, posts


def timed(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="members and posts (each)")
    parser.add_argument("--queries", type=int, default=40, help="posts timed with the index")
    parser.add_argument("--brute", type=int, default=3, help="posts also scored by brute force")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from taimei.opportunities.conf import match_weights
    from taimei.opportunities.matching.retrieval import MemberIndex, OpportunityIndex

    weights = match_weights()
    (members, posts), generate_ms = timed(generate, args.size, args.seed)
    member_index, build_members_ms = timed(MemberIndex, members)
    post_index, build_posts_ms = timed(OpportunityIndex, posts)
    print(
        f"generated {len(members):,} members and {len(posts):,} open posts in "
        f"{generate_ms / 1000:.1f} s; indexes built in {build_members_ms / 1000:.1f} s "
        f"and {build_posts_ms / 1000:.1f} s"
    )

    rng = random.Random(args.seed + 1)
    queries = rng.sample(posts, min(args.queries, len(posts)))
    fast_ms, slow_ms, identical, compared = [], [], 0, 0
    for number, post in enumerate(queries):
        fast, elapsed = timed(member_index.top, post, weights=weights, limit=10)
        fast_ms.append(elapsed)
        if number < args.brute:
            slow, elapsed = timed(member_index.brute_force, post, weights=weights, limit=10)
            slow_ms.append(elapsed)
            compared += 1
            same = [(m.member.slug, round(m.score, 9)) for m in fast] == [
                (m.member.slug, round(m.score, 9)) for m in slow
            ]
            identical += same
            if not same:
                print(f"  MISMATCH for {post.slug}")

    member_queries = rng.sample(members, min(args.queries, len(members)))
    for_you_ms = [
        timed(post_index.top, member, weights=weights, limit=10)[1] for member in member_queries
    ]
    for_you_identical = sum(
        [m.opportunity.slug for m in post_index.top(member, weights=weights, limit=10)]
        == [m.opportunity.slug for m in post_index.brute_force(member, weights=weights, limit=10)]
        for member in member_queries[: args.brute]
    )

    fast_p95, slow_median = p95(fast_ms), statistics.median(slow_ms)
    print(
        f"top-10 members for a post among {len(members):,}: indexed median "
        f"{statistics.median(fast_ms):.1f} ms, p95 {fast_p95:.1f} ms ({len(fast_ms)} posts) | "
        f"brute force median {slow_median:.0f} ms, p95 {p95(slow_ms):.0f} ms "
        f"({len(slow_ms)} posts) | {slow_median / statistics.median(fast_ms):.0f}× faster | "
        f"identical top 10: {identical}/{compared}"
    )
    print(
        f"top-10 posts for a member among {len(posts):,} (for you): indexed median "
        f"{statistics.median(for_you_ms):.1f} ms, p95 {p95(for_you_ms):.1f} ms | identical top 10: "
        f"{for_you_identical}/{min(args.brute, len(member_queries))}"
    )
    failed = fast_p95 > TARGET_P95_MS or identical != compared
    failed |= for_you_identical != min(args.brute, len(member_queries))
    verdict = "FAILED" if failed else "met"
    print(f"target p95 ≤ {TARGET_P95_MS:.0f} ms and identical rankings: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
