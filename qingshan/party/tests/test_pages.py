"""The party's pages: allowed and refused, the workflows through them, query counts."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import docx
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.party.enums import AppraisalStatus, MembershipEventKind, MemberStatus, Stage
from qingshan.party.models import (
    AppraisalRound,
    Attendance,
    Branch,
    DuesPayment,
    Member,
    MembershipEvent,
    Recruit,
)
from tests.party_factories import (
    BranchFactory,
    MeetingFactory,
    MemberFactory,
    MentoringPairFactory,
    PartyGroupFactory,
    RecruitFactory,
)


@pytest.fixture
def secretary(school: Any, client_for: Any) -> Client:
    return client_for(Role.SECRETARY, school)


@pytest.fixture
def branch(school: Any) -> Branch:
    return BranchFactory(school=school)


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_without_a_branch_the_secretary_is_offered_to_set_it_up(
    school: Any, secretary: Client
) -> None:
    page = secretary.get(reverse("party:branch"))

    created = secretary.post(
        reverse("party:branch_form"),
        {
            "name": "青山党支部",
            "members_meeting_months": 3,
            "committee_meeting_months": 1,
            "group_meeting_months": 1,
            "party_lesson_months": 3,
            "study_weekday": 3,
            "resubmission_wait_months": 6,
            "league_recommendation_max_age": 28,
        },
    )

    assert reverse("party:branch_form") in page.content.decode()
    assert created.status_code == 302
    assert Branch.objects.get(school=school).name == "青山党支部"


def test_a_teacher_cannot_open_the_party_pages(
    school: Any, branch: Branch, client_for: Any
) -> None:
    teacher = client_for(Role.TEACHER, school)

    assert teacher.get(reverse("party:branch")).status_code == 403
    assert teacher.get(reverse("party:member_list")).status_code == 403


def test_the_school_admin_reads_but_does_not_change_party_records(
    school: Any, branch: Branch, client_for: Any
) -> None:
    admin = client_for(Role.SCHOOL_ADMIN, school)

    assert admin.get(reverse("party:member_list")).status_code == 200
    assert admin.post(reverse("party:member_create"), {"name": "x"}).status_code == 403


def test_a_full_member_without_a_full_membership_date_is_refused(
    school: Any, branch: Branch, secretary: Client
) -> None:
    data = {
        "name": "王青山",
        "gender": "male",
        "category": "teacher",
        "status": "full",
        "joined_on": "2001-07-01",
    }

    refused = secretary.post(reverse("party:member_create"), data)
    accepted = secretary.post(reverse("party:member_create"), {**data, "full_on": "2002-07-01"})

    assert refused.status_code == 422
    assert "A full member needs the date of full membership." in refused.content.decode()
    assert accepted.status_code == 302
    assert Member.objects.get().full_on == dt.date(2002, 7, 1)


def test_a_probationary_member_gets_a_year_of_probation_by_default(
    school: Any, branch: Branch, secretary: Client
) -> None:
    data = {
        "name": "李绿水",
        "gender": "female",
        "category": "teacher",
        "status": "probationary",
        "joined_on": "2013-05-10",
    }

    secretary.post(reverse("party:member_create"), data)

    assert Member.objects.get().probation_ends_on == dt.date(2014, 5, 10)


def test_transfer_in_and_out_keep_the_history(
    school: Any, branch: Branch, secretary: Client
) -> None:
    data = {
        "name": "张调入",
        "gender": "male",
        "category": "teacher",
        "status": "full",
        "joined_on": "1999-07-01",
        "full_on": "2000-07-01",
        "date": "2013-03-01",
        "counterpart": "某县中学党支部",
    }

    secretary.post(reverse("party:transfer_in"), data)
    member = Member.objects.get()
    secretary.post(
        reverse("party:member_departure", args=[member.pk, "transfer_out"]),
        {"date": "2013-09-01", "counterpart": "县教育局机关党支部"},
    )

    member.refresh_from_db()
    assert member.status == MemberStatus.TRANSFERRED_OUT
    assert list(
        MembershipEvent.objects.filter(member=member)
        .order_by("date")
        .values_list("kind", "counterpart")
    ) == [
        (MembershipEventKind.TRANSFER_IN, "某县中学党支部"),
        (MembershipEventKind.TRANSFER_OUT, "县教育局机关党支部"),
    ]


def test_a_transfer_out_without_a_destination_is_refused(
    school: Any, branch: Branch, secretary: Client
) -> None:
    member = MemberFactory(school=school)

    secretary.post(
        reverse("party:member_departure", args=[member.pk, "transfer_out"]), {"date": "2013-09-01"}
    )

    member.refresh_from_db()
    assert member.status == MemberStatus.FULL


FACTORIES = {
    "member": lambda school: MemberFactory(
        school=school,
        group=PartyGroupFactory(branch=Branch.objects.get(school=school), school=school),
    ),
    "group": lambda school: PartyGroupFactory(
        branch=Branch.objects.get(school=school), school=school
    ),
    "meeting": lambda school: MeetingFactory(
        branch=Branch.objects.get(school=school),
        school=school,
        moderator=MemberFactory(school=school),
    ),
    "mentoring": lambda school: MentoringPairFactory(school=school),
}


@pytest.mark.parametrize("key", FACTORIES)
def test_list_page_query_count_does_not_grow_with_rows(
    key: str, school: Any, branch: Branch, secretary: Client
) -> None:
    url = reverse(f"party:{key}_list")
    FACTORIES[key](school)
    _count(secretary, url)
    one = _count(secretary, url)

    FACTORIES[key](school)
    FACTORIES[key](school)

    assert _count(secretary, url) == one


def test_recruit_board_query_count_does_not_grow_with_recruits(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.services.recruitment import register_application

    def apply(name: str) -> None:
        register_application(
            school=school,
            name=name,
            gender="female",
            birth_date=dt.date(1990, 1, 1),
            applied_on=dt.date(2013, 3, 1),
            category="teacher",
        )

    apply("一")
    url = reverse("party:recruit_board")
    _count(secretary, url)
    one = _count(secretary, url)
    apply("二")
    apply("三")

    assert _count(secretary, url) == one


def test_dues_page_query_count_does_not_grow_with_members(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.services.dues import set_dues_base

    def member() -> None:
        set_dues_base(
            member=MemberFactory(school=school, joined_on=dt.date(2013, 1, 1)),
            valid_from=dt.date(2013, 1, 1),
            income_kind="employed",
            monthly_income=Decimal("3000"),
        )

    member()
    url = reverse("party:dues")
    _count(secretary, url)
    one = _count(secretary, url)
    member()
    member()

    assert _count(secretary, url) == one


def test_an_application_is_registered_and_a_step_recorded_through_the_pages(
    school: Any, branch: Branch, secretary: Client
) -> None:
    secretary.post(
        reverse("party:recruit_create"),
        {
            "name": "赵积极",
            "gender": "female",
            "birth_date": "1990-01-01",
            "applied_on": "2013-03-01",
            "category": "teacher",
        },
    )
    recruit = Recruit.objects.get()
    talker = MemberFactory(school=school)

    response = secretary.post(
        reverse("party:recruit_step", args=[recruit.pk]),
        {"step": 2, "date": "2013-03-15", "actors": [talker.pk]},
    )

    assert response.status_code == 302
    assert list(recruit.steps.values_list("step", flat=True)) == [1, 2]


def test_a_refused_step_shows_the_rule_and_records_nothing(
    school: Any, branch: Branch, secretary: Client
) -> None:
    recruit = RecruitFactory(school=school)
    from qingshan.party.services.recruitment import register_application

    recruit = register_application(
        school=school,
        name="钱",
        gender="male",
        birth_date=dt.date(1990, 1, 1),
        applied_on=dt.date(2013, 3, 1),
        category="teacher",
    )

    response = secretary.post(
        reverse("party:recruit_step", args=[recruit.pk]), {"step": 7, "date": "2013-04-01"}
    )

    assert response.status_code == 422
    assert 'id="step-errors"' in response.content.decode()
    assert recruit.steps.count() == 1


def test_an_applicant_under_18_is_refused_on_the_page(
    school: Any, branch: Branch, secretary: Client
) -> None:
    response = secretary.post(
        reverse("party:recruit_create"),
        {
            "name": "小",
            "gender": "male",
            "birth_date": "1996-03-02",
            "applied_on": "2014-03-01",
            "category": "student",
        },
    )

    assert response.status_code == 422
    assert Recruit.objects.count() == 0


def test_paperwork_is_a_word_document_with_the_recruits_facts(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.services.recruitment import register_application

    recruit = register_application(
        school=school,
        name="孙文书",
        gender="male",
        birth_date=dt.date(1990, 1, 1),
        applied_on=dt.date(2013, 3, 1),
        category="teacher",
    )

    response = secretary.get(
        reverse("party:recruit_paperwork", args=[recruit.pk, "application_talk"])
    )
    later_stage = secretary.get(reverse("party:recruit_paperwork", args=[recruit.pk, "conversion"]))

    text = "\n".join(
        cell.text
        for table in docx.Document(io.BytesIO(response.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "孙文书" in text
    assert "2013年03月01日" in text
    assert later_stage.status_code == 404


def test_attendance_is_saved_from_the_meeting_page(
    school: Any, branch: Branch, secretary: Client
) -> None:
    present, absent = MemberFactory(school=school), MemberFactory(school=school)
    meeting = MeetingFactory(branch=branch, school=school, moderator=present, content="学习")

    secretary.post(
        reverse("party:meeting_attendance", args=[meeting.pk]),
        {f"member_{present.pk}": "present", f"member_{absent.pk}": "absent"},
    )

    assert dict(Attendance.objects.filter(meeting=meeting).values_list("member_id", "status")) == {
        present.pk: "present",
        absent.pk: "absent",
    }


def test_mark_all_present_from_the_meeting_page(
    school: Any, branch: Branch, secretary: Client
) -> None:
    members = [MemberFactory(school=school) for _n in range(3)]
    meeting = MeetingFactory(branch=branch, school=school, moderator=members[0], content="学习")

    response = secretary.post(
        reverse("party:meeting_roll_call", args=[meeting.pk]), {"all_present": "1"}
    )

    assert response.status_code == 302
    assert set(Attendance.objects.filter(meeting=meeting).values_list("status", flat=True)) == {
        "present"
    }
    assert Attendance.objects.filter(meeting=meeting).count() == 3


def test_absentees_are_marked_with_their_reasons_on_the_meeting_page(
    school: Any, branch: Branch, secretary: Client
) -> None:
    here, sick, truant = (MemberFactory(school=school) for _n in range(3))
    meeting = MeetingFactory(branch=branch, school=school, moderator=here, content="学习")

    secretary.post(
        reverse("party:meeting_roll_call", args=[meeting.pk]),
        {f"absent_{sick.pk}": "sick", f"absent_{truant.pk}": "absent", f"absent_{here.pk}": ""},
    )
    page = secretary.get(reverse("party:meeting_detail", args=[meeting.pk])).content.decode()

    rows = Attendance.objects.filter(meeting=meeting).values_list(
        "member_id", "status", "absence_reason"
    )
    assert set(rows) == {
        (here.pk, "present", ""),
        (sick.pk, "excused", "sick"),
        (truant.pk, "absent", ""),
    }
    assert 'id="absence-reasons"' in page and "sick 1" in page


@pytest.mark.parametrize(
    "posted",
    [{"mark": "holiday"}, {"stranger": "sick"}],
)
def test_a_bad_roll_call_is_refused_with_a_message_and_changes_nothing(
    school: Any, branch: Branch, secretary: Client, posted: dict[str, str]
) -> None:
    member = MemberFactory(school=school)
    meeting = MeetingFactory(branch=branch, school=school, moderator=member, content="学习")
    data = (
        {f"absent_{member.pk}": posted["mark"]}
        if "mark" in posted
        else {"absent_999999": posted["stranger"]}
    )

    response = secretary.post(
        reverse("party:meeting_roll_call", args=[meeting.pk]), data, follow=True
    )

    page = response.content.decode()
    assert "Select a valid choice" in page or "not on this meeting&#x27;s roll" in page
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_compliance_page_lists_the_cadences(school: Any, branch: Branch, secretary: Client) -> None:
    MeetingFactory(branch=branch, school=school, kind="members_meeting", date=dt.date(2013, 2, 1))

    page = secretary.get(reverse("party:compliance"), {"year": 2013}).content.decode()

    assert 'id="compliance"' in page
    assert "members&#x27; meeting" in page or "members' meeting" in page


def test_appraisal_is_opened_and_moved_on_from_the_pages(
    school: Any, branch: Branch, secretary: Client
) -> None:
    MemberFactory(school=school, joined_on=dt.date(2000, 1, 1), full_on=dt.date(2001, 1, 1))

    secretary.post(reverse("party:appraisal_list"), {"year": 2013})
    appraisal = AppraisalRound.objects.get()
    secretary.post(reverse("party:appraisal_action", args=[appraisal.pk, "advance"]))

    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.MUTUAL_APPRAISAL
    assert appraisal.entries.count() == 1


def test_dues_payment_below_the_due_amount_is_refused_on_the_page(
    school: Any, branch: Branch, secretary: Client
) -> None:
    member = MemberFactory(school=school, joined_on=dt.date(2013, 1, 1))
    secretary.post(
        reverse("party:dues"),
        {
            "form": "base",
            "member": member.pk,
            "valid_from": "2013-01-01",
            "income_kind": "employed",
            "monthly_income": "4000",
        },
    )

    short = secretary.post(
        reverse("party:dues"),
        {
            "form": "payment",
            "member": member.pk,
            "month": "2013-01-01",
            "amount": "30",
            "paid_on": "2013-01-10",
        },
    )
    paid = secretary.post(
        reverse("party:dues"),
        {
            "form": "payment",
            "member": member.pk,
            "month": "2013-01-01",
            "amount": "40",
            "paid_on": "2013-01-10",
        },
    )

    assert short.status_code == 422
    assert paid.status_code == 302
    assert list(DuesPayment.objects.values_list("amount", flat=True)) == [Decimal("40.00")]


def test_recruit_stage_shows_on_the_board(school: Any, branch: Branch, secretary: Client) -> None:
    RecruitFactory(school=school, name="看板上的人", stage=Stage.ACTIVIST)

    page = secretary.get(reverse("party:recruit_board")).content.decode()

    assert "看板上的人" in page


def test_the_dashboard_shows_overdue_steps_and_explained_exceptions(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.services.recruitment import record_step, register_application

    register_application(
        school=school,
        name="迟谈话",
        gender="male",
        birth_date=dt.date(1990, 1, 1),
        applied_on=dt.date(2015, 1, 5),
        category="teacher",
    )
    excused = register_application(
        school=school,
        name="有说明",
        gender="male",
        birth_date=dt.date(1990, 1, 1),
        applied_on=dt.date(2015, 1, 5),
        category="teacher",
    )
    record_step(
        recruit=excused,
        step=2,
        date=dt.date(2015, 3, 1),
        actors=[MemberFactory(school=school)],
        exception_reason="谈话人生病住院",
    )

    page = secretary.get("/").content.decode()

    assert 'id="party-panel"' in page
    assert "迟谈话" in page
    assert "有说明" in page
    assert "talk with the applicant" in page
    assert "step 2 " not in page


def test_a_document_is_filed_with_a_step_and_served_to_readers_only(
    school: Any, branch: Branch, secretary: Client, client_for: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from qingshan.party.services.recruitment import register_application

    recruit = register_application(
        school=school,
        name="文件",
        gender="male",
        birth_date=dt.date(1990, 1, 1),
        applied_on=dt.date(2013, 3, 1),
        category="teacher",
    )
    step = recruit.steps.get()
    pdf = SimpleUploadedFile("申请书.pdf", b"%PDF-1.4 application", content_type="application/pdf")
    fake = SimpleUploadedFile("virus.pdf", b"MZ not a pdf", content_type="application/pdf")

    secretary.post(
        reverse("party:recruit_document", args=[recruit.pk]),
        {"step": step.pk, "title": "入党申请书", "file": pdf},
    )
    secretary.post(
        reverse("party:recruit_document", args=[recruit.pk]),
        {"step": step.pk, "title": "伪装", "file": fake},
    )

    document = step.documents.get()
    url = reverse("party:recruit_document_file", args=[recruit.pk, document.pk])
    assert document.title == "入党申请书"
    assert secretary.get(url).content == b"%PDF-1.4 application"
    assert client_for(Role.TEACHER, school).get(url).status_code == 403


def test_appraisal_votes_with_one_bad_row_save_none(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.models import AppraisalEntry
    from qingshan.party.services.appraisal import advance_appraisal, open_appraisal

    for _n in range(2):
        MemberFactory(school=school, joined_on=dt.date(2000, 1, 1))
    appraisal = open_appraisal(branch=branch, year=2013)
    for _step in range(2):
        advance_appraisal(round=appraisal)
    first, second = appraisal.entries.order_by("pk")
    data = {f"votes_{first.pk}_excellent": "3", f"votes_{second.pk}_excellent": "three"}

    secretary.post(reverse("party:appraisal_action", args=[appraisal.pk, "votes"]), data)

    assert list(
        AppraisalEntry.objects.order_by("pk").values_list("votes_excellent", flat=True)
    ) == [0, 0]


def test_the_board_names_the_steps_and_says_whom_it_lists(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.services.recruitment import register_application

    register_application(
        school=school,
        name="孙申请",
        gender="female",
        birth_date=dt.date(1990, 1, 1),
        applied_on=dt.date(2013, 3, 1),
        category="teacher",
    )

    page = secretary.get(reverse("party:recruit_board")).content.decode()

    assert "application submitted · " in page
    assert "<td>talk with the applicant</td>" in page
    assert "Lists the 1 recruitment in progress, from application to conversion" in page


def test_a_step_refused_for_its_date_says_the_earliest_day_in_one_sentence(
    school: Any, secretary: Client
) -> None:
    from qingshan.party.tests.test_recruitment import RecruitmentPath

    path = RecruitmentPath(school)
    recruit = path.advance(path.apply(applied_on=dt.date(2014, 7, 10)), 6, cultivation=False)
    activist_on = recruit.steps.get(step=3).date
    earliest = activist_on.replace(year=activist_on.year + 1)

    response = secretary.post(
        reverse("party:recruit_step", args=[recruit.pk]),
        {"step": 7, "date": (earliest - dt.timedelta(days=1)).isoformat()},
    )

    page = response.content.decode()
    box = page[page.index('id="step-errors"') : page.index('<div class="form-grid">')]
    assert response.status_code == 422
    assert box.count("<li>") == 1
    assert (
        f"“chosen as development candidate” may be recorded from {earliest.isoformat()} at the "
        "earliest" in box
    )
    assert "One year as activist before candidacy" in box
    assert 'id="step-refusal"' in page
    assert recruit.steps.count() == 6


def test_the_attendance_sheet_prints_with_reasons_and_without_the_forms(
    school: Any, branch: Branch, secretary: Client
) -> None:
    from qingshan.party.services.meetings import take_roll_call

    here, sick = (
        MemberFactory(school=school, name="到会"),
        MemberFactory(school=school, name="病休"),
    )
    meeting = MeetingFactory(branch=branch, school=school, moderator=here, content="学习")
    take_roll_call(meeting=meeting, absences={sick: "sick"})

    page = secretary.get(reverse("party:meeting_detail", args=[meeting.pk])).content.decode()

    sheet = page[
        page.index('id="attendance-sheet"') : page.index(
            "</table>", page.index('id="attendance-sheet"')
        )
    ]
    assert "<td>病休</td><td>excused</td><td>sick</td>" in sheet
    assert "<td>到会</td><td>present</td><td></td>" in sheet
    assert "data-print" in page
    assert '<section id="roll-call" class="no-print">' in page
