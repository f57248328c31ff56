"""Scale structures the school may install: which items make which factor, how they are scored,
the thresholds of the alerts and the ages a scale is meant for.

No copyrighted item text is shipped: a published scale comes with its structure and numbered
items whose texts the school types in from the form it holds. The demo scale is the product's
own, short and original, for the demo school and the tests; it is no clinical instrument.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from qingshan.counseling.enums import Grade, Scoring


@dataclass(frozen=True)
class ItemShape:
    number: int
    factor: str  # a factor's code; "" for a validity item
    text: str = ""
    reverse: bool = False
    valid_answers: tuple[int, ...] = ()  # a validity item: answers that keep the sheet valid


@dataclass(frozen=True)
class ThresholdShape:
    factor: str  # a factor's code; "" for the total
    grade: Grade
    at_least: Decimal


@dataclass(frozen=True)
class ScaleShape:
    code: str
    name: str
    option_min: int
    option_max: int
    scoring: Scoring
    age_min: int | None
    age_max: int | None
    factors: tuple[tuple[str, str], ...]
    items: tuple[ItemShape, ...]
    thresholds: tuple[ThresholdShape, ...]
    description: str = ""
    options: tuple[str, ...] = field(default=())


# SCL-90 (症状自评量表): 90 items answered 1–5, nine factors and the "other" items; a factor's
# score is the mean of its items, the total the sum of all 90. Meant for 16 and over. The
# thresholds below are the common screening cut-offs (total 160, a factor mean of 2); the school
# sets its own for orange and red.
_SCL90_FACTORS = {
    "somatization": (1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58),
    "obsessive": (3, 9, 10, 28, 38, 45, 46, 51, 55, 65),
    "interpersonal": (6, 21, 34, 36, 37, 41, 61, 69, 73),
    "depression": (5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79),
    "anxiety": (2, 17, 23, 33, 39, 57, 72, 78, 80, 86),
    "hostility": (11, 24, 63, 67, 74, 81),
    "phobic": (13, 25, 47, 50, 70, 75, 82),
    "paranoid": (8, 18, 43, 68, 76, 83),
    "psychoticism": (7, 16, 35, 62, 77, 84, 85, 87, 88, 90),
    "other": (19, 44, 59, 60, 64, 66, 89),
}
_SCL90_NAMES = {
    "somatization": "躯体化",
    "obsessive": "强迫症状",
    "interpersonal": "人际关系敏感",
    "depression": "抑郁",
    "anxiety": "焦虑",
    "hostility": "敌对",
    "phobic": "恐怖",
    "paranoid": "偏执",
    "psychoticism": "精神病性",
    "other": "其他",
}
_FACTOR_OF = {number: code for code, numbers in _SCL90_FACTORS.items() for number in numbers}

SCL90 = ScaleShape(
    code="SCL-90",
    name="症状自评量表（SCL-90）",
    option_min=1,
    option_max=5,
    scoring=Scoring.MEAN,
    age_min=16,
    age_max=None,
    factors=tuple((code, _SCL90_NAMES[code]) for code in _SCL90_FACTORS),
    items=tuple(ItemShape(number, _FACTOR_OF[number]) for number in range(1, 91)),
    thresholds=(
        ThresholdShape("", Grade.YELLOW, Decimal(160)),
        *(ThresholdShape(code, Grade.YELLOW, Decimal(2)) for code in _SCL90_FACTORS),
        *(ThresholdShape(code, Grade.ORANGE, Decimal(3)) for code in _SCL90_FACTORS),
        ThresholdShape("depression", Grade.RED, Decimal(4)),
        ThresholdShape("psychoticism", Grade.RED, Decimal(4)),
    ),
    description="结构与计分：90题，1—5级评分，9个因子及其他项；题目文字由学校按所持量表录入。",
    options=("没有", "很轻", "中等", "偏重", "严重"),
)

# The product's own short scale for the demo and the tests: three factors of four items answered
# 1–4 and two validity items.
DEMO = ScaleShape(
    code="QS-MOOD",
    name="青山心情自评（演示）",
    option_min=1,
    option_max=4,
    scoring=Scoring.MEAN,
    age_min=14,
    age_max=20,
    factors=(("mood", "情绪"), ("stress", "压力"), ("relations", "人际")),
    items=(
        ItemShape(1, "mood", "最近一周，我感到心情低落。"),
        ItemShape(2, "stress", "我担心自己跟不上学习或实训。"),
        ItemShape(3, "relations", "我觉得同学们不愿意和我相处。"),
        ItemShape(4, "mood", "我对以前喜欢的事情提不起兴趣。"),
        ItemShape(5, "", "这一题请选择“从不”。", valid_answers=(1,)),
        ItemShape(6, "stress", "我睡不好觉，常常想着烦心的事。"),
        ItemShape(7, "relations", "有心事时，我能找到愿意听我说的人。", reverse=True),
        ItemShape(8, "mood", "我觉得自己没有什么用。"),
        ItemShape(9, "stress", "一想到考试或考核我就紧张得难受。"),
        ItemShape(10, "relations", "我和宿舍同学相处得好。", reverse=True),
        ItemShape(11, "mood", "我对将来感到有希望。", reverse=True),
        ItemShape(12, "", "这一题请选择“总是”。", valid_answers=(4,)),
        ItemShape(13, "stress", "我觉得压力大得喘不过气。"),
        ItemShape(14, "relations", "我在班里感到孤单。"),
    ),
    thresholds=(
        ThresholdShape("mood", Grade.YELLOW, Decimal("2.50")),
        ThresholdShape("stress", Grade.YELLOW, Decimal("2.75")),
        ThresholdShape("relations", Grade.YELLOW, Decimal("2.75")),
        ThresholdShape("mood", Grade.ORANGE, Decimal("3.00")),
        ThresholdShape("stress", Grade.ORANGE, Decimal("3.25")),
        ThresholdShape("relations", Grade.ORANGE, Decimal("3.25")),
        ThresholdShape("mood", Grade.RED, Decimal("3.50")),
        ThresholdShape("", Grade.RED, Decimal(42)),
    ),
    description="青山自编的简短演示量表，仅供演示与测试，不作临床用途。",
    options=("从不", "有时", "经常", "总是"),
)

SHAPES = {shape.code: shape for shape in (SCL90, DEMO)}
