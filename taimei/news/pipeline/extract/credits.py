"""Credits: editors, translators, wire credits and source lines become metadata."""

from __future__ import annotations

import re

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.work import Work
from taimei.news.pipeline.rules import Rule

_WIRE_ROLE = re.compile(
    r"(Reporting|Editing) by ([^;()]+?)(?=;|\)|$| and (?:Editing|Writing))", re.I
)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .-]*$")


def credits(paragraphs: list[str], work: Work) -> list[str]:
    """Editor, translator and source credits wherever they stand."""
    kept: list[str] = []
    for paragraph in paragraphs:
        text = cut_all(paragraph, rules.CREDIT_RULES, work)
        if text:
            kept.append(text)
    return kept


def cut_all(paragraph: str, family: tuple[Rule, ...], work: Work) -> str:
    """Cut every match of the family out of one paragraph, lifting named groups."""
    text = paragraph
    for rule in family:
        if rule.max_length is not None and len(text) > rule.max_length:
            continue
        folded = rules.width_fold(text)
        match = rule.pattern.search(folded)
        if match is None:
            continue
        _lift(match, work)
        work.record(rule.name, text[match.start() : match.end()].strip())
        text = (text[: match.start()] + text[match.end() :]).strip()
    return text


def _lift(match: re.Match[str], work: Work) -> None:
    for key, value in match.groupdict().items():
        if not value:
            continue
        if key == "credits":
            _wire_credits(value, work)
        else:
            work.metadata[key] = value.strip()


def _wire_credits(text: str, work: Work) -> None:
    """(Reporting by Jane Doe in Taipei; Editing by John Roe) → author and editor."""
    for role, names in _WIRE_ROLE.findall(text):
        names = _IN_PLACE.sub("", names.strip())
        if role.lower() == "editing":
            work.metadata["editor"] = names
        elif not work.bylined:
            work.author = names
