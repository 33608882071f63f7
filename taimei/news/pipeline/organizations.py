"""Stage `link_organizations`: organisations named in the text, linked to the member directory.

Reads `text` (through a length-preserving fold, so offsets map straight back) and
`Options.directory`. Writes `organizations`.

Three passes, each leaving alone what an earlier one claimed:
1. every alias of every member (and of the well-known organisations in
   `taimei.news.lexicon.KNOWN_ORGANIZATIONS`) through one trie, leftmost-longest, on folded
   text so 台積電/台积电/ＴＳＭＣ/tsmc all hit; English aliases need word boundaries, acronyms
   their capitals, short Chinese aliases must not straddle a common word (台電子, 國中鋼琴);
2. a Chinese name followed by a Latin name in parentheses (輝達（NVIDIA）), unless it reads as a
   person, an agreement or an event;
3. names carrying a legal or institutional suffix (美商西屋公司, 美國商務部, X協會, X Inc.).
Pattern finds that are abbreviations of a member's name (美台商業協會 for 美國台灣商業協會)
link to that member; the rest get `member = None`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from taimei.core.text import to_simplified
from taimei.news.lexicon import KNOWN_ORGANIZATIONS
from taimei.news.pipeline.document import (
    DirectoryEntry,
    Document,
    Options,
    OrganizationMention,
    Span,
)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")


def _fold_char(char: str) -> str:
    """One character's comparison form, or the character itself when folding would resize it."""
    width = unicodedata.normalize("NFKC", char)
    if len(width) != 1:
        width = char
    lower = width.casefold()
    return lower if len(lower) == 1 else width


_FOLD_TABLE: dict[str, str] = {}


@lru_cache(maxsize=32)
def aligned_fold(text: str) -> str:
    """`core.text.fold` without the resizing steps: position i of the result is text[i] folded.

    NFKC and casefolding change length for a few characters (…, ß, ㈱); those are kept as they
    are. OpenCC t2s maps character for character in practice; if a phrase rule ever changes the
    length, each character is converted on its own.
    """
    table = _FOLD_TABLE
    chars = []
    for char in text:
        folded = table.get(char)
        if folded is None:
            folded = table[char] = _fold_char(char)
        chars.append(folded)
    width = "".join(chars)
    simplified = to_simplified(width)
    if len(simplified) == len(width):
        return simplified
    singles = (to_simplified(char) for char in width)
    return "".join(s if len(s) == 1 else c for s, c in zip(singles, width, strict=True))


def is_ascii_word_char(char: str) -> bool:
    """Letters and digits that glue English words together (and so forbid a match inside)."""
    return char.isascii() and char.isalnum()


# fmt: off
# Two-character words that a short Chinese alias must not be cut out of: "國中鋼琴" holds 中鋼
# only by accident, "台電子" is not Taipower. Folded (Simplified) at build time.
_BREAK_BEFORE = ("國中", "高中", "其中", "集中", "空中", "初中", "心中", "手中", "之中", "當中")
_BREAK_AFTER = (
    "電子", "電視", "電腦", "電話", "電動", "電池", "電器", "電纜", "電路", "電影", "電源", "電商",
    "鋼琴", "鋼構", "油價", "油品", "星級", "星期", "光燈", "光線", "達成", "達到",
)
_BREAKERS = frozenset(to_simplified(word) for word in _BREAK_BEFORE + _BREAK_AFTER)
# 行政院長, 經濟部長: an office fused with 長 is a person's title, not a mention of the office.
_OFFICE_ENDINGS = frozenset("院部局署处会府")
# fmt: on


@dataclass(frozen=True, slots=True)
class _Target:
    """What an alias points at: a member, or a known organisation that is not one."""

    key: str
    name: str
    member: str | None
    industries: tuple[str, ...] = ()


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    hit: tuple[str, _Target] | None = None  # (alias as written, target)


def _variants(name: str) -> set[str]:
    """Spellings news uses for one English alias: U.S./US, dashes, '&'/'and', spacing."""
    forms = {name.strip()}
    for old, new in (("U.S.", "US"), ("US-", "U.S.-"), ("-", "–"), (" & ", " and ")):
        forms |= {form.replace(old, new) for form in forms if old in form}
    return {" ".join(form.split()) for form in forms if form}


class Matcher:
    """A trie over the folded aliases of members and known organisations."""

    def __init__(self, directory: Iterable[DirectoryEntry]) -> None:
        self.root = _Node()
        self.targets: list[_Target] = []
        self.cjk_names: list[tuple[str, _Target]] = []
        for entry in directory:
            target = _Target(f"member:{entry.slug}", entry.names[0], entry.slug, entry.industries)
            self._add(entry.names, target)
        for index, (names, industries) in enumerate(KNOWN_ORGANIZATIONS):
            target = self._member_among(names) or _Target(
                f"known:{index}", names[0], None, industries
            )
            self._add(names, target, known=True)

    def _member_among(self, names: Iterable[str]) -> _Target | None:
        """The member that already owns one of these names: the directory wins over the list."""
        for name in names:
            target = self.lookup(aligned_fold(name))
            if target is not None and target.member is not None:
                return target
        return None

    def _add(self, names: Iterable[str], target: _Target, *, known: bool = False) -> None:
        self.targets.append(target)
        for name in names:
            for form in _variants(name):
                key = aligned_fold(form)
                if len(key) < 2 or (len(key) < 3 and not _CJK_RE.search(key)):
                    continue  # "AI", "GE": too ambiguous to link on their own
                node = self.root
                for char in key:
                    node = node.children.setdefault(char, _Node())
                if node.hit is None or (not known and node.hit[1].member is None):
                    node.hit = (form, target)
                if _CJK_RE.search(key) and target.member is not None:
                    self.cjk_names.append((key, target))

    def lookup(self, key: str) -> _Target | None:
        """The organisation whose folded alias is exactly `key`."""
        node: _Node | None = self.root
        for char in key:
            node = node.children.get(char) if node is not None else None
        return node.hit[1] if node is not None and node.hit is not None else None

    def scan(self, text: str, folded: str) -> Iterator[tuple[int, int, _Target]]:
        """Leftmost-longest alias matches that pass the boundary rules."""
        position, length = 0, len(folded)
        while position < length:
            node = self.root.children.get(folded[position])
            if node is None:
                position += 1
                continue
            hits: list[tuple[int, str, _Target]] = []
            end = position + 1
            while node is not None:
                if node.hit is not None:
                    hits.append((end, *node.hit))
                node = node.children.get(folded[end]) if end < length else None
                end += 1
            for hit_end, alias, target in reversed(hits):
                if _accept(text, folded, position, hit_end, alias):
                    yield position, hit_end, target
                    position = hit_end
                    break
            else:
                position += 1


def _accept(text: str, folded: str, start: int, end: int, alias: str) -> bool:
    """Boundary rules that keep an alias from matching inside a longer word."""
    first, last = folded[start], folded[end - 1]
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    if is_ascii_word_char(first) and is_ascii_word_char(before):
        return False
    if is_ascii_word_char(last) and is_ascii_word_char(after):
        return False
    surface = text[start:end]
    if alias.isascii() and any(c.isupper() for c in alias):
        if alias.isupper() and len(alias) <= 5 and surface.upper() != surface:
            return False  # "ASE" the company, not "ase"
        if surface.lower() == surface:
            return False  # "apple", "meta" in running text
    if _CJK_RE.match(last):
        if after == "长" and last in _OFFICE_ENDINGS:
            return False
        if end - start <= 3 and (before + first in _BREAKERS or last + after in _BREAKERS):
            return False
    return True


_MATCHERS: dict[int, tuple[tuple[DirectoryEntry, ...], Matcher]] = {}


def matcher_for(options: Options) -> Matcher:
    """The matcher for this directory, built once per directory object (cached by identity)."""
    cached = _MATCHERS.get(id(options.directory))
    if cached is not None and cached[0] is options.directory:
        return cached[1]
    matcher = Matcher(options.directory)
    if len(_MATCHERS) > 8:
        _MATCHERS.clear()
    _MATCHERS[id(options.directory)] = (options.directory, matcher)
    return matcher


# --- pattern passes -----------------------------------------------------------------------

# fmt: off
# Words after which a name begins: verbs, conjunctions, time words (folded, Simplified).
_CUT_WORDS = tuple(
    sorted(
        {
            to_simplified(word)
            for word in (
                "包括", "包含", "例如", "比如", "如", "與", "和", "及", "以及", "跟", "同", "由",
                "向", "對", "在", "於", "為", "是", "將", "讓", "替", "把", "被", "的", "了", "等",
                "也", "都", "則", "且", "並", "還", "又", "再", "已", "即", "正式", "拜訪", "接見",
                "會見", "訪問", "參訪", "宣布", "宣佈", "表示", "指出", "強調", "透過", "通過",
                "加入", "成立", "邀請", "簽署", "攜手", "聯手", "還有", "其中", "旗下", "今天",
                "昨天", "今年", "去年", "明年", "日前", "近日", "目前", "代表", "出席", "前往",
                "赴", "至", "到", "從", "自", "與會", "獲", "給", "向", "跟", "讚", "稱", "說",
                "指", "曾", "帶領", "率領", "率", "主辦", "舉辦", "收購", "併購", "創下", "協調",
                "入股", "擴大", "設立", "啟用", "另", "而", "但", "或", "並與", "分別", "以",
                "之", "其", "該", "此", "各", "所", "有", "據", "根據", "就", "均", "皆",
            )
        },
        key=len,
        reverse=True,
    )
)
_NATIONALITY = tuple(
    to_simplified(word) for word in ("美商", "台商", "臺商", "日商", "韓商", "陸商", "港商",
                                     "德商", "歐商", "英商", "法商", "外商", "星商")
)
_PLACES = tuple(
    to_simplified(word)
    for word in ("美國", "台灣", "臺灣", "我國", "日本", "中國", "大陸", "韓國", "歐洲", "德國",
                 "英國", "法國", "國內", "海外", "外國", "當地", "全球", "國際", "美", "台", "日")
)
_GENERIC = frozenset(
    to_simplified(word)
    for word in ("科技", "半導體", "電子", "晶片", "能源", "電力", "石油", "鋼鐵", "生技", "醫療",
                 "軟體", "網路", "電信", "金融", "投資", "貿易", "物流", "航空", "國防", "顧問",
                 "控股", "上市", "上櫃", "新創", "外資", "大型", "知名", "相關", "國營", "民營",
                 "跨國", "本土", "子", "母", "分", "總", "本", "貴", "新", "老", "大", "小", "該",
                 "這", "那", "此", "其", "每", "各", "多", "一", "兩", "這家", "該家", "多家",
                 "晶圓代工", "代工", "製造", "製造商", "業者", "廠商", "企業", "商業", "產業",
                 "工業", "同業", "公", "私人", "地方", "國家", "政府", "聯邦", "當地", "所屬",
                 "會員", "台美", "美台", "臺美", "相關單位", "個人", "人", "家")
)
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
    f"([{_CJK}]{{1,4}}?)(部|署|局|委员会|省)(?!长)"
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


def trim_name(run: str) -> str:
    """The name at the end of a run of Chinese characters: cut after the last verb or particle."""
    if run.endswith(_CUT_WORDS):
        return ""
    best = run
    for word in _CUT_WORDS:
        index = run.rfind(word)
        while index >= 0:
            rest = run[index + len(word) :]
            if len(rest) >= 2 and len(rest) < len(best):
                best = rest
                break
            index = run.rfind(word, 0, index)
    return best


def strip_prefixes(name: str) -> str:
    """美商西屋 → 西屋; 美國科技 → 科技 (then judged generic)."""
    changed = True
    while changed:
        changed = False
        for prefix in _NATIONALITY + _PLACES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name, changed = name[len(prefix) :], True
                break
    return name


def _is_generic(core: str) -> bool:
    """True when nothing but generic words is left (科技, 該, 兩家, 美國科技)."""
    core = re.sub(r"^[0-9一二两三四五六七八九十几数多该这那此每各本其]+[家间个所]", "", core)
    for _ in range(4):
        for word in sorted(_GENERIC, key=len, reverse=True):
            if core.endswith(word):
                core = core[: -len(word)]
                break
            if core.startswith(word):
                core = core[len(word) :]
                break
        else:
            break
    return len(core) < 2 or core in _GENERIC


def _run_before(folded: str, end: int, floor: int, limit: int = 12) -> int:
    """Start of the run of Chinese characters that ends at `end` (not before `floor`)."""
    start = end
    while start > max(floor, end - limit) and _CJK_RE.match(folded[start - 1]):
        start -= 1
    return start


def _is_abbreviation(short: str, full: str) -> bool:
    """美台商業協會 abbreviates 美國台灣商業協會: same ends, single characters dropped."""
    if len(short) < 4 or len(short) >= len(full) or short[0] != full[0]:
        return False
    if short[-2:] != full[-2:]:
        return False
    position, gap = 0, 0
    for char in full:
        if position < len(short) and char == short[position]:
            position, gap = position + 1, 0
        else:
            gap += 1
            if gap > 1:
                return False
    return position == len(short)


@dataclass(slots=True)
class _Found:
    target: _Target
    spans: list[Span] = field(default_factory=list)


class _Collector:
    """Gathers spans per organisation and remembers which characters are already claimed."""

    def __init__(self, text: str, folded: str, matcher: Matcher) -> None:
        self.text, self.folded, self.matcher = text, folded, matcher
        self.claimed = bytearray(len(text))
        self.found: dict[str, _Found] = {}
        self.by_name: dict[str, _Target] = {}

    def free(self, start: int, end: int) -> bool:
        return start < end and not any(self.claimed[start:end])

    def add(self, start: int, end: int, target: _Target) -> None:
        found = self.found.setdefault(target.key, _Found(target))
        found.spans.append(Span(start, end, self.text[start:end]))
        self.claimed[start:end] = b"\x01" * (end - start)
        self.by_name.setdefault(self.folded[start:end], target)

    def resolve(self, core: str) -> _Target:
        """The organisation a pattern-found name refers to: known, a member's short form, or new."""
        known = self.by_name.get(core) or self.matcher.lookup(core)
        if known is not None:
            return known
        for key, target in self.matcher.cjk_names:
            if _is_abbreviation(core, key):
                return target
        return _Target(f"new:{core}", self.text_of(core), None)

    def text_of(self, core: str) -> str:
        index = self.folded.find(core)
        return self.text[index : index + len(core)] if index >= 0 else core


def _paren_pass(collector: _Collector) -> None:
    """輝達（NVIDIA）: a Chinese name glossed in Latin letters; both are mentions of one org."""
    folded, text = collector.folded, collector.text
    for match in _PAREN_RE.finditer(folded):
        en_start, en_end = match.span(1)
        english = text[en_start:en_end]
        run_start = _run_before(folded, match.start(), 0)
        if run_start == match.start() or not english[:1].isupper():
            continue
        core_start = match.start() - len(trim_name(folded[run_start : match.start()]))
        core = folded[core_start : match.start()]
        for prefix in _NATIONALITY:
            if core.startswith(prefix) and len(core) - len(prefix) >= 2:
                core, core_start = core[len(prefix) :], core_start + len(prefix)
        if not _org_like(core, english, folded, core_start):
            continue
        target = None
        if not collector.free(core_start, match.start()):
            target = _claimed_target(collector, core_start, match.start())
        elif not _is_generic(strip_prefixes(core)):
            target = collector.resolve(core)
            collector.add(core_start, match.start(), target)
        if target is not None and collector.free(en_start, en_end):
            collector.add(en_start, en_end, target)


def _claimed_target(collector: _Collector, start: int, end: int) -> _Target | None:
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


def _suffix_pass(collector: _Collector) -> None:
    """美商西屋公司, 台灣半導體協會, 美國商務部: names with an institutional suffix."""
    folded = collector.folded
    floor = 0
    for match in _INSTITUTION_RE.finditer(folded):
        if not collector.free(match.start(), match.end()):
            floor = match.end()
            continue
        run_start = _run_before(folded, match.start(), floor, limit=10)
        floor = match.end()
        name = trim_name(folded[run_start : match.start()])
        start = match.start() - len(name)
        for prefix in _NATIONALITY:
            if name.startswith(prefix) and len(name) - len(prefix) >= 2:
                name, start = name[len(prefix) :], start + len(prefix)
        if (
            len(name) < 2
            or _is_generic(strip_prefixes(name))
            or not collector.free(start, match.end())
        ):
            continue
        collector.add(start, match.end(), collector.resolve(folded[start : match.end()]))
    for match in _GOV_RE.finditer(folded):
        if collector.free(*match.span()) and match.group(3) not in _GENERIC:
            collector.add(*match.span(), collector.resolve(match.group()))


def _english_pass(collector: _Collector) -> None:
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


def link_organizations(doc: Document, options: Options) -> Document:
    """Find organisations in `doc.text`, link members, keep surface forms and offsets."""
    text = doc.text
    folded = aligned_fold(text)
    matcher = matcher_for(options)
    collector = _Collector(text, folded, matcher)
    for start, end, target in matcher.scan(text, folded):
        collector.add(start, end, target)
    _paren_pass(collector)
    _suffix_pass(collector)
    _english_pass(collector)
    doc.organizations = [_mention(found) for found in collector.found.values()]
    doc.organizations.sort(key=lambda org: org.spans[0].start)
    return doc


def _mention(found: _Found) -> OrganizationMention:
    spans = sorted(found.spans, key=lambda span: span.start)
    mentions = list(dict.fromkeys(span.text for span in spans))
    # Members keep their directory name; others are named as this text first names them.
    name = found.target.name if found.target.member else mentions[0]
    return OrganizationMention(name, found.target.member, mentions, spans)


def industries_of(doc: Document, options: Options) -> dict[str, list[str]]:
    """Industry slug → mentions of the organisations in `doc` that imply it (for classification)."""
    matcher = matcher_for(options)
    by_member = {t.member: t for t in matcher.targets if t.member is not None}
    implied: dict[str, list[str]] = {}
    for org in doc.organizations:
        target = by_member.get(org.member) if org.member else None
        for mention in org.mentions if target is None else ():
            target = matcher.lookup(aligned_fold(mention)) or target
        for slug in target.industries if target is not None else ():
            implied.setdefault(slug, []).append(org.mentions[0] if org.mentions else org.name)
    return implied
