"""Chinese names of organisations that are not in the directory, where the text makes it clear.

Passes over what alias matching left unclaimed: a Chinese name glossed in Latin letters
(輝達（NVIDIA）) unless it reads as a person, an agreement, a product or an event; a name
carrying an institutional suffix (美商西屋公司, 星橋創投, X協會, X聯盟, 台北市政府,
中部科學園區管理局); a government office after its country (美國商務部, 台湾防务部门), never
a verb that ends in an office's character (簽署, 部署). A find that abbreviates a member's name
(美台商業協會 for 美國台灣商業協會) links to that member; the rest get `member = None`.
`Collector` is shared with the English pass.
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
    strip_country_before_state,
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
                 "制度", "規範", "標準", "措施", "清單", "記憶體", "伺服器", "模組", "元件", "製程",
                 "封裝", "材料", "設備", "載具", "電池", "軟體", "感測器", "處理器", "顯示器",
                 "面板", "基板", "天線", "演算法", "模型", "介面", "認證", "許可", "執照", "簽證",
                 "稅率", "指標")
)
_INSTITUTIONS = (
    "公司", "集團", "協會", "商會", "公會", "工會", "總會", "學會", "基金會", "銀行", "大學",
    "學院", "研究院", "研究所", "研究中心", "研發中心", "委員會", "工業會", "醫院", "聯盟",
    "創投", "創投公司", "管理局", "管理處", "代表處", "辦事處",
)
# fmt: on
# 市政府, 縣政府, 州政府: 政府 is the suffix only after a city, county or state (not 美國政府).
_INSTITUTION_WORDS = sorted({to_simplified(s) for s in _INSTITUTIONS}, key=len, reverse=True)
# The lookahead (the words' first characters) lets a scan skip other positions in C.
_INSTITUTION_RE = re.compile(
    f"(?=[{''.join(sorted({word[0] for word in _INSTITUTION_WORDS} | {'政'}))}])"
    f"(?:{'|'.join(_INSTITUTION_WORDS)}|(?<=[市县州])政府)"
)
# A suffix that runs on into a longer word is not one: 創投資金, 創投業者, 管理局長.
_RUNS_ON = {to_simplified(k): v for k, v in {"創投": "資基業圈界", "聯盟": "國"}.items()}
_OFFICE_CHARS = frozenset("院部局署处会府")
# Words whose last character looks like an office but are not one (簽署 is "sign").
# fmt: off
_NOT_OFFICES = frozenset(
    to_simplified(word)
    for word in ("簽署", "部署", "布局", "佈局", "格局", "結局", "當局", "大局", "全部", "內部",
                 "外部", "局部", "南部", "北部", "中部", "東部", "西部", "幹部", "總部", "俱樂部",
                 "節省", "反省", "開局")
)
# fmt: on
_FUNCTION_CHARS = frozenset(to_simplified("的在與和及對將是為了把被向從等已也都就並而或"))
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
    f"([{CJK}]{{1,6}}?)(部门|部|署|局|委员会|省)(?![长门])"
)
_PAREN_RE = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9&.'’\- ]{0,60}?)\s*(?:[,，、;；][^()]{0,40})?\)")
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
        # An abbreviation keeps the first character and the last two (is_abbreviation).
        ends = (core[:1], core[-2:])
        for key, target in self.matcher.cjk_names_by_ends.get(ends, ()):
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
    if len(core) > 8 and not core.endswith(_ORG_ENDINGS):
        return False  # a phrase glossed by an acronym (在台中擴建高頻寬記憶體（HBM）)
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
        run_start = run_before(folded, match.start(), floor, limit=20)
        floor = match.end()
        if _runs_on(folded, match.start(), match.end()):
            continue
        name = trim_name(folded[run_start : match.start()])
        start = match.start() - len(name)
        for prefix in NATIONALITY:
            if name.startswith(prefix) and len(name) - len(prefix) >= 2:
                name, start = name[len(prefix) :], start + len(prefix)
        kept = strip_country_before_state(name)
        name, start = kept, start + len(name) - len(kept)
        if (
            len(name) < 2
            or is_generic(strip_prefixes(name))
            or not collector.free(start, match.end())
        ):
            continue
        collector.add(start, match.end(), collector.resolve(folded[start : match.end()]))
    for match in _GOV_RE.finditer(folded):
        middle = match.group(3)
        if (
            collector.free(*match.span())
            and middle not in GENERIC
            and middle[-1] + match.group(4)[0] not in _NOT_OFFICES
            and not _FUNCTION_CHARS.intersection(middle)
        ):
            collector.add(*match.span(), collector.resolve(match.group()))


def _runs_on(folded: str, start: int, end: int) -> bool:
    """True when the suffix at start:end continues into a longer word (創投資金, 管理局長)."""
    after = folded[end : end + 1]
    if after == "长" and folded[end - 1] in _OFFICE_CHARS:
        return True
    return bool(after) and after in _RUNS_ON.get(folded[start:end], "")
