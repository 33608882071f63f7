"""Search benchmark: tokeniser study, then the embedded index at the issue's scale.

    python bench/search.py [--docs N] [--queries 200] [--workers N] [--rounds N] [--index DIR]

The default is the issue's 1,000,000 documents (several minutes on this 2-core machine;
`--docs 100000` for a quick look). The corpus (~300 Chinese characters per article, words
drawn with jieba's dictionary frequencies so the distribution is Zipfian, half in
Traditional script, member names and aliases, rare personal names and English terms mixed
in) is generated with numpy in batches by worker processes, which also tokenise and encode
each batch with our own bulk encoder; this process only feeds the one tantivy writer. The
200 fixed queries (common words, rare names, multi-term, mixed-script, alias-expanded) are
timed through our whole search path (parsing, alias expansion, ranking, facets, snippets)
and, back to back for the same query, the raw engine call for the same compiled query (top
10 with the match count); the best of `--rounds` runs of each is kept, in CPU time of the
calling thread. Targets: whole path ≤ 1.5× raw at p95 and < 50 ms p95. Three references
are timed the same way and printed as ratios to the raw call: the raw calls doing our work
(the search plus one facet aggregation), one call handing every hit to Python (the only
one-pass way to count facets through tantivy-py), and the cheapest second call there is (the
query over a 1/256 sample, counting nothing). `--index DIR` keeps the index for the next run.
The PostgreSQL figures come from bench/search_postgres.py with the same corpus and queries.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_TMP = Path(tempfile.mkdtemp(prefix="taimei-bench-search-"))
os.environ.setdefault("TAIMEI_VAR_DIR", str(_TMP))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")

import django  # noqa: E402
import numpy as np  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from taimei.core.text import to_traditional  # noqa: E402
from taimei.search import text as search_text  # noqa: E402
from taimei.search.aliases import alias_table  # noqa: E402
from taimei.search.backends.embedded import (  # noqa: E402
    FACET_COLUMNS,
    MAX_FACET_BUCKETS,
    TantivyBackend,
    TantivyBulk,
)
from taimei.search.query import parse  # noqa: E402
from taimei.search.registry import IndexDocument  # noqa: E402
from taimei.search.selectors import SearchPage, search_page  # noqa: E402

NOW = datetime(2026, 3, 1, tzinfo=UTC)
TOPICS = ["trade", "market-expansion", "procurement", "supply-chain", "investment", "talent"]
INDUSTRIES = ["semiconductors", "ai", "drones", "energy", "finance", "logistics", "biotech-health"]
ENGLISH = ["AI", "TSMC", "ADTA", "5G", "Section 232", "CHIPS Act", "drone", "startup", "EV"]
VOCABULARY = 60_000
LOOKUP = 1 << 22  # inverse-CDF table: words rarer than 1 in 4 million draws are left out
WORDS_PER_ARTICLE = 160
BATCH = 2000
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈"
GIVEN = "家宏志明俊傑建文雅婷怡君淑芬美玲佩珊嘉偉宗翰冠宇承恩柏翰品妤詠晴子涵宥廷"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Corpus:
    """Deterministic synthetic articles with a realistic word distribution, made in batches.

    Words are drawn with numpy from jieba's dictionary frequencies (Zipfian) through an
    inverse-CDF lookup table, and each word's Simplified and Traditional forms are converted
    once, so an article is a join of table entries: no per-article script conversion. A batch
    depends only on (seed, start), so worker processes make batches independently.
    """

    def __init__(self, seed: int = 7) -> None:
        self.seed = seed
        self.random = random.Random(seed)
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
        words, weights = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            word, freq, _tag = line.split(" ")
            if 2 <= len(word) <= 4 and search_text.is_cjk(word) and int(freq) >= 20:
                words.append(word)
                weights.append(int(freq))
        order = np.argsort(-np.asarray(weights), kind="stable")[:VOCABULARY]
        self.words = [words[i] for i in order]
        cumulative = np.cumsum(np.asarray(weights, dtype=np.float64)[order])
        steps = (np.arange(LOOKUP, dtype=np.float64) + 0.5) / LOOKUP * cumulative[-1]
        self._lookup = np.searchsorted(cumulative, steps).astype(np.int32)
        self.common = [w for w in self.words[:400] if len(w) == 2][:120]
        self.names = [
            self.random.choice(SURNAMES) + "".join(self.random.sample(GIVEN, 2))
            for _ in range(3000)
        ]
        self.member_names = [
            name for group in alias_table().groups.values() for name in group if len(name) >= 2
        ]
        traditional = to_traditional("\n".join(self.words)).split("\n")
        if len(traditional) != len(self.words):
            traditional = [to_traditional(word) for word in self.words]
        # Token tables: words in each script, then the extras an article may carry.
        extras = [*self.names, *self.member_names, *(f" {e} " for e in ENGLISH), "，"]
        self._tokens = {
            script: np.asarray([*table, *extras, ""], dtype=object)
            for script, table in (("hans", self.words), ("hant", traditional))
        }
        self._lengths = np.asarray([len(w) for w in self.words])
        first = len(self.words)
        self._extra_ranges = (
            (0.02, first, len(self.names)),
            (0.03, first + len(self.names), len(self.member_names)),
            (0.04, first + len(self.names) + len(self.member_names), len(ENGLISH)),
        )
        self._comma = first + len(extras) - 1
        self._empty = first + len(extras)

    def batch(self, start: int, count: int) -> list[IndexDocument]:
        """Articles start … start+count-1 (the same ones whichever process makes them)."""
        rng = np.random.default_rng([self.seed, start])
        ids = self._lookup[rng.integers(0, LOOKUP, size=(count, WORDS_PER_ARTICLE))]
        # Cut each article after the word that reaches 300 characters.
        reached = np.cumsum(self._lengths[ids], axis=1) >= 300
        used = np.where(reached.any(axis=1), reached.argmax(axis=1) + 1, WORDS_PER_ARTICLE)
        # After each word: a rare name (2%), a member name (1%), an English term (1%), a
        # comma (8%), or nothing.
        draw = rng.random((count, WORDS_PER_ARTICLE))
        extra = np.full((count, WORDS_PER_ARTICLE), self._empty, dtype=np.int64)
        low = 0.0
        for high, offset, size in self._extra_ranges:
            mask = (draw >= low) & (draw < high)
            if size:
                extra[mask] = offset + rng.integers(0, size, size=int(mask.sum()))
            low = high
        extra[(draw >= low) & (draw < 0.12)] = self._comma
        interleaved = np.stack([ids, extra], axis=2).reshape(count, -1)
        days = rng.integers(0, 2000, size=count)
        topics = rng.integers(0, len(TOPICS), size=(count, 2))
        topic_count = rng.choice([1, 1, 2], size=count)
        industries = rng.integers(0, len(INDUSTRIES), size=(count, 2))
        industry_count = rng.choice([0, 1, 2], size=count)
        countries = rng.integers(0, 2, size=count)
        documents = []
        for i in range(count):
            n = start + i
            tokens = self._tokens["hant" if n % 2 else "hans"]
            row = tokens[interleaved[i, : 2 * used[i]]].tolist()
            body = "".join(row) + "。"
            title = "".join(row[0:12:2])
            documents.append(
                IndexDocument(
                    kind="article",
                    pk=n,
                    key=f"a{n}",
                    title=title,
                    body=body,
                    url=f"/news/a{n}/",
                    language="zh-Hant" if n % 2 else "zh-Hans",
                    date=NOW - timedelta(days=int(days[i])),
                    recency=True,
                    facets={
                        "topic": sorted({TOPICS[t] for t in topics[i, : topic_count[i]]}),
                        "industry": sorted(
                            {INDUSTRIES[t] for t in industries[i, : industry_count[i]]}
                        ),
                        "country": ["TW" if countries[i] else "US"],
                    },
                )
            )
        return documents

    def queries(self, count: int) -> list[tuple[str, str]]:
        """Fixed (category, query) pairs, a quarter in Traditional script."""
        rnd = random.Random(11)
        aliases = sorted(n for n in self.member_names if not n.isascii())
        latin = sorted(n for n in self.member_names if n.isascii() and len(n) > 2)
        plan = {
            "common": lambda: rnd.choice(self.common),
            "rare-name": lambda: rnd.choice(self.names),
            "multi-term": lambda: " ".join(rnd.sample(self.words[:3000], rnd.choice([2, 3]))),
            "mixed-script": lambda: f"{rnd.choice(ENGLISH)} {rnd.choice(self.words[:2000])}",
            "alias": lambda: rnd.choice(aliases + latin),
        }
        share = {"common": 0.25, "rare-name": 0.2, "multi-term": 0.2, "mixed-script": 0.15}
        out: list[tuple[str, str]] = []
        for category, make in plan.items():
            wanted = round(count * share.get(category, 0.2))
            for i in range(wanted):
                q = make()
                out.append((category, to_traditional(q) if i % 4 == 0 else q))
        return out[:count]


def tokeniser_study(corpus: Corpus, docs: int = 2000) -> None:
    """Recall and speed of jieba (search mode, our dictionary) versus character bigrams."""
    articles = corpus.batch(10_000_000, docs)
    texts = [search_text.normalise(a.title + " " + a.body) for a in articles]
    probes = sorted(set(corpus.names[:150]) | set(corpus.member_names[:150]))
    probes += list(corpus.words[5000:5150])
    probes = [
        search_text.normalise(p) for p in probes if search_text.is_cjk(search_text.normalise(p))
    ]
    search_text.segment("預熱")  # load the dictionary outside the timing

    def jieba_terms(text: str) -> set[str]:
        out: set[str] = set()
        for cjk, run in search_text.segments(text):
            out.update(search_text.segment_for_search(run) if cjk else [run])
        return out

    def bigram_terms(text: str) -> set[str]:
        out: set[str] = set()
        for cjk, run in search_text.segments(text):
            out.update(search_text.bigrams(run) if cjk else [run])
        return out

    print("\n-- tokeniser study: recall of names/words present in the text, and speed")
    chars = sum(len(t) for t in texts)
    for label, terms_of, query_terms in (
        ("jieba search mode", jieba_terms, lambda p: set(search_text.segment(p))),
        ("char bigrams", bigram_terms, lambda p: set(search_text.bigrams(p))),
    ):
        started = time.perf_counter()
        indexed = [terms_of(t) for t in texts]
        elapsed = time.perf_counter() - started
        hits = relevant = 0
        for probe in probes:
            wanted = query_terms(probe)
            for text, terms in zip(texts, indexed, strict=True):
                if probe in text:
                    relevant += 1
                    hits += wanted <= terms
        recall = hits / relevant if relevant else 1.0
        print(
            f"{label:>18}: recall {recall:.3f} over {relevant} occurrences, "
            f"{chars / elapsed / 1000:.0f} k chars/s ({elapsed / docs * 1000:.3f} ms/article)"
        )


_CORPUS: Corpus | None = None  # set before the worker pool forks


def _encoded_batch(task: tuple[int, int]) -> list[str]:
    """Worker: make a batch of articles and tokenise/encode it for the writer."""
    assert _CORPUS is not None
    start, count = task
    return TantivyBulk.encode(_CORPUS.batch(start, count))


def _tasks(docs: int) -> list[tuple[int, int]]:
    return [(start, min(BATCH, docs - start)) for start in range(0, docs, BATCH)]


def build_embedded(corpus: Corpus, docs: int, path: Path, workers: int) -> TantivyBackend:
    """Generation and tokenisation in `workers` processes, one tantivy writer in this one."""
    global _CORPUS
    _CORPUS = corpus
    backend = TantivyBackend(path)
    started = time.perf_counter()
    done = 0
    with backend.bulk() as bulk, mp.get_context("fork").Pool(workers) as pool:
        for rows in pool.imap(_encoded_batch, _tasks(docs)):
            bulk.add_encoded(rows)
            done += len(rows)
            if done % 100_000 < BATCH:
                rate = done / (time.perf_counter() - started)
                print(f"  … {done:,} documents, {rate:,.0f}/s", flush=True)
        fed = time.perf_counter() - started
    elapsed = time.perf_counter() - started
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    print(
        f"build: {docs:,} documents in {elapsed:.1f} s = {docs / elapsed:,.0f} docs/s "
        f"(generation + tokenisation in {workers} processes, indexing; final commit and "
        f"merges {elapsed - fed:.1f} s), index size {size / 1e6:,.0f} MB "
        f"({size / docs:,.0f} bytes/doc, stored text included)"
    )
    return backend


def whole_path(q: str) -> SearchPage:
    """What the search page does for `q`: first page of 10, facets, public visibility."""
    return search_page(
        parse(q), q=q, visibility=["public"], page=1, per_page=10, facets=True, now=NOW
    )


SIDES = {
    "ours": "our whole path",
    "raw": "raw engine call (top 10 with the count)",
    "both": "raw calls doing the same work (the search + one facet aggregation)",
    "collect": "one raw call collecting every hit (what a single pass must return)",
    "sampled": "the raw call + a second call over a 1/256 sample, counting nothing",
}


def time_side_by_side(
    backend: TantivyBackend, queries: list[tuple[str, str]], *, rounds: int
) -> dict[str, dict[str, list[float]]]:
    """Per query, back to back (order rotating), `rounds` times after a warm-up, keeping the
    best time of each (ms, by category) for each of SIDES.

    Besides our path and the raw call, three references bound what facets can cost through
    this binding: the raw calls doing the same work; one call that hands every hit to Python
    (the only one-pass way to count facets here); and the cheapest possible second call (the
    query over its 1/256 hash sample, no aggregation), whose cost is the engine's per-query
    set-up that any second pass pays.

    Times are CPU seconds of this thread: tantivy searches in the calling thread and holds
    the GIL, so this is the latency on an idle core, and other work on a shared machine does
    not distort the ratio."""
    columns = {c: {"terms": {"field": c, "size": MAX_FACET_BUCKETS}} for c, _ in FACET_COLUMNS}
    timings: dict[str, dict[str, list[float]]] = {side: {"all": []} for side in SIDES}
    for category, q in queries:
        parsed = parse(q)
        compiled = backend.compile(parsed, visibility=["public"], now=NOW)
        sampled = backend.compile(parsed, visibility=["public"], now=NOW, sample_level=256)
        matches = backend._searcher().search(compiled, limit=1).count  # type: ignore[attr-defined]
        best = dict.fromkeys(timings, float("inf"))
        order = list(timings)
        for attempt in range(rounds + 1):
            order = order[1:] + order[:1]
            for which in order:
                searcher = backend._searcher()
                started = time.thread_time()
                if which == "ours":
                    whole_path(q)
                elif which == "collect":
                    searcher.search(compiled, limit=max(10, matches)).hits  # noqa: B018
                else:
                    searcher.search(compiled, limit=10)
                    if which == "both":
                        searcher.aggregate(compiled, columns)
                    elif which == "sampled":
                        searcher.aggregate(sampled, {})
                elapsed = time.thread_time() - started
                if attempt:
                    best[which] = min(best[which], elapsed)
        for which, figures in timings.items():
            figures["all"].append(best[which] * 1000)
            figures.setdefault(category, []).append(best[which] * 1000)
    return timings


def _figures(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} / {percentile(values, 95):7.2f}"


def report(label: str, timings: dict[str, dict[str, list[float]]]) -> None:
    """Median / p95 per category and side, then each side's p95 against the raw call's."""
    print(f"\n-- {label}: latency in ms (median / p95)")
    for side, figures in timings.items():
        print(f"  {side}: {SIDES.get(side, side)}")
        for category, values in figures.items():
            print(f"    {category:>13}: {_figures(values)}")
    if "raw" not in timings:
        return
    raw = max(percentile(timings["raw"]["all"], 95), 1e-6)
    ours = percentile(timings["ours"]["all"], 95)
    print(
        f"ratio ours/raw at p95: {ours / raw:.2f}× (target ≤ 1.5×); "
        f"ours p95 {ours:.1f} ms (target < 50 ms at 1M)"
    )
    for side in ("both", "collect", "sampled"):
        if side in timings:
            ratio = percentile(timings[side]["all"], 95) / raw
            print(f"for reference, {side}/raw at p95: {ratio:.2f}× ({SIDES[side]})")
    if "both" in timings:
        both = max(percentile(timings["both"]["all"], 95), 1e-6)
        print(f"ours/both at p95: {ours / both:.2f}× (our path against the engine doing our work)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-study", action="store_true")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="generation/tokenising processes"
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per query (best kept)")
    parser.add_argument(
        "--index",
        type=Path,
        help="build the index in this directory and keep it; an index already there with "
        "--docs documents is timed without rebuilding",
    )
    args = parser.parse_args()
    index = args.index
    if index and index.exists() and any(index.iterdir()) and not (index / "meta.json").exists():
        parser.error(f"{args.index} is not empty and holds no tantivy index")
    call_command("migrate", verbosity=0)
    if not alias_table().groups:
        from taimei.members.demo import demo_load

        demo_load(stdout=open(os.devnull, "w"))  # noqa: SIM115 - member names for aliases
    corpus = Corpus()
    if not args.skip_study:
        tokeniser_study(corpus)
    queries = corpus.queries(args.queries)
    path = args.index or _TMP / "bench-index"
    print(f"\n-- embedded (tantivy) index, {args.docs:,} documents")
    backend = TantivyBackend(path)
    if args.index and backend.count() == args.docs:
        print(f"build: reusing the {args.docs:,} documents in {path}")
    else:
        backend = build_embedded(corpus, args.docs, path, args.workers)
    import taimei.search.backends as backends

    backends._backend.cache_clear()
    os.environ["TAIMEI_SEARCH_INDEX_DIR"] = str(path)
    from django.conf import settings

    settings.TAIMEI_SEARCH_INDEX_DIR = path
    settings.TAIMEI_SEARCH_BACKEND = "tantivy"
    timings = time_side_by_side(backend, queries, rounds=args.rounds)
    report(f"embedded at {args.docs:,} documents, {len(queries)} queries", timings)
    shutil.rmtree(_TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
