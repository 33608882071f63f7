"""Benchmark: the whole news pipeline against trafilatura's extraction alone, on one core.

Both run in the same process on the same generated pages: realistic ~30 KB news pages (an
article body of nine paragraphs wrapped in navigation, a sidebar, scripts, share bars, 50
related links and a footer). The pipeline figure covers every stage (decode, parse, extract
with the domain rules, normalise, organisations, people, money, percentages, classification)
plus the near-duplicate index, with the demo directory and the shipped lexicon. Prints
documents per second, median and p95 latency, the ratio (target >= 0.7x) and peak memory.

    .venv/bin/python bench/ingest.py            # 300 pages, a minute or so
    .venv/bin/python bench/ingest.py --full     # 2,000 pages
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")

TARGET = 0.7

SENTENCES = (
    "外貿協會今天宣布啟動台美企業聯盟，盼協助雙邊企業在貿易、投資等5大領域進行交流合作。",
    "台積電宣布在美國亞利桑那州追加投資{n}億美元，興建新晶圓廠與先進封裝廠。",
    "經濟部國際貿易局局長表示，美國是台灣重要的貿易夥伴，雙方在很多產業都有具體合作。",
    "美國商務部依232條款對進口鋼鋁課徵關稅，業者擔心對等關稅衝擊出口。",
    "聯發科與輝達合作開發AI晶片，預計明年量產，營收可望成長{p}%。",
    "行政院長卓榮泰今（{d}日）主持會議，通過新台幣{n}億元的產業支持方案。",
    "電電公會指出，會員廠商赴美設點已超過{n}處，供應鏈重組帶來新商機。",
    "中鋼、中油、台電等國營企業也加入聯盟，共同拓展美國市場。",
    "美台商會會長表示，台美簽訂自由貿易協定將有正面效果，並帶動雙邊投資。",
    "新創業者將赴奧斯汀參加展示日，與創投及企業買主洽談合作，募資金額約{n}萬美元。",
    "疫情不只導致供應鏈中斷，也加速全球數位轉型，台灣在資通訊產業具有優勢。",
    "政府採購市場開放後，業者可透過聯盟取得標案資訊，爭取美國政府採購商機。",
)


def _paragraphs(rng: random.Random) -> list[str]:
    picked = rng.sample(SENTENCES, 9)
    return [
        s.format(n=rng.randint(10, 5000), p=rng.randint(2, 40), d=rng.randint(1, 28))
        + rng.choice(SENTENCES).format(n=rng.randint(10, 900), p=rng.randint(2, 40), d=9)
        for s in picked
    ]


def page(index: int) -> bytes:
    """One ~30 KB news page: the article among navigation, sidebar, scripts and links."""
    rng = random.Random(index)
    nav = "".join(f'<li><a href="/section/{i}">新聞分類{i}</a></li>' for i in range(30))
    scripts = "".join(
        f"<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'event':'v{i}',"
        f"'page':{index},'ts':{rng.random()}}});function f{i}(a){{var s=0;for(var k=0;k<a;k++)"
        f"{{s+=k*{i};if(s>1e6){{s=s%97;}}}}return s;}}"
        f"(function(){{var el=document.querySelectorAll('.ad-{i}');for(var j=0;j<el.length;j++)"
        f"{{el[j].setAttribute('data-slot','slot-{i}-'+j);el[j].style.minHeight='250px';}}}})();"
        f"/* tracking and ad slot {i}: {'x' * 700} */</script>"
        for i in range(16)
    )
    related = "".join(
        f'<li><a href="/news/{index}-{i}">相關新聞：台美合作第{i}則 產業動態與市場分析報導'
        f"{rng.randint(1, 999)}</a></li>"
        for i in range(50)
    )
    sidebar = "".join(
        f'<div class="ad"><a href="/promo/{i}">熱門話題 {i}：點閱排行榜與精選專題</a></div>'
        for i in range(20)
    )
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(rng))
    published = f"2026-01-{index % 28 + 1:02d}T10:00:00+08:00"
    html = (
        f'<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">'
        f"<title>台美企業聯盟第{index}號新聞 | 範例新聞網</title>"
        f'<meta property="og:title" content="台美企業聯盟第{index}號新聞">'
        f'<meta property="article:published_time" content="{published}">'
        f"{scripts}</head><body>"
        f'<header><nav class="menu"><ul>{nav}</ul></nav></header>'
        f'<div class="share">分享到 Facebook Line 複製連結</div>'
        f"<main><article><h1>台美企業聯盟第{index}號新聞</h1>"
        f'<div class="byline">記者王小明／台北報導</div>{body}'
        f'<div class="subscribe">訂閱電子報 每天3分鐘掌握10件天下事</div></article>'
        f'<section class="related"><h2>相關新聞</h2><ul>{related}</ul></section></main>'
        f'<aside class="sidebar">{sidebar}</aside>'
        f"<footer><p>版權所有 © 2026 範例新聞網 All rights reserved.</p>{nav}</footer>"
        "</body></html>"
    )
    return html.encode("utf-8")


def _options():  # type: ignore[no-untyped-def]
    from taimei.news.lexicon import DEFAULT_LEXICON
    from taimei.news.pipeline.document import DirectoryEntry, Options

    entries = []
    members = ROOT / "taimei" / "members" / "data" / "demo_members.csv"
    with members.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [row["name_zh"], row["name_en"], *row["aliases"].split(";")]
            entries.append(
                DirectoryEntry(
                    slug=row["slug"],
                    names=tuple(n.strip() for n in names if n.strip()),
                    industries=tuple(i for i in row["industries"].split(";") if i),
                )
            )
    return Options(directory=tuple(entries), lexicon=tuple(DEFAULT_LEXICON))


def _timed(run: Callable[[bytes, int], object], pages: list[bytes]) -> list[float]:
    gc.collect()
    times = []
    for index, raw in enumerate(pages):
        start = time.perf_counter()
        run(raw, index)
        times.append(time.perf_counter() - start)
    return times


def _row(name: str, times: list[float]) -> tuple[str, float, float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return name, len(times) / sum(times), statistics.median(times) * 1000, p95 * 1000


def _peak(run: Callable[[bytes, int], object], pages: list[bytes]) -> float:
    """Peak Python heap (MB) while processing a sample of pages (traced separately: slow)."""
    tracemalloc.start()
    for index, raw in enumerate(pages):
        run(raw, index)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def _stage_breakdown(options: object, pages: list[bytes]) -> list[tuple[str, float]]:
    """Mean milliseconds per stage, so a regression points at its stage."""
    from taimei.news.pipeline import STAGES
    from taimei.news.pipeline.document import Document

    totals = dict.fromkeys((stage.__name__ for stage in STAGES), 0.0)
    for i, raw in enumerate(pages):
        doc = Document(source=f"page-{i}.html", raw=raw, content_type="text/html")
        for stage in STAGES:
            start = time.perf_counter()
            doc = stage(doc, options)  # type: ignore[arg-type]
            totals[stage.__name__] += time.perf_counter() - start
    return [(name, total / len(pages) * 1000) for name, total in totals.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--full", action="store_true", help="2,000 pages")
    args = parser.parse_args()
    count = 2000 if args.full else args.pages
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says

    import django

    django.setup()
    import trafilatura

    from taimei.news.pipeline import process
    from taimei.news.pipeline.dedupe import NearDuplicateIndex
    from taimei.news.pipeline.document import Document

    options = _options()
    pages = [page(i) for i in range(count)]
    index = NearDuplicateIndex()

    def pipeline(raw: bytes, i: int) -> object:
        doc = process(Document(source=f"page-{i}.html", raw=raw, content_type="text/html"), options)
        if doc.error is None:
            doc.duplicate_of = index.add(doc)
        return doc

    def extraction(raw: bytes, i: int) -> object:
        return trafilatura.extract(raw.decode("utf-8"))

    warm = [page(count + i) for i in range(5)]
    for i, raw in enumerate(warm):  # load dictionaries, converters and caches before timing
        pipeline(raw, -i - 1)
        extraction(raw, i)
    sample = pipeline(pages[0], 0)
    assert getattr(sample, "error", None) is None, getattr(sample, "error", None)

    # Interleave halves so machine noise falls on both sides alike.
    half = count // 2
    base = _timed(extraction, pages[:half])
    ours = _timed(pipeline, pages[:half])
    base += _timed(extraction, pages[half:])
    ours += _timed(pipeline, pages[half:])

    size = statistics.mean(len(p) for p in pages) / 1024
    print(f"{count} pages, mean {size:.1f} KB, one core")
    print(f"{'':24}{'docs/s':>10}{'median ms':>12}{'p95 ms':>10}")
    rows = [_row("trafilatura.extract", base), _row("taimei pipeline", ours)]
    for name, rate, median, p95 in rows:
        print(f"{name:24}{rate:10.1f}{median:12.2f}{p95:10.2f}")
    ratio = rows[1][1] / rows[0][1]
    verdict = "meets" if ratio >= TARGET else "misses"
    print(f"ratio pipeline / trafilatura: {ratio:.2f}x ({verdict} the {TARGET}x target)")
    sample_pages = pages[:50]
    print(
        f"peak Python heap over 50 pages: pipeline {_peak(pipeline, sample_pages):.1f} MB, "
        f"trafilatura {_peak(extraction, sample_pages):.1f} MB"
    )
    breakdown = _stage_breakdown(options, sample_pages)
    print("mean ms per stage: " + ", ".join(f"{name} {ms:.1f}" for name, ms in breakdown))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the whole run: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
