"""People: titles removed, glosses joined, later references folded in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.organizations import link_organizations
from taimei.news.pipeline.people import find_people


def _people(*paragraphs: str) -> dict[str, tuple[str | None, list[str]]]:
    doc = Document(source="t", paragraphs=list(paragraphs))
    doc = find_people(link_organizations(doc, Options()), Options())
    for person in doc.people:
        for span in person.spans:
            assert doc.text[span.start : span.end] == span.text
    return {person.name: (person.title, person.mentions) for person in doc.people}


def test_title_before_name_is_removed() -> None:
    people = _people("行政院長林志明今天接見訪團，經濟部國際貿易署署長王美玲也出席。")
    assert people["林志明"] == ("行政院長", ["林志明"])
    assert people["王美玲"][0] == "經濟部國際貿易署署長"


def test_title_after_name_and_short_references() -> None:
    people = _people("在陳怡君副院長率領下完成談判。", "陳院長表示滿意，陳也感謝團隊。")
    assert people == {"陳怡君": ("副院長", ["陳怡君", "陳"])}


def test_transliteration_with_english_gloss_is_one_person() -> None:
    people = _people("協會主席戴維斯（Mary Davis）致詞，戴維斯主席強調合作。")
    assert people["戴維斯"][1] == ["戴維斯", "Mary Davis"]


def test_gloss_without_title() -> None:
    people = _people("而美國拜登（Joe Biden）政府時期")
    assert people["拜登"][1] == ["拜登", "Joe Biden"]


def test_english_titles() -> None:
    people = _people(
        "Commerce Secretary Gina Raimondo met CEO Lisa Su; Raimondo said talks went well."
    )
    assert people["Gina Raimondo"][0] == "Secretary"
    assert "Lisa Su" in people


def test_name_stops_before_verbs() -> None:
    people = _people("衛生部長艾倫訪台，記者許文華／台北報導")
    assert set(people) == {"艾倫", "許文華"}


def test_organisations_and_common_words_are_not_people() -> None:
    assert _people("總統府表示，主席台上關於全力推動的部長會議") == {}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(alphabet="總統院長記者董事長卓林陳王表示說（）()Keith Krach李主席。，", max_size=30)
        | st.text(max_size=30),
        max_size=3,
    )
)
def test_never_raises(paragraphs: list[str]) -> None:
    doc = find_people(Document(source="t", paragraphs=paragraphs), Options())
    for person in doc.people:
        for span in person.spans:
            assert doc.text[span.start : span.end] == span.text
