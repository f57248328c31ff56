"""Search in Chinese on the database in use: substrings, ranking, no match, hostile queries.

The same tests run on SQLite (substring search) and, when DATABASE_URL points at PostgreSQL, on
the stored bigram columns with the GIN index; the last tests are PostgreSQL's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from qingshan.documents import selectors
from qingshan.documents.models import Document

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]
ON_POSTGRES = connection.vendor == "postgresql"


def _titles(school: Any, query: str) -> list[str]:
    return [document.title for document in selectors.search(selectors.documents(school), query)]


@pytest.fixture
def archive(issue: Issue) -> dict[str, Document]:
    return {
        "study": issue(
            title="教职工政治理论学习制度",
            body="每周三下午集中学习。学习内容由党支部确定。",
        ),
        "attendance": issue(
            title="教职工考勤管理办法",
            body="教职工参加政治理论学习的，按出勤计算。请假须提前办理手续。",
        ),
        "students": issue(
            title="学生日常行为规范",
            body="学生应按时作息，爱护公共财物。",
            issued_on=dt.date(2013, 9, 1),
        ),
    }


def test_a_chinese_substring_of_the_text_finds_the_document(school: Any, archive: Any) -> None:
    assert _titles(school, "请假") == ["教职工考勤管理办法"]
    assert _titles(school, "爱护公共财物") == ["学生日常行为规范"]


def test_a_single_chinese_character_is_searchable(school: Any, archive: Any) -> None:
    assert _titles(school, "財") == []  # a traditional character is another character
    assert _titles(school, "财") == ["学生日常行为规范"]


def test_every_term_must_match(school: Any, archive: Any) -> None:
    assert _titles(school, "学习 请假") == ["教职工考勤管理办法"]
    assert _titles(school, "学习 作息") == []


def test_a_title_match_ranks_before_a_match_in_the_text(school: Any, archive: Any) -> None:
    # "政治理论学习" is in the study rules' title and in the attendance rules' text only.
    assert _titles(school, "政治理论学习") == ["教职工政治理论学习制度", "教职工考勤管理办法"]


def test_more_matches_in_the_text_rank_higher(school: Any, issue: Issue) -> None:
    issue(title="甲", body="实训安全。" + "其他内容。" * 20)
    issue(title="乙", body="实训安全第一，实训安全无小事，实训安全人人有责。")

    assert _titles(school, "实训安全") == ["乙", "甲"]


def test_the_number_is_searchable(school: Any, issue: Issue) -> None:
    issue(sequence=12, title="十二号文")
    issue(sequence=3, title="三号文")

    assert _titles(school, "〔2013〕12号") == ["十二号文"]


def test_latin_letters_match_without_case(school: Any, issue: Issue) -> None:
    issue(title="ISO9001质量管理体系运行办法", body="")

    assert _titles(school, "iso9001") == ["ISO9001质量管理体系运行办法"]


def test_no_match_gives_nothing(school: Any, archive: Any) -> None:
    assert _titles(school, "不存在的词语") == []


def test_an_empty_query_keeps_the_list_and_punctuation_alone_matches_nothing(
    school: Any, archive: Any
) -> None:
    assert len(_titles(school, "  ")) == 3
    assert _titles(school, "《》、；") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("'; DROP TABLE documents_document; --", []),
        ("学习' OR '1'='1", []),
        ("学习 & !请假 | (作息)", []),
        ("学习:* <-> 请假", ["教职工考勤管理办法"]),
        ("%_\\", []),
        ("\x00学习", ["教职工政治理论学习制度", "教职工考勤管理办法"]),
    ],
)
def test_hostile_queries_are_plain_words(
    school: Any, archive: Any, query: str, expected: list[str]
) -> None:
    assert _titles(school, query) == expected
    assert Document.objects.count() == 3


def test_like_wildcards_never_reach_the_query(school: Any, issue: Issue) -> None:
    issue(title="完成率100%的办法", body="")
    issue(title="完成率1000的办法", body="")
    issue(title="完成率1200的办法", body="")

    assert sorted(_titles(school, "100%")) == sorted(["完成率1000的办法", "完成率100%的办法"])


def test_search_keeps_the_scoping_of_the_queryset(
    school: Any, other_school: Any, issue: Issue
) -> None:
    issue(title="本校考勤办法")
    issue(at=other_school, title="外校考勤办法")

    assert _titles(school, "考勤") == ["本校考勤办法"]


def test_results_carry_the_title_hit_and_the_rank(school: Any, archive: Any) -> None:
    rows = list(selectors.search(selectors.documents(school), "学习"))

    assert [row.title_hit for row in rows] == [True, False]
    assert rows[1].rank > 0


@pytest.mark.skipif(not ON_POSTGRES, reason="the GIN index exists on PostgreSQL only")
def test_postgres_can_use_the_gin_index(archive: Any) -> None:
    # Without the school's filter and with plain scans off, only the GIN index can serve the
    # search: the plan names it when the search's expression is the index's.
    queryset = selectors.search(Document.objects.all(), "学习制度")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()

    assert "document_search_gin" in plan


@pytest.mark.skipif(not ON_POSTGRES, reason="the tsquery is PostgreSQL's")
def test_postgres_needs_every_bigram_of_a_term(school: Any, issue: Issue) -> None:
    issue(title="甲", body="学习，制度")  # 学习 and 制度, but not 习制
    issue(title="乙", body="习制度学习")  # every bigram, though not as one phrase

    assert _titles(school, "学习制度") == ["乙"]


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite searches by substring")
def test_sqlite_needs_the_substring_itself(school: Any, issue: Issue) -> None:
    issue(title="甲", body="学习，制度")
    issue(title="乙", body="习制度学习")

    assert _titles(school, "学习制度") == []
