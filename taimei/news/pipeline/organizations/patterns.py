"""Organisations that are not in the directory, recognised where the text makes it clear.

Three passes over what alias matching left unclaimed: a Chinese name glossed in Latin letters
(輝達（NVIDIA）) unless it reads as a person, an agreement or an event; a name carrying a legal
or institutional suffix (美商西屋公司, 美國商務部, X協會); an English name with an
organisational word (Acme Corp., the Department of Commerce). A find that abbreviates a member's
name (美台商業協會 for 美國台灣商業協會) links to that member; the rest get `member = None`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from taimei.core.text import to_simplified
from taimei.news.pipeline.document import Span
from taimei.news.pipeline.organizations.aliases import CJK, Matcher, Target
from taimei.news.pipeline.organizations.names import (
    GENERIC,
    NATIONALITY,
    is_abbreviation,
    is_generic,
    run_before,
    strip_prefixes,
    trim_name,
)

# fmt: off
_NOT_ORG_ENDINGS = tuple(
    to_simplified(word)
    for word in ("協定", "協議", "備忘錄", "計畫", "計劃", "法案", "條款", "峰會", "論壇", "會議",
                 "大會", "方案", "倡議", "架構", "對話", "政策", "戰略", "策略", "行動", "機制",
                 "模式", "建設", "展", "獎", "指數", "報告", "法", "稅", "關稅", "晶片", "產品",
                 "技術", "系統", "平台", "專案", "項目", "活動", "市場", "產業", "工程", "節",
                 "制度", "規範", "標準", "措施", "清單")
)
_INSTITUTIONS = (
    "公司", "集團", "協會", "商會", "公會", "工會", "總會", "學會", "基金會", "銀行", "大學",
    "學院", "研究院", "研究所", "研究中心", "研發中心", "委員會", "工業會", "醫院",
)
# fmt: on
_INSTITUTION_RE = re.compile(
    "|".join(sorted({to_simplified(s) for s in _INSTITUTIONS}, key=len, reverse=True))
)
# fmt: off
# Endings that make a glossed name an organisation rather than a person (超微半導體（AMD）).
_ORG_ENDINGS = tuple(
    to_simplified(word)
    for word in (*_INSTITUTIONS, "證券", "金控", "控股", "電子", "科技", "半導體", "航空",
                 "海運", "電信", "實驗室", "部", "署", "局", "處", "院", "中心")
)
# Words before a name that make a one-word gloss a person (川普（Trump）總統, 主席柯拉克（Krach）).
_PERSON_CONTEXT = tuple(
    to_simplified(word)
    for word in ("總統", "主席", "院長", "部長", "會長", "董事長", "執行長", "總裁", "議員",
                 "州長", "市長", "大使", "處長", "先生", "女士", "教授", "博士", "國務卿", "參議員",
                 "眾議員", "美國", "前")
)
# fmt: on
_GOV_RE = re.compile(
    "(美国|日本|韩国|英国|德国|法国|加拿大|澳洲|澳大利亚|印度|欧盟|台湾|我国)(联邦)?"
    f"([{CJK}]{{1,4}}?)(部|署|局|委员会|省)(?!长)"
)
_PAREN_RE = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9&.'’\- ]{0,60}?)\s*(?:[,，、;；][^()]{0,40})?\)")
_EN_ORG_RE = re.compile(
    r"\b((?:[A-Z][A-Za-z0-9&'.-]*\s+){0,4}[A-Z][A-Za-z0-9&'.-]*),?\s+"
    r"(Inc\.?|Corp\.?|Corporation|Co\.|Company|Ltd\.?|LLC|Group|Association|Council|Foundation"
    r"|Institute|University|Bank|Holdings|Technologies|Systems|Semiconductor|Electronics)(?![a-z])"
    r"|\b((?:Department|Ministry|Bureau|University|Bank|Office) of (?:the )?"
    r"[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3})"
)
_EN_STOP = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "And", "But", "With", "As"})
_ORG_WORDS = re.compile(
    r"\b(Inc|Corp|Corporation|Company|Co|Ltd|LLC|Group|Association|Council|Foundation|Institute"
    r"|University|Bank|Holdings|Technolog\w*|Systems|Semiconductor\w*|Electronics|Electric"
    r"|Research|Labs?|Motors|Energy|Networks|Devices|Instruments|Capital|Partners|Industries"
    r"|Manufacturing|Services|Solutions|Software|Pharmaceuticals?|Airlines|Alliance|Agency"
    r"|Department|Ministry|Bureau|Office|Commission|Chamber)\b"
)


@dataclass(slots=True)
class Found:
    target: Target
    spans: list[Span] = field(default_factory=list)


class Collector:
    """Gathers spans per organisation and remembers which characters are already claimed."""

    def __init__(self, text: str, folded: str, matcher: Matcher) -> None:
        self.text, self.folded, self.matcher = text, folded, matcher
        self.claimed = bytearray(len(text))
        self.found: dict[str, Found] = {}
        self.by_name: dict[str, Target] = {}

    def free(self, start: int, end: int) -> bool:
        return start < end and not any(self.claimed[start:end])

    def add(self, start: int, end: int, target: Target) -> None:
        found = self.found.setdefault(target.key, Found(target))
        found.spans.append(Span(start, end, self.text[start:end]))
        self.claimed[start:end] = b"\x01" * (end - start)
        self.by_name.setdefault(self.folded[start:end], target)

    def resolve(self, core: str) -> Target:
        """The organisation a pattern-found name refers to: known, a member's short form, or new."""
        known = self.by_name.get(core) or self.matcher.lookup(core)
        if known is not None:
            return known
        for key, target in self.matcher.cjk_names:
            if is_abbreviation(core, key):
                return target
        return Target(f"new:{core}", self.text_of(core), None)

    def text_of(self, core: str) -> str:
        index = self.folded.find(core)
        return self.text[index : index + len(core)] if index >= 0 else core


def paren_pass(collector: Collector) -> None:
    """輝達（NVIDIA）: a Chinese name glossed in Latin letters; both are mentions of one org."""
    folded, text = collector.folded, collector.text
    for match in _PAREN_RE.finditer(folded):
        en_start, en_end = match.span(1)
        english = text[en_start:en_end]
        run_start = run_before(folded, match.start(), 0)
        if run_start == match.start() or not english[:1].isupper():
            continue
        core_start = match.start() - len(trim_name(folded[run_start : match.start()]))
        core = folded[core_start : match.start()]
        for prefix in NATIONALITY:
            if core.startswith(prefix) and len(core) - len(prefix) >= 2:
                core, core_start = core[len(prefix) :], core_start + len(prefix)
        if not _org_like(core, english, folded, core_start):
            continue
        target = None
        if not collector.free(core_start, match.start()):
            target = _claimed_target(collector, core_start, match.start())
        elif not is_generic(strip_prefixes(core)):
            target = collector.resolve(core)
            collector.add(core_start, match.start(), target)
        if target is not None and collector.free(en_start, en_end):
            collector.add(en_start, en_end, target)


def _claimed_target(collector: Collector, start: int, end: int) -> Target | None:
    """The organisation whose span ends right before a parenthesis (聯發科（MediaTek）)."""
    for found in collector.found.values():
        if any(span.end == end for span in found.spans):
            return found.target
    return None


def _org_like(core: str, english: str, folded: str, core_start: int) -> bool:
    """Reject glosses of people (柯拉克（Keith Krach）), agreements (MOU) and events."""
    if len(core) < 2 or core.endswith(_NOT_ORG_ENDINGS):
        return False
    if english.isupper() or _ORG_WORDS.search(english) or core.endswith(_ORG_ENDINGS):
        return not (english.isupper() and folded[core_start - 1 : core_start] in '「『"“')
    words = english.replace("-", " ").split()
    return len(words) == 1 and not _after_title(folded, core_start)


def _after_title(folded: str, start: int) -> bool:
    """True when a person's title or a country stands right before the name (美國川普)."""
    return folded[max(0, start - 6) : start].endswith(_PERSON_CONTEXT)


def suffix_pass(collector: Collector) -> None:
    """美商西屋公司, 台灣半導體協會, 美國商務部: names with an institutional suffix."""
    folded = collector.folded
    floor = 0
    for match in _INSTITUTION_RE.finditer(folded):
        if not collector.free(match.start(), match.end()):
            floor = match.end()
            continue
        run_start = run_before(folded, match.start(), floor, limit=10)
        floor = match.end()
        name = trim_name(folded[run_start : match.start()])
        start = match.start() - len(name)
        for prefix in NATIONALITY:
            if name.startswith(prefix) and len(name) - len(prefix) >= 2:
                name, start = name[len(prefix) :], start + len(prefix)
        if (
            len(name) < 2
            or is_generic(strip_prefixes(name))
            or not collector.free(start, match.end())
        ):
            continue
        collector.add(start, match.end(), collector.resolve(folded[start : match.end()]))
    for match in _GOV_RE.finditer(folded):
        if collector.free(*match.span()) and match.group(3) not in GENERIC:
            collector.add(*match.span(), collector.resolve(match.group()))


def english_pass(collector: Collector) -> None:
    """Acme Corp., the U.S.-Taiwan Business Council, the Department of Commerce."""
    for match in _EN_ORG_RE.finditer(collector.text):
        start, end = match.span()
        words = match.group().split()
        while words and words[0] in _EN_STOP:
            start += len(words.pop(0)) + 1
            while start < end and collector.text[start] == " ":
                start += 1
        if start < end and collector.free(start, end) and len(words) >= 2:
            core = collector.folded[start:end]
            collector.add(start, end, collector.resolve(core))
