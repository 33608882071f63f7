"""Near-duplicates across outlets and scripts; different stories on one topic stay apart."""

from __future__ import annotations

from taimei.core.text import to_simplified
from taimei.news.pipeline.dedupe import NearDuplicateIndex
from taimei.news.pipeline.document import Document

STORY = [
    "（本報記者台北電）晶片大廠亞極半導今天宣布，將在美國德州投資85億美元興建第二座先進封裝廠，"
    "預計2027年量產，可創造約1800個工作機會。",
    "亞極半導董事長表示，德州廠將採用最新的3D封裝技術，主要供應北美的AI伺服器客戶；"
    "公司也將與當地大學合作培育工程人才。",
    "經濟部指出，這是今年台灣企業對美最大筆投資案之一，政府將持續協助業者布局海外，"
    "強化台美供應鏈合作。",
]
REWRITE = [
    "亞極半導宣布將在美國德州投資85億美元興建第二座先進封裝廠，預計2027年量產，"
    "可創造約1800個工作機會。",
    "亞極半導董事長表示，德州廠將採用最新的3D封裝技術，主要供應北美的AI伺服器客戶；"
    "公司也將與當地大學合作培育工程人才。",
    "經濟部指出，這是今年台灣企業對美最大筆投資案之一，政府將持續協助業者布局海外。"
    "更多新聞請訂閱本網電子報。",
]
OTHER = [
    "（本報記者台北電）面板廠光躍科技今天宣布，將在美國亞利桑那州投資12億美元設立模組廠，"
    "預計2026年投產，可創造約600個工作機會。",
    "光躍科技總經理表示，新廠以車用顯示器為主，客戶包括美國電動車品牌；公司也將與社區大學"
    "合作訓練技術員。",
    "經濟部指出，台灣企業對美投資持續成長，政府將持續協助業者布局海外，強化台美供應鏈合作。",
]


def _doc(source: str, paragraphs: list[str], title: str = "") -> Document:
    return Document(source=source, title=title, paragraphs=paragraphs)


def test_same_story_from_two_outlets_and_in_simplified() -> None:
    index = NearDuplicateIndex()
    assert index.add(_doc("a", STORY, "亞極半導赴德州設廠")) is None
    assert index.add(_doc("b", REWRITE, "亞極半導砸85億美元赴美")) == "a"
    simplified = [to_simplified(p) for p in STORY]
    assert index.add(_doc("c", simplified, to_simplified("亞極半導赴德州設廠"))) == "a"


def test_different_story_on_the_same_topic_stays_apart() -> None:
    index = NearDuplicateIndex()
    index.add(_doc("a", STORY))
    assert index.add(_doc("o", OTHER)) is None


def test_trimmed_copy_is_contained() -> None:
    index = NearDuplicateIndex()
    index.add(_doc("a", STORY))
    assert index.add(_doc("short", STORY[:2])) == "a"


def test_empty_documents_are_never_duplicates() -> None:
    index = NearDuplicateIndex()
    assert index.add(_doc("e1", [])) is None
    assert index.add(_doc("e2", [])) is None
