"""Where pages state their publication date, and which time zone a source writes in."""

from __future__ import annotations

import re

from taimei.news.pipeline.rules.base import OUTLETS, ZoneRule, zone_rule

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
    zone_rule("zone_region_tag_taiwan", r"^\s*[(（](?:臺|台)[)）]", "Asia/Taipei"),
    zone_rule("zone_region_tag_mainland", r"^\s*[(（](?:陸|陆)[)）]", "Asia/Shanghai"),
    zone_rule("zone_region_tag_hong_kong", r"^\s*[(（]港[)）]", "Asia/Hong_Kong"),
    zone_rule("zone_region_tag_us", r"^\s*[(（]美[)）]", "America/New_York"),
    zone_rule("zone_domain_taiwan", r"\.tw(?=[/:]|$)", "Asia/Taipei", re.IGNORECASE),
    zone_rule("zone_domain_mainland", r"\.cn(?=[/:]|$)", "Asia/Shanghai", re.IGNORECASE),
    zone_rule("zone_domain_hong_kong", r"\.hk(?=[/:]|$)", "Asia/Hong_Kong", re.IGNORECASE),
    zone_rule(
        "zone_taiwanese_outlet",
        rf"\b(?:Taiwan|Taipei|Formosa|Kaohsiung|Taichung|Tainan|Hsinchu|CNA)\b|台灣|臺灣|{OUTLETS}",
        "Asia/Taipei",
    ),
    zone_rule(
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
