"""The Chinese tokens, query terms and highlighted passages (no database)."""

from __future__ import annotations

from qingshan.documents import text


def test_chinese_runs_give_characters_and_pairs_and_words_stay_whole() -> None:
    assert text.index_tokens("学习制度，ISO9001 版") == "学 习 制 度 学习 习制 制度 iso9001 版"


def test_full_width_letters_and_digits_are_folded() -> None:
    assert text.index_tokens("ＡＢＣ２０１３") == "abc2013"
    assert text.query_terms("  ＡＢＣ  ") == ["abc"]


def test_query_terms_split_at_spaces_and_punctuation_and_drop_repeats() -> None:
    assert text.query_terms("《学习 制度》；学习,ab_c") == ["学习", "制度", "ab", "c"]
    assert text.query_terms("';--") == []
    assert len(text.query_terms(" ".join(f"词{n}" for n in range(30)))) == text.MAX_TERMS


def test_tsquery_requires_bigrams_of_chinese_and_prefixes_of_words() -> None:
    assert text.tsquery(["学习制度", "iso"]) == "'学习' & '习制' & '制度' & 'iso':*"
    assert text.tsquery(["党"]) == "'党'"
    assert text.tsquery([]) == ""


def test_tsquery_cannot_carry_operators_of_the_query() -> None:
    query = text.tsquery(text.query_terms("a' | !b & c:* <-> (d)"))

    assert query == "'a':* & 'b':* & 'c':* & 'd':*"


def test_highlight_escapes_the_text_and_marks_only_matches() -> None:
    body = "前言<script>alert(1)</script>本办法所称学习制度，是指"

    passage = text.highlight(body, ["学习制度"])

    assert "<script>" not in passage
    assert "&lt;script&gt;" in passage
    assert "<mark>学习制度</mark>" in passage


def test_highlight_escapes_a_query_that_looks_like_markup() -> None:
    passage = text.highlight("内容 <b>加粗</b> 内容", text.query_terms("<b>"))

    assert "<b>" not in passage.replace("<mark>b</mark>", "")
    assert "&lt;<mark>b</mark>&gt;" in passage


def test_highlight_cuts_a_passage_around_the_first_match() -> None:
    body = "甲" * 200 + "考勤" + "乙" * 200

    passage = text.highlight(body, ["考勤"], radius=20)

    assert passage.startswith("…") and passage.endswith("…")
    assert "<mark>考勤</mark>" in passage
    assert len(passage) < 80


def test_highlight_falls_back_to_bigrams_and_to_the_beginning() -> None:
    assert "<mark>学习</mark>" in text.highlight("学习的制度", ["学习制度"])
    assert text.highlight("无关的内容", ["考勤"]) == "无关的内容"


def test_highlight_all_marks_every_match_in_a_title() -> None:
    title = text.highlight_all("学习<制度>与学习", ["学习"])

    assert title == "<mark>学习</mark>&lt;制度&gt;与<mark>学习</mark>"
