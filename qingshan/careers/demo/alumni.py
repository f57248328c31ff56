"""The alumni list (graduates who agreed to be listed, a few who withdrew, the alumni the
honours' stories tell of marked notable) and the League branches of graduates working in the
cities of the partners, with their members, the year's activities and what they reported."""

from __future__ import annotations

import datetime as dt
import random

from qingshan.careers.demo.vocabulary import JOBS, TODAY, Graduate, Job, Partner, SchoolDemo
from qingshan.careers.enums import DestinationKind as Kind
from qingshan.careers.models import (
    Alumnus,
    BranchActivity,
    BranchFeedback,
    BranchMember,
    LeagueBranch,
)
from qingshan.core.models import School
from qingshan.organization.enums import PoliticalStatus
from qingshan.organization.models import Student

OCCUPATIONS: dict[str, str] = {
    Kind.FURTHER_STUDY: "在读学生",
    Kind.ARMY: "现役军人",
    Kind.SELF_EMPLOYED: "个体经营",
    Kind.OTHER_WORK: "灵活就业",
    Kind.ABROAD: "外派劳务",
    Kind.UNEMPLOYED: "待业",
}
ALUMNI_SHARE, WITHDRAWN = 0.3, 6
BRANCHES = (
    ("深圳", 2008, ("深圳市",)),
    ("东莞", 2012, ("东莞市",)),
    ("苏州", 2009, ("苏州市", "昆山市")),
    ("上海", 2010, ("上海市",)),
    ("杭州", 2011, ("杭州市",)),
)
ACTIVITIES = (
    ("新春返乡座谈会", 2, 16),
    ("“学雷锋”志愿服务", 3, 5),
    ("五四青年节主题团日", 5, 4),
    ("安全生产与劳动维权知识讲座", 7, 20),
    ("新入职校友欢迎会", 9, 14),
    ("中秋联谊会", 9, 19),
)
# branch | topic | what they report | wage | the partner whose agreement changed | what changed
FEEDBACK = [
    line.split("|")
    for line in """
深圳|wages|新员工底薪上调，加班费按规定计发，综合月收入约三千元。|3000||
深圳|conditions|宿舍离车间较远，夜班下班后交通不便。||富士康|续签协议时增加夜班班车和新员工就近安排宿舍的条款
苏州|wages|试用期工资偏低，转正前每月到手约一千九百元。|1900|华硕|协议约定试用期工资不低于转正工资的八成，并自入职起缴纳社会保险
杭州|conditions|车间噪声较大，希望加强劳动防护。||华鼎|协议增补劳动防护条款：企业为新入职学生配发防护用品并每年组织体检
上海|problem|新入职同学不熟悉社保转移和居住证办理。|||
东莞|wages|普工月收入两千五百元左右，技术岗三千元以上。|2500||
""".strip().splitlines()
]


class AlumniDemo(SchoolDemo):
    def __init__(
        self,
        school: School,
        rng: random.Random,
        partners: list[Partner],
        held: dict[int, tuple[Graduate, list[tuple[str, dt.date]], Job]],
        stories: dict[int, str],
    ) -> None:
        super().__init__(school, rng)
        self.partners, self.held, self.stories = partners, held, stories

    def build(self) -> None:
        self.alumni()
        self.branches()

    def alumni(self) -> None:
        rng, rows = self.rng, []
        for pk, (graduate, cities, job) in sorted(self.held.items()):
            notable = pk in self.stories
            if not notable and rng.random() > ALUMNI_SHARE:
                continue
            occupation = OCCUPATIONS.get(job.kind) or JOBS.get(graduate.major, "生产操作工")
            consented = min(graduate.on + dt.timedelta(days=rng.randint(0, 300)), TODAY)
            phone = f"1{rng.choice('358')}{rng.randint(0, 9)}{rng.randrange(10**7, 10**8)}"
            rows.append(
                self.new(
                    Alumnus,
                    student=graduate.student,
                    consented_on=consented,
                    phone=phone,
                    city=cities[-1][0] or "巴中市",
                    occupation=occupation,
                    notable=notable,
                )
            )
        for alumnus in rng.sample([a for a in rows if not a.notable], WITHDRAWN):
            withdrawn = alumnus.consented_on + dt.timedelta(days=rng.randint(30, 400))
            alumnus.withdrawn_on = max(min(withdrawn, TODAY), alumnus.consented_on)
            alumnus.note = "本人要求不再列入校友名录"
        Alumnus.objects.bulk_create(rows, batch_size=1000)

    def members(self, cities: tuple[str, ...], founded: dt.date) -> list[BranchMember]:
        """League members among the graduates who worked in ``cities``: joined after starting
        there, left when they moved on."""
        league = Student.objects.for_school(self.school).filter(
            political_status=PoliticalStatus.LEAGUE
        )
        found = []
        for pk in sorted(set(league.values_list("pk", flat=True)) & self.held.keys()):
            jobs = self.held[pk][1]
            stint = next((i for i, (city, _) in enumerate(jobs) if city in cities), None)
            if stint is None:
                continue
            joined = max(founded, jobs[stint][1] + dt.timedelta(days=self.rng.randint(20, 90)))
            left = jobs[stint + 1][1] if stint + 1 < len(jobs) else None
            if joined <= TODAY and (left is None or left > joined):
                found.append(self.new(BranchMember, student_id=pk, joined_on=joined, left_on=left))
        return found

    def branches(self) -> None:
        rng, short = self.rng, self.school.short_name or self.school.name
        agreements = {p.firm.short: p.in_force(TODAY) for p in self.partners}
        for region, year, cities in BRANCHES:
            founded = dt.date(year, 5, 4)  # Youth Day
            members = self.members(cities, founded)
            branch = LeagueBranch.objects.create(
                school=self.school,
                name=f"{short}驻{region}毕业生团支部",
                region=region,
                founded_on=founded,
                note=f"在{region}工作的毕业生团员",
                secretary_id=next(m.student_id for m in members if m.left_on is None),
            )
            for member in members:
                member.branch = branch
            BranchMember.objects.bulk_create(members, batch_size=1000)
            BranchActivity.objects.bulk_create(
                self.new(
                    BranchActivity,
                    branch=branch,
                    title=title,
                    held_on=dt.date(TODAY.year, month, day),
                    attendance=rng.randint(len(members) // 3, max(len(members) * 2 // 3, 1)),
                )
                for title, month, day in sorted(rng.sample(ACTIVITIES, 4), key=lambda a: a[1:])
            )
            for name, topic, summary, wage, firm, response in FEEDBACK:
                if name != region:
                    continue
                agreement = agreements[firm] if firm else None
                received = dt.date(TODAY.year, rng.randint(3, 11), rng.randint(1, 28))
                BranchFeedback.objects.create(
                    school=self.school,
                    branch=branch,
                    received_on=received,
                    topic=topic,
                    summary=summary,
                    reported_wage=int(wage) if wage else None,
                    agreement=agreement,
                    response=response,
                )
                if agreement is not None:
                    agreement.note = f"{TODAY.year}年据驻{region}团支部反馈修订：{response}"
                    agreement.save(update_fields=["note", "updated_at"])
