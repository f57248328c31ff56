"""The standard forms of each recruitment stage, generated as DOCX from the records (in Chinese,
as the higher committee files them). Fonts: 仿宋 body and 黑体 headings, or the installed CJK fonts."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from qingshan.party.enums import Stage, Step
from qingshan.party.models import Recruit, RecruitmentStep

BODY_FONT = "Noto Serif CJK SC"  # 仿宋/宋体 where installed fonts allow
HEADING_FONT = "Noto Sans CJK SC"  # 黑体


@dataclass(frozen=True)
class Paper:
    key: str
    label: Any
    title: str
    stage: int
    rows: Callable[[Recruit, dict[int, RecruitmentStep]], list[tuple[str, str]]]


def _date(steps: dict[int, RecruitmentStep], step: int) -> str:
    found = steps.get(step)
    return f"{found.date:%Y年%m月%d日}" if found else "（未记录）"


def _people(steps: dict[int, RecruitmentStep], step: int) -> str:
    found = steps.get(step)
    if not found:
        return "（未记录）"
    names = [member.name for member in found.actors.all()]
    return "、".join([*names, found.other_actors] if found.other_actors else names) or "（未记录）"


def _basics(recruit: Recruit) -> list[tuple[str, str]]:
    return [
        ("姓名", recruit.name),
        ("性别", "男" if recruit.gender == "male" else "女"),
        ("出生日期", f"{recruit.birth_date:%Y年%m月%d日}"),
        ("类别", {"teacher": "教职工", "student": "学生"}.get(recruit.category, "其他")),
    ]


def _votes(steps: dict[int, RecruitmentStep], step: int) -> str:
    found = steps.get(step)
    if not found or found.entitled_to_vote is None:
        return "（未记录）"
    return (
        f"应到有表决权正式党员{found.entitled_to_vote}名，实到{found.attended or 0}名；"
        f"赞成{found.total_yes_votes}票（含书面意见{found.written_yes_votes or 0}票），"
        f"反对{found.no_votes or 0}票，弃权{found.abstentions or 0}票"
    )


PAPERS: tuple[Paper, ...] = (
    Paper(
        "application_talk",
        _("record of the talk with the applicant"),
        "入党申请人谈话记录",
        Stage.APPLICANT,
        lambda r, s: [
            *_basics(r),
            ("递交入党申请书时间", _date(s, Step.APPLICATION)),
            ("谈话时间", _date(s, Step.APPLICATION_TALK)),
            ("谈话人", _people(s, Step.APPLICATION_TALK)),
            ("谈话内容", s[Step.APPLICATION_TALK].opinion if Step.APPLICATION_TALK in s else ""),
        ],
    ),
    Paper(
        "activist_filing",
        _("activist filing form"),
        "入党积极分子备案表",
        Stage.ACTIVIST,
        lambda r, s: [
            *_basics(r),
            ("递交入党申请书时间", _date(s, Step.APPLICATION)),
            ("确定为入党积极分子时间", _date(s, Step.ACTIVIST_CHOSEN)),
            ("培养联系人", _people(s, Step.CONTACTS_ASSIGNED)),
            (
                "推荐方式",
                "团组织推优"
                if s.get(Step.ACTIVIST_CHOSEN) and s[Step.ACTIVIST_CHOSEN].league_recommended
                else "党员推荐、群团组织推优",
            ),
        ],
    ),
    Paper(
        "candidate_filing",
        _("development candidate filing form"),
        "发展对象备案表",
        Stage.CANDIDATE,
        lambda r, s: [
            *_basics(r),
            ("确定为入党积极分子时间", _date(s, Step.ACTIVIST_CHOSEN)),
            ("确定为发展对象时间", _date(s, Step.CANDIDATE_CHOSEN)),
            ("入党介绍人", _people(s, Step.SPONSORS_CHOSEN)),
            ("政治审查", _date(s, Step.POLITICAL_REVIEW)),
            ("集中培训", _training(s)),
        ],
    ),
    Paper(
        "probationary_approval",
        _("approval of admission as probationary member"),
        "接收预备党员审批表",
        Stage.PROBATIONARY,
        lambda r, s: [
            *_basics(r),
            ("入党介绍人", _people(s, Step.SPONSORS_CHOSEN)),
            ("支部大会讨论时间", _date(s, Step.BRANCH_VOTE)),
            ("表决情况", _votes(s, Step.BRANCH_VOTE)),
            ("上级党委审批时间", _date(s, Step.APPROVAL)),
            ("预备期", f"自{_date(s, Step.BRANCH_VOTE)}起一年"),
        ],
    ),
    Paper(
        "conversion",
        _("approval of conversion to full membership"),
        "预备党员转正审批表",
        Stage.FULL,
        lambda r, s: [
            *_basics(r),
            ("接收为预备党员时间", _date(s, Step.BRANCH_VOTE)),
            ("提出转正申请时间", _date(s, Step.CONVERSION_APPLICATION)),
            ("支部大会讨论时间", _date(s, Step.CONVERSION_VOTE)),
            ("表决情况", _votes(s, Step.CONVERSION_VOTE)),
            ("上级党委审批时间", _date(s, Step.CONVERSION_APPROVAL)),
        ],
    ),
)

BY_KEY = {paper.key: paper for paper in PAPERS}


def _training(steps: dict[int, RecruitmentStep]) -> str:
    found = steps.get(Step.TRAINING)
    if not found:
        return "（未记录）"
    return f"{found.date:%Y年%m月%d日}起，{found.training_days or 0}天，{found.training_hours or 0}学时"


def _font(run: Any, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run.element.rPr.rFonts.set(qn("w:eastAsia"), name)


def render_paper(paper: Paper, recruit: Recruit, school_name: str) -> bytes:
    """The filled form as DOCX bytes: title, school, a two-column table of the recorded facts."""
    steps = {
        step.step: step
        for step in recruit.steps.prefetch_related("actors").order_by("step", "date")
    }
    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(paper.title), HEADING_FONT, 18, bold=True)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(subtitle.add_run(school_name), BODY_FONT, 12)
    rows = paper.rows(recruit, steps)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for (label, value), row in zip(rows, table.rows, strict=True):
        _font(row.cells[0].paragraphs[0].add_run(label), HEADING_FONT, 11)
        _font(row.cells[1].paragraphs[0].add_run(value or ""), BODY_FONT, 11)
    signature = document.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(signature.add_run("党支部（盖章）        年    月    日"), BODY_FONT, 12)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
