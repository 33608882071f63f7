"""The stage registry, per-item error capture, and the analyze JSON contract."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from taimei.news import pipeline
from taimei.news.pipeline import STAGES, UNDERSTANDING_STAGES, process, to_json
from taimei.news.pipeline.document import Document, Options


def test_understanding_stages_follow_the_ingest_stages() -> None:
    names = [stage.__name__ for stage in STAGES]
    assert names[-5:] == [
        "link_organizations",
        "find_people",
        "find_amounts",
        "find_percentages",
        "classify",
    ]
    assert names[: len(STAGES) - 5] == [s.__name__ for s in pipeline.INGEST_STAGES]


def _article() -> Document:
    return Document(
        source="sample.txt",
        title="亞極半導赴美投資",
        language="zh-Hant",
        published_at=datetime(2025, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=8))),
        paragraphs=[
            "亞極半導董事長林志明今天表示，將赴美投資85億美元，爭取15%對等關稅優惠。",
            "美商杜邦公司（DuPont）也將加入供應鏈合作。",
        ],
    )


def test_process_and_to_json_follow_the_cli_contract() -> None:
    doc = process(_article(), Options(), UNDERSTANDING_STAGES)
    data = to_json(doc)
    assert list(data) == [
        "source",
        "title",
        "published_at",
        "language",
        "text",
        "topics",
        "industries",
        "organizations",
        "people",
        "amounts",
        "percentages",
        "duplicate_of",
        "error",
    ]
    assert data["published_at"] == "2025-06-01T09:30:00+08:00"
    assert {"investment", "trade"} <= set(data["topics"])
    assert {"value": 8500000000, "currency": "USD", "text": "85億美元"} in data["amounts"]
    assert data["percentages"] == [{"value": 15, "text": "15%"}]
    assert {"name": "杜邦公司", "member": None, "mentions": ["杜邦公司", "DuPont"]} in data[
        "organizations"
    ]
    assert data["people"][0]["name"] == "林志明"
    assert data["error"] is None


def test_a_failing_stage_is_recorded_not_raised() -> None:
    def explode(doc: Document, options: Options) -> Document:
        raise ValueError("boom")

    doc = process(_article(), Options(), (explode, *UNDERSTANDING_STAGES))
    assert doc.error == "explode: ValueError: boom"
    assert doc.organizations == []


def test_analyze_processes_files_and_marks_duplicates(tmp_path: Path) -> None:
    body = "\n\n".join(_article().paragraphs)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"亞極半導赴美投資\n\n{body}\n", encoding="utf-8")
    try:
        docs = list(pipeline.analyze([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]))
    except ImportError:
        pytest.skip("the sources module has not landed yet")
    assert [doc.error for doc in docs] == [None, None]
    assert docs[0].duplicate_of is None
    assert docs[1].duplicate_of == docs[0].source
