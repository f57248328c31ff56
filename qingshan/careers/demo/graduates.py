"""Every 2009–2013 graduate's destination, from their graduation in the students app: most at
work (placed by the school, through their order class, or found themselves), some in further
study, the 3+2 graduates at the partner college, about one in seventy not yet employed, thirteen
of 2013 abroad; and the follow-ups at 6, 12 and 36 months, whose latest answer is the destination
as it stands."""

from __future__ import annotations

import datetime as dt
import random
import statistics
from collections import defaultdict

from qingshan.careers.demo.vocabulary import (
    MAJORS,
    OWN_EMPLOYERS,
    TODAY,
    Firm,
    Graduate,
    Job,
    Partner,
    SchoolDemo,
    partners_for,
    pick,
    region_of,
    round_to,
)
from qingshan.careers.enums import Channel, FollowUpMethod, Region
from qingshan.careers.enums import DestinationKind as Kind
from qingshan.careers.models import Destination, Enterprise, FollowUp, FollowUpPoint, OrderClass
from qingshan.core.dates import add_months
from qingshan.core.demo_vocabulary import TOWNSHIPS
from qingshan.core.models import School
from qingshan.students.enums import Programme
from qingshan.students.models import Enrolment
from qingshan.students.selectors.paths import graduations

ABROAD = (
    ("新加坡裕廊船厂（劳务合作）", "C"),
    ("日本静冈县汽车配件公司（技能实习）", "C"),
    ("阿联酋迪拜中资建筑工地", "E"),
    ("马来西亚槟城电子厂", "C"),
)
PARTNER_COLLEGE = "川北电子信息职业技术学院"
COLLEGES = ("川北农业职业技术学院", "川东建筑职业技术学院", "成都电子信息职业技术学院")
UNIVERSITIES = ("川北师范学院", "川东文理学院", "西南工商学院", "成都理工学院")
SHOPS = {
    "家": ("家电维修店", "O"),
    "果": ("果园", "A"),
    "畜": ("养殖场", "A"),
    "计": ("电脑店", "I"),
    "农": ("蔬菜种植基地", "A"),
    "园": ("苗圃", "A"),
}
# Shares of the year's graduates in direct enterprise work whom the school placed.
PLACED = {2009: 0.45, 2010: 0.5, 2011: 0.55, 2012: 0.66, 2013: 0.72}
PLACED_CHANNELS = (Channel.SCHOOL, Channel.ORDER_CLASS)
PLACED_MEAN = 2500  # yuan: the starting salary of the last two years' placed graduates
BASE_SALARY = {2009: 1750, 2010: 1950, 2011: 2150, 2012: 2400, 2013: 2550}
REGION_OFFSET: dict[str, int] = {
    Region.LOCAL: -300,
    Region.PROVINCE: -150,
    Region.OTHER_PROVINCE: 60,
}
ABROAD_YEAR, ABROAD_COUNT = 2013, 13
VOCATIONAL_KINDS = (
    (0.06, Kind.FURTHER_STUDY),
    (0.08, Kind.ARMY),
    (0.11, Kind.SELF_EMPLOYED),
    (0.14, Kind.OTHER_WORK),
)
GENERAL_KINDS = ((0.70, Kind.FURTHER_STUDY), (0.76, Kind.ARMY), (0.80, Kind.OTHER_WORK))
POINTS = (6, 12, 36)  # months after graduation
CHANGE = {6: 0.1, 12: 0.12, 36: 0.25}  # the chance of a new employer since the last follow-up
WORKING = (Kind.ENTERPRISE, Kind.SELF_EMPLOYED, Kind.OTHER_WORK, Kind.ABROAD)  # a place to stay


class GraduatesDemo(SchoolDemo):
    def __init__(
        self,
        school: School,
        rng: random.Random,
        partners: list[Partner],
        trained: dict[int, tuple[OrderClass, Partner]],
        stories: dict[int, str],
    ) -> None:
        super().__init__(school, rng)
        self.partners, self.trained, self.stories = partners, trained, stories
        # student id: the graduate, the cities of their jobs (since when), their latest job
        self.held: dict[int, tuple[Graduate, list[tuple[str, dt.date]], Job]] = {}

    def build(self) -> None:
        FollowUpPoint.objects.bulk_create(
            self.new(FollowUpPoint, months=months, link_days=45 if months == 36 else 30)
            for months in POINTS
        )
        graduates = self.graduates()
        specials = self.specials(graduates)
        planned = [(g, *self.plan(g, specials.get(g.student.pk, ""))) for g in graduates]
        self.level_salaries(planned)
        rows, follow_ups = [], []
        for graduate, job, channel, order_class in planned:
            rows.append(
                self.new(
                    Destination,
                    student=graduate.student,
                    graduated_on=graduate.on,
                    channel=channel,
                    order_class=order_class,
                    starting_salary=job.salary,
                    recorded_on=graduate.on + dt.timedelta(days=self.rng.randint(15, 55)),
                    note="在家待业，学校继续推荐岗位" if job.kind == Kind.UNEMPLOYED else "",
                )
            )
            follow_ups += self.follow(rows[-1], graduate, job)
        Destination.objects.bulk_create(rows, batch_size=1000)
        for follow_up in follow_ups:
            follow_up.destination = follow_up.destination  # copies the new primary key
        FollowUp.objects.bulk_create(follow_ups, batch_size=1000)

    def graduates(self) -> list[Graduate]:
        changes = graduations([self.school.pk], dt.date(2009, 1, 1), TODAY)
        closed = Enrolment.objects.for_school(self.school).filter(closed_by__in=changes)
        at_end = {
            pk: rest for pk, *rest in closed.values_list("closed_by", "programme", "major__name")
        }
        keys = {name: key for key, name in MAJORS.items()}
        found = []
        for change in changes.order_by("effective_on", "student_id"):
            programme, major = at_end.get(change.pk, (Programme.STANDARD, None))
            joint = programme == Programme.JOINT_3_2
            found.append(
                Graduate(change.student, change.effective_on, keys.get(major or "", ""), joint)
            )
        return found

    def specials(self, graduates: list[Graduate]) -> dict[int, str]:
        """Who of each year is not yet employed (about one in seventy), and who works abroad."""
        by_year: dict[int, list[Graduate]] = defaultdict(list)
        for graduate in graduates:
            if not graduate.joint and graduate.student.pk not in self.stories:
                by_year[graduate.on.year].append(graduate)
        found: dict[int, str] = {}
        for year, group in sorted(by_year.items()):
            idle = self.rng.sample(group, round(len(group) * self.rng.uniform(0.011, 0.017)))
            found |= {graduate.student.pk: Kind.UNEMPLOYED for graduate in idle}
            if year == ABROAD_YEAR:
                vocational = [g for g in group if g.major and g not in idle]
                abroad = self.rng.sample(vocational, ABROAD_COUNT)
                found |= {graduate.student.pk: Kind.ABROAD for graduate in abroad}
        return found

    def plan(self, graduate: Graduate, special: str) -> tuple[Job, str, OrderClass | None]:
        """The graduate's first destination: its fields, channel and order class."""
        if graduate.joint:
            return self.other_job(graduate, Kind.FURTHER_STUDY), "", None
        if special == Kind.UNEMPLOYED:
            return Job(Kind.UNEMPLOYED), "", None
        if special == Kind.ABROAD:
            return self.other_job(graduate, Kind.ABROAD), Channel.AGENT, None
        if graduate.student.pk in self.stories:  # back home, on the land
            fruit = "果树" in self.stories[graduate.student.pk]
            kind = Kind.SELF_EMPLOYED if fruit else Kind.ENTERPRISE
            employer = "通江县果树种植专业合作社" if fruit else "通江县农业技术推广中心"
            job = Job(
                kind=kind,
                employer=employer,
                region=Region.LOCAL,
                sector="A",
                matches_major=bool(graduate.major),
                social_insurance=True,
                salary=2600,
                city="巴中市",
            )
            return job, Channel.OWN_SEARCH, None
        roll = self.rng.random()
        kinds = VOCATIONAL_KINDS if graduate.major else GENERAL_KINDS
        kind = next((kind for share, kind in kinds if roll < share), Kind.ENTERPRISE)
        if kind == Kind.ENTERPRISE:
            return self.enterprise_job(graduate)
        channel = Channel.OWN_SEARCH if kind == Kind.OTHER_WORK else ""
        return self.other_job(graduate, kind), channel, None

    def enterprise_job(self, graduate: Graduate) -> tuple[Job, str, OrderClass | None]:
        rng, year, major, on = self.rng, graduate.on.year, graduate.major, graduate.on
        order_class, partner = self.trained.get(graduate.student.pk, (None, None))
        if major and rng.random() < PLACED[year]:
            if partner and partner.in_force(on) and rng.random() < 0.7:  # hired by their company
                job = self.at(partner.firm, partner.enterprise, major, year)
                return job, Channel.ORDER_CLASS, order_class
            partner = pick(self.rng, partners_for(self.partners, major, on))
            return self.at(partner.firm, partner.enterprise, major, year), Channel.SCHOOL, None
        channel = Channel.AGENT if rng.random() < 0.2 else Channel.OWN_SEARCH
        if rng.random() < 0.25:
            partner = rng.choice(partners_for(self.partners, major, on))
            return self.at(partner.firm, partner.enterprise, major, year), channel, None
        return self.own_job(major, year), channel, None

    def at(self, firm: Firm, enterprise: Enterprise | None, major: str, year: int) -> Job:
        region, chance = region_of(firm), self.rng.random
        return Job(
            kind=Kind.ENTERPRISE,
            employer=firm.name,
            enterprise=enterprise,
            region=region,
            sector=firm.sector,
            matches_major=bool(major) and major in firm.majors,
            labour_contract=chance() < (0.97 if enterprise else 0.85),
            social_insurance=chance() < (0.95 if enterprise else 0.75),
            salary=self.salary(year, region, 260 if enterprise else 340),
            city=firm.city,
        )

    def own_job(self, major: str, year: int) -> Job:
        firms = [f for f in OWN_EMPLOYERS if major and major in f.majors]
        return self.at(self.rng.choice(firms or OWN_EMPLOYERS), None, major, year)

    def other_job(self, graduate: Graduate, kind: str) -> Job:
        rng, major = self.rng, graduate.major
        if kind == Kind.FURTHER_STUDY:
            schools = (PARTNER_COLLEGE,) if graduate.joint else COLLEGES if major else UNIVERSITIES
            return Job(kind, rng.choice(schools))
        if kind == Kind.ARMY:
            return Job(kind, "中国人民解放军某部")
        if kind == Kind.ABROAD:
            employer, sector = rng.choice(ABROAD)
            return Job(
                kind=kind,
                employer=employer,
                region=Region.ABROAD,
                sector=sector,
                matches_major=rng.random() < 0.5,
                labour_contract=True,
                social_insurance=False,
                salary=round_to(rng.uniform(5000, 8000), 100),
            )
        near_home = Job(kind=kind, region=Region.LOCAL, city="巴中市")
        near_home.salary = self.salary(graduate.on.year, Region.LOCAL, 300)
        if kind == Kind.SELF_EMPLOYED:
            shop, near_home.sector = SHOPS.get(major, ("个体商店", "F"))
            near_home.employer = f"通江县{rng.choice(TOWNSHIPS)}{shop}"
            near_home.matches_major, near_home.social_insurance = major in SHOPS, rng.random() < 0.4
        else:  # odd jobs
            near_home.matches_major = near_home.labour_contract = near_home.social_insurance = False
        return near_home

    def salary(self, year: int, region: str, spread: int = 260) -> int:
        mean = BASE_SALARY[year] + REGION_OFFSET.get(region, 0)
        return min(max(round_to(self.rng.gauss(mean, spread)), 1300), 3600)

    def level_salaries(self, planned: list[tuple[Graduate, Job, str, OrderClass | None]]) -> None:
        """The last two years' graduates placed by the school start at about ``PLACED_MEAN``."""
        placed = [
            job
            for graduate, job, channel, _ in planned
            if graduate.on.year >= TODAY.year - 1 and channel in PLACED_CHANNELS
        ]
        shift = PLACED_MEAN - statistics.fmean(job.salary or 0 for job in placed)
        for job in placed:
            job.salary = min(max(round_to((job.salary or 0) + shift, 10), 2000), 3200)

    def follow(self, destination: Destination, graduate: Graduate, job: Job) -> list[FollowUp]:
        """The follow-ups at the points; the latest answer is the destination as it stands."""
        rng, rows, moved, start = self.rng, [], False, job.salary
        cities = [(job.city, graduate.on)]
        mobile = job.kind == Kind.ENTERPRISE and graduate.student.pk not in self.stories
        for months in POINTS:
            due = add_months(graduate.on, months)
            rows.append(
                self.new(
                    FollowUp,
                    destination=destination,
                    months=months,
                    due_on=due,
                    method=FollowUpMethod.PHONE,
                )
            )
            answered = self.answered_on(due, months)
            if answered is None:
                continue
            if mobile and rng.random() < CHANGE[months]:  # a new employer, found themselves
                job, moved = self.own_job(graduate.major, graduate.on.year), True
                cities.append((job.city, answered))
            if start is not None and job.salary is not None:
                job.salary = max(
                    job.salary, round_to(start * (1 + 0.09 * months / 12 + rng.gauss(0, 0.03)))
                )
            job.write(rows[-1])
            rows[-1].answered_on = destination.recorded_on = answered
            rows[-1].still_with_employer = not moved if job.kind in WORKING else None
        job.write(destination)
        self.held[graduate.student.pk] = (graduate, cities, job)
        return rows

    def answered_on(self, due: dt.date, months: int) -> dt.date | None:
        """Follow-ups due by the end of November are answered; of those due at the new year,
        some graduates were reached in December."""
        if due <= dt.date(TODAY.year, 11, 30):
            return min(due + dt.timedelta(days=self.rng.randint(0, 21)), TODAY)
        if months == POINTS[0] and due.year == TODAY.year + 1 and self.rng.random() < 0.45:
            return dt.date(TODAY.year, 12, self.rng.randint(2, 27))
        return None
