"""Names and stories in the summary: record lists as tokens, a sentence left out when its list is
empty, links to the records, the appendix and the frozen report, the outlook from the decisions,
and the checker's formats and empty sections."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from qingshan.careers.tests.factories import careers
from qingshan.core import record_lists
from qingshan.core.figures import Period, Scope
from qingshan.core.record_lists import ListItem, ListResult, excerpt
from qingshan.honours.models import Honour
from qingshan.honours.tests.factories import commendation, honour, story
from qingshan.reports.checker import CheckResult, check_text
from qingshan.reports.rendering.content import build_content
from qingshan.reports.rendering.narrative import narrative_paragraphs
from qingshan.reports.selectors.summary import check_template, report_changes, template_blocks
from qingshan.reports.services import ensure_default_template, issue_report
from qingshan.workplans.models import Decision, DecisionMeeting

YEAR = 2013


def summary(school: Any, language: str = "zh-hans", year: int = YEAR) -> Any:
    template = ensure_default_template(school=school)
    return build_content(
        template=template,
        blocks=template_blocks(template),
        scope=Scope.of_school(school),
        year=year,
        language=language,
        day=dt.date(2013, 12, 31),
    )


def text_of(content: Any) -> str:
    return "\n".join(block.text for block in content.blocks)


class Values:
    """Figures and lists as a test gives them, for the narrative alone."""

    def __init__(self, figures: dict[str, int], lists: dict[str, list[str]]) -> None:
        self.figures, self.lists = figures, lists

    def get(self, key: str, year: int) -> Any:
        return SimpleNamespace(value=self.figures.get(key, 0))

    def listed(self, key: str, year: int) -> ListResult:
        return ListResult(items=[ListItem(text=name) for name in self.lists.get(key, [])])


def paragraphs(text: str, values: Values, language: str = "zh-hans") -> list[str]:
    seen: list[bool] = []
    with translation.override(language):
        found = narrative_paragraphs(
            text, year=YEAR, values=values, language=language, used=[], seen=seen.append
        )
    return ["".join(part[1] for part in paragraph) for paragraph in found]


HONOURS = "本年度荣获{{ honours.titles|first:2 }}{{ honours.levels }}级荣誉{{ honours.honours }}项。学校稳步发展。"


def test_a_sentence_whose_list_is_empty_is_left_out_and_the_rest_stays() -> None:
    empty = Values({"honours.honours": 0}, {})
    full = Values(
        {"honours.honours": 3},
        {"honours.titles": ["甲", "乙", "丙"], "honours.levels": ["省", "市"]},
    )

    assert paragraphs(HONOURS, empty) == ["学校稳步发展。"]
    assert paragraphs(HONOURS, full) == ["本年度荣获甲、乙等省、市级荣誉3项。学校稳步发展。"]


def test_a_cut_list_says_and_others_in_english_only_when_some_are_left_out() -> None:
    text = "Honours: {{ honours.titles|first:2 }}."

    cut = paragraphs(text, Values({}, {"honours.titles": ["A", "B", "C"]}), "en")
    whole = paragraphs(text, Values({}, {"honours.titles": ["A", "B"]}), "en")

    assert (cut, whole) == (["Honours: A, B and others."], ["Honours: A and B."])


def test_a_list_of_paragraphs_gives_each_record_its_own() -> None:
    text = "涌现出一批先进典型：{{ honours.deeds }}"

    found = paragraphs(text, Values({}, {"honours.deeds": ["崔栋", "尹良"]}))

    assert found == ["涌现出一批先进典型：", "崔栋", "尹良"]


def test_the_summary_names_the_years_honours_by_level_and_links_each(
    client: Any, school: Any, user_with_role: Any
) -> None:
    provincial = honour(school, title="四川省重点中等职业学校", level="province")
    city = honour(school, title="市职业教育先进单位", level="city", awarded_on=dt.date(2013, 3, 1))
    honour(school, title="县名校", level="county")
    honour(school, title="去年的荣誉", level="nation", awarded_on=dt.date(2012, 5, 1))

    text = text_of(summary(school))
    client.force_login(user_with_role("school_admin", school))
    page = client.get(reverse("reports:summary"), {"year": YEAR}).content.decode()

    assert "荣获四川省重点中等职业学校、市职业教育先进单位、县名校等省、市、县级荣誉3项。" in text
    assert "去年的荣誉" not in text
    assert f'href="{provincial.get_absolute_url()}"' in page
    assert f'href="{city.get_absolute_url()}"' in page


def test_a_school_with_no_honours_gets_no_sentence_about_honours(school: Any) -> None:
    content = summary(school)
    text = text_of(content)
    check = check_template(
        template_blocks(ensure_default_template(school=school)), "zh-hans", content
    )

    assert "荣获" not in text and "荣誉0项" not in text and "先进典型" not in text
    assert "五、取得的成绩与荣誉" in [finding.block for finding in check.warnings]


def test_the_deeds_of_the_year_are_paragraphs_that_start_with_the_persons_name(school: Any) -> None:
    told = story(
        school,
        person_name="崔栋",
        title="“果树大王”的成长路",
        body="毕业后回乡种植果树。如今成了远近闻名的果树大王。",
    )
    story(school, person_name="往年的人", told_on=dt.date(2011, 5, 1))

    content = summary(school)
    deeds = [block for block in content.blocks if block.parts and block.parts[0].text == "崔栋"]

    assert [block.text for block in deeds] == [
        "崔栋：“果树大王”的成长路。毕业后回乡种植果树。如今成了远近闻名的果树大王。"
    ]
    assert deeds[0].parts[0].url == told.get_absolute_url()
    assert "往年的人" not in text_of(content)
    assert ("本年度先进事迹", "崔栋") in [(row.label, row.text) for row in content.named]


def test_the_people_commended_name_what_they_were_commended_as(school: Any) -> None:
    commendation(school, person_name="王老师", title="优秀教师")

    assert "受到表彰的有王老师（优秀教师）等。" in text_of(summary(school))


def test_the_partner_companies_are_ranked_by_the_years_hires(db: None) -> None:
    place = careers()
    graduates = place.graduate(3)
    first, second = place.enterprise("甲公司", 1), place.enterprise("乙公司", 2)
    place.employ(graduates[0], enterprise=second)
    place.employ(graduates[1], enterprise=first)
    place.employ(graduates[2], enterprise=first)
    found = record_lists.registry.get("careers.top_partners")

    with translation.override("zh-hans"):
        result = found.evaluate(Scope.of_school(place.school), Period.year(2016))
    nothing = found.evaluate(Scope.of_school(place.school), Period.year(2015))

    assert [(item.text, item.detail) for item in result.items] == [
        ("甲公司", "（2人）"),
        ("乙公司", "（1人）"),
    ]
    assert result.records is not None and result.records.count() == 3
    assert nothing.items == []


def test_the_outlook_names_the_next_years_decisions_taken_by_the_end_of_the_year(
    school: Any,
) -> None:
    december = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 12, 20), title="四"
    )
    january = DecisionMeeting.objects.create(school=school, held_on=dt.date(2014, 1, 8), title="一")
    for meeting, title, deadline in (
        (december, "建成实训基地二期", dt.date(2014, 9, 30)),
        (december, "推进中高职衔接", dt.date(2014, 6, 30)),
        (december, "本年内办完的事", dt.date(2013, 12, 31)),
        (january, "新年才定的事", dt.date(2014, 3, 1)),
    ):
        Decision.objects.create(school=school, meeting=meeting, title=title, deadline=deadline)

    text = text_of(summary(school))

    assert "新的一年，学校将重点做好以下工作：推进中高职衔接；建成实训基地二期。" in text
    assert "本年内办完的事" not in text and "新年才定的事" not in text


def test_without_next_years_decisions_the_outlook_keeps_its_closing_sentence(school: Any) -> None:
    text = text_of(summary(school))

    assert "新的一年" not in text
    assert "今后，我们将以更加昂扬的精神" in text


def test_an_issued_report_freezes_the_records_it_names(school: Any) -> None:
    named = honour(school, title="市文明单位", level="city")

    report = issue_report(school=school, year=YEAR, language="zh-hans", by=None)
    Honour.objects.filter(pk=named.pk).update(title="改过的名字")
    report.refresh_from_db()

    frozen = report.lists["honours.titles"]
    assert frozen["items"] == [{"text": "市文明单位", "model": "honours.Honour", "pk": named.pk}]
    assert frozen["records"] == [named.pk] and frozen["value"] == 1
    assert "市文明单位" in report.html and "改过的名字" not in report.html


def test_the_signature_is_the_schools_name_and_the_day_unless_the_template_names_another(
    school: Any,
) -> None:
    content = summary(school)
    template = ensure_default_template(school=school)
    signature = template.blocks.get(kind="signature")
    signature.text_zh = "中共绿山职业学校支部委员会"
    signature.save()

    assert (content.issuer, content.signed_on) == (school.name, "2013年12月31日")
    assert summary(school).issuer == "中共绿山职业学校支部委员会"
    assert summary(school, "en").signed_on == "31 December 2013"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{{ honours.titles|change }}", "is for a figure"),
        ("{{ party.members|first:2 }}", "is for a list of records"),
        ("{{ honours.titles|first }}", "needs a step"),
        ("{{ honours.nobody }}", "No figure is called"),
    ],
)
def test_the_checker_refuses_a_format_that_does_not_fit_the_token(text: str, problem: str) -> None:
    result = CheckResult()

    check_text("10", text, ["party.members"], result, ["honours.titles"])

    assert len(result.errors) == 1 and problem in result.errors[0].message


def test_the_checker_takes_list_tokens_and_comparisons(db: None) -> None:
    result = CheckResult()

    check_text(
        "10",
        "{{ honours.titles|first:2 }}{{ party.members|change }}{{ party.members|series }}",
        ["party.members"],
        result,
        ["honours.titles"],
    )

    assert result.errors == []


def test_an_excerpt_keeps_whole_sentences_within_the_limit() -> None:
    body = "第一句话。第二句话比较长一些。" + "很长" * 80 + "。"

    assert excerpt(body, 20) == "第一句话。第二句话比较长一些。"
    assert excerpt("很长" * 80, 20) == "很长" * 9 + "很…"
    assert excerpt("First one. Second one.", 12) == "First one."


def test_a_record_named_after_the_issue_shows_among_the_changes(school: Any) -> None:
    honour(school, title="市文明单位", level="city")
    report = issue_report(school=school, year=YEAR, language="zh-hans", by=None)
    later = honour(school, title="后来补录的荣誉", level="county")

    changes = {change.key: change for change in report_changes(report) if change.differs}

    assert changes["honours.titles"].added == [later.pk]
    assert (changes["honours.titles"].then, changes["honours.titles"].now) == (1, 2)
    assert changes["honours.honours"].added == [later.pk]
