"""Measure the news pipeline against the hand-labelled set in eval/news/ (gold.jsonl).

Run from the repository root: `.venv/bin/python eval/news_eval.py [--verbose]`.
Prints one table and exits 1 when a target is missed (2 when the pipeline cannot be imported).

Scoring rules (the gold is the truth; never edit it to fit the pipeline):
- body recall: a gold sentence counts when it occurs in the clean text (NFKC, whitespace removed);
- boilerplate leakage: gold boilerplate strings found in the clean text (same normalisation);
- topics: micro-F1 over (document, topic) pairs; macro-F1 over the seven topics;
- organisations: per document, a gold organisation with a member slug is found when a predicted
  organisation carries that slug; one without is found when a predicted name or mention folds
  (taimei.core.text.fold) to the same string; every predicted organisation that finds no gold one
  is a false positive;
- money: distinct (value, currency) per document, value within 0.5 % and the same currency;
  percentages: distinct values per document, within 0.5 %;
- duplicates: a predicted link is right when both documents are in the same gold story; recall is
  over gold documents that have a `duplicate_of`;
- language: exact match; publication date: same calendar day (informational, no target).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "eval" / "news"
MEMBERS = ROOT / "taimei" / "members" / "data" / "demo_members.csv"
TOPICS = (
    "trade",
    "market-expansion",
    "procurement",
    "supply-chain",
    "investment",
    "talent",
    "startups",
)
SKIP = {"gold.jsonl", "README.md"}
TARGETS = {
    "body recall": (">=", 0.99),
    "boilerplate leakage": ("==", 0),
    "topic micro-F1": (">=", 0.85),
    "organisation F1": (">=", 0.95),
    "money F1": (">=", 0.95),
    "duplicate precision": (">=", 1.0),
    "duplicate recall": (">=", 1.0),
}

sys.path.insert(0, str(ROOT))


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")
    try:
        import django

        django.setup()
    except Exception as exc:  # the pipeline is pure; Django only matters if it imports models
        print(f"note: django.setup() failed ({exc}); continuing without it", file=sys.stderr)


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


@dataclass
class Pred:
    """One predicted document, reduced to what is scored."""

    source: str
    url: str | None
    guid: str | None
    text: str
    topics: list[str]
    orgs: list[tuple[str | None, str, list[str]]]  # (member, name, mentions)
    amounts: list[tuple[float, str]]
    percentages: list[float]
    duplicate_of: str | None
    language: str | None
    published_at: str | None
    error: str | None
    gold_key: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _slug(label: Any) -> str:
    return label if isinstance(label, str) else str(_get(label, "slug"))


def _to_pred(doc: Any, to_json: Any) -> Pred:
    data = doc if isinstance(doc, dict) else to_json(doc)
    if isinstance(data, str):
        data = json.loads(data)
    published = data.get("published_at")
    if isinstance(published, datetime):
        published = published.isoformat()
    return Pred(
        source=str(data.get("source") or _get(doc, "source") or ""),
        url=_get(doc, "url") or data.get("url"),
        guid=_get(doc, "guid") or data.get("guid"),
        text=data.get("text") or "",
        topics=[_slug(t) for t in data.get("topics") or []],
        orgs=[
            (o.get("member"), o.get("name") or "", list(o.get("mentions") or []))
            for o in data.get("organizations") or []
        ],
        amounts=[(float(a["value"]), str(a["currency"])) for a in data.get("amounts") or []],
        percentages=[float(p["value"]) for p in data.get("percentages") or []],
        duplicate_of=data.get("duplicate_of"),
        language=data.get("language"),
        published_at=published,
        error=data.get("error"),
        raw=data,
    )


def _directory() -> tuple[Any, ...]:
    from taimei.news.pipeline.document import DirectoryEntry

    entries = []
    with MEMBERS.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            names = [
                row["name_zh"],
                row["name_en"],
                *[a for a in row["aliases"].split(";") if a.strip()],
            ]
            entries.append(
                DirectoryEntry(slug=row["slug"], names=tuple(n.strip() for n in names if n.strip()))
            )
    return tuple(entries)


def _options() -> Any:
    from taimei.news.pipeline.document import Options

    kwargs: dict[str, Any] = {"directory": _directory()}
    try:
        from taimei.news.lexicon import DEFAULT_LEXICON

        kwargs["lexicon"] = tuple(DEFAULT_LEXICON)
    except ImportError:
        print("note: taimei.news.lexicon not found; running without a lexicon", file=sys.stderr)
    return Options(**kwargs)


def _run(paths: list[str]) -> list[Any]:
    from taimei.news.pipeline import analyze

    options = _options()
    return list(analyze(paths, options))


def _rel(source: str) -> str:
    for base in (str(DATA) + os.sep, "eval/news/", "./eval/news/"):
        if source.startswith(base):
            return source[len(base) :]
    if source.startswith("file://"):
        return _rel(source[len("file://") :])
    return source


def _key(g: dict[str, Any]) -> str:
    return f"{g['file']}#{g['item']}" if g.get("item") else g["file"]


def _assign(preds: list[Pred], gold: list[dict[str, Any]]) -> dict[str, Pred]:
    """Match predicted documents to gold documents (files by path, feed items by link or guid)."""
    by_key: dict[str, Pred] = {}
    items = {g["item"]: _key(g) for g in gold if g.get("item")}
    files = {g["file"]: _key(g) for g in gold if not g.get("item")}
    for p in preds:
        key = None
        for candidate in (p.url, p.guid, p.source):
            if candidate and candidate in items:
                key = items[candidate]
                break
        if key is None:
            src = _rel(p.source)
            for item, k in items.items():
                if src.endswith(item) or (src.split("#")[-1] == item):
                    key = k
                    break
            if key is None and src in files:
                key = files[src]
        if key is not None and key not in by_key:
            p.gold_key = key
            by_key[key] = p
    return by_key


def _org_score(g: dict[str, Any], p: Pred | None) -> tuple[int, int, int, list[str]]:
    from taimei.core.text import fold

    misses: list[str] = []
    golds = []
    for o in g["organizations"]:
        golds.append(("m", o["member"]) if o["member"] else ("n", fold(o["name"])))
    golds = list(dict.fromkeys(golds))
    preds: dict[tuple[str, str], set[str]] = {}
    for member, name, mentions in p.orgs if p else []:
        k = ("m", member) if member else ("n", fold(name))
        preds.setdefault(k, set()).update({fold(name), *(fold(m) for m in mentions)})
    matched_pred: set[tuple[str, str]] = set()
    tp = 0
    for gk in golds:
        hit = None
        if gk in preds:
            hit = gk
        elif gk[0] == "n":
            hit = next((pk for pk, forms in preds.items() if pk[0] == "n" and gk[1] in forms), None)
        if hit is not None:
            tp += 1
            matched_pred.add(hit)
        else:
            misses.append(f"org missed: {gk[1]}")
    fp_keys = [pk for pk in preds if pk not in matched_pred]
    misses += [f"org spurious: {pk[1]}" for pk in fp_keys]
    return tp, len(fp_keys), len(golds) - tp, misses


def _match_values(
    gold: list[tuple[float, str]], pred: list[tuple[float, str]]
) -> tuple[int, int, int, list[str]]:
    gold = list(dict.fromkeys(gold))
    pred = list(dict.fromkeys(pred))
    used: set[int] = set()
    tp = 0
    misses = []
    for gv, gc in gold:
        found = next(
            (
                i
                for i, (pv, pc) in enumerate(pred)
                if i not in used and pc == gc and abs(pv - gv) <= 0.005 * abs(gv) + 1e-9
            ),
            None,
        )
        if found is None:
            misses.append(f"missed {gv:g} {gc}".rstrip())
        else:
            used.add(found)
            tp += 1
    misses += [f"spurious {pv:g} {pc}".rstrip() for i, (pv, pc) in enumerate(pred) if i not in used]
    return tp, len(pred) - len(used), len(gold) - tp, misses


def _same_day(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold == pred
    try:
        g = datetime.fromisoformat(gold)
        p = datetime.fromisoformat(pred)
    except ValueError:
        return False
    if p.tzinfo and g.tzinfo:
        p = p.astimezone(g.tzinfo)
    return g.date() == p.date()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss per document")
    args = parser.parse_args()

    gold = [
        json.loads(line)
        for line in (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    paths = [
        str(p.relative_to(ROOT))
        for p in sorted(DATA.iterdir())
        if p.is_file() and p.name not in SKIP
    ]
    os.chdir(ROOT)

    try:
        import taimei.news.pipeline as pipeline_pkg  # noqa: F401
        from taimei.news.pipeline import analyze, to_json  # noqa: F401
    except ImportError as exc:
        print(
            "eval: the news pipeline is not available yet "
            f"(`from taimei.news.pipeline import analyze, to_json` failed: {exc}).",
            file=sys.stderr,
        )
        return 2
    _setup_django()

    docs = _run(paths)
    preds = [_to_pred(d, to_json) for d in docs]
    by_key = _assign(preds, gold)
    source_to_key = {p.source: p.gold_key for p in preds if p.gold_key}
    for p in preds:  # feed items may be referenced through their link as well
        for alt in (p.url, p.guid):
            if alt and p.gold_key:
                source_to_key.setdefault(alt, p.gold_key)

    # gold stories: union of duplicate_of links
    story: dict[str, str] = {}
    for g in gold:
        k = _key(g)
        story[k] = g["duplicate_of"] or k
    file_to_key = {g["file"]: _key(g) for g in gold if not g.get("item")}
    for k, root in list(story.items()):
        story[k] = story.get(file_to_key.get(root, root), root)

    per_doc: dict[str, list[str]] = defaultdict(list)
    sent_total = sent_hit = leaks = 0
    topic_tp: dict[str, int] = defaultdict(int)
    topic_fp: dict[str, int] = defaultdict(int)
    topic_fn: dict[str, int] = defaultdict(int)
    org = [0, 0, 0]
    money = [0, 0, 0]
    pct = [0, 0, 0]
    lang_ok = date_ok = 0
    dup_pred = dup_pred_ok = dup_gold = dup_gold_ok = 0

    for g in gold:
        k = _key(g)
        p = by_key.get(k)
        notes = per_doc[k]
        if p is None:
            notes.append("no predicted document")
        elif p.error:
            notes.append(f"error: {p.error}")
        text = _norm(p.text) if p else ""
        for s in g["body_sentences"]:
            sent_total += 1
            if _norm(s) in text:
                sent_hit += 1
            else:
                notes.append(f"body sentence missing: {s[:60]}")
        for b in g["boilerplate"]:
            if _norm(b) and _norm(b) in text:
                leaks += 1
                notes.append(f"boilerplate leaked: {b}")
        gt, pt = set(g["topics"]), set(p.topics if p else [])
        for t in gt | pt:
            if t in gt and t in pt:
                topic_tp[t] += 1
            elif t in pt:
                topic_fp[t] += 1
                notes.append(f"topic spurious: {t}")
            else:
                topic_fn[t] += 1
                notes.append(f"topic missed: {t}")
        tp, fp, fn, m = _org_score(g, p)
        org = [org[0] + tp, org[1] + fp, org[2] + fn]
        notes += m
        tp, fp, fn, m = _match_values(
            [(a["value"], a["currency"]) for a in g["amounts"]], p.amounts if p else []
        )
        money = [money[0] + tp, money[1] + fp, money[2] + fn]
        notes += [f"money {x}" for x in m]
        tp, fp, fn, m = _match_values(
            [(x["value"], "") for x in g["percentages"]],
            [(v, "") for v in (p.percentages if p else [])],
        )
        pct = [pct[0] + tp, pct[1] + fp, pct[2] + fn]
        notes += [f"percentage {x}" for x in m]
        if p and p.language == g["language"]:
            lang_ok += 1
        else:
            notes.append(f"language {p.language if p else None} != {g['language']}")
        if p and _same_day(g["published_at"], p.published_at):
            date_ok += 1
        else:
            notes.append(f"published_at {p.published_at if p else None} != {g['published_at']}")
        if g["duplicate_of"]:
            dup_gold += 1
        if p and p.duplicate_of:
            dup_pred += 1
            target = source_to_key.get(p.duplicate_of) or file_to_key.get(_rel(p.duplicate_of))
            if target and story.get(target) == story.get(k):
                dup_pred_ok += 1
                if g["duplicate_of"]:
                    dup_gold_ok += 1
            else:
                notes.append(f"duplicate_of wrong: {p.duplicate_of}")
        elif g["duplicate_of"]:
            notes.append(f"duplicate_of missed: {g['duplicate_of']}")

    unmatched = [p.source for p in preds if p.gold_key is None]
    micro_p = _ratio(sum(topic_tp.values()), sum(topic_tp.values()) + sum(topic_fp.values()))
    micro_r = _ratio(sum(topic_tp.values()), sum(topic_tp.values()) + sum(topic_fn.values()))
    macro = [
        _f1(
            _ratio(topic_tp[t], topic_tp[t] + topic_fp[t]),
            _ratio(topic_tp[t], topic_tp[t] + topic_fn[t]),
        )
        for t in TOPICS
        if topic_tp[t] + topic_fp[t] + topic_fn[t]
    ]

    def prf(c: list[int]) -> tuple[float, float, float]:
        p_, r_ = _ratio(c[0], c[0] + c[1]), _ratio(c[0], c[0] + c[2])
        return p_, r_, _f1(p_, r_)

    op, orr, of = prf(org)
    mp, mr, mf = prf(money)
    pp, pr, pf = prf(pct)
    rows = [
        (
            "documents (gold / predicted / unmatched)",
            f"{len(gold)} / {len(preds)} / {len(unmatched)}",
        ),
        ("body recall", sent_hit / sent_total if sent_total else 1.0),
        ("boilerplate leakage", leaks),
        ("topic micro-P / micro-R", f"{micro_p:.3f} / {micro_r:.3f}"),
        ("topic micro-F1", _f1(micro_p, micro_r)),
        ("topic macro-F1", sum(macro) / len(macro) if macro else 1.0),
        ("organisation P / R", f"{op:.3f} / {orr:.3f}"),
        ("organisation F1", of),
        ("money P / R", f"{mp:.3f} / {mr:.3f}"),
        ("money F1", mf),
        ("percentage P / R", f"{pp:.3f} / {pr:.3f}"),
        ("percentage F1", pf),
        ("duplicate precision", _ratio(dup_pred_ok, dup_pred)),
        ("duplicate recall", _ratio(dup_gold_ok, dup_gold)),
        ("language accuracy", lang_ok / len(gold)),
        ("published date accuracy (info)", date_ok / len(gold)),
    ]
    failed = []
    print(f"{'metric':<42} {'value':>15}  target")
    print("-" * 70)
    for name, value in rows:
        target = TARGETS.get(name)
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        mark = ""
        if target:
            op_, bound = target
            ok = value >= bound if op_ == ">=" else value == bound
            mark = f"{op_} {bound}  {'ok' if ok else 'MISSED'}"
            if not ok:
                failed.append(name)
        print(f"{name:<42} {shown:>15}  {mark}")
    if args.verbose:
        print()
        for g in gold:
            k = _key(g)
            if per_doc[k]:
                print(f"== {k}")
                for note in per_doc[k]:
                    print(f"   {note}")
        for src in unmatched:
            print(f"== unmatched prediction: {src}")
    if failed:
        print(f"\ntargets missed: {', '.join(failed)}")
        return 1
    print("\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
