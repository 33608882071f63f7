"""Fixtures for the news app's database, command and view tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from taimei.core.text import to_simplified

STORY = (
    "台積電今（13日）宣布在美國亞利桑那州追加投資1000億美元，興建三座新晶圓廠與兩座先進封裝廠。",
    "美國商務部表示，這項投資將創造數千個工作機會，並強化美國半導體供應鏈的韌性。",
    "外貿協會指出，台美企業聯盟將協助中小企業赴美設廠，拓展北美市場商機。",
    "經濟部預估，今年對美出口成長15%，其中資通訊產品占比超過百分之六十。",
)
OTHER_STORY = (
    "行政院長卓榮泰今天主持會議，討論對等關稅與232條款對台灣產業的影響。",
    "國際貿易局表示，將與美國貿易代表署持續進行經貿談判，爭取最優惠的關稅待遇。",
    "業界指出，鋼鐵與鋁製品出口受到衝擊最大，政府準備新台幣880億元支持方案。",
)


def write_text(path: Path, paragraphs: tuple[str, ...], title: str) -> Path:
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _search_index_in_tmp(settings, tmp_path):
    """Articles saved here may reach site search: keep its index out of the real var/."""
    from taimei.search.backends import reset_backends

    settings.TAIMEI_SEARCH_INDEX_DIR = tmp_path / "search-index"
    reset_backends()
    yield
    reset_backends()


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A batch mixing a good article with every kind of broken input."""
    folder = tmp_path / "batch"
    folder.mkdir()
    write_text(folder / "good.txt", STORY, "台積電加碼投資美國1000億美元")
    (folder / "broken.rss").write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>First</title><link>https://x.example/1</link>"
        b"<description>&lt;p&gt;Taiwan and U.S. officials met.&lt;/p&gt;</description></item>"
        b"<item><title>Cut off"
    )
    (folder / "bomb.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<rss><channel><item><title>&lol3;</title></item></channel></rss>"
    )
    (folder / "garbage.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def duplicate_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The same story from two outlets: Traditional script, and its Simplified republication."""
    folder = tmp_path / "pair"
    folder.mkdir()
    first = write_text(folder / "a-hant.txt", STORY, "台積電加碼投資美國1000億美元")
    second = write_text(
        folder / "b-hans.txt",
        tuple(to_simplified(p) for p in STORY),
        to_simplified("台積電加碼投資美國1000億美元"),
    )
    return first, second
