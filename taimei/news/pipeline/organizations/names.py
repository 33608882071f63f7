"""Name trimming: where a name found by a pattern begins, and whether anything specific is left.

Chinese has no spaces, so a name that ends in a suffix (…公司, …協會) or stands before a Latin
gloss is cut out of the run of characters before it: after the last verb, particle or time word
(`trim_name`), without a nationality or place prefix (`strip_prefixes`), and rejected when only
generic words remain (`is_generic`: 科技公司, 兩家企業).
"""

from __future__ import annotations

import re

from taimei.core.text import to_simplified
from taimei.news.pipeline.organizations.aliases import CJK_RE

# fmt: off
# Words after which a name begins: verbs, conjunctions, time words (folded, Simplified).
CUT_WORDS = tuple(
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
                "擴建", "擴產", "興建", "投產", "量產", "推出", "發表", "採用", "導入", "委託",
                "呼籲", "提醒", "估計", "預估", "統計", "認為", "希望", "承作", "補助", "核准",
                "公告", "公布", "發布", "子公司", "母公司", "啟動", "推動", "發起", "組成", "籌組",
                "號召", "投入",
            )
        },
        key=len,
        reverse=True,
    )
)
NATIONALITY = tuple(
    to_simplified(word) for word in ("美商", "台商", "臺商", "日商", "韓商", "陸商", "港商",
                                     "德商", "歐商", "英商", "法商", "外商", "星商")
)
PLACES = tuple(
    to_simplified(word)
    for word in ("美國", "台灣", "臺灣", "我國", "日本", "中國", "大陸", "韓國", "歐洲", "德國",
                 "英國", "法國", "國內", "海外", "外國", "當地", "全球", "國際", "美", "台", "日")
)
GENERIC = frozenset(
    to_simplified(word)
    for word in ("科技", "半導體", "電子", "晶片", "能源", "電力", "石油", "鋼鐵", "生技", "醫療",
                 "軟體", "網路", "電信", "金融", "投資", "貿易", "物流", "航空", "國防", "顧問",
                 "控股", "上市", "上櫃", "新創", "外資", "大型", "知名", "相關", "國營", "民營",
                 "跨國", "本土", "子", "母", "分", "總", "本", "貴", "新", "老", "大", "小", "該",
                 "這", "那", "此", "其", "每", "各", "多", "一", "兩", "這家", "該家", "多家",
                 "晶圓代工", "代工", "製造", "製造商", "業者", "廠商", "企業", "商業", "產業",
                 "工業", "同業", "公", "私人", "地方", "國家", "政府", "聯邦", "當地", "所屬",
                 "會員", "台美", "美台", "臺美", "相關單位", "個人", "人", "家", "策略", "戰略",
                 "供應鏈", "夥伴", "在地", "本地", "各地", "外地")
)
# Words of names that hold a one-character cut word (自行車, 同業公會, 有限公司, 對外貿易).
_HOLDERS = frozenset(
    to_simplified(word)
    for word in ("自行", "自動", "自由", "自主", "自然", "自來", "同業", "同步", "共同", "協同",
                 "大同", "有限", "有機", "對外", "和平", "中和", "永和", "以色", "之星", "之家",
                 "至善", "為民", "等級", "所得", "在地")
)
# U.S. states: after 美國 they make the country a mere descriptor (美國阿拉斯加…公司).
US_STATES = tuple(
    to_simplified(word)
    for word in ("阿拉巴馬", "阿拉斯加", "亞利桑那", "阿肯色", "加州", "加利福尼亞", "科羅拉多",
                 "康乃狄克", "德拉瓦", "佛州", "佛羅里達", "喬治亞", "夏威夷", "愛達荷", "伊利諾",
                 "印第安納", "愛荷華", "堪薩斯", "肯塔基", "路易斯安那", "緬因", "馬里蘭", "麻州",
                 "麻薩諸塞", "密西根", "密歇根", "明尼蘇達", "密西西比", "密蘇里", "蒙大拿",
                 "內布拉斯加", "內華達", "新罕布夏", "紐澤西", "新澤西", "新墨西哥", "紐約",
                 "北卡", "北達科他", "俄亥俄", "奧克拉荷馬", "俄勒岡", "奧勒岡", "賓州",
                 "賓夕法尼亞", "羅德島", "南卡", "南達科他", "田納西", "德州", "德克薩斯",
                 "得克薩斯", "猶他", "佛蒙特", "維吉尼亞", "弗吉尼亞", "華盛頓州", "西維吉尼亞",
                 "威斯康辛", "懷俄明")
)
_COUNTRY = tuple(to_simplified(word) for word in ("美國", "美"))

# fmt: on


def _holds(run: str, index: int, word: str) -> bool:
    """True when a one-character cut word at `index` belongs to a word of a name (自行車)."""
    return len(word) == 1 and (
        run[index : index + 2] in _HOLDERS or run[max(0, index - 1) : index + 1] in _HOLDERS
    )


def trim_name(run: str) -> str:
    """The name at the end of a run of Chinese characters: cut after the last verb or particle.

    The shortest tail of at least two characters that a cut word ends right before; "" when
    the run itself ends in a cut word. Set lookups per position, not a search per word.
    """
    if _cut_before(run, len(run)):
        return ""
    for end in range(len(run) - 2, 0, -1):
        if _cut_before(run, end):
            return run[end:]
    return run


_CUT_SET = frozenset(CUT_WORDS)
_CUT_LENGTHS = tuple(sorted({len(word) for word in CUT_WORDS}))


def _cut_before(run: str, end: int) -> bool:
    """True when a cut word ends at `end` and is not part of a word of the name."""
    for length in _CUT_LENGTHS:
        start = end - length
        if start < 0:
            break
        word = run[start:end]
        if word in _CUT_SET and not _holds(run, start, word):
            return True
    return False


def strip_prefixes(name: str) -> str:
    """美商西屋 → 西屋; 美國科技 → 科技 (then judged generic)."""
    changed = True
    while changed:
        changed = False
        for prefix in NATIONALITY + PLACES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name, changed = name[len(prefix) :], True
                break
    return name


def strip_country_before_state(name: str) -> str:
    """美國阿拉斯加天然氣開發公司 → 阿拉斯加天然氣開發公司: the state already says where."""
    for country in _COUNTRY:
        rest = name[len(country) :]
        if name.startswith(country) and rest.startswith(US_STATES) and len(rest) >= 4:
            return rest
    return name


def is_generic(core: str) -> bool:
    """True when nothing but generic words is left (科技, 該, 兩家, 美國科技)."""
    core = re.sub(r"^[0-9一二两三四五六七八九十几数多该这那此每各本其]+[家间个所]", "", core)
    for _ in range(4):
        for word in sorted(GENERIC, key=len, reverse=True):
            if core.endswith(word):
                core = core[: -len(word)]
                break
            if core.startswith(word):
                core = core[len(word) :]
                break
        else:
            break
    return len(core) < 2 or core in GENERIC


def run_before(folded: str, end: int, floor: int, limit: int = 12) -> int:
    """Start of the run of Chinese characters that ends at `end` (not before `floor`)."""
    start = end
    while start > max(floor, end - limit) and CJK_RE.match(folded[start - 1]):
        start -= 1
    return start


def is_abbreviation(short: str, full: str) -> bool:
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
