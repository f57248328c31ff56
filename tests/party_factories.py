"""factory_boy factories for the party app."""

from __future__ import annotations

import datetime as dt

import factory

from qingshan.party import enums, models
from tests.factories import SchoolFactory


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Branch

    school = factory.SubFactory(SchoolFactory)
    name = factory.LazyAttribute(lambda o: f"{o.school.name}党支部")
    higher_committee = "中共通江县教育局委员会"


class PartyGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PartyGroup

    branch = factory.SubFactory(BranchFactory)
    school = factory.SelfAttribute("branch.school")
    name = factory.Sequence(lambda n: f"第{n + 1}党小组")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Member

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"党员{n}")
    gender = "male"
    birth_date = dt.date(1975, 5, 1)
    status = enums.MemberStatus.FULL
    joined_on = dt.date(2000, 7, 1)
    full_on = factory.LazyAttribute(
        lambda o: dt.date(o.joined_on.year + 1, o.joined_on.month, min(o.joined_on.day, 28))
    )


class RecruitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Recruit

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"申请人{n}")
    gender = "female"
    birth_date = dt.date(1988, 3, 15)
    category = enums.MemberCategory.TEACHER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    branch = factory.SubFactory(BranchFactory)
    school = factory.SelfAttribute("branch.school")
    kind = enums.MeetingKind.POLITICAL_STUDY
    date = dt.date(2013, 3, 6)
    topic = factory.Sequence(lambda n: f"学习专题{n}")


class MentoringPairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MentoringPair

    school = factory.SubFactory(SchoolFactory)
    mentor = factory.SubFactory(MemberFactory, school=factory.SelfAttribute("..school"))
    kind = enums.MenteeKind.YOUNG_TEACHER
    mentee_staff = factory.SubFactory(
        "tests.factories.StaffFactory", school=factory.SelfAttribute("..school")
    )
    start_on = dt.date(2012, 9, 1)


def party_records(school: object) -> dict[str, object]:
    """One record of each party page's type at ``school`` (keyed like the URL names)."""
    branch = BranchFactory(school=school)
    group = PartyGroupFactory(branch=branch, school=school)
    member = MemberFactory(school=school, group=group)
    recruit = RecruitFactory(school=school)
    models.RecruitmentStep.objects.create(
        school=school, recruit=recruit, step=1, date=dt.date(2013, 3, 1), ruleset="1990"
    )
    return {
        "branch": branch,
        "group": group,
        "member": member,
        "recruit": recruit,
        "meeting": MeetingFactory(branch=branch, school=school, moderator=member),
        "mentoring": MentoringPairFactory(school=school, mentor=member),
        "appraisal": models.AppraisalRound.objects.create(school=school, branch=branch, year=2013),
    }


def evaluation_records(school: object) -> dict[str, object]:
    """An instrument with its questions and a draft campaign of ``school``."""
    from django.utils import timezone

    from qingshan.evaluations.models import Campaign
    from qingshan.evaluations.services.library import install_instrument
    from tests.factories import TermFactory

    instrument = install_instrument(school=school, kind="students_teachers")
    now = timezone.now()
    campaign = Campaign.objects.create(
        school=school,
        instrument=instrument,
        term=TermFactory(school=school),
        name="评教",
        opens_at=now,
        closes_at=now + dt.timedelta(days=7),
    )
    return {
        "instrument": instrument,
        "question": instrument.questions.first(),
        "campaign": campaign,
    }
