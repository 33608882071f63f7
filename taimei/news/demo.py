"""The bundled sample news, ingested by `taimei demo` (safe to run again: nothing changes)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from taimei.news.services.ingest import ingest_run

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"


def demo_load(*, stdout: TextIO) -> None:
    """Ingest `taimei/news/data/samples/` when it is there; broken samples are reported."""
    if not SAMPLES.is_dir():
        stdout.write("News: no bundled samples to ingest.\n")
        return
    report = ingest_run(locations=[str(SAMPLES)])
    stdout.write(f"News: {report.summary()} (the broken samples fail on purpose).\n")
