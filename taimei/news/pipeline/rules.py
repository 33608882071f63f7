"""Data: the boilerplate, caption, byline and credit rules the extract stage applies.

Each rule has a name (recorded in `metadata["removed"]` when it fires), a kind that says what
the extract stage does with a match, and a pattern. Patterns are matched against a paragraph
whose full-width digits, letters and brackets were folded to half width, so `（１３日）` and
`(13日)` are one case. Named groups carry what a rule lifts into the document (`author`,
`editor`, `roc_stamp`, `date`, ...).

Kinds:
- `drop`: the whole paragraph is boilerplate (widgets, promos, share bars, copyright lines).
- `block`: a heading that opens a related-links block; it and the teaser lines after it go.
- `caption`: the paragraph is a photo caption; it moves to `captions`.
- `byline`: the match (at the start of an early paragraph) names the author; text after it
  stays, so the dateline sentence survives.
- `credit`: the match (editor, translator, reporting credits) moves into metadata.
- `stamp`: the match (ROC date stamp, end mark) at the end of the last paragraph goes.
- `trailing`: after the article, a line matching this is an unrelated teaser.
- `bio`: after the article, a note about the author ("Doe covers trade for ..."); a rule with a
  `name` group fires only when that name is the byline's author.
- `lead`: in plain text, header lines before the article (date line).
- `zone`: source hints (outlet, URL, feed-mirror region tag) that say which time zone a naive
  publication time is in.

`max_length` keeps a rule from touching long paragraphs; `sentences` says whether the rule may
remove a paragraph that reads as a real sentence (ends in sentence punctuation and has a
clause break). Recall of the body matters more than anything, so most rules may not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One named pattern and what the extract stage does when it matches."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    max_length: int | None = None
    sentences: bool = False


@dataclass(frozen=True, slots=True)
class ZoneRule:
    """A hint about the source that says which time zone its naive times are written in."""

    name: str
    kind: str  # "zone"
    pattern: re.Pattern[str]
    zone: str


def _zone(name: str, pattern: str, zone: str, flags: int = 0) -> ZoneRule:
    return ZoneRule(name, "zone", re.compile(pattern, flags), zone)


def _rule(
    name: str,
    kind: str,
    pattern: str,
    max_length: int | None = None,
    *,
    sentences: bool = False,
    flags: int = re.IGNORECASE,
) -> Rule:
    return Rule(name, kind, re.compile(pattern, flags), max_length, sentences)


# Chinese names: 2–4 Han characters (or a transliterated name with the middle dot).
_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,5}"
_NAMES = rf"{_NAME}(?:\s*[、,，及與和]\s*{_NAME})*"
_OUTLETS = (
    r"自由時報|聯合報|聯合新聞網|中國時報|中時新聞網|工商時報|經濟日報|蘋果日報|ETtoday|東森新聞"
    r"|三立新聞|TVBS|民視|公視|台視|華視|中視|鏡週刊|鏡新聞|上報|風傳媒|新頭殼|Newtalk|今周刊"
    r"|商業周刊|天下雜誌|數位時代|科技新報|鉅亨網|中央社|NOWnews|今日新聞|太報|匯流新聞網"
)
_REPORTER = (
    r"(?:本報|本报)?(?:實習|实习|特派|駐[\u4e00-\u9fff]{1,4}|驻[\u4e00-\u9fff]{1,4}|文字)?"
    r"(?:記者|记者)"
)
_EN_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_EN_DATE = (
    rf"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    rf"(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_EN_MONTH}\s+\d{{4}})"
)
_EN_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|del|bin)){0,3}"

DROP_RULES: tuple[Rule, ...] = (
    _rule(
        "subscription",
        "drop",
        r"訂閱.{0,24}電子報|電子報.{0,10}訂閱|[订訂]阅.{0,24}[电電]子[报報]|感謝您的訂閱"
        r"|請輸入(?:正確的)?電子(?:信箱|郵件)|輸入您?的?(?:電子信箱|email)"
        r"|subscribe to (?:our|the) .{0,30}newsletter|sign up for (?:our|the) .{0,30}newsletter"
        r"|^(?:subscribe|訂閱|立即訂閱|免費訂閱)(?:\s*(?:now|today))?\s*[!！]?$",
        120,
    ),
    _rule(
        "feed_mirror_promo",
        "drop",
        r"[获獲]取更多\s*RSS|更多\s*RSS\s*[订訂][阅閱]|feedx\.(?:net|xyz|cc|top)|RSS\s*feed\s*by"
        r"|^\s*更多[订訂][阅閱]源\s*[:：]?\s*$|^\s*get more (?:rss )?feeds\s*[:：]?\s*$",
        200,
        sentences=True,
    ),
    _rule("url_only", "drop", r"^\s*(?:https?://\S+\s*)+$", 400, sentences=True),
    _rule(
        "share_bar",
        "drop",
        r"^(?:(?:分享|分享到|分享至|分享此文|轉寄|列印|收藏|複製連結|複製網址|share(?: this)?"
        r"(?: article| story| on)?|tweet|print|email|e-mail|facebook|line|twitter|x|telegram"
        r"|whatsapp|linkedin|copy link|留言|回到頂端|back to top)\s*[|｜/:：,·•]?\s*)+$",
        80,
        sentences=True,
    ),
    _rule(
        "app_social_promo",
        "drop",
        r"下載.{0,12}APP|加入.{0,12}LINE\s*(?:好友|官方|@)|追蹤.{0,16}(?:IG|Instagram|粉絲專頁|粉專"
        r"|臉書|Facebook|YouTube|頻道)|按讚.{0,12}粉絲|點我(?:看|加入|下載|訂閱|追蹤)|點此(?:看|訂閱|下載)"
        r"|[关關]注.{0,12}(?:微信|公[众眾][号號]|微博|[头頭]条[号號])"
        r"|^follow us on|download (?:our|the) app"
        r"|^\s*[👉☞➤]",
        90,
    ),
    _rule(
        "copyright",
        "drop",
        r"版權所有|版权所有|未經(?:授權|許可|同意).{0,12}(?:轉載|重製|使用)|未经授权.{0,6}转载"
        r"|all rights reserved|^©|^\s*copyright\s*(?:©|\(c\))?\s*\d{4}",
        120,
        sentences=True,
    ),
    _rule(
        "advertisement",
        "drop",
        r"^(?:廣告|广告|advertisement|sponsored(?: content)?|贊助內容|ad|推廣)\s*$",
        20,
        sentences=True,
    ),
    _rule("related_link_bullet", "drop", r"^\s*[►▶➜➔→⇒]", 90),
    _rule(
        "report_prompt",
        "drop",
        r"^(?:我要投稿|新聞爆料|爆料請|有話要說|投稿請|本文經授權轉載|原文網址|更多.{0,12}報導[：:]?$)",
        80,
    ),
    # A feed reposter's notice: 本文由RSS自動轉載，內容以原網站為準.
    _rule(
        "repost_notice",
        "drop",
        r"^\s*本文(?:由|经|經)?.{0,12}(?:自動|自动)?(?:轉載|转载|轉貼|转贴)(?:自|於|于)?"
        r"|[內内]容以原[網网]站[為为]準|[內内]容以原[網网]站为准|^\s*this (?:article|story|post) "
        r"(?:was|is) (?:automatically )?(?:republished|reposted|syndicated) from",
        80,
        sentences=True,
    ),
    # A link that only leads to the full text: 閱讀更多, 阅读全文, Continue reading ».
    _rule(
        "read_more_link",
        "drop",
        r"^\s*[\[【<(]?\s*(?:閱讀更多|阅读更多|閱讀全文|阅读全文|繼續閱讀|继续阅读|看全文|查看全文|全文[連链]結"
        r"|點[擊此我]?閱讀|点击阅读|continue reading|keep reading"
        r"|read (?:the )?full (?:story|article)"
        r"|read more\s*(?:[>»›→…]+|\.{3}))\s*[\]】>)]?\s*(?:[>»›→…]+|\.{3})?\s*$",
        40,
        sentences=True,
    ),
    # "Read next: <headline>", "Also on our site: <headline>": a labelled teaser for another
    # story. The label and its colon are the anchor; what follows is another headline.
    _rule(
        "labelled_teaser",
        "drop",
        r"^\s*(?:read next|read more|read also|also read|most read|most popular|popular now"
        r"|trending(?: now)?|also on (?:our (?:site|website)|this site|[\w-]+\.(?:com|org|net|tw))"
        r"|see also|related(?: story| article)?|recommended"
        r"|don'?t miss|editor'?s picks?|more from [\w .&'-]{2,30}|up next"
        r"|延伸閱讀|延伸阅读|相關新聞|相关新闻|相關報導|相关报道|推薦閱讀|推荐阅读|熱門新聞|热门新闻"
        r"|看更多|更多新聞|更多新闻|你可能也想看)\s*[:：|｜]\s*\S.{0,110}$",
        140,
        sentences=True,
    ),
    # "Follow <outlet> on LinkedIn for daily updates."
    _rule(
        "social_follow",
        "drop",
        r"^\s*(?:follow|like|join|find|subscribe to) (?:us|[A-Z][\w&.'’ -]{1,40}?) on (?:LinkedIn|X"
        r"|Twitter|Facebook|Instagram|Threads|YouTube|WhatsApp|Telegram|LINE|Bluesky|Mastodon"
        r"|TikTok|Google News|WeChat)\b",
        140,
        sentences=True,
    ),
)

BLOCK_RULES: tuple[Rule, ...] = (
    _rule(
        "related_block",
        "block",
        r"^[【〔\[]?\s*(?:延伸閱讀|延伸阅读|相關新聞|相关新闻|相關報導|相关报道|相關文章|更多新聞|更多新闻"
        r"|看更多|更多精彩|推薦閱讀|推荐阅读|熱門新聞|热门新闻|你可能也想看|你可能會喜歡|猜你喜歡|編輯推薦"
        r"|最新新聞|本日熱門|熱門推薦|今日熱門"
        r"|related(?: articles| stories| news| coverage| content)?"
        r"|read more|read next|more from .{1,30}|most read|most popular|recommended(?: for you)?"
        r"|you may also like|see also|more stories|trending)\s*[】〕\]]?\s*[：:]?\s*$",
        40,
        sentences=True,
    ),
)

CAPTION_RULES: tuple[Rule, ...] = (
    _rule("caption_triangle", "caption", r"^\s*[▲▼△▽]", None, sentences=True),
    _rule(
        "caption_photo_credit",
        "caption",
        r"[(\[](?:圖|图|圖片|图片|照片|攝影|摄影|資料照|资料照|翻攝|翻摄|示意圖|示意图|圖文|影像|截圖)"
        r"\s*[/／:：][^)\]]{0,40}[)\]]\s*$",
        240,
        sentences=True,
    ),
    _rule(
        "caption_label", "caption", r"^\s*(?:圖說|图说|圖片說明|圖片來源|图片来源)\s*[:：/／]", 240
    ),
    _rule(
        "caption_english",
        "caption",
        r"^\s*(?:photo|image|picture|pictured|caption|file photo|photograph)"
        r"(?:\s*(?:credit|courtesy|by))?\s*[:：]|\((?:photo|image|picture)[^)]{0,60}\)\s*$"
        r"|^\s*(?:file )?(?:photo|photograph|image|picture)s?\s+(?:courtesy(?: of)?|by|via)"
        r"\s+(?:the\s+)?[A-Z]"
        r"|\b(?:REUTERS|AP Photo|AFP(?: via Getty Images)?|Getty Images|Bloomberg)"
        r"\s*/\s*[A-Z][\w .'-]+$",
        320,
        sentences=True,
    ),
)

BYLINE_RULES: tuple[Rule, ...] = (
    # （中央社記者楊舒晴台北13日電）, （中央社華盛頓12日綜合外電報導）: the dateline stays text.
    _rule(
        "byline_agency_dateline",
        "byline",
        r"^[(](?P<agency>中央社|中新社|法新社|路透社?|美聯社|共同社|韓聯社|德新社)"
        r"(?:記者(?P<who>[^()]{2,40}?))?(?P<place>[\u4e00-\u9fff]{1,8}?)"
        r"(?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日(?:綜合外電|綜合|專)?電(?:報導)?\s*[)]",
    ),
    # 新华社北京1月27日电（记者张三、李四）
    _rule(
        "byline_xinhua",
        "byline",
        r"^(?P<agency>新华社|新華社|中新社|中新网|中新網|人民网|人民網)(?P<place>[\u4e00-\u9fff]{1,8}?)"
        rf"\d{{1,2}}月\d{{1,2}}日[电電]\s*(?:[(](?:记者|記者)\s*(?P<author>{_NAMES})\s*[)])?\s*",
    ),
    # 記者陳家祥／台北報導, 〔記者王小明／台北報導〕, 自由時報記者…／…報導, 聯合報／記者…／即時報導
    _rule(
        "byline_reporter",
        "byline",
        rf"^[〔【\[(]?\s*(?:(?P<outlet>{_OUTLETS})\s*[/／]?\s*)?{_REPORTER}\s*(?P<author>{_NAMES})"
        r"\s*[/／]\s*(?P<place>[\u4e00-\u9fff]{0,8}?)(?:綜合|即時|综合|即时)?(?:報導|报道|報道)"
        r"\s*[〕】\])]?\s*",
        80,
    ),
    # 記者陳家祥 (the whole line)
    _rule(
        "byline_reporter_line",
        "byline",
        rf"^[〔【\[(]?\s*(?:(?P<outlet>{_OUTLETS})\s*[/／]?\s*)?{_REPORTER}\s*(?P<author>{_NAMES})"
        r"\s*(?:[/／]\s*(?:攝影|摄影))?\s*[〕】\])]?\s*$",
        40,
    ),
    # 文／王小明, 撰文：王小明, 作者：王小明 (a whole short line)
    _rule(
        "byline_writer",
        "byline",
        r"^(?:文|撰文|文字|採訪|採訪撰文|作者|文．圖|文・圖|圖文|整理|编译|編譯|口述)\s*[/／:：]\s*"
        r"(?P<author>[^\s/／:：，,。]{2,20})(?:\s+(?:攝影|摄影|圖|照片)\s*[/／:：]\s*\S{2,20})?\s*$",
        60,
    ),
    # 國際中心／綜合報導, 編譯王小明／綜合外電
    _rule(
        "byline_desk",
        "byline",
        r"^(?P<author>[\u4e00-\u9fff]{0,6}中心|編譯[\u4e00-\u9fff]{2,4}|编译[\u4e00-\u9fff]{2,4})\s*[/／]"
        r"\s*[\u4e00-\u9fff]{0,6}?(?:綜合|综合)?(?:外電)?(?:報導|报道|外電)\s*$",
        40,
    ),
    # (By Jane Doe) at the head of the first paragraph, as English wire services write it.
    _rule(
        "byline_english_parenthesized",
        "byline",
        rf"^\s*\(\s*(?:By|BY|by)\s+(?P<author>{_EN_NAME}(?:(?:\s*,\s*|\s+and\s+){_EN_NAME})*)"
        r"\s*\)\s*",
        120,
        sentences=True,
        flags=0,
    ),
    # By Jane Doe, By JANE DOE and JOHN ROE, By Jane Doe, Reuters
    _rule(
        "byline_english",
        "byline",
        rf"^\s*(?:By|BY|by)\s+(?P<author>{_EN_NAME}(?:(?:\s*,\s*|\s+and\s+){_EN_NAME})*)"
        r"(?:\s*[,|–—-]\s*(?P<outlet>[A-Z][\w .&'-]{1,40}))?\s*$",
        120,
        flags=0,
    ),
)

CREDIT_RULES: tuple[Rule, ...] = (
    _rule(
        "editor_credit",
        "credit",
        r"[(\[]\s*(?:責任|责任)?(?:編輯|编辑|責編|责编)\s*[:：/／]\s*(?P<editor>[^()\[\]]{1,20}?)\s*[)\]]",
    ),
    _rule(
        "translator_credit",
        "credit",
        r"[(]\s*(?:譯者|译者)\s*[:：]\s*(?P<translator>[^()/／]{1,12}?)\s*(?:[/／]\s*(?:核稿|审稿)"
        r"\s*[:：]\s*(?P<reviewer>[^()]{1,12}?))?\s*[)]",
    ),
    _rule(
        "editor_line",
        "credit",
        r"^\s*(?:責任編輯|责任编辑|編輯|编辑|核稿編輯)\s*[:：/／]\s*(?P<editor>\S{2,12})\s*$",
        30,
    ),
    # (Reporting by Jane Doe in Taipei; Editing by John Roe): a whole trailing line.
    _rule(
        "wire_credits",
        "credit",
        r"^\s*\(?\s*(?P<credits>(?:(?:Additional )?Reporting|Writing|Editing|Compiled|Research)"
        r" by [^()]+?)\s*\)?\s*$",
        300,
        sentences=True,
    ),
    # "... the ministry said. (Reporting by Jane Doe; Editing by John Roe)": glued to a paragraph.
    _rule(
        "wire_credits_inline",
        "credit",
        r"(?<=[.!?\"”’])\s*\(\s*(?P<credits>(?:(?:Additional )?Reporting|Writing|Editing) by"
        r" [^()]{2,200}?)\s*\)\s*$",
        sentences=True,
    ),
    # 來源：中央社, 来源：台海网: the outlet a story was taken from, on its own line.
    _rule(
        "source_line",
        "credit",
        r"^\s*[(（\[【]?\s*(?:來源|来源|稿源|新聞來源|新闻来源|文章來源|文章来源|出處|出处)\s*[:：/／]\s*"
        r"(?P<origin>[^\s，,。；;:：]{2,30})\s*[)）\]】]?\s*$",
        40,
    ),
    _rule(
        "source_line_english",
        "credit",
        r"^\s*Source\s*:\s*(?P<origin>[A-Z][\w.&' -]{1,40})\s*$",
        50,
        flags=0,
    ),
    # "……。（來源：經濟日報）" at the end of a paragraph.
    _rule(
        "source_credit",
        "credit",
        r"[(（]\s*(?:來源|来源|稿源)\s*[:：/／]\s*(?P<origin>[^()（）]{2,20}?)\s*[)）]\s*$",
    ),
)

STAMP_RULES: tuple[Rule, ...] = (
    # CNA ends its stories with the ROC date: 1090813 = 民國109年8月13日 = 2020-08-13.
    _rule(
        "roc_stamp",
        "stamp",
        r"(?:(?<=[)\]。」』!！?？.\s])|^)(?P<roc_stamp>(?:0?[89]\d|1[0-4]\d)(?:0[1-9]|1[0-2])"
        r"(?:0[1-9]|[12]\d|3[01]))\s*$",
    ),
    _rule("end_mark", "stamp", r"[(]\s*(?:完|全文完|end)\s*[)]\s*$|^\s*(?:#{3}|-30-)\s*$"),
    # English wire services close with a tag and the editor's initials: "... said. Enditem/kw".
    _rule(
        "wire_end_tag",
        "stamp",
        r"(?:(?<=[.!?\"”’)\]\s])|^)\s*(?:Enditem|ENDITEM)(?:\s*/\s*[A-Za-z]{1,5})?\s*$",
        flags=0,
    ),
)

BIO_RULES: tuple[Rule, ...] = (
    # "Doe covers manufacturing for the Example Report.", "Jane Doe is a reporter for ...".
    _rule(
        "author_bio_english",
        "bio",
        r"^(?!.*\b(?:said|says|told)\b)\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})"
        r"\s+(?:covers|reports on"
        r"|writes about|writes for|reported from|contributed (?:reporting|to this)"
        r"|is (?:a|an|the) (?:[\w-]+\s+){0,4}"
        r"(?:reporter|correspondent|writer|editor|columnist|contributor|journalist)\b)",
        200,
        sentences=True,
        flags=0,
    ),
    # （作者為中華經濟研究院研究員）: an op-ed's note on its author, in brackets, after the article.
    _rule(
        "author_note_chinese",
        "bio",
        r"^\s*[(（]\s*(?:作者|本文作者)(?:為|为|是|係|系)[^()（）]{2,60}[)）]\s*$",
        80,
        sentences=True,
    ),
)

TRAILING_RULES: tuple[Rule, ...] = (
    _rule("trailing_dated_teaser", "trailing", r"^\d{1,2}/\d{1,2}\s+\S", 60, sentences=True),
    _rule("trailing_bracket_teaser", "trailing", r"^【[^】]{1,30}】", 90),
    _rule(
        "trailing_flash_teaser", "trailing", r"^(?:快訊|獨家|直播|影音|影|圖輯|最新)\s*[/／]", 60
    ),
)

LEAD_RULES: tuple[Rule, ...] = (
    _rule(
        "lead_date_line",
        "lead",
        r"^\s*(?:date|日期|發布時間|發佈時間|发布时间|更新時間|更新时间|published|posted|updated)?\s*[:：]?"
        r"\s*(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
        rf"|{_EN_DATE}(?:,?\s+\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?)\s*$",
        60,
        sentences=True,
    ),
)

# Dateline places, to split 記者楊舒晴台北 into the reporter and the place.
_PLACES_TEXT = """
台北 臺北 新北 桃園 新竹 苗栗 台中 臺中 彰化 南投 雲林 嘉義 台南 臺南 高雄 屏東
宜蘭 花蓮 台東 臺東 澎湖 金門 馬祖 基隆 連江 台北市 新北市 桃園市 台中市 台南市 高雄市
華盛頓 紐約 舊金山 洛杉磯 休士頓 芝加哥 波士頓 西雅圖 亞特蘭大 達拉斯 奧斯汀 邁阿密
鳳凰城 聖荷西 矽谷 檀香山 東京 大阪 首爾 北京 上海 香港 澳門 新加坡 倫敦 巴黎 柏林
布魯塞爾 日內瓦 莫斯科 雪梨 墨爾本 曼谷 河內 胡志明市 雅加達 馬尼拉 吉隆坡 新德里
孟買 杜拜 溫哥華 多倫多 渥太華 羅馬 馬德里 阿姆斯特丹 海牙 維也納 華沙 布拉格 基輔
耶路撒冷 特拉維夫 開羅 約翰尼斯堡 聖保羅 墨西哥城 布宜諾斯艾利斯 聯合國
"""
PLACES: tuple[str, ...] = tuple(_PLACES_TEXT.split())

# Section names scraped pages print above the headline.
_SECTIONS_TEXT = """
政治 財經 財金 國際 社會 生活 地方 兩岸 大陸 中國 科技 產經 產業 證券 股市 金融 娛樂
體育 運動 健康 醫療 旅遊 論壇 評論 要聞 焦點 即時 綜合 房產 房地產 汽車 文化 教育
軍武 國防 軍事 外交 環境 能源 消費 職場 時事 全球 國內 台灣 臺灣 美國 亞洲 商業 經濟
投資 理財 新創 半導體 AI 财经 国际 社会 两岸 大陆 产经 证券 娱乐 体育 要闻 焦点 经济
投资 军事 台湾 美国 亚洲 国内 时事 产业 证券 金融 科创 港澳 环球 评论
Politics Business World Tech Technology Markets Economy Finance Opinion Asia
Taiwan China US U.S. Americas Energy Health Science Companies Industry Trade Policy
"""
SECTIONS: frozenset[str] = frozenset(_SECTIONS_TEXT.split())

# --- publication dates and time zones --------------------------------------------------------

# Where a page's head states its publication time, best first (property, name or itemprop).
DATE_META: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "parsely-pub-date",
    "sailthru.date",
)
# JSON-LD keys (schema.org) for the same, best first.
DATE_JSON_LD: tuple[str, ...] = ("datePublished", "dateCreated")
# Elements whose text states the date when no field does: <span class="date">, the byline.
DATE_ELEMENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:date\w*|time(?:stamp)?|pub-?date|published|publish-?time|post-?(?:date|time|meta)"
    r"|article-?(?:date|time|info|meta)|dateline|byline|meta|entry-?meta)(?=$|[\s_-])",
    re.IGNORECASE,
)
# ...and only when that text carries a year: a Gregorian one or an ROC one (114年).
DATE_ELEMENT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<!\d)1\d{2}\s*年")
DATE_ELEMENT_MAX = 120

# Zone abbreviations a date may carry ("10:30 a.m. ET", "EST", "台北時間").
ZONE_ABBREVIATIONS: dict[str, str] = {
    **dict.fromkeys(("ET", "EST", "EDT"), "America/New_York"),
    **dict.fromkeys(("CT", "CDT"), "America/Chicago"),
    **dict.fromkeys(("MT", "MST", "MDT"), "America/Denver"),
    **dict.fromkeys(("PT", "PST", "PDT"), "America/Los_Angeles"),
    **dict.fromkeys(("HKT",), "Asia/Hong_Kong"),
    **dict.fromkeys(("JST",), "Asia/Tokyo"),
    **dict.fromkeys(("KST",), "Asia/Seoul"),
    **dict.fromkeys(("台北時間", "臺北時間", "台灣時間", "臺灣時間", "台湾时间"), "Asia/Taipei"),
    **dict.fromkeys(("北京時間", "北京时间"), "Asia/Shanghai"),
}

# What the source says about itself (URL host, outlet or site name, a feed mirror's region tag
# such as "(臺)中央社CNA"), tried in order before anything the text says.
ZONE_RULES: tuple[ZoneRule, ...] = (
    _zone("zone_region_tag_taiwan", r"^\s*[(（](?:臺|台)[)）]", "Asia/Taipei"),
    _zone("zone_region_tag_mainland", r"^\s*[(（](?:陸|陆)[)）]", "Asia/Shanghai"),
    _zone("zone_region_tag_hong_kong", r"^\s*[(（]港[)）]", "Asia/Hong_Kong"),
    _zone("zone_region_tag_us", r"^\s*[(（]美[)）]", "America/New_York"),
    _zone("zone_domain_taiwan", r"\.tw(?=[/:]|$)", "Asia/Taipei", re.IGNORECASE),
    _zone("zone_domain_mainland", r"\.cn(?=[/:]|$)", "Asia/Shanghai", re.IGNORECASE),
    _zone("zone_domain_hong_kong", r"\.hk(?=[/:]|$)", "Asia/Hong_Kong", re.IGNORECASE),
    _zone(
        "zone_taiwanese_outlet",
        rf"\b(?:Taiwan|Taipei|Formosa|Kaohsiung|Taichung|Tainan|Hsinchu|CNA)\b|台灣|臺灣|{_OUTLETS}",
        "Asia/Taipei",
    ),
    _zone(
        "zone_mainland_outlet",
        r"新华|新華|人民[网網日]|中新[网網社]|央视|环球时报|環球時報|中国日报|台海网"
        r"|\b(?:Xinhua|China Daily|Global Times|CGTN|Caixin|People's Daily)\b",
        "Asia/Shanghai",
    ),
)

# Naive times by language when the source says nothing: Simplified Chinese is a mainland
# source; English is a U.S. outlet (the platform's English sources are American) whose zone
# is that of a U.S. place named in its dateline or headline, else Eastern. Traditional
# Chinese takes the configured default (Asia/Taipei).
LANGUAGE_ZONES: dict[str, str] = {"zh-Hans": "Asia/Shanghai", "en": "America/New_York"}

# U.S. states and cities (and Taiwan, for English datelines) and their zones. A local U.S.
# outlet names its state in its name ("Ohio Commerce Journal"), its dateline ("DALLAS —") or
# its headline ("Texas builder courts Taiwanese suppliers").
_PLACE_ZONES_TEXT = {
    "America/New_York": """
        Connecticut|Delaware|Florida|Georgia|Indiana|Kentucky|Maine|Maryland|Massachusetts
        |Michigan|New Hampshire|New Jersey|New York|North Carolina|Ohio|Pennsylvania
        |Rhode Island|South Carolina|Vermont|Virginia|West Virginia|Washington D.C.
        |Washington, D.C.|Washington DC|D.C.|Washington|Atlanta|Boston|Miami|Orlando|Tampa
        |Jacksonville|Philadelphia|Pittsburgh|Detroit|Baltimore|Raleigh|Cleveland|Cincinnati
        |Norfolk|Brooklyn|Manhattan|Wall Street|Savannah|Newark|Albany|Hartford|Indianapolis
        |Louisville""",
    "America/Chicago": """
        Alabama|Arkansas|Illinois|Iowa|Kansas|Louisiana|Minnesota|Mississippi|Missouri|Nebraska
        |North Dakota|South Dakota|Oklahoma|Tennessee|Texas|Wisconsin|Chicago|Dallas|Houston
        |Austin|San Antonio|Fort Worth|El Paso|Nashville|Memphis|New Orleans|Minneapolis
        |Milwaukee|St. Louis|Kansas City|Omaha|Oklahoma City|Tulsa|Des Moines""",
    "America/Denver": """
        Colorado|Utah|New Mexico|Montana|Wyoming|Idaho|Denver|Salt Lake City|Albuquerque|Boise""",
    "America/Phoenix": "Arizona|Phoenix|Tucson|Scottsdale",
    "America/Los_Angeles": """
        California|Nevada|Oregon|Washington State|Seattle|Los Angeles|San Francisco|San Diego
        |San Jose|Silicon Valley|Bay Area|Sacramento|Oakland|Las Vegas|Santa Clara|Cupertino""",
    "America/Anchorage": "Alaska|Anchorage",
    "Pacific/Honolulu": "Hawaii|Honolulu",
    "Asia/Taipei": "Taiwan|Taipei|New Taipei|Kaohsiung|Taichung|Tainan|Hsinchu|Taoyuan",
}
_PLACES_BY_ZONE = {
    zone: [" ".join(name.split()) for name in text.split("|")]
    for zone, text in _PLACE_ZONES_TEXT.items()
}
PLACE_ZONES: dict[str, str] = {
    name.casefold(): zone for zone, names in _PLACES_BY_ZONE.items() for name in names
}
# Any of those places written as a name (Title Case), the longest first: "Washington State"
# before "Washington", "Kansas City" before "Kansas".
PLACE_NAME = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(
        re.escape(name)
        for name in sorted((n for ns in _PLACES_BY_ZONE.values() for n in ns), key=len)[::-1]
    )
    + r")(?![\w])"
)
# "DALLAS —", "TAIPEI, Nov 3 (Reuters) -", "HOUSTON, Texas (AP) —" at the head of a story.
ENGLISH_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,30}?)(?:,\s*[A-Z][A-Za-z.]{1,14})?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s"
)

# DOM: elements removed before extraction, and class/id fragments that mark boilerplate blocks.
DROP_TAGS: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "iframe",
    "nav",
    "aside",
)
BOILERPLATE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:subscri\w*|newsletter\w*|epaper\w*|share\w*|social\w*|related\w*|recommend\w*"
    r"|promo\w*|sponsor\w*|advert\w*|ads?|adsbygoogle|banner|breadcrumbs?|comments?|popular\w*"
    r"|more-?news|readmore|read-more|tags?|toolbar|copyright|signup|paywall|outbrain|taboola"
    r"|app-?download)(?=$|[\s_-])",
    re.IGNORECASE,
)
CAPTION_TAGS: tuple[str, ...] = ("figcaption",)
CAPTION_CLASS = re.compile(
    r"(?:^|[\s_-])(?:caption|photo-?caption|img-?caption|pic-?desc)(?=$|[\s_-])", re.I
)

# Outlets and job titles that follow an English byline's names: "By Jane Doe, Reuters".
AUTHOR_SUFFIX = re.compile(
    r"\s*[,|–—-]\s*(?:Reuters|Associated Press|AP|AFP|Bloomberg|CNA|Focus Taiwan|Nikkei Asia"
    r"|Taipei Times|(?:[\w.]+\s+){0,3}(?:Correspondent|Reporter|Writer|Editor|Staff|Contributor))$",
    re.IGNORECASE,
)

# Full-width ASCII and the ideographic space folded to half width, one character for one, so
# a match on the folded paragraph cuts the original at the same offsets.
WIDTH_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20
}
