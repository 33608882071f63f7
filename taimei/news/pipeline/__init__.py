"""The news pipeline: the order of the stages, and the runners every interface uses.

`STAGES` is the one place that says what runs in which order. The understanding stages run
after the ingest ones; entities come before `classify` because the organisations a text names
are evidence for its industries. `process` runs the stages over one document and records the
first failure in `doc.error` (with the stage's name) instead of raising, so a batch goes on;
`analyze` expands sources, processes each document and marks near-duplicates in order;
`to_json` is the object `taimei analyze --format jsonl` prints (DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from taimei.news.pipeline import sources
from taimei.news.pipeline.classify import classify
from taimei.news.pipeline.dedupe import NearDuplicateIndex
from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.figures import find_amounts, find_percentages
from taimei.news.pipeline.ingest_stages import INGEST_STAGES
from taimei.news.pipeline.organizations import link_organizations
from taimei.news.pipeline.people import find_people

Stage = Callable[[Document, Options], Document]

UNDERSTANDING_STAGES: tuple[Stage, ...] = (
    link_organizations,
    find_people,
    find_amounts,
    find_percentages,
    classify,
)
STAGES: tuple[Stage, ...] = (*INGEST_STAGES, *UNDERSTANDING_STAGES)

__all__ = ["STAGES", "UNDERSTANDING_STAGES", "analyze", "process", "to_json"]


def process(doc: Document, options: Options, stages: Iterable[Stage] = STAGES) -> Document:
    """Run `stages` over `doc`; the first exception ends the run and is kept in `doc.error`."""
    for stage in stages:
        if doc.error is not None:
            break
        try:
            doc = stage(doc, options)
        except Exception as exc:
            doc.error = f"{stage.__name__}: {type(exc).__name__}: {exc}"
    return doc


def analyze(sources_: Iterable[str], options: Options | None = None) -> Iterator[Document]:
    """Every document of every source, processed, with `duplicate_of` set within this run."""
    options = options or Options()
    index = NearDuplicateIndex()
    for source in sources_:
        for doc in _expand(source, options):
            doc = process(doc, options)
            if doc.error is None:
                doc.duplicate_of = index.add(doc)
            yield doc


def _expand(source: str, options: Options) -> Iterator[Document]:
    """The documents of one source; a source that cannot be read yields one failed document."""
    try:
        yield from sources.expand(source, options)
    except Exception as exc:
        yield Document(source=str(source), error=f"expand: {type(exc).__name__}: {exc}")


def _number(value: float) -> int | float:
    """Whole sums as integers in JSON (40000000000, not 4e10)."""
    return int(value) if float(value).is_integer() else value


def to_json(doc: Document) -> dict[str, Any]:
    """The `taimei analyze --format jsonl` object for one document (DESIGN.md)."""
    return {
        "source": doc.source,
        "title": doc.title,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "language": doc.language,
        "text": doc.text,
        "topics": [label.slug for label in doc.topics],
        "industries": [label.slug for label in doc.industries],
        "organizations": [
            {"name": org.name, "member": org.member, "mentions": list(org.mentions)}
            for org in doc.organizations
        ],
        "people": [
            {"name": person.name, "mentions": list(person.mentions)} for person in doc.people
        ],
        "amounts": [
            {"value": _number(amount.value), "currency": amount.currency, "text": amount.text}
            for amount in doc.amounts
        ],
        "percentages": [
            {"value": _number(percentage.value), "text": percentage.text}
            for percentage in doc.percentages
        ],
        "duplicate_of": doc.duplicate_of,
        "error": doc.error,
    }
