"""`taimei ingest` and `taimei analyze`: the command-line contract of DESIGN.md."""

from __future__ import annotations

import io
import json
from datetime import datetime

import pytest
from django.core.management import CommandError, call_command

from taimei.members.tests.factories import OrganizationFactory
from taimei.news.models import Article
from taimei.news.tests.conftest import STORY, write_text

pytestmark = pytest.mark.django_db

KEYS = {
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
}


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ingest_prints_a_summary_and_each_failure(hostile_folder):
    out, err = _run("ingest", str(hostile_folder))

    assert "items read: " in out and "new: 2" in out and "duplicates: 0" in out
    assert "unchanged: 0" in out and "failed: " in out
    assert "binary data" in out  # failures counted per reason
    assert "garbage.bin" in err and "bomb.xml" in err
    assert Article.objects.count() == 2

    out, _ = _run("ingest", str(hostile_folder))
    assert "new: 0" in out and "unchanged: 2" in out


def test_ingest_fails_when_nothing_at_all_could_be_read(tmp_path):
    with pytest.raises(CommandError, match="every item failed"):
        _run("ingest", str(tmp_path / "missing.txt"))


def test_analyze_prints_one_json_object_per_document_and_stores_nothing(duplicate_pair):
    first, second = duplicate_pair
    OrganizationFactory(slug="tsmc", name_zh="台積電", name_en="TSMC")

    out, _ = _run("analyze", str(first), str(second), "--format", "jsonl")

    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2
    one, two = lines
    assert set(one) == KEYS
    assert one["source"] == str(first) and one["error"] is None
    assert one["language"] == "zh-Hant" and two["language"] == "zh-Hans"
    assert "\n\n" in one["text"]
    assert {"name", "member", "mentions"} <= set(one["organizations"][0])
    assert any(org["member"] == "tsmc" for org in one["organizations"])
    assert {"value": 100_000_000_000, "currency": "USD", "text": "1000億美元"} in one["amounts"]
    assert any(p["value"] == 15 for p in one["percentages"])
    assert two["duplicate_of"] == str(first)
    assert one["published_at"] is None or datetime.fromisoformat(one["published_at"]).tzinfo
    assert not Article.objects.exists()


def test_analyze_reports_errors_in_the_json(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    write_text(tmp_path / "good.txt", STORY, "台積電加碼投資美國")

    out, _ = _run("analyze", str(tmp_path))

    by_source = {json.loads(line)["source"]: json.loads(line) for line in out.splitlines()}
    assert by_source[str(path)]["error"]
    assert by_source[str(tmp_path / "good.txt")]["error"] is None


def test_analyze_rejects_other_formats():
    with pytest.raises(CommandError):
        _run("analyze", "x", "--format", "csv")


def test_ingest_shows_a_progress_bar_on_a_terminal(hostile_folder, monkeypatch, capsys):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)

    out, _ = _run("ingest", str(hostile_folder))

    assert "new: 2" in out
    shown = capsys.readouterr().err
    assert "garbage.bin" in shown  # failures printed above the bar by rich
