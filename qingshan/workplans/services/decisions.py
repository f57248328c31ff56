"""Writes of 一级双轨三层: decisions handed down as tasks, tasks reported, decisions closed."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.accounts.enums import Role
from qingshan.accounts.selectors import roles_at
from qingshan.core.errors import DomainError
from qingshan.core.services import create_record, update_record
from qingshan.organization.models import Department, GradeTeam, Staff
from qingshan.workplans.enums import DecisionStatus, TaskStatus, Tier
from qingshan.workplans.models import Decision, DecisionMeeting, Task


@transaction.atomic
def record_decision(
    *,
    meeting: DecisionMeeting,
    title: str,
    deadline: datetime.date,
    text: str = "",
) -> Decision:
    if deadline < meeting.held_on:
        raise ValidationError(
            {"deadline": _("The deadline cannot be before the meeting.")}, code="deadline"
        )
    return create_record(
        school=meeting.school,
        model=Decision,
        values={"meeting": meeting, "title": title, "text": text, "deadline": deadline},
    )


def _check_open(decision: Decision) -> None:
    """Read from the database: the caller's copy may predate the closing."""
    if Decision.objects.filter(pk=decision.pk, status=DecisionStatus.CLOSED).exists():
        raise DomainError(_("This decision is closed."), code="decision_closed")


@transaction.atomic
def hand_to_department(
    *,
    decision: Decision,
    department: Department,
    title: str,
    deadline: datetime.date,
    owner: Staff | None = None,
) -> Task:
    """Implementation tier: the decision becomes a department's task, due by the decision's deadline."""
    _check_open(decision)
    if deadline > decision.deadline:
        raise ValidationError(
            {
                "deadline": _("A task cannot be due after its decision (%(date)s).")
                % {"date": decision.deadline}
            },
            code="after_parent",
        )
    return create_record(
        school=decision.school,
        model=Task,
        values={
            "decision": decision,
            "tier": Tier.IMPLEMENTATION,
            "title": title,
            "department": department,
            "owner": owner,
            "deadline": deadline,
        },
    )


@transaction.atomic
def hand_down(
    *,
    parent: Task,
    title: str,
    deadline: datetime.date,
    grade_team: GradeTeam | None = None,
    owner: Staff | None = None,
) -> Task:
    """Execution tier: a department's task handed to a grade team or a person."""
    parent = Task.objects.select_for_update().get(pk=parent.pk)  # the caller's copy may be stale
    _check_open(parent.decision)
    if parent.tier != Tier.IMPLEMENTATION:
        raise DomainError(
            _("Only a department's task is handed down to a team or a person."), code="tier"
        )
    if parent.is_closed:
        raise DomainError(_("The department's task is already closed."), code="parent_closed")
    if grade_team is None and owner is None:
        raise ValidationError(_("Name a grade team or a person."), code="no_assignee")
    if deadline > parent.deadline:
        raise ValidationError(
            {
                "deadline": _("A task cannot be due after its decision (%(date)s).")
                % {"date": parent.deadline}
            },
            code="after_parent",
        )
    return create_record(
        school=parent.school,
        model=Task,
        values={
            "decision": parent.decision,
            "parent": parent,
            "tier": Tier.EXECUTION,
            "title": title,
            "department": parent.department,
            "grade_team": grade_team,
            "owner": owner,
            "deadline": deadline,
        },
    )


@transaction.atomic
def complete_task(*, task: Task, done_on: datetime.date, evidence: str) -> Task:
    """Done, with evidence. A department's task closes only after the tasks handed down from it."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    _check_open(task.decision)
    if task.is_closed:
        raise DomainError(_("This task is already closed."), code="task_closed")
    if not evidence.strip():
        raise ValidationError({"evidence": _("Say what shows the task was done.")})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date lies in the future.")}, code="future")
    if task.children.exclude(status__in=[TaskStatus.DONE, TaskStatus.EXPLAINED]).exists():
        raise DomainError(
            _("Tasks handed down from this one are still open."), code="children_open"
        )
    return update_record(
        record=task,
        values={"status": TaskStatus.DONE, "done_on": done_on, "evidence": evidence.strip()},
    )


@transaction.atomic
def explain_task(*, task: Task, explanation: str) -> Task:
    """Closed without being done, with the reason (it counts as closed, never as done on time)."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    _check_open(task.decision)
    if task.is_closed:
        raise DomainError(_("This task is already closed."), code="task_closed")
    if not explanation.strip():
        raise ValidationError({"explanation": _("Explain why the task is closed undone.")})
    return update_record(
        record=task,
        values={
            "status": TaskStatus.EXPLAINED,
            "done_on": timezone.localdate(),
            "explanation": explanation.strip(),
        },
    )


@transaction.atomic
def close_decision(
    *, decision: Decision, note: str = "", closed_on: datetime.date | None = None
) -> Decision:
    """A decision closes when it has tasks and every one of them is done or explained."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    _check_open(decision)
    tasks = decision.tasks.all()
    if not tasks.exists():
        raise DomainError(
            _("Hand the decision to a department before closing it."), code="no_tasks"
        )
    open_count = tasks.filter(status=TaskStatus.OPEN).count()
    if open_count:
        raise DomainError(
            _("%(count)d tasks are still open: close them or explain them first.")
            % {"count": open_count},
            code="tasks_open",
        )
    return update_record(
        record=decision,
        values={
            "status": DecisionStatus.CLOSED,
            "closed_on": closed_on or timezone.localdate(),
            "closing_note": note.strip(),
        },
    )


def may_report(user: Any, task: Task) -> bool:
    """The task's owner, the head of its department, or the school's administrator."""

    roles = roles_at(user, task.school)
    if Role.SCHOOL_ADMIN in roles:
        return True
    if task.owner_id is not None and task.owner is not None and task.owner.user_id == user.pk:
        return True
    department = task.department
    return bool(
        Role.DEPARTMENT_HEAD in roles
        and department is not None
        and department.head is not None
        and department.head.user_id == user.pk
    )
