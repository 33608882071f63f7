"""Benchmark: the whole news pipeline against trafilatura's extraction alone, on one core.

Both run in the same process on the same generated pages: realistic ~30 KB news pages (an
article body of nine paragraphs wrapped in navigation, a sidebar, scripts, share bars, 50
related links and a footer). The pipeline figure covers every stage (decode, parse, extract
with the domain rules, normalise, organisations, people, money, percentages, classification)
plus the near-duplicate index, with the demo directory and the shipped lexicon. Prints
documents per second, median and p95 latency, the ratio (target >= 0.7x) and peak memory.
Times are CPU seconds of this process pinned to one core, so other work on a shared machine
does not distort the ratio.

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

SUBJECTS = (
    "外貿協會",
    "台積電",
    "經濟部國際貿易局",
    "美國商務部",
    "聯發科",
    "行政院",
    "電電公會",
    "中鋼",
    "美台商會",
    "中小及新創企業署",
    "鴻海",
    "台達電",
    "工研院",
    "國發會",
    "宏碁",
    "中油",
    "台電",
    "全美台商會",
    "日月光",
    "緯創",
    "廣達",
    "華碩",
    "友達",
    "群創",
    "研華",
    "智邦",
    "環球晶",
)
ACTIONS = (
    "宣布在{place}追加投資{n}億美元",
    "表示今年對美出口可望成長{p}%",
    "將率團赴{place}參加商展",
    "與美國業者簽署合作備忘錄",
    "預估明年營收增加{p}%",
    "啟動新台幣{n}億元的補助方案",
    "爭取美國政府採購標案",
    "計畫在{place}設立研發中心",
    "招募{n}名工程師投入AI研發",
    "受到232條款關稅影響",
    "加入台美企業聯盟",
    "完成{n}萬美元募資",
    "調整供應鏈布局",
    "舉辦經貿交流工作坊",
    "拓展北美市場通路",
    "取得美國國防部認證",
)
PLACES = (
    "亞利桑那州",
    "德州奧斯汀",
    "加州矽谷",
    "俄亥俄州",
    "紐約",
    "西雅圖",
    "華府",
    "波士頓",
    "芝加哥",
    "喬治亞州",
    "密西根州",
    "北卡羅來納州",
)
CLAUSES = (
    "業界人士認為此舉有助於{topic}",
    "分析師指出{topic}仍面臨挑戰",
    "官員強調將持續關注{topic}",
    "消息人士透露細節將於{d}日公布",
    "相關部會將協助業者處理{topic}",
    "外界關注後續對{topic}的效應",
)
TOPICS_TEXT = (
    "台美貿易",
    "供應鏈重組",
    "人才交流",
    "新創募資",
    "政府採購",
    "半導體產業",
    "能源轉型",
    "無人機產業",
    "資安合作",
    "生技醫療",
)


def _sentence(rng: random.Random) -> str:
    numbers = {"n": rng.randint(2, 9000), "p": rng.randint(2, 60), "d": rng.randint(1, 28)}
    action = rng.choice(ACTIONS).format(place=rng.choice(PLACES), **numbers)
    clause = rng.choice(CLAUSES).format(topic=rng.choice(TOPICS_TEXT), **numbers)
    return f"{rng.choice(SUBJECTS)}{action}，{clause}。"


def _paragraphs(rng: random.Random) -> list[str]:
    """Nine paragraphs of two or three sentences: each page tells its own story."""
    return ["".join(_sentence(rng) for _ in range(rng.randint(2, 3))) for _ in range(9)]


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
        start = time.process_time()
        run(raw, index)
        times.append(time.process_time() - start)
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
    from taimei.news.pipeline.dedupe import NearDuplicateIndex
    from taimei.news.pipeline.document import Document

    totals = dict.fromkeys((stage.__name__ for stage in STAGES), 0.0)
    totals["near-duplicates"] = 0.0
    index = NearDuplicateIndex()
    for i, raw in enumerate(pages):
        doc = Document(source=f"page-{i}.html", raw=raw, content_type="text/html")
        for stage in STAGES:
            start = time.process_time()
            doc = stage(doc, options)  # type: ignore[arg-type]
            totals[stage.__name__] += time.process_time() - start
        start = time.process_time()
        index.add(doc)
        totals["near-duplicates"] += time.process_time() - start
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
    print(f"{count} pages, mean {size:.1f} KB, one core, CPU time")
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
    breakdown = _stage_breakdown(options, pages[: min(count, 200)])
    print("mean ms per stage: " + ", ".join(f"{name} {ms:.1f}" for name, ms in breakdown))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the whole run: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
