"""The bundled demo posts: bilingual opportunities from the demo members, one answered."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from taimei.opportunities.services import opportunity_import

DATA_DIR = Path(__file__).resolve().parent / "data"


def demo_load(*, stdout: TextIO) -> None:
    """Load (or refresh) the demo opportunities; safe to run again."""
    report = opportunity_import(data=(DATA_DIR / "demo_opportunities.csv").read_bytes())
    if not report.ok:
        for error in report.errors:
            stdout.write(f"demo_opportunities.csv: {error}\n")
        raise ValueError("the bundled demo_opportunities.csv has bad rows")
    stdout.write(f"Opportunities: {report.summary()}\n")
