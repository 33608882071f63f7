"""Reading and reporting on the project's CSV imports (members, opportunities, …).

Every importer shares the same contract: UTF-8 with or without BOM, a header row naming the
expected columns, each bad row reported with its line number and reason, nothing written from a
file with errors unless the caller asks to skip bad rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class CsvFileError(Exception):
    """The file as a whole cannot be read (encoding, header); nothing is imported."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class CsvRow:
    """A data row: its values by column, or the reason it could not be split into columns."""

    line: int
    values: dict[str, str]
    problem: str | None = None


@dataclass
class ImportReport:
    """What an import did (or, on a dry run or a refused file, would have done)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(skipped)d skipped, %(errors)d rows with errors"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "errors": len(self.errors),
        }


MAX_FIELD_SIZE = 1024 * 1024


def read_rows(data: bytes, columns: Sequence[str]) -> Iterator[CsvRow]:
    """Each non-blank data row with the line number it starts on.

    Raises CsvFileError for a file that is not UTF-8 or whose header lacks a column. A row with
    the wrong number of fields comes with a `problem`, so the caller reports it with its line
    like any other bad row.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            _("the file is not UTF-8 (first bad byte on line %(line)d); save it as UTF-8 CSV")
            % {"line": line}
        ) from exc
    if not text.strip():
        raise CsvFileError(
            _("the file is empty; expected a header row: %(columns)s")
            % {"columns": ",".join(columns)}
        )
    csv.field_size_limit(MAX_FIELD_SIZE)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as exc:
        raise CsvFileError(_("line 1: unreadable header (%(error)s)") % {"error": exc}) from exc
    missing = [column for column in columns if column not in header]
    if missing:
        raise CsvFileError(
            _("line 1: the header lacks %(missing)s; expected: %(columns)s")
            % {"missing": ", ".join(missing), "columns": ",".join(columns)}
        )
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield CsvRow(line, {}, _("malformed CSV (%(error)s)") % {"error": exc})
            return
        if any(value.strip() for value in values):
            if len(values) != len(header):
                problem = _("expected %(expected)d fields, found %(found)d") % {
                    "expected": len(header),
                    "found": len(values),
                }
                yield CsvRow(line, {}, problem)
            else:
                yield CsvRow(line, {k: v.strip() for k, v in zip(header, values, strict=True)})
        line = reader.line_num + 1


def write_rows(
    rows: Iterator[dict[str, str]] | list[dict[str, str]], columns: Sequence[str]
) -> str:
    """CSV text (UTF-8 without BOM, `\\n` line ends) with a header row."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()
