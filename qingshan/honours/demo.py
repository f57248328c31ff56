"""The demo school's honours as the seed lists them: the school's titles at county, city and
province level, the branch commended four times by the county party committee as an "advanced
basic party organisation", twelve party members commended as excellent party workers or members,
and stories of exemplary deeds of commended members and alumni.

Deterministic and idempotent: a school that has honours is left alone.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.honours.enums import Level, Recipient
from qingshan.honours.models import Commendation, Honour, Story
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Student
from qingshan.party.enums import MemberCategory
from qingshan.party.models import Member

COUNTY_COMMITTEE = "中共通江县委"
SCHOOL_HONOURS = (
    ("一级学校", Level.PROVINCE, "四川省教育厅", dt.date(2006, 9, 10)),
    ("AAA级示范学校", Level.CITY, "市教育局", dt.date(2008, 9, 10)),
    ("最佳文明单位", Level.CITY, "市委、市政府", dt.date(2010, 1, 20)),
    ("市校风示范学校", Level.CITY, "市教育局", dt.date(2011, 9, 10)),
    ("市职业教育先进单位", Level.CITY, "市人民政府", dt.date(2012, 3, 15)),
    ("市学校德育工作先进集体", Level.CITY, "市教育局", dt.date(2013, 9, 10)),
    ("县名校", Level.COUNTY, "县人民政府", dt.date(2013, 1, 18)),
    ("四川省体育达标先进单位", Level.PROVINCE, "四川省教育厅", dt.date(2009, 11, 5)),
    ("四川省重点中等职业学校", Level.PROVINCE, "四川省教育厅", dt.date(2012, 6, 1)),
)
BRANCH_YEARS = (2007, 2009, 2011, 2013)
COMMENDED_MEMBERS = 12
STORIES = (
    ("扎根山区的“土专家”", "他把课堂搬到田间地头，带出了一批懂技术的新型农民。"),
    (
        "“果树大王”的成长路",
        "毕业后回乡种植果树，如今成了远近闻名的果树大王，还带动乡亲们一起致富。",
    ),
    ("撒在大山里的种子", "二十年如一日坚守在职教一线，把一届届学生送上就业岗位。"),
)


class HonoursDemo:
    def __init__(self, school: School) -> None:
        self.school = school

    def honours(self) -> list[Honour]:
        rows = [
            Honour(
                school=self.school,
                recipient=Recipient.SCHOOL,
                title=title,
                level=level,
                issuer=issuer,
                awarded_on=date,
            )
            for title, level, issuer, date in SCHOOL_HONOURS
        ]
        rows += [
            Honour(
                school=self.school,
                recipient=Recipient.BRANCH,
                title="先进基层党组织",
                level=Level.COUNTY,
                issuer=COUNTY_COMMITTEE,
                awarded_on=dt.date(year, 6, 28),
            )
            for year in BRANCH_YEARS
        ]
        return Honour.objects.bulk_create(rows)

    def commendations(self) -> list[Commendation]:
        members = list(
            Member.objects.for_school(self.school)
            .in_standing()
            .filter(category=MemberCategory.TEACHER)
            .order_by("joined_on", "pk")[:COMMENDED_MEMBERS]
        )
        rows = [
            Commendation(
                school=self.school,
                title="优秀党务工作者" if index % 4 == 0 else "优秀共产党员",
                level=Level.COUNTY,
                issuer=COUNTY_COMMITTEE,
                awarded_on=dt.date(BRANCH_YEARS[index % len(BRANCH_YEARS)], 6, 28),
                member=member,
            )
            for index, member in enumerate(members)
        ]
        return Commendation.objects.bulk_create(rows)

    def stories(self, commendations: list[Commendation]) -> None:
        alumni = list(
            Student.objects.for_school(self.school)
            .filter(status=StudentStatus.GRADUATED)
            .order_by("pk")[:2]
        )
        rows = []
        if commendations:
            commended = commendations[0]
            rows.append(
                Story(
                    school=self.school,
                    title=STORIES[2][0],
                    person_name=commended.member.name if commended.member else "",
                    told_on=commended.awarded_on,
                    body=STORIES[2][1],
                    member=commended.member,
                    commendation=commended,
                )
            )
        for (title, body), alumnus in zip(STORIES[:2], alumni, strict=False):
            rows.append(
                Story(
                    school=self.school,
                    title=title,
                    person_name=alumnus.name,
                    told_on=dt.date(2013, 11, 20),
                    body=body,
                    alumnus=alumnus,
                )
            )
        Story.objects.bulk_create(rows)

    @transaction.atomic
    def build(self) -> None:
        self.honours()
        self.stories(self.commendations())


def build_demo() -> str:
    school = demo_school()
    if school is None or Honour.objects.for_school(school).exists():
        return "honours present"
    HonoursDemo(school).build()
    return f"{len(SCHOOL_HONOURS) + len(BRANCH_YEARS)} honours"
