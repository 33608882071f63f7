"""Stage `find_people`: people named in the text, titles removed, later references folded in.

Reads `text` (through the length-preserving fold) and `organizations` (a person never overlaps
an organisation's span). Writes `people`.

A name is only taken where the text vouches for it: next to a title (行政院長卓榮泰,
鄭麗君副院長, 記者陳家祥, Secretary Jane Doe), or as a Chinese transliteration glossed with a
person-shaped English name (柯拉克（Keith Krach）). Once known, every further occurrence of the
name counts, and so do short references when one known person has that surname (卓院長, 卓表示).
Chinese names must start with a known surname and not with a common word (關於, 全力).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from taimei.core.text import aligned_fold, to_simplified
from taimei.news.pipeline.document import Document, Options, PersonMention, Span
from taimei.news.pipeline.organizations import strip_prefixes, trim_name

# fmt: off
_TITLES_ZH = (
    "總統", "副總統", "院長", "副院長", "部長", "副部長", "次長", "政務次長", "常務次長", "署長",
    "副署長", "局長", "副局長", "處長", "副處長", "司長", "主委", "副主委", "主任委員", "委員",
    "政務委員", "立委", "立法委員", "議員", "參議員", "眾議員", "州長", "副州長", "市長", "副市長",
    "縣長", "大使", "公使", "代表", "總領事", "發言人", "國務卿", "祕書長", "秘書長", "董事長",
    "副董事長", "總經理", "副總經理", "執行長", "營運長", "財務長", "技術長", "總裁", "副總裁",
    "創辦人", "共同創辦人", "主席", "副主席", "會長", "副會長", "理事長", "副理事長", "社長",
    "總監", "經理", "協理", "主任", "校長", "教授", "副教授", "研究員", "分析師", "記者",
    "特派員", "總編輯", "首相", "總理", "國王", "議長", "副議長", "黨主席", "省長", "書記",
    "總書記", "外長", "防長", "商長", "貿易代表", "顧問", "律師", "會計師", "博士", "先生", "女士",
    "總座", "董座", "部長級",
)
_SPEECH = ("表示", "說", "指出", "強調", "提到", "認為", "坦言", "透露", "致詞", "回應", "呼籲",
           "補充", "也說", "則說", "並說", "今天", "今日", "昨天", "今（", "昨（", "於", "也",
           "則", "出席", "率團", "接見", "會見", "首先", "最後", "隨後", "致詞時")
_SURNAMES = (
    "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔡蔣余杜葉程"
    "蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋付方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛"
    "郝龔邵萬錢嚴覃武戴莫孔向湯卓柯賴翁洪游詹施涂歐童辜連官甘凃紀簡邢鄔嚴岳藍莊柳伍溫凌"
    "谷艾彭"
)
_COMPOUND_SURNAMES = ("歐陽", "司馬", "諸葛", "上官", "張簡", "范姜", "司徒", "東方", "皇甫")
# Names never start with these words, though their first character is a surname (關於 → 關).
_NOT_NAMES = (
    "關於", "關係", "高層", "高峰", "高度", "方面", "方案", "方式", "全力", "全球", "全面", "全體",
    "成立", "成功", "成果", "時間", "任何", "任務", "向來", "於是", "林業", "金額", "金融", "江南",
    "黃金", "陳述", "周年", "周邊", "許多", "何時", "曾經", "文化", "史上", "安全", "安排", "國際",
    "國家", "古老", "連續", "連同", "包括", "萬元", "萬人", "石油", "程度", "程序", "雷達", "龍頭",
    "毛利", "宋朝", "唐朝", "秦朝", "向美", "向台", "於台", "於美", "石化", "余額", "杜絕", "韓國",
    "韓元", "蘇聯", "魏晉", "孔子", "湯匙", "洪水", "簡單", "簡報", "莊園", "溫度", "凌晨", "丁點",
    "任期", "任內", "馬上", "田野", "葉片", "白宮", "白皮", "武器", "武力", "江蘇", "岳父", "藍圖",
    "柳暗", "伍佰", "賀電", "顧問", "邱吉", "姚明", "董事", "曹操", "段落", "梁柱", "彭博", "蔣中",
    "連任", "施政", "游說", "詹森", "盧布", "胡說", "高雄", "高科", "高效", "錢幣", "黎明", "賴清",
)
# fmt: on
_TITLE_F = sorted({to_simplified(t) for t in _TITLES_ZH}, key=len, reverse=True)
_SURNAME_F = to_simplified(_SURNAMES)
_COMPOUND_F = tuple(to_simplified(s) for s in _COMPOUND_SURNAMES)
_NOT_NAMES_F = frozenset(to_simplified(w) for w in _NOT_NAMES if w != "賴清")
_SPEECH_F = tuple(sorted({to_simplified(s) for s in _SPEECH}, key=len, reverse=True))
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_CJK_RE = re.compile(f"[{_CJK}]")
_NAME_CHAR = re.compile(f"[{_CJK}A-Za-z]")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
# What may follow a name: a speech verb, a title, or a particle that cannot end a given name
# (艾薩訪台 is 艾薩 visiting Taiwan, not 艾薩訪).
_FOLLOWER = re.compile(
    "|".join(map(re.escape, _SPEECH_F + tuple(_TITLE_F)))
    + "|[访抵赴来与和及等的在将已曾今昨也则并率出、，。]"
)
_TITLE_ALT = "|".join(map(re.escape, _TITLE_F))
_TITLE_RE = re.compile(_TITLE_ALT)
_GLOSS = re.compile(
    rf"(?P<zh>[{_CJK}]{{2,8}})\(\s*(?P<en>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{1,3}})\s*\)"
)
_EN_TITLES = (
    r"President|Vice President|Secretary|Chairman|Chairwoman|Chair|CEO|Governor|Senator|Sen\."
    r"|Representative|Rep\.|Minister|Premier|Ambassador|Director|Commissioner|Mayor|Speaker"
    r"|Chief Executive|Founder|Mr\.|Ms\.|Mrs\.|Dr\.|Professor|Prof\.|spokesperson|spokesman"
)
_EN_PERSON = re.compile(
    rf"\b(?P<title>{_EN_TITLES})\s+"
    rf"(?P<name>[A-Z][a-z]+(?:[ \-][A-Z](?:[a-z]+|\.))?(?:[ \-][A-Z][a-z]+){{0,2}})"
)
_EN_NOT_NAMES = frozenset({"The", "Of", "And", "Trade", "Commerce", "Taiwan", "United", "Office"})


@dataclass(slots=True)
class _Person:
    name: str
    title: str | None
    spans: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # folded names that refer to this person


class _People:
    """The people found so far, with the characters organisations and people already own."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.folded = aligned_fold(self.text)
        self.cased = _cased(self.text, self.folded)
        self.claimed = bytearray(len(self.text))
        for org in doc.organizations:
            for span in org.spans:
                self.claimed[span.start : span.end] = b"\x01" * (span.end - span.start)
        self.people: dict[str, _Person] = {}

    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.claimed) and not any(self.claimed[start:end])

    def add(self, key: str, start: int, end: int, title: str | None = None) -> _Person | None:
        """Record a mention of the person known by folded name `key`."""
        if not self.free(start, end):
            return None
        person = self.people.get(key)
        if person is None:
            owner = next((p for p in self.people.values() if key in p.aliases), None)
            person = owner or self.people.setdefault(key, _Person(self.text[start:end], title))
        person.aliases.add(key)
        person.title = person.title or title
        person.spans.append(Span(start, end, self.text[start:end]))
        self.claimed[start:end] = b"\x02" * (end - start)
        return person


def _cased(text: str, folded: str) -> str:
    """Folded Chinese with the original capitals, for English names next to Chinese ones:
    `folded` with the text's ASCII characters put back (run by run, not a step per character).
    """
    parts: list[str] = []
    last = 0
    for run in _ASCII_RUN.finditer(text):
        parts += (folded[last : run.start()], run.group())
        last = run.end()
    parts.append(folded[last:])
    return "".join(parts)


def _surname_length(name: str) -> int:
    """1 or 2 when `name` starts with a surname (2 for 歐陽), else 0."""
    if name.startswith(_COMPOUND_F):
        return 2
    return 1 if name[:1] and name[0] in _SURNAME_F else 0


def _chinese_name(candidate: str) -> str | None:
    """The personal name at the start of `candidate`: surname + one or two characters."""
    surname = _surname_length(candidate)
    if not surname or candidate[:2] in _NOT_NAMES_F:
        return None
    if _FOLLOWER.match(candidate, surname + 1):
        return candidate[: surname + 1]
    name = candidate[: surname + 2]
    return name if len(name) == surname + 2 else None


def _title_before(folded: str, start: int, title: str) -> str:
    """The full title ending at `start`: 行政院長, 經濟部國際貿易局局長, 貿協董事長."""
    begin = start - len(title)
    run = begin
    while run > max(0, begin - 10) and _NAME_CHAR.match(folded[run - 1]):
        run -= 1
    office = trim_name(folded[run:begin])
    return folded[begin - len(office) : start]


def _titled_names(found: _People) -> None:
    """行政院長卓榮泰, 記者陳家祥, 鄭麗君副院長, 主席柯拉克（Keith Krach）."""
    folded, text = found.folded, found.text
    for match in _TITLE_RE.finditer(folded):
        start, end = match.span()
        full_title = _title_before(folded, end, match.group())
        title = text[end - len(full_title) : end]
        gloss = _GLOSS.match(found.cased, end)
        name = _chinese_name(folded[end : end + 8])
        if gloss is not None and len(gloss.group("zh")) <= 5:
            _add_gloss(found, gloss, title)
        elif name is not None:
            found.add(name, end, end + len(name), title)
        else:
            _name_before(found, start, end)


def _name_before(found: _People, start: int, end: int) -> None:
    """鄭麗君副院長: a full name right before the title (three characters, else two)."""
    for size in (3, 2):
        name = found.folded[max(0, start - size) : start]
        if len(name) == size and _chinese_name(name + "。") == name:
            found.add(name, start - size, start, found.text[start:end])
            return


def _add_gloss(found: _People, gloss: re.Match[str], title: str | None = None) -> None:
    """A transliterated name with its original: one person, two mentions."""
    zh_start = gloss.start("zh")
    while not found.free(zh_start, gloss.end("zh")) and zh_start < gloss.end("zh"):
        zh_start += 1
    run = found.folded[zh_start : gloss.end("zh")]
    zh_start += len(run) - len(_trimmed(run))
    zh = found.folded[zh_start : gloss.end("zh")]
    if len(zh) < 2:
        return
    person = found.add(zh, zh_start, gloss.end("zh"), title) or found.people.get(zh)
    if person is not None:
        person.aliases.add(gloss.group("en"))
        found.add(zh, *gloss.span("en"))


def _trimmed(run: str) -> str:
    """The name at the end of a run: after verbs and places (而美國川普 → 川普)."""
    return strip_prefixes(trim_name(run))


def _glossed_names(found: _People) -> None:
    """川普（Donald Trump）: a person-shaped English gloss makes the Chinese a person's name."""
    for gloss in _GLOSS.finditer(found.cased):
        english = found.text[gloss.start("en") : gloss.end("en")]
        if english.split()[0] in _EN_NOT_NAMES or not found.free(*gloss.span("en")):
            continue
        if found.free(gloss.end("zh") - 2, gloss.end("zh")):
            _add_gloss(found, gloss)


def _english_names(found: _People) -> None:
    """Secretary Jane Doe, Chairman Keith Krach, CEO Lisa Su."""
    for match in _EN_PERSON.finditer(found.cased):
        name = match.group("name")
        if name.split()[0] in _EN_NOT_NAMES:
            continue
        found.add(name, *match.span("name"), match.group("title"))


def _repeat_mentions(found: _People) -> None:
    """Every later occurrence of a known name, and 卓院長/卓表示 when the surname is unique."""
    for key, person in list(found.people.items()):
        for alias in sorted(person.aliases, key=len, reverse=True):
            source = found.folded if _is_cjk(alias) else found.text
            for start, end in _occurrences(alias, source):
                if _is_cjk(alias) or _word_bounded(found.text, start, end):
                    found.add(key, start, end)
    by_surname: dict[str, list[str]] = {}
    for key in found.people:
        if _is_cjk(key) and _surname_length(key):
            by_surname.setdefault(key[: _surname_length(key)], []).append(key)
    for surname, keys in by_surname.items():
        if len(keys) == 1:
            _short_references(found, surname, keys[0])


def _occurrences(needle: str, haystack: str) -> Iterator[tuple[int, int]]:
    """Non-overlapping occurrences, left to right (str.find: no pattern compiled per name)."""
    position = haystack.find(needle) if needle else -1
    while position >= 0:
        end = position + len(needle)
        yield position, end
        position = haystack.find(needle, end)


def _short_references(found: _People, surname: str, key: str) -> None:
    """卓院長 / 卓表示: a bare surname before a title or a speech verb, after a boundary."""
    folded = found.folded
    position = folded.find(surname)
    while position >= 0:
        end = position + len(surname)
        boundary = position == 0 or not _CJK_RE.match(folded[position - 1])
        if boundary and _FOLLOWER.match(folded, end) and folded[end : end + 1] not in "、，。":
            found.add(key, position, end)
        position = folded.find(surname, end)


def _is_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def find_people(doc: Document, options: Options) -> Document:
    """People in `doc.text` with titles split off and every reference gathered."""
    found = _People(doc)
    _titled_names(found)
    _glossed_names(found)
    _english_names(found)
    _repeat_mentions(found)
    doc.people = []
    for person in found.people.values():
        spans = sorted(person.spans, key=lambda span: span.start)
        mentions = list(dict.fromkeys(span.text for span in spans))
        doc.people.append(PersonMention(person.name, mentions, spans, person.title))
    doc.people.sort(key=lambda person: person.spans[0].start)
    return doc
