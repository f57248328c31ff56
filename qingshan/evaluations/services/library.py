"""Ready instruments: the seed's three ratings (students → teachers, parents → school, public →
party members), parents → head teacher, staff → departments, and the democratic appraisal."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from qingshan.core.models import School
from qingshan.evaluations.enums import InstrumentKind, QuestionKind, Visibility
from qingshan.evaluations.models import Instrument, Question

SATISFACTION = [
    {"zh": "很不满意", "en": "very dissatisfied"},
    {"zh": "不满意", "en": "dissatisfied"},
    {"zh": "一般", "en": "neither"},
    {"zh": "满意", "en": "satisfied"},
    {"zh": "很满意", "en": "very satisfied"},
]
REMARKS = ("其他意见和建议", "Other remarks and suggestions")


def _scale(zh: str, en: str) -> dict[str, Any]:
    return {"kind": QuestionKind.SCALE, "text": zh, "text_en": en, "labels": SATISFACTION}


LIBRARY: dict[str, dict[str, Any]] = {
    InstrumentKind.STUDENTS_RATE_TEACHERS: {
        "name": ("学生评教", "Students rate their teachers"),
        "instructions": (
            "请根据本学期的真实感受评价任课教师。评价匿名，任何人都看不到你的答案。",
            "Rate the teachers of this term as you found them. Ratings are anonymous: nobody can see your answers.",
        ),
        "questions": [
            _scale("教学态度认真，备课充分", "Teaches conscientiously and comes prepared"),
            _scale("讲解清楚，重点突出", "Explains clearly and stresses what matters"),
            _scale("联系生产实际，注重技能训练", "Links lessons to practice and trains skills"),
            _scale("关心学生，耐心解答问题", "Cares for students and answers questions patiently"),
            _scale("课堂管理有序", "Keeps the class orderly"),
            _scale("作业批改及时", "Marks homework promptly"),
            _scale("为人师表，言行文明", "Sets an example in word and deed"),
            _scale("尊重学生，公平公正", "Respects students and is fair"),
            _scale("按时上下课，不随意调课", "Starts and ends lessons on time"),
            _scale("总体满意度", "Overall satisfaction"),
            {
                "kind": QuestionKind.SINGLE,
                "text": "最希望这位老师改进的方面",
                "text_en": "What this teacher should improve most",
                "required": False,
                "options": [
                    {"zh": "讲解方法", "en": "explanations"},
                    {"zh": "实训指导", "en": "practical training"},
                    {"zh": "课堂纪律", "en": "class discipline"},
                    {"zh": "作业反馈", "en": "feedback on homework"},
                    {"zh": "没有", "en": "nothing"},
                ],
            },
            {
                "kind": QuestionKind.TEXT,
                "text": REMARKS[0],
                "text_en": REMARKS[1],
                "required": False,
                "visibility": Visibility.TARGET,
            },
        ],
    },
    InstrumentKind.PARENTS_RATE_SCHOOL: {
        "name": ("家长评校", "Parents rate the school"),
        "instructions": (
            "请对学校本学期的工作作出评价。评价匿名。",
            "Rate the school's work this term. Ratings are anonymous.",
        ),
        "questions": [
            _scale(
                "学校管理规范，校风良好",
                "The school is well run and its spirit is good",
            )
            | {"visibility": Visibility.SCHOOL},
            _scale("教师敬业，教学质量好", "Teachers are dedicated and teach well")
            | {"visibility": Visibility.SCHOOL},
            _scale("孩子学到了实用技能", "My child learns useful skills")
            | {"visibility": Visibility.SCHOOL},
            _scale("学生安全、住宿和伙食有保障", "Safety, boarding and meals are looked after")
            | {"visibility": Visibility.SCHOOL},
            _scale("学校与家长沟通及时", "The school keeps parents informed")
            | {"visibility": Visibility.SCHOOL},
            _scale("总体满意度", "Overall satisfaction") | {"visibility": Visibility.SCHOOL},
            {
                "kind": QuestionKind.TEXT,
                "text": REMARKS[0],
                "text_en": REMARKS[1],
                "required": False,
                "visibility": Visibility.MANAGERS,
            },
        ],
    },
    InstrumentKind.PARENTS_RATE_HEAD_TEACHERS: {
        "name": ("家长评班主任", "Parents rate the head teacher"),
        "instructions": (
            "请评价孩子所在班级的班主任。评价匿名。",
            "Rate the head teacher of your child's class. Ratings are anonymous.",
        ),
        "questions": [
            _scale("关心每一个学生", "Cares for every student"),
            _scale("班级管理有方", "Runs the class well"),
            _scale("与家长联系及时", "Keeps in touch with parents"),
            _scale("公平对待学生", "Treats students fairly"),
            _scale("总体满意度", "Overall satisfaction"),
            {
                "kind": QuestionKind.TEXT,
                "text": REMARKS[0],
                "text_en": REMARKS[1],
                "required": False,
            },
        ],
    },
    InstrumentKind.PUBLIC_RATES_MEMBERS: {
        "name": ("群众评党员", "The public rates party members"),
        "instructions": (
            "请对您了解的党员作出评价，不了解的可以跳过。评价匿名。",
            "Rate the party members you know; skip those you do not. Ratings are anonymous.",
        ),
        "questions": [
            _scale("政治立场坚定", "Firm in political conviction"),
            _scale("工作积极，带头作用好", "Works hard and leads by example"),
            _scale("联系群众，服务群众", "Stays close to and serves the people"),
            _scale("廉洁自律", "Honest and self-disciplined"),
            _scale("总体评价", "Overall"),
            {
                "kind": QuestionKind.TEXT,
                "text": REMARKS[0],
                "text_en": REMARKS[1],
                "required": False,
                "visibility": Visibility.MANAGERS,
            },
        ],
    },
    InstrumentKind.STAFF_RATE_DEPARTMENTS: {
        "name": ("教职工评部门", "Staff rate the departments"),
        "instructions": (
            "请评价各部门本学期的工作。评价匿名。",
            "Rate each department's work this term. Ratings are anonymous.",
        ),
        "questions": [
            _scale("服务意识强", "Serves others willingly"),
            _scale("办事效率高", "Gets things done promptly"),
            _scale("工作落实到位", "Follows through on its work"),
            _scale("总体满意度", "Overall satisfaction"),
            {
                "kind": QuestionKind.TEXT,
                "text": REMARKS[0],
                "text_en": REMARKS[1],
                "required": False,
            },
        ],
    },
    InstrumentKind.MEMBERS_APPRAISE_MEMBERS: {
        "name": ("民主评议党员", "Democratic appraisal of members"),
        "instructions": (
            "请对每一位党员作出评议。评议匿名，优秀比例一般不超过三分之一。",
            "Appraise each member. Anonymous; as a rule at most one third are excellent.",
        ),
        "questions": [
            {
                "kind": QuestionKind.SINGLE,
                "text": "评议等次",
                "text_en": "Grade",
                "visibility": Visibility.MANAGERS,
                "options": [
                    {"zh": "优秀", "en": "excellent"},
                    {"zh": "合格", "en": "qualified"},
                    {"zh": "基本合格", "en": "basically qualified"},
                    {"zh": "不合格", "en": "unqualified"},
                ],
            },
            {
                "kind": QuestionKind.TEXT,
                "text": "意见和建议",
                "text_en": "Remarks",
                "required": False,
                "visibility": Visibility.MANAGERS,
            },
        ],
    },
}


@transaction.atomic
def install_instrument(*, school: School, kind: str) -> Instrument:
    """A copy of the library's instrument for ``kind`` at ``school``; the school may then edit it."""
    spec = LIBRARY[kind]
    instrument = Instrument.objects.create(
        school=school,
        kind=kind,
        name=spec["name"][0],
        name_en=spec["name"][1],
        instructions=spec["instructions"][0],
        instructions_en=spec["instructions"][1],
    )
    Question.objects.bulk_create(
        Question(school=school, instrument=instrument, order=order, **question)
        for order, question in enumerate(spec["questions"], start=1)
    )
    return instrument


@transaction.atomic
def install_library(*, school: School) -> list[Instrument]:
    present = set(Instrument.objects.for_school(school).values_list("kind", flat=True))
    return [install_instrument(school=school, kind=kind) for kind in LIBRARY if kind not in present]
