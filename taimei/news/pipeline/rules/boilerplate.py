"""Furniture: whole paragraphs to drop, related-link blocks, captions, teasers, header lines."""

from __future__ import annotations

import re

from taimei.news.pipeline.rules.base import EN_DATE, Rule, rule

DROP_RULES: tuple[Rule, ...] = (
    rule(
        "subscription",
        "drop",
        r"訂閱.{0,24}電子報|電子報.{0,10}訂閱|[订訂]阅.{0,24}[电電]子[报報]|感謝您的訂閱"
        r"|請輸入(?:正確的)?電子(?:信箱|郵件)|輸入您?的?(?:電子信箱|email)"
        r"|subscribe to (?:our|the) .{0,30}newsletter|sign up for (?:our|the) .{0,30}newsletter"
        r"|^(?:subscribe|訂閱|立即訂閱|免費訂閱)(?:\s*(?:now|today))?\s*[!！]?$",
        120,
    ),
    rule(
        "feed_mirror_promo",
        "drop",
        r"[获獲]取更多\s*RSS|更多\s*RSS\s*[订訂][阅閱]|feedx\.(?:net|xyz|cc|top)|RSS\s*feed\s*by"
        r"|^\s*更多[订訂][阅閱]源\s*[:：]?\s*$|^\s*get more (?:rss )?feeds\s*[:：]?\s*$",
        200,
        sentences=True,
        starts=r"获獲更frg\s",
    ),
    rule("url_only", "drop", r"^\s*(?:https?://\S+\s*)+$", 400, sentences=True),
    rule(
        "share_bar",
        "drop",
        r"^(?:(?:分享|分享到|分享至|分享此文|轉寄|列印|收藏|複製連結|複製網址|share(?: this)?"
        r"(?: article| story| on)?|tweet|print|email|e-mail|facebook|line|twitter|x|telegram"
        r"|whatsapp|linkedin|copy link|留言|回到頂端|back to top)\s*[|｜/:：,·•]?\s*)+$",
        80,
        sentences=True,
    ),
    rule(
        "app_social_promo",
        "drop",
        r"下載.{0,12}APP|加入.{0,12}LINE\s*(?:好友|官方|@)|追蹤.{0,16}(?:IG|Instagram|粉絲專頁|粉專"
        r"|臉書|Facebook|YouTube|頻道)|按讚.{0,12}粉絲|點我(?:看|加入|下載|訂閱|追蹤)|點此(?:看|訂閱|下載)"
        r"|[关關]注.{0,12}(?:微信|公[众眾][号號]|微博|[头頭]条[号號])"
        r"|^follow us on|download (?:our|the) app"
        r"|^\s*[👉☞➤]",
        90,
    ),
    rule(
        "copyright",
        "drop",
        r"版權所有|版权所有|未經(?:授權|許可|同意).{0,12}(?:轉載|重製|使用)|未经授权.{0,6}转载"
        r"|all rights reserved|^©|^\s*copyright\s*(?:©|\(c\))?\s*\d{4}",
        120,
        sentences=True,
        starts=r"版未a©c\s",
    ),
    rule(
        "advertisement",
        "drop",
        r"^(?:廣告|广告|advertisement|sponsored(?: content)?|贊助內容|ad|推廣)\s*$",
        20,
        sentences=True,
    ),
    rule("related_link_bullet", "drop", r"^\s*[►▶➜➔→⇒]", 90),
    rule(
        "report_prompt",
        "drop",
        r"^(?:我要投稿|新聞爆料|爆料請|有話要說|投稿請|本文經授權轉載|原文網址|更多.{0,12}報導[：:]?$)",
        80,
    ),
    # A feed reposter's notice: 本文由RSS自動轉載，內容以原網站為準.
    rule(
        "repost_notice",
        "drop",
        r"^\s*本文(?:由|经|經)?.{0,12}(?:自動|自动)?(?:轉載|转载|轉貼|转贴)(?:自|於|于)?"
        r"|[內内]容以原[網网]站[為为]準|[內内]容以原[網网]站为准|^\s*this (?:article|story|post) "
        r"(?:was|is) (?:automatically )?(?:republished|reposted|syndicated) from",
        80,
        sentences=True,
    ),
    # A link that only leads to the full text: 閱讀更多, 阅读全文, Continue reading ».
    rule(
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
    rule(
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
    rule(
        "social_follow",
        "drop",
        r"^\s*(?:follow|like|join|find|subscribe to) (?:us|[A-Z][\w&.'’ -]{1,40}?) on (?:LinkedIn|X"
        r"|Twitter|Facebook|Instagram|Threads|YouTube|WhatsApp|Telegram|LINE|Bluesky|Mastodon"
        r"|TikTok|Google News|WeChat)(?![\w-])",
        140,
        sentences=True,
    ),
)

BLOCK_RULES: tuple[Rule, ...] = (
    rule(
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
    rule("caption_triangle", "caption", r"^\s*[▲▼△▽]", None, sentences=True),
    rule(
        "caption_photo_credit",
        "caption",
        r"[(\[](?:圖|图|圖片|图片|照片|攝影|摄影|資料照|资料照|翻攝|翻摄|示意圖|示意图|圖文|影像|截圖)"
        r"\s*[/／:：][^)\]]{0,40}[)\]]\s*$",
        240,
        sentences=True,
    ),
    rule(
        "caption_label", "caption", r"^\s*(?:圖說|图说|圖片說明|圖片來源|图片来源)\s*[:：/／]", 240
    ),
    rule(
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
        starts=r"\s(picfrgab",
    ),
)


TRAILING_RULES: tuple[Rule, ...] = (
    rule("trailing_dated_teaser", "trailing", r"^\d{1,2}/\d{1,2}\s+\S", 60, sentences=True),
    rule("trailing_bracket_teaser", "trailing", r"^【[^】]{1,30}】", 90),
    rule("trailing_flash_teaser", "trailing", r"^(?:快訊|獨家|直播|影音|影|圖輯|最新)\s*[/／]", 60),
)

LEAD_RULES: tuple[Rule, ...] = (
    rule(
        "lead_date_line",
        "lead",
        r"^\s*(?:date|日期|發布時間|發佈時間|发布时间|更新時間|更新时间|published|posted|updated)?\s*[:：]?"
        r"\s*(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
        rf"|{EN_DATE}(?:,?\s+\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?)\s*$",
        60,
        sentences=True,
    ),
)


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
