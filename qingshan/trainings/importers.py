"""Excel imports of a cohort's roster and of follow-up results (see ``qingshan.core.importing``).

Both are all-or-nothing with a dry run. In one file a resident ID number appears once (so a
cohort's roster cannot list a person twice); a row's cohort is named by the cohort's name.
The roster creates or updates the trainee (by resident ID number) and the trainee's place in the
cohort, and may carry attendance, completion and a certificate; a follow-up row adds one
follow-up to the trainee's place in the cohort.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.utils.translation import gettext

from qingshan.core.constraints import ConstraintChecker
from qingshan.core.importing import Importer, Planned, log_bulk
from qingshan.core.models import School
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import (
    ChoiceParser,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_int,
    parse_resident_id,
)
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.enums import Gender
from qingshan.trainings.enums import CertificateKind
from qingshan.trainings.models import Certificate, Cohort, Enrolment, FollowUp, Trainee

COHORT_COLUMN = Column(
    "cohort", "培训班次", "Cohort", required=True, example="2013年第1期电焊工培训班"
)
ID_COLUMN = Column(
    "id_number",
    "身份证号",
    "Resident ID number",
    parse_resident_id,
    required=True,
    example="51192119850501123X",
)

ROSTER_SHEET = SheetSpec(
    key="trainee_roster",
    title_zh="培训学员名册",
    title_en="Trainee roster",
    columns=(
        COHORT_COLUMN,
        Column("name", "姓名", "Name", required=True, example="王小明"),
        Column("gender", "性别", "Gender", ChoiceParser(Gender), required=True, example="男"),
        ID_COLUMN,
        Column("township", "乡镇", "Township", required=True, example="民胜镇"),
        Column("village", "村", "Village", example="青山村"),
        Column("phone", "联系电话", "Contact", example="13900000000"),
        Column("is_party_member", "党员", "Party member", parse_bool, example="否"),
        Column(
            "days_attended",
            "出勤天数",
            "Days attended",
            lambda v: parse_int(v, min_value=0, max_value=366),
            example="15",
        ),
        Column("completed", "结业", "Completed", parse_bool, example="是"),
        Column(
            "certificate_kind",
            "证书类别",
            "Certificate kind",
            ChoiceParser(CertificateKind),
            example="职业资格证书",
        ),
        Column("certificate_number", "证书编号", "Certificate number", example="1351000000123"),
        Column(
            "certificate_issuer", "发证机关", "Certificate issuer", example="县人力资源和社会保障局"
        ),
        Column(
            "certificate_date", "发证日期", "Certificate date", parse_date, example="2013-06-30"
        ),
    ),
)

FOLLOW_UP_SHEET = SheetSpec(
    key="follow_ups",
    title_zh="就业跟踪回访",
    title_en="Follow-ups after training",
    columns=(
        COHORT_COLUMN,
        ID_COLUMN,
        Column("name", "姓名", "Name", example="王小明"),
        Column(
            "checked_on",
            "回访日期",
            "Date of follow-up",
            parse_date,
            required=True,
            example="2013-12-20",
        ),
        Column("employed", "是否就业", "Employed", parse_bool, required=True, example="是"),
        Column("employer", "就业单位", "Employer", example="某电子厂"),
        Column("region", "就业地区", "Region of work", example="广东东莞"),
        Column(
            "monthly_income",
            "月收入（元）",
            "Monthly income (yuan)",
            lambda v: parse_decimal(v, decimal_places=2, min_value=0, max_value=999999),
            example="1500",
        ),
        Column("note", "备注", "Note"),
    ),
)

CERTIFICATE_KEYS = (
    "certificate_kind",
    "certificate_number",
    "certificate_issuer",
    "certificate_date",
)


def _cohorts(school: School) -> dict[str, Cohort]:
    rows = Cohort.objects.for_school(school).active().select_related("course")
    return {cohort.name: cohort for cohort in rows}


class RosterImporter(Importer[Trainee]):
    sheet = ROSTER_SHEET
    model = Trainee
    key_column = "id_number"

    def prepare(self) -> None:
        super().prepare()
        self.cohorts = _cohorts(self.school)
        self.enrolments = {
            (row.cohort_id, row.trainee_id): row
            for row in Enrolment.objects.for_school(self.school).prefetch_related("certificates")
        }
        self.certificate_numbers = set(
            Certificate.objects.for_school(self.school).values_list("kind", "number")
        )

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        cohort = self.cohorts.get(values["cohort"].strip())
        if cohort is None:
            return [
                self.error(
                    row,
                    "cohort",
                    ErrorCategory.REFERENCE,
                    gettext("There is no cohort “%(value)s”.") % {"value": values["cohort"]},
                )
            ]
        for name in ("name", "gender", "id_number", "township"):
            setattr(
                record,
                name,
                values[name].strip() if isinstance(values[name], str) else values[name],
            )
        for name in ("village", "phone"):
            if values[name] is not None:
                setattr(record, name, values[name].strip())
        values["cohort_record"] = cohort
        return self._place_errors(row, values, record, cohort)

    def _place_errors(
        self, row: RawRow, values: dict[str, Any], record: Any, cohort: Cohort
    ) -> list[RowError]:
        errors = []
        days = values["days_attended"]
        if days is not None and days > cohort.course.days:
            errors.append(
                self.error(
                    row,
                    "days_attended",
                    ErrorCategory.INVALID,
                    gettext("The course lasts %(days)d days.") % {"days": cohort.course.days},
                )
            )
        given = [key for key in CERTIFICATE_KEYS if values[key] is not None]
        if given and len(given) < len(CERTIFICATE_KEYS):
            missing = next(key for key in CERTIFICATE_KEYS if values[key] is None)
            errors.append(
                self.error(
                    row,
                    missing,
                    ErrorCategory.MISSING,
                    gettext("A certificate needs its kind, number, issuer and date."),
                )
            )
        elif given:
            existing = self.enrolments.get((cohort.pk, record.pk)) if record.pk else None
            completed = (
                values["completed"]
                if values["completed"] is not None
                else bool(existing and existing.completed)
            )
            if not completed:
                errors.append(
                    self.error(
                        row,
                        "completed",
                        ErrorCategory.INVALID,
                        gettext("Only a trainee who completed the course is certified."),
                    )
                )
            number = (values["certificate_kind"], values["certificate_number"].strip())
            held = existing is not None and any(
                (c.kind, c.number) == number for c in existing.certificates.all()
            )
            if number in self.certificate_numbers and not held:
                errors.append(
                    self.error(
                        row,
                        "certificate_number",
                        ErrorCategory.CONFLICT,
                        gettext("A certificate of this kind with this number exists already."),
                    )
                )
            self.certificate_numbers.add(number)
            values["certificate_held"] = held
        return errors

    def after_write(self, planned: list[Planned]) -> None:
        new_places, changed_places, certificates = [], [], []
        for item in planned:
            values, trainee = item.extra, item.record
            cohort = values["cohort_record"]
            place = self.enrolments.get((cohort.pk, trainee.pk))
            if place is None:
                place = Enrolment(school=self.school, cohort=cohort, trainee=trainee)
                new_places.append(place)
            else:
                changed_places.append(place)
            for name in ("days_attended", "completed", "is_party_member"):
                if values[name] is not None:
                    setattr(place, name, values[name])
            values["place"] = place
        Enrolment.objects.bulk_create(new_places, batch_size=500)
        Enrolment.objects.bulk_update(
            changed_places,
            ["days_attended", "completed", "is_party_member", "updated_at"],
            batch_size=500,
        )
        for item in planned:
            values = item.extra
            if values.get("certificate_number") and not values.get("certificate_held"):
                certificates.append(
                    Certificate(
                        school=self.school,
                        enrolment=values["place"],
                        kind=values["certificate_kind"],
                        number=values["certificate_number"].strip(),
                        issuer=values["certificate_issuer"].strip(),
                        issued_on=values["certificate_date"],
                    )
                )
        Certificate.objects.bulk_create(certificates, batch_size=500)
        log_bulk(new_places, action=LogEntry.Action.CREATE, actor=None)
        log_bulk(changed_places, action=LogEntry.Action.UPDATE, actor=None)
        log_bulk(certificates, action=LogEntry.Action.CREATE, actor=None)


class FollowUpImporter(Importer[FollowUp]):
    sheet = FOLLOW_UP_SHEET
    model = FollowUp
    key_column = "id_number"

    def prepare(self) -> None:
        existing = list(FollowUp.objects.for_school(self.school))
        self.existing = {}  # every row adds a follow-up
        self.constraints = ConstraintChecker(FollowUp, existing)
        self.cohorts = _cohorts(self.school)
        self.places = {
            (row.cohort_id, row.trainee.id_number): row
            for row in Enrolment.objects.for_school(self.school).select_related("trainee")
        }

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        cohort = self.cohorts.get(values["cohort"].strip())
        if cohort is None:
            return [
                self.error(
                    row,
                    "cohort",
                    ErrorCategory.REFERENCE,
                    gettext("There is no cohort “%(value)s”.") % {"value": values["cohort"]},
                )
            ]
        place = self.places.get((cohort.pk, values["id_number"]))
        if place is None:
            return [
                self.error(
                    row,
                    "id_number",
                    ErrorCategory.REFERENCE,
                    gettext("Nobody with this resident ID number is in the cohort “%(cohort)s”.")
                    % {"cohort": cohort.name},
                )
            ]
        record.enrolment = place
        record.checked_on = values["checked_on"]
        record.employed = values["employed"]
        record.employer = (values["employer"] or "").strip()
        record.region = (values["region"] or "").strip()
        record.monthly_income = values["monthly_income"]
        record.note = (values["note"] or "").strip()
        errors = []
        if record.checked_on < cohort.end_on:
            errors.append(
                self.error(
                    row,
                    "checked_on",
                    ErrorCategory.INVALID,
                    gettext("A follow-up comes after the cohort ended (%(end)s).")
                    % {"end": cohort.end_on},
                )
            )
        if not record.employed and (record.employer or record.monthly_income is not None):
            errors.append(
                self.error(
                    row,
                    "employed",
                    ErrorCategory.INVALID,
                    gettext("An employer or an income is recorded only for an employed trainee."),
                )
            )
        return errors


IMPORTERS: dict[str, type[Importer[Any]]] = {
    ROSTER_SHEET.key: RosterImporter,
    FOLLOW_UP_SHEET.key: FollowUpImporter,
}
