"""Whatever bytes arrive, ingest stores them or records why not; it never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taimei.news.models import Article, IngestFailure
from taimei.news.services.ingest import ingest_run

pytestmark = pytest.mark.django_db

SNIPPETS = st.sampled_from(
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>',
        b'<!DOCTYPE x [<!ENTITY a "&a;&a;">]>',
        b"---\ntitle: \xe5\x8f\xb0\xe7\xbe\x8e\ndate: 1090813\n---\n",
        b"<html><body><p>",
        "台積電宣布投資400億美元，出口成長15%。".encode(),
        "台積電宣布投資".encode("big5", errors="ignore"),
        b"\x00\xff\xfe",
        b"</p></body></html>",
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    ]
)
PAYLOADS = st.lists(st.one_of(SNIPPETS, st.binary(max_size=200)), max_size=6).map(b"".join)
NAMES = st.sampled_from(["a.txt", "b.html", "c.rss", "d.xml", "e.md", "f.opml", "g.bin"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=st.lists(st.tuples(NAMES, PAYLOADS), min_size=1, max_size=4, unique_by=lambda f: f[0]))
def test_any_batch_is_stored_or_recorded(files):
    with tempfile.TemporaryDirectory() as folder:
        for name, payload in files:
            (Path(folder) / name).write_bytes(payload)
        failures_before = IngestFailure.objects.count()

        report = ingest_run(locations=[folder])

        assert (
            report.read
            == report.new + report.duplicates + report.unchanged + report.updated + report.failed
        )
        assert IngestFailure.objects.count() - failures_before == report.failed
        for article in Article.objects.all():
            assert article.text.strip() and "\x00" not in article.text
