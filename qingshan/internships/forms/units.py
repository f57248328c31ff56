"""Forms of internship units, production and works; every choice is the school's."""

from __future__ import annotations

from qingshan.core.forms import SchoolModelForm, choice_field, choices_of
from qingshan.internships.models import Production, Unit, Works


class UnitForm(SchoolModelForm):
    class Meta:
        model = Unit
        fields = [
            "name",
            "kind",
            "enterprise",
            "area_mu",
            "legal_status",
            "registration_no",
            "staff_count",
            "entertainment_venue",
            "manager",
            "founded_year",
            "address",
            "note",
        ]


class ProductionForm(SchoolModelForm):
    class Meta:
        model = Production
        fields = [
            "unit",
            "period_start",
            "period_end",
            "output",
            "quantity",
            "quantity_unit",
            "plot",
            "crop",
            "revenue",
            "cost",
            "teaching_use",
            "students_worked",
            "teachers_worked",
            "note",
        ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = choice_field(self, "unit")
        field.queryset = choices_of(self, "unit").filter(enterprise__isnull=True)


class WorksForm(SchoolModelForm):
    class Meta:
        model = Works
        fields = [
            "unit",
            "title",
            "kind",
            "size",
            "started_on",
            "finished_on",
            "classes",
            "student_days",
            "value",
            "note",
        ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = choice_field(self, "unit")
        field.queryset = choices_of(self, "unit").filter(enterprise__isnull=True)
