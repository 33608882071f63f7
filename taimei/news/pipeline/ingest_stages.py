"""The ingest half of the pipeline, in order, for the registry in `taimei.news.pipeline`.

Each stage takes the document the previous one returned and returns a document with `error`
untouched when it was already set, so a failed item flows through and is recorded at the end.
"""

from __future__ import annotations

from collections.abc import Callable

from taimei.news.pipeline.decode import decode
from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.extract import extract
from taimei.news.pipeline.normalize import normalize
from taimei.news.pipeline.parse import parse

Stage = Callable[[Document, Options], Document]

INGEST_STAGES: tuple[Stage, ...] = (decode, parse, extract, normalize)
