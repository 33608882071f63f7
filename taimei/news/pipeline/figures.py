"""Stages `find_amounts` and `find_percentages`: money as value + ISO currency, and percentages.

Both read `text` and `language` and match on a length-preserving fold of the text (full-width
digits, 億/亿, 萬/万 compare equal) so spans point into the original. `find_amounts` writes
`amounts`, `find_percentages` writes `percentages`.

Money needs a currency: a word or sign before or after the number (新台幣1000億元, US$12
billion, 400億美元, 15兆元, 4千億日圓), or a bare 億/兆 figure right after a money word
(預算2,500億). Counted things (50萬個工作機會, 1000家企業, 5位州長) and years never carry a
currency, so they are never money. A bare 元 is NT$ in Taiwanese (Traditional) text and CNY in
Simplified text; 兆 is 10^12 and 萬億 is 10^12 as written on the mainland.

Percentage points (3.5個百分點, 2 percentage points) are reported as percentages with their
surface text, so the unit stays visible to a reader; a range (10%至15%, 10至15%) yields both ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taimei.core.text import aligned_fold
from taimei.news.pipeline.document import Amount, Document, Options, Percentage, Span

# cn2an parses none of 400億美元, 15兆元 or 1兆2000億 (it has no 兆) and fails on mixed
# Arabic/Chinese forms, so this small parser of digits + 十百千 + 萬億兆 magnitudes is written
# by hand (FIELD-NOTES.md).
# fmt: off
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8, "兆": 10**12}
_ENGLISH_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
                  "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12}

# fmt: on
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = "零〇一二两三四五六七八九"
# After the first part, every repeated part starts with a Chinese numeral or unit (1兆2000亿,
# 四百亿): two digit runs are never adjacent, so a long run of digits cannot backtrack
# exponentially (the earlier `(?:\d+|…)*` form hung on hostile input).
_NUMBER = (
    rf"(?:{_ARABIC}|[{_CN}十](?:点[{_CN}]+)?)"
    rf"(?:[{_CN}十百千万亿兆多余](?:点[{_CN}]+)?(?:{_ARABIC})?)*"
)
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|mn|bn|tn|[mbk])(?![a-z]))"
# The characters a number starts with. The finders below begin with a lookahead for these (and
# their own first words), so a scan skips other positions in C without trying each alternative.
_NUMBER_START = rf"\d{_CN}十"


def parse_number(expression: str) -> float | None:
    """Value of 1,000 / 1.2万亿 / 1兆2000亿 / 四百 / 两千 / 二点五 / 4千; None if not a number."""
    tokens = re.findall(rf"{_ARABIC}|[{_CN}]+(?:点[{_CN}]+)?|[十百千万亿兆]", expression)
    if not tokens or "".join(tokens) != re.sub(r"[多余]", "", expression):
        return None
    total = section = 0.0
    current: float | None = None
    largest = 1
    for token in tokens:
        if token in _SMALL:
            section += (current if current is not None else 1) * _SMALL[token]
            current = None
        elif token in _LARGE:
            unit = _LARGE[token]
            segment = section + (current or 0)
            if unit > largest:
                total, largest = (total + segment) * unit, unit
            else:
                total += segment * unit
            section, current = 0.0, None
        else:
            current = _atom(token)
    return total + section + (current or 0)


def _atom(token: str) -> float:
    """An Arabic number or a run of Chinese digits (二〇二〇 → 2020, 二点五 → 2.5)."""
    if token[0].isdigit():
        return float(token.replace(",", ""))
    whole, _, fraction = token.partition("点")
    value = float("".join(str(_DIGITS[char]) for char in whole))
    if fraction:
        value += float("0." + "".join(str(_DIGITS[char]) for char in fraction))
    return value


# fmt: off
_CURRENCY_WORDS = {
    "USD": ("美元", "美金", "us$", "usd", "u.s. dollars", "us dollars", "dollars", "dollar", "$"),
    "TWD": ("新台币", "台币", "nt$", "ntd", "twd", "nt dollars", "new taiwan dollars"),
    "CNY": ("人民币", "rmb", "cny", "yuan", "renminbi"),
    "JPY": ("日圆", "日元", "日币", "jpy", "yen", "¥"),
    "EUR": ("欧元", "eur", "euros", "euro", "€"),
    "HKD": ("港元", "港币", "hk$", "hkd"),
    "GBP": ("英镑", "gbp", "pounds", "£"),
    "KRW": ("韩元", "韩币", "krw", "won"),
}
# fmt: on
_CURRENCY_OF = {word: code for code, words in _CURRENCY_WORDS.items() for word in words}
_PREFIXES = sorted(
    [
        w
        for w in _CURRENCY_OF
        if w
        not in {
            "dollars",
            "dollar",
            "yuan",
            "euros",
            "euro",
            "yen",
            "pounds",
            "won",
            "renminbi",
            "u.s. dollars",
            "us dollars",
            "nt dollars",
            "new taiwan dollars",
        }
    ],
    key=len,
    reverse=True,
)
_SUFFIXES = sorted(
    [w for w in _CURRENCY_OF if not any(c in w for c in "$€£¥")], key=len, reverse=True
)
_ALT = "|".join
_PREFIX_START = re.escape("".join(sorted({word[0] for word in _PREFIXES})))
_MONEY_RE = re.compile(
    rf"(?=[{_PREFIX_START}{_NUMBER_START}])"
    rf"(?:(?P<pre>{_ALT(re.escape(w) for w in _PREFIXES)})\s?"
    rf"(?P<pnum>{_NUMBER})(?P<pscale>{_SCALE})?"
    rf"(?:\s?(?P<psuf>元|块))?"
    rf"|(?<![0-9a-z.,$])(?P<num>{_NUMBER})(?P<scale>{_SCALE})?\s?"
    rf"(?P<suf>元(?:人民币|新台币|美元)?(?![素化组次旦月首件])|"
    rf"{_ALT(re.escape(w) for w in _SUFFIXES if not w.isascii())}|"
    rf"(?:{_ALT(re.escape(w) for w in _SUFFIXES if w.isascii())})(?![a-z])))"
)
# A bare 億/兆 figure counts as money only straight after one of these words.
_MONEY_CUES = (
    "金额",
    "投资",
    "预算",
    "资金",
    "产值",
    "营收",
    "营业额",
    "成本",
    "经费",
    "出口额",
    "进口额",
    "贸易额",
    "市值",
    "获利",
    "净利",
    "融资",
    "补助",
    "补贴",
    "花费",
    "价值",
    "采购",
    "订单",
    "收入",
    "支出",
    "税收",
    "规模",
    "砸",
    "斥资",
    "投入",
    "募资",
    "拨款",
    "基金",
    "总额",
    "产额",
    "亏损",
)
_BARE_RE = re.compile(rf"(?P<cue>{_ALT(_MONEY_CUES)})[^,，。;；!?！？\n]{{0,6}}?(?P<num>{_NUMBER})")
_COUNTER_AFTER = re.compile(r"\s?[个家名位人只台辆件次吨股颗片条张座间所项户笔届年月日天岁倍度瓦]")


def _local_currency(language: str | None) -> str:
    """What a bare 元 means: NT$ unless the text is mainland Simplified."""
    return "CNY" if language == "zh-Hans" else "TWD"


def _money(folded: str, language: str | None) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, value, currency) for every sum of money in the folded text."""
    taken: list[tuple[int, int]] = []
    for match in _MONEY_RE.finditer(folded):
        number = match.group("pnum") or match.group("num")
        scale = match.group("pscale") or match.group("scale")
        word = (match.group("pre") or match.group("suf") or "").strip()
        if match.group("num") and not match.group("pre") and _is_year_or_count(number, word):
            continue
        value = parse_number(number)
        if value is None or value == 0:
            continue
        if scale:
            value *= _ENGLISH_SCALE[scale.strip()]
        currency = _currency(word, match.group("psuf"), language)
        taken.append(match.span())
        yield match.start(), match.end(), value, currency
    for match in _BARE_RE.finditer(folded):
        start, end = match.span("num")
        number = match.group("num")
        if not re.search("[亿兆]", number) or any(s < end and start < e for s, e in taken):
            continue
        if _COUNTER_AFTER.match(folded, end):
            continue
        value = parse_number(number)
        if value:
            yield start, end, value, _local_currency(language)


def _currency(word: str, after: str | None, language: str | None) -> str:
    """ISO code for the currency word; 元 and 块 take the local currency."""
    if word.startswith("元"):
        tail = word[1:]
        return _CURRENCY_OF[tail] if tail else _local_currency(language)
    if word in {"块"} or (not word and after):
        return _local_currency(language)
    return _CURRENCY_OF.get(word, _local_currency(language))


def _is_year_or_count(number: str, word: str) -> bool:
    """ "2020 dollars"-style false friends: a plain four-digit year before a currency word."""
    return bool(re.fullmatch(r"(19|20)\d\d", number)) and word in {"dollars", "dollar"}


def find_amounts(doc: Document, options: Options) -> Document:
    """Every sum of money in `doc.text` as value in units + ISO currency + surface text."""
    text = doc.text
    folded = aligned_fold(text)
    found = sorted(_money(folded, doc.language))
    doc.amounts = [
        Amount(_number(value), currency, text[start:end], Span(start, end, text[start:end]))
        for start, end, value, currency in found
    ]
    _spread_ranges(doc, folded)
    return doc


def _spread_ranges(doc: Document, folded: str) -> None:
    """10至15億美元: the lower end borrows the upper end's magnitude and currency."""
    lows: list[Amount] = []
    for amount in doc.amounts:
        if amount.span is not None:
            lows.extend(_range_low_amount(doc.text, folded, amount, amount.span))
    doc.amounts = sorted(doc.amounts + lows, key=lambda a: a.span.start if a.span else 0)


_MONEY_RANGE_BEFORE = re.compile(rf"(?<![0-9a-z.,$])({_NUMBER})\s?(?:至|到|~|～|-|–)\s?$")


def _range_low_amount(text: str, folded: str, amount: Amount, span: Span) -> list[Amount]:
    """The lower end of a money range, or nothing when there is none."""
    match = _MONEY_RANGE_BEFORE.search(folded[max(0, span.start - 20) : span.start])
    high = re.match(_NUMBER, folded[span.start :])
    if match is None or high is None:
        return []
    low_text = match.group(1)
    high_value = parse_number(high.group())
    if not re.search("[万亿兆]", low_text):
        low_text += re.sub(r"^.*?([十百千万亿兆]*)$", r"\1", high.group())
    low_value = parse_number(low_text)
    if not low_value or not high_value or low_value * amount.value / high_value >= amount.value:
        return []
    start = span.start - len(match.group())
    end = start + len(match.group(1))
    value = _number(low_value * amount.value / high_value)
    return [Amount(value, amount.currency, text[start:end], Span(start, end, text[start:end]))]


def _number(value: float) -> float:
    """Round away float noise (1.2 × 10^12 → 1200000000000.0)."""
    return float(round(value, 6)) if value < 1e6 else float(round(value))


_PERCENT_RE = re.compile(
    rf"(?=[百{_NUMBER_START}])"
    rf"(?:百分之(?P<cn>{_NUMBER})"
    rf"|(?<![0-9a-z.,$])(?P<num>{_NUMBER})\s?"
    rf"(?P<unit>%|percent(?:age points?)?(?![a-z])|per cent|pct|个百分点|百分点))"
)
_RANGE_BEFORE = re.compile(rf"(?<![0-9a-z.,$])({_NUMBER})\s?(?:%\s?)?(?:至|到|~|～|-|–|to)\s?$")


def find_percentages(doc: Document, options: Options) -> Document:
    """Every percentage in `doc.text`: 15%, １５％, 百分之二十, 20 percent, 3.5個百分點."""
    text = doc.text
    folded = aligned_fold(text)
    found: list[Percentage] = []
    for match in _PERCENT_RE.finditer(folded):
        number = match.group("cn") or match.group("num")
        value = parse_number(number)
        if value is None:
            continue
        start, end = match.span()
        found.extend(_range_low(text, folded, start))
        found.append(Percentage(_number(value), text[start:end], Span(start, end, text[start:end])))
    unique = {p.span.start: p for p in found if p.span is not None}
    doc.percentages = [unique[key] for key in sorted(unique)]
    return doc


def _range_low(text: str, folded: str, start: int) -> list[Percentage]:
    """The bare lower end of 10至15% (10%至15% is found on its own)."""
    match = _RANGE_BEFORE.search(folded[max(0, start - 20) : start])
    if match is None or "%" in match.group():
        return []
    low_start = start - len(match.group())
    low_end = low_start + len(match.group(1))
    value = parse_number(match.group(1))
    if value is None:
        return []
    surface = text[low_start:low_end]
    return [Percentage(_number(value), surface, Span(low_start, low_end, surface))]
