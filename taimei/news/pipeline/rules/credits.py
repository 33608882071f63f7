"""People and provenance: bylines, credits, stamps, notes on the author, dateline places."""

from __future__ import annotations

import re

from taimei.news.pipeline.rules.base import EN_NAME, NAMES, OUTLETS, REPORTER, Rule, rule

BYLINE_RULES: tuple[Rule, ...] = (
    # （中央社記者楊舒晴台北13日電）, （中央社華盛頓12日綜合外電報導）: the dateline stays text.
    rule(
        "byline_agency_dateline",
        "byline",
        r"^[(](?P<agency>中央社|中新社|法新社|路透社?|美聯社|共同社|韓聯社|德新社)"
        r"(?:記者(?P<who>[^()]{2,40}?))?(?P<place>[\u4e00-\u9fff]{1,8}?)"
        r"(?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日(?:綜合外電|綜合|專)?電(?:報導)?\s*[)]",
    ),
    # 新华社北京1月27日电（记者张三、李四）
    rule(
        "byline_xinhua",
        "byline",
        r"^(?P<agency>新华社|新華社|中新社|中新网|中新網|人民网|人民網)(?P<place>[\u4e00-\u9fff]{1,8}?)"
        rf"\d{{1,2}}月\d{{1,2}}日[电電]\s*(?:[(](?:记者|記者)\s*(?P<author>{NAMES})\s*[)])?\s*",
    ),
    # 記者陳家祥／台北報導, 〔記者王小明／台北報導〕, 自由時報記者…／…報導, 聯合報／記者…／即時報導
    rule(
        "byline_reporter",
        "byline",
        rf"^[〔【\[(]?\s*(?:(?P<outlet>{OUTLETS})\s*[/／]?\s*)?{REPORTER}\s*(?P<author>{NAMES})"
        r"\s*[/／]\s*(?P<place>[\u4e00-\u9fff]{0,8}?)(?:綜合|即時|综合|即时)?(?:報導|报道|報道)"
        r"\s*[〕】\])]?\s*",
        80,
    ),
    # 記者陳家祥 (the whole line)
    rule(
        "byline_reporter_line",
        "byline",
        rf"^[〔【\[(]?\s*(?:(?P<outlet>{OUTLETS})\s*[/／]?\s*)?{REPORTER}\s*(?P<author>{NAMES})"
        r"\s*(?:[/／]\s*(?:攝影|摄影))?\s*[〕】\])]?\s*$",
        40,
    ),
    # 文／王小明, 撰文：王小明, 作者：王小明 (a whole short line)
    rule(
        "byline_writer",
        "byline",
        r"^(?:文|撰文|文字|採訪|採訪撰文|作者|文．圖|文・圖|圖文|整理|编译|編譯|口述)\s*[/／:：]\s*"
        r"(?P<author>[^\s/／:：，,。]{2,20})(?:\s+(?:攝影|摄影|圖|照片)\s*[/／:：]\s*\S{2,20})?\s*$",
        60,
    ),
    # 國際中心／綜合報導, 編譯王小明／綜合外電
    rule(
        "byline_desk",
        "byline",
        r"^(?P<author>[\u4e00-\u9fff]{0,6}中心|編譯[\u4e00-\u9fff]{2,4}|编译[\u4e00-\u9fff]{2,4})\s*[/／]"
        r"\s*[\u4e00-\u9fff]{0,6}?(?:綜合|综合)?(?:外電)?(?:報導|报道|外電)\s*$",
        40,
    ),
    # (By Jane Doe) at the head of the first paragraph, as English wire services write it.
    rule(
        "byline_english_parenthesized",
        "byline",
        rf"^\s*\(\s*(?:By|BY|by)\s+(?P<author>{EN_NAME}(?:(?:\s*,\s*|\s+and\s+){EN_NAME})*)"
        r"\s*\)\s*",
        120,
        sentences=True,
        flags=0,
    ),
    # By Jane Doe, By JANE DOE and JOHN ROE, By Jane Doe, Reuters
    rule(
        "byline_english",
        "byline",
        rf"^\s*(?:By|BY|by)\s+(?P<author>{EN_NAME}(?:(?:\s*,\s*|\s+and\s+){EN_NAME})*)"
        r"(?:\s*[,|–—-]\s*(?P<outlet>[A-Z][\w .&'-]{1,40}))?\s*$",
        120,
        flags=0,
    ),
)

CREDIT_RULES: tuple[Rule, ...] = (
    rule(
        "editor_credit",
        "credit",
        r"[(\[]\s*(?:責任|责任)?(?:編輯|编辑|責編|责编)\s*[:：/／]\s*(?P<editor>[^()\[\]]{1,20}?)\s*[)\]]",
    ),
    rule(
        "translator_credit",
        "credit",
        r"[(]\s*(?:譯者|译者)\s*[:：]\s*(?P<translator>[^()/／]{1,12}?)\s*(?:[/／]\s*(?:核稿|审稿)"
        r"\s*[:：]\s*(?P<reviewer>[^()]{1,12}?))?\s*[)]",
    ),
    rule(
        "editor_line",
        "credit",
        r"^\s*(?:責任編輯|责任编辑|編輯|编辑|核稿編輯)\s*[:：/／]\s*(?P<editor>\S{2,12})\s*$",
        30,
    ),
    # (Reporting by Jane Doe in Taipei; Editing by John Roe): a whole trailing line.
    rule(
        "wire_credits",
        "credit",
        r"^\s*\(?\s*(?P<credits>(?:(?:Additional )?Reporting|Writing|Editing|Compiled|Research)"
        r" by [^()]+?)\s*\)?\s*$",
        300,
        sentences=True,
    ),
    # "... the ministry said. (Reporting by Jane Doe; Editing by John Roe)": glued to a paragraph.
    rule(
        "wire_credits_inline",
        "credit",
        r"(?<=[.!?\"”’])\s*\(\s*(?P<credits>(?:(?:Additional )?Reporting|Writing|Editing) by"
        r" [^()]{2,200}?)\s*\)\s*$",
        sentences=True,
    ),
    # 來源：中央社, 来源：台海网: the outlet a story was taken from, on its own line.
    rule(
        "source_line",
        "credit",
        r"^\s*[(（\[【]?\s*(?:來源|来源|稿源|新聞來源|新闻来源|文章來源|文章来源|出處|出处)\s*[:：/／]\s*"
        r"(?P<origin>[^\s，,。；;:：]{2,30})\s*[)）\]】]?\s*$",
        40,
    ),
    rule(
        "source_line_english",
        "credit",
        r"^\s*Source\s*:\s*(?P<origin>[A-Z][\w.&' -]{1,40})\s*$",
        50,
        flags=0,
    ),
    # "……。（來源：經濟日報）" at the end of a paragraph.
    rule(
        "source_credit",
        "credit",
        r"[(（]\s*(?:來源|来源|稿源)\s*[:：/／]\s*(?P<origin>[^()（）]{2,20}?)\s*[)）]\s*$",
    ),
)

STAMP_RULES: tuple[Rule, ...] = (
    # CNA ends its stories with the ROC date: 1090813 = 民國109年8月13日 = 2020-08-13.
    rule(
        "roc_stamp",
        "stamp",
        r"(?:(?<=[)\]。」』!！?？.\s])|^)(?P<roc_stamp>(?:0?[89]\d|1[0-4]\d)(?:0[1-9]|1[0-2])"
        r"(?:0[1-9]|[12]\d|3[01]))\s*$",
    ),
    rule("end_mark", "stamp", r"[(]\s*(?:完|全文完|end)\s*[)]\s*$|^\s*(?:#{3}|-30-)\s*$"),
    # English wire services close with a tag and the editor's initials: "... said. Enditem/kw".
    rule(
        "wire_end_tag",
        "stamp",
        r"(?:(?<=[.!?\"”’)\]\s])|^)\s*(?:Enditem|ENDITEM)(?:\s*/\s*[A-Za-z]{1,5})?\s*$",
        flags=0,
    ),
)

BIO_RULES: tuple[Rule, ...] = (
    # "Doe covers manufacturing for the Example Report.", "Jane Doe is a reporter for ...".
    rule(
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
    rule(
        "author_note_chinese",
        "bio",
        r"^\s*[(（]\s*(?:作者|本文作者)(?:為|为|是|係|系)[^()（）]{2,60}[)）]\s*$",
        80,
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


# Outlets and job titles that follow an English byline's names: "By Jane Doe, Reuters".
AUTHOR_SUFFIX = re.compile(
    r"\s*[,|–—-]\s*(?:Reuters|Associated Press|AP|AFP|Bloomberg|CNA|Focus Taiwan|Nikkei Asia"
    r"|Taipei Times|(?:[\w.]+\s+){0,3}(?:Correspondent|Reporter|Writer|Editor|Staff|Contributor))$",
    re.IGNORECASE,
)
