"""The seed as the acceptance case: with the demo school loaded, the 2013 summary states the school's
own figures, each computed from records."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import F

from qingshan.core.figures import Period, Scope, evaluate_all
from qingshan.core.models import School
from qingshan.honours.models import Honour, Story
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Student
from qingshan.reports.rendering.content import build_content
from qingshan.reports.services import ensure_default_template
from qingshan.students.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_school(db: None) -> Any:
    call_command("demo", stdout=io.StringIO())
    return School.objects.get(slug="tongjiang-vocational")


def test_the_2013_summary_reproduces_the_seeds_figures_from_records(seed_school: Any) -> None:
    values = {
        key: result.value
        for key, result in evaluate_all(Scope.of_school(seed_school), Period.year(2013)).items()
    }
    exact = {
        key: values[key]
        for key in (
            "party.groups",
            "trainings.courses",
            "trainings.trainees",
            "trainings.certified_share",
            "outreach.bases",
            "outreach.base_townships",
            "outreach.households",
            "evaluations.follow_ups_opened",
            "teaching.shadowing_closed",
        )
    }
    assert exact == {
        "party.groups": 6,
        "trainings.courses": 40,
        "trainings.trainees": 3704,
        "trainings.certified_share": 1.0,
        "outreach.bases": 12,
        "outreach.base_townships": 5,
        "outreach.households": 364,
        "evaluations.follow_ups_opened": 4,
        "teaching.shadowing_closed": 4,
    }
    assert round(values["trainings.employed_share"], 2) == 0.95
    assert round(float(values["trainings.mean_income"]), -2) == 1500
    more_than = {
        "outreach.visits": 40,
        "outreach.leaflets": 30000,
        "outreach.problems_solved": 120,
        "outreach.practical_things": 100,
        "documents.issued": 20,
    }
    assert {key: values[key] > floor for key, floor in more_than.items()} == dict.fromkeys(
        more_than, True
    )
    # …and the summary says it in the seed's own words (the demo is built once for both checks).
    template = ensure_default_template(school=seed_school)
    content = build_content(
        template=template,
        blocks=list(template.blocks.all()),
        scope=Scope.of_school(seed_school),
        year=2013,
        language="zh-hans",
    )
    text = "".join(block.text for block in content.blocks)
    assert "共举办短期培训班40期，培训学员3704人次，学员职业资格取证率100%，就业率95%" in text
    assert "就业后月平均收入约1500元" in text
    assert "建立科普基地12个，联系农户364户" in text
    assert "技术指导40多次，发放技术资料30000多份，解决技术难题120多个，为群众办实事100多件" in text
    assert "下设6个党小组" in text
    # names and stories from records, and each main figure against 2012
    honours_2013 = Honour.objects.for_school(seed_school).filter(awarded_on__year=2013)
    deeds_2013 = Story.objects.for_school(seed_school).filter(told_on__year=2013)
    assert honours_2013.exists() and deeds_2013.exists()
    assert all(title in text for title in honours_2013.values_list("title", flat=True))
    assert "等市、县级荣誉3项" in text
    assert all(f"{name}：" in text for name in deeds_2013.values_list("person_name", flat=True))
    assert re.search(r"现有党员53名（比上年增加\d+人，增长[\d.]+%）", text)
    assert re.search(r"在校学生1902名（比上年(增加|减少)\d+人", text)
    assert re.search(r"毕业生就业率98\.7%（比上年(提高|下降)[\d.]+个百分点）", text)
    assert "新的一年，学校将重点做好以下工作：推进中高职衔接" in text
    assert "普高转入职高" in text and "在用校本教材7种" in text
    # careers: the seed's order classes, employment, partners, placement, pay and abroad
    assert values["careers.employment_rate_lowest_of_five_years"] >= 0.98
    assert values["careers.order_trained"] > 3400 and values["careers.partners"] > 20
    assert values["careers.placed_two_years"] > 500 and values["careers.abroad"] == 13
    assert round(values["careers.starting_salary_mean"], -2) == 2500
    assert "累计定向培养技术人才3500多名" in text
    assert "与20多家企业签订长期合作协议" in text and "近两年学校安置毕业生500多名" in text
    assert "起薪月平均约2500元" in text and not re.search(r"(?<![0-9])0多", text)
    assert "本年度毕业生中13人赴境外就业" in text
    # internships: the seed's bases, the works built by the construction classes, and the
    # placements checked against the national rules (breaches found and mended)
    assert values["internships.own_units"] > 20
    assert values["internships.farm_mu"] == 300 and values["internships.nursery_mu"] == 150
    assert values["internships.works_built"] >= 3 and values["internships.breaches"] > 0
    assert 0.95 < values["internships.compliant_share"] < 1
    assert "自办工厂、农场、商店等经济实体20多个，其中农场300亩、苗圃150亩" in text
    assert "“五位一体”的办学格局" in text
    # students' paths agree with the rolls: every student on them has one open enrolment in
    # the class the roll names, and the figures count the same students
    assert values["students.enrolled"] == values["organization.students"]
    assert values["students.to_vocational"] > 0 and values["students.to_general"] > 0
    assert values["students.graduates"] > values["students.graduates_to_college"] > 0
    on_rolls = Student.objects.for_school(seed_school).filter(
        status__in=(StudentStatus.STUDYING, StudentStatus.SUSPENDED)
    )
    open_ones = Enrolment.objects.for_school(seed_school).filter(ends_on__isnull=True)
    assert open_ones.count() == on_rolls.count()
    assert not on_rolls.exclude(
        pk__in=open_ones.filter(school_class=F("student__school_class")).values("student")
    ).exists()
