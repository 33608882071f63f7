"""Government bodies of Taiwan and the United States, as news names them.

Each row is (names, industries) like `KNOWN_ORGANIZATIONS`: the Traditional Chinese name first,
then short forms, English names and abbreviations. Simplified forms need not be listed (matching
folds scripts) unless mainland media use a different word (台湾防务部门 for 國防部).

U.S. federal bodies are written once; `_federal` adds the forms with a leading "U.S." or
"United States" ("the U.S. Department of Commerce") so that the whole name is the mention, and
the short Chinese forms news uses (美國商務部 → 美商務部, 美國國防部 → 美國防部).
"""

from __future__ import annotations

_Rows = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]

# fmt: off
TAIWAN_GOVERNMENT: _Rows = (
    (("總統府", "Presidential Office"), ()),
    (("行政院", "Executive Yuan"), ()),
    (("立法院", "Legislative Yuan"), ()),
    (("司法院", "Judicial Yuan"), ()),
    (("監察院", "Control Yuan"), ()),
    (("考試院", "Examination Yuan"), ()),
    # Ministries of the Executive Yuan
    (("經濟部", "Ministry of Economic Affairs", "MOEA"), ()),
    (("內政部", "Ministry of the Interior"), ()),
    (("外交部", "Ministry of Foreign Affairs", "MOFA"), ()),
    (("國防部", "台灣防務部門", "臺灣防務部門", "Ministry of National Defense", "MND"),
     ("defense-aerospace",)),
    (("財政部", "Ministry of Finance"), ()),
    (("教育部", "Ministry of Education"), ("education",)),
    (("法務部", "Ministry of Justice"), ()),
    (("交通部", "Ministry of Transportation and Communications", "MOTC"), ("logistics",)),
    (("勞動部", "Ministry of Labor"), ()),
    (("農業部", "農委會", "行政院農業委員會", "Ministry of Agriculture", "Council of Agriculture"),
     ("agriculture-food",)),
    (("衛生福利部", "衛福部", "Ministry of Health and Welfare", "MOHW"), ("biotech-health",)),
    (("環境部", "環保署", "Ministry of Environment"), ()),
    (("文化部", "Ministry of Culture"), ()),
    (("數位發展部", "數位部", "Ministry of Digital Affairs"), ()),
    # Councils and commissions
    (("國發會", "國家發展委員會", "National Development Council"), ()),
    (("國科會", "國家科學及技術委員會", "National Science and Technology Council"), ()),
    (("陸委會", "大陸委員會", "Mainland Affairs Council"), ()),
    (("金管會", "金融監督管理委員會", "Financial Supervisory Commission"), ("finance",)),
    (("海委會", "海洋委員會", "Ocean Affairs Council"), ()),
    (("僑委會", "僑務委員會", "Overseas Community Affairs Council"), ()),
    (("工程會", "公共工程委員會", "Public Construction Commission"), ()),
    (("公平會", "公平交易委員會", "Fair Trade Commission"), ()),
    (("核安會", "核能安全委員會", "原能會", "原子能委員會", "Nuclear Safety Commission",
      "Atomic Energy Council"), ("nuclear",)),
    (("通傳會", "國家通訊傳播委員會", "National Communications Commission"), ("telecom-5g",)),
    (("主計總處", "行政院主計總處", "DGBAS"), ()),
    (("中央銀行", "央行", "Central Bank of the Republic of China"), ("finance",)),
    (("國發基金", "國家發展基金", "行政院國家發展基金", "National Development Fund"), ()),
    # Agencies under the ministries
    (("產業發展署", "經濟部產業發展署", "工業局", "經濟部工業局",
      "Industrial Development Administration"), ()),
    (("能源署", "經濟部能源署", "能源局", "經濟部能源局", "Energy Administration"), ("energy",)),
    (("標準檢驗局", "經濟部標準檢驗局", "標檢局", "Bureau of Standards, Metrology and Inspection",
      "BSMI"), ()),
    (("智慧財產局", "經濟部智慧財產局", "智財局", "Taiwan Intellectual Property Office", "TIPO"),
     ()),
    (("產業園區管理局", "經濟部產業園區管理局", "加工出口區管理處"), ()),
    (("投資審議司", "經濟部投資審議司", "投審會", "經濟部投資審議委員會", "投資審議委員會",
      "Department of Investment Review", "Investment Commission"), ()),
    (("商業發展署", "經濟部商業發展署", "商業司"), ()),
    (("關務署", "財政部關務署", "Customs Administration"), ()),
    (("賦稅署", "財政部賦稅署"), ()),
    (("新竹科學園區管理局", "竹科管理局", "Hsinchu Science Park Bureau"), ()),
    (("中部科學園區管理局", "中科管理局", "Central Taiwan Science Park Bureau"), ()),
    (("南部科學園區管理局", "南科管理局", "Southern Taiwan Science Park Bureau"), ()),
    (("駐美國台北經濟文化代表處", "駐美代表處", "台北經濟文化代表處",
      "Taipei Economic and Cultural Representative Office", "TECRO"), ()),
    # Research institutes funded by the government
    (("資策會", "資訊工業策進會", "Institute for Information Industry"), ()),
    (("國研院", "國家實驗研究院", "National Applied Research Laboratories", "NARLabs"), ()),
    (("中科院", "國家中山科學研究院", "中山科學研究院",
      "National Chung-Shan Institute of Science and Technology", "NCSIST"),
     ("defense-aerospace",)),
    (("中經院", "中華經濟研究院", "Chung-Hua Institution for Economic Research", "CIER"), ()),
    (("台經院", "台灣經濟研究院", "Taiwan Institute of Economic Research"), ()),
    (("金屬中心", "金屬工業研究發展中心", "Metal Industries Research & Development Centre"),
     ("steel-materials",)),
    # Special municipalities
    (("臺北市政府", "台北市政府", "北市府", "Taipei City Government"), ()),
    (("新北市政府", "新北市府", "New Taipei City Government"), ()),
    (("桃園市政府", "桃市府", "Taoyuan City Government"), ()),
    (("臺中市政府", "台中市政府", "中市府", "Taichung City Government"), ()),
    (("臺南市政府", "台南市政府", "南市府", "Tainan City Government"), ()),
    (("高雄市政府", "高市府", "Kaohsiung City Government"), ()),
    # Exchanges
    (("證交所", "臺灣證券交易所", "台灣證券交易所", "Taiwan Stock Exchange", "TWSE"), ("finance",)),
    (("櫃買中心", "證券櫃檯買賣中心", "Taipei Exchange", "TPEx"), ("finance",)),
)

_US_FEDERAL: _Rows = (
    (("美國商務部", "Department of Commerce", "Commerce Department"), ()),
    (("美國商務部工業安全局", "工業安全局", "Bureau of Industry and Security"), ()),
    (("美國商務部國際貿易管理局", "國際貿易管理局", "International Trade Administration"), ()),
    (("美國國家標準暨技術研究院", "National Institute of Standards and Technology", "NIST"), ()),
    (("美國國務院", "State Department", "Department of State"), ()),
    (("美國國防部", "Department of Defense", "Defense Department", "Pentagon", "五角大廈",
      "Department of War", "War Department"), ("defense-aerospace",)),
    (("美國能源部", "Department of Energy", "Energy Department"), ("energy",)),
    (("美國財政部", "Treasury Department", "Department of the Treasury"), ("finance",)),
    (("美國農業部", "Department of Agriculture", "Agriculture Department", "USDA"),
     ("agriculture-food",)),
    (("美國衛生部", "美國衛生及公共服務部", "Department of Health and Human Services", "HHS"),
     ("biotech-health",)),
    (("美國國土安全部", "Department of Homeland Security", "DHS"), ()),
    (("美國司法部", "Department of Justice", "Justice Department", "DOJ"), ()),
    (("美國勞工部", "Department of Labor", "Labor Department"), ()),
    (("美國運輸部", "Department of Transportation", "Transportation Department"), ("logistics",)),
    (("美國內政部", "Department of the Interior", "Interior Department"), ()),
    (("美國教育部", "Department of Education", "Education Department"), ("education",)),
    (("美國貿易代表署", "美國貿易代表辦公室", "USTR", "Office of the U.S. Trade Representative",
      "Office of the United States Trade Representative"), ()),
    (("美國食品藥物管理局", "美國食品藥品監督管理局", "美國食藥局", "Food and Drug Administration",
      "FDA"), ("biotech-health",)),
    (("美國聯邦通訊委員會", "Federal Communications Commission", "FCC"), ("telecom-5g",)),
    (("美國聯邦貿易委員會", "Federal Trade Commission", "FTC"), ()),
    (("美國證券交易委員會", "美國證管會", "Securities and Exchange Commission", "SEC"),
     ("finance",)),
    (("美國國際貿易委員會", "International Trade Commission", "USITC"), ()),
    (("美國外國投資委員會", "Committee on Foreign Investment in the United States", "CFIUS"), ()),
    (("美國太空總署", "美國航太總署", "NASA"), ("defense-aerospace",)),
    (("美國環保署", "Environmental Protection Agency"), ()),
    (("美國小型企業管理局", "Small Business Administration", "SBA"), ()),
    (("美國進出口銀行", "Export-Import Bank of the United States", "EXIM"), ("finance",)),
    (("美國國際開發金融公司", "International Development Finance Corporation", "DFC"),
     ("finance",)),
    (("美國國家科學基金會", "National Science Foundation", "NSF"), ()),
    (("美國核能管制委員會", "Nuclear Regulatory Commission", "NRC"), ("nuclear",)),
    (("美國聯邦航空總署", "Federal Aviation Administration", "FAA"), ("defense-aerospace",)),
    (("美國海關暨邊境保護局", "美國海關及邊境保護局", "Customs and Border Protection", "CBP"),
     ()),
    (("美國國防高等研究計劃署", "Defense Advanced Research Projects Agency", "DARPA"),
     ("defense-aerospace",)),
    (("美國海軍", "U.S. Navy", "US Navy", "United States Navy"), ("defense-aerospace",)),
    (("美國陸軍", "U.S. Army", "US Army", "United States Army"), ("defense-aerospace",)),
    (("美國空軍", "U.S. Air Force", "US Air Force", "United States Air Force"),
     ("defense-aerospace",)),
    (("美國海軍陸戰隊", "U.S. Marine Corps", "United States Marine Corps"),
     ("defense-aerospace",)),
    (("美國海岸防衛隊", "U.S. Coast Guard", "United States Coast Guard"), ("defense-aerospace",)),
    (("美國太空軍", "U.S. Space Force", "United States Space Force"), ("defense-aerospace",)),
    (("美軍印太司令部", "印太司令部", "Indo-Pacific Command", "INDOPACOM"),
     ("defense-aerospace",)),
    (("白宮", "White House"), ()),
    (("美國國會", "U.S. Congress", "United States Congress"), ()),
    (("美國參議院", "美國聯邦參議院", "U.S. Senate", "United States Senate"), ()),
    (("美國眾議院", "美國聯邦眾議院", "U.S. House of Representatives",
      "United States House of Representatives"), ()),
    (("美國聯準會", "聯準會", "Federal Reserve"), ("finance",)),
)
# fmt: on

_PREFIXED = ("U.S.", "US ", "United States", "Office of the U")


def _federal(rows: _Rows) -> _Rows:
    """Add "U.S. X"/"United States X" to English names and 美X to Chinese names 美國X."""
    out = []
    for names, industries in rows:
        english = [
            f"{prefix} {name}"
            for name in names
            if name.isascii() and " " in name and not name.startswith(_PREFIXED)
            for prefix in ("U.S.", "United States")
        ]
        chinese = ["美" + name[2:] for name in names if name.startswith("美國") and len(name) >= 5]
        out.append(((*names, *english, *chinese), industries))
    return tuple(out)


US_GOVERNMENT: _Rows = _federal(_US_FEDERAL)
