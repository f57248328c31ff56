"""The data inventory of the whole platform: which records hold personal information, about whom,
and how many rows of a school each holds — derived from the installed models, never a hand list,
so a record type added to any app appears here without a change to this module.

Invariants:
- every model of a ``qingshan.*`` app is looked at. A model is in the inventory when it *is* a
  person (student, staff member, guardian); points to one (foreign key, one-to-one or
  many-to-many); is a person's login (a person points to it through a one-to-one); points
  through a foreign key to a record whose ``student`` is a student (a session of a case, a week
  of a placement, a read of a case); or has a field whose name says it is personal (ID number,
  date of birth, phone, e-mail, home address, a person's or contact's name) or sealed;
- the tenant (schools, authorities) is not a person and is never in it;
- a sealed field (a ``BinaryField`` named ``*_sealed``) is reported as sealed and never read here;
- a model concerns minors when its rows are about students (most students are under 18);
- counting costs one query per model: the school's rows (``for_school`` where the model has a
  ``school``; archived rows are still held, so they count); a model without a ``school`` is
  counted through the relation that ties it to a school (a login through its memberships);
- ``student_lookups`` are the ORM paths from a model to the student its rows are about; the
  guardian's export reads a student's rows only through them (``rows_about``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import Authority, School
from qingshan.organization.models import Guardian, Staff, Student


class Subject(models.TextChoices):
    """Whose personal information a record holds."""

    STUDENTS = "students", _("students")
    STAFF = "staff", _("staff")
    GUARDIANS = "guardians", _("guardians")
    OTHERS = "others", _("other people")


PERSONS: dict[type[models.Model], str] = {
    Student: Subject.STUDENTS,
    Staff: Subject.STAFF,
    Guardian: Subject.GUARDIANS,
}
TENANT: tuple[type[models.Model], ...] = (School, Authority)
# Field names that say a value is personal wherever they appear.
PERSONAL_NAMES = frozenset(
    {
        "id_number",
        "birth_date",
        "phone",
        "email",
        "home_address",
        "full_name",
        "first_name",
        "last_name",
        "contact_name",
        "person_name",
        "reader_name",
        "student_no",
        "staff_no",
    }
)
PERSONAL_SUFFIXES = ("_phone", "_id_number", "_email")
# ``name`` is a person's name on a record that also holds one of these (a trainee, a member).
PERSON_MARKERS = frozenset({"id_number", "birth_date"})
SEALED_SUFFIX = "_sealed"
BOOKKEEPING = frozenset({"id", "school", "archived_at", "created_at", "updated_at"})


def is_sealed(field: models.Field[Any, Any]) -> bool:
    return isinstance(field, models.BinaryField) and field.name.endswith(SEALED_SUFFIX)


def is_consent(field: models.Field[Any, Any]) -> bool:
    """A field that records a consent: a yes/no or a date whose name speaks of consent."""
    return "consent" in field.name and isinstance(field, models.BooleanField | models.DateField)


def field_label(field: models.Field[Any, Any]) -> str:
    """A field's name for a reader; a sealed field says that it is sealed (its own verbose name
    where it has one, else its name without ``_sealed``)."""
    if not is_sealed(field):
        return str(field.verbose_name)
    name = field.name.removesuffix(SEALED_SUFFIX).replace("_", " ")
    own = str(field.verbose_name)
    label = own if own != field.name.replace("_", " ") else name
    return gettext("%(field)s: sealed (encrypted at rest)") % {"field": label}


@dataclass(frozen=True)
class Holding:
    """A model that holds personal information, as the code declares it."""

    model: type[models.Model]
    subjects: frozenset[str]
    personal_fields: tuple[models.Field[Any, Any], ...]
    student_lookups: tuple[str, ...]
    school_lookup: str | None

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def app_name(self) -> str:
        return str(apps.get_app_config(self.model._meta.app_label).verbose_name)

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def minors(self) -> bool:
        return Subject.STUDENTS in self.subjects

    @property
    def sealed_fields(self) -> tuple[models.Field[Any, Any], ...]:
        return tuple(field for field in self.personal_fields if is_sealed(field))

    @property
    def consent_fields(self) -> tuple[models.Field[Any, Any], ...]:
        return tuple(field for field in self.model._meta.concrete_fields if is_consent(field))

    def field_labels(self) -> list[str]:
        return [field_label(field) for field in self.personal_fields]

    def subject_labels(self) -> list[str]:
        return [str(Subject(subject).label) for subject in Subject.values if subject in self]

    def __contains__(self, subject: object) -> bool:
        return subject in self.subjects

    def of_school(self, school: School) -> QuerySet[Any]:
        """The rows of the school (``for_school`` where the model has it)."""
        manager = self.model._default_manager
        if self.school_lookup == "school":
            queryset = manager.all()
            if hasattr(queryset, "for_school"):
                return queryset.for_school(school)
            return queryset.filter(school=school)
        if self.school_lookup is None:
            return manager.none()
        return manager.filter(pk__in=manager.filter(**{self.school_lookup: school}).values("pk"))

    def rows_about(self, student: Student) -> QuerySet[Any]:
        """The rows about ``student`` (none when the model's rows are not about a student)."""
        if not self.student_lookups:
            return self.model._default_manager.none()
        condition = Q()
        for lookup in self.student_lookups:
            condition |= Q(**{lookup or "pk": student.pk})
        about = self.model._default_manager.filter(condition).values("pk")
        return self.of_school(student.school).filter(pk__in=about).order_by("pk")


def _points_to(field: Any) -> type[models.Model] | None:
    if field.is_relation and field.concrete and (field.many_to_one or field.one_to_one):
        return field.related_model
    if field.is_relation and field.many_to_many and not field.auto_created:
        return field.related_model
    return None


def _person_links(model: type[models.Model]) -> list[tuple[Any, str]]:
    """The fields of ``model`` that point to a person, with whose data they are."""
    links = []
    for field in model._meta.get_fields():
        target = _points_to(field)
        if target in PERSONS:
            links.append((field, PERSONS[target]))
    return links


def _login_of(model: type[models.Model]) -> list[tuple[str, str]]:
    """Persons whose one-to-one points to ``model`` (their login), with the reverse lookup."""
    found = []
    for relation in model._meta.related_objects:
        if relation.one_to_one and relation.related_model in PERSONS:
            found.append((relation.name, PERSONS[relation.related_model]))
    return found


def _through_a_student_record(model: type[models.Model]) -> list[str]:
    """Lookups ``fk__student`` through a foreign key to a record whose ``student`` is one."""
    lookups = []
    for field in model._meta.concrete_fields:
        target = _points_to(field)
        if target is None or target in PERSONS or not (field.many_to_one or field.one_to_one):
            continue
        student = next((f for f in target._meta.concrete_fields if f.name == "student"), None)
        if student is not None and _points_to(student) is Student:
            lookups.append(f"{field.name}__student")
    return lookups


def _is_personal_name(model: type[models.Model], field: models.Field[Any, Any]) -> bool:
    if isinstance(field, models.BooleanField):
        return False  # a setting ("send reminders by e-mail"), not a person's value
    if field.name in PERSONAL_NAMES or field.name.endswith(PERSONAL_SUFFIXES):
        return True
    names = {f.name for f in model._meta.concrete_fields}
    return field.name == "name" and bool(names & PERSON_MARKERS)


def _personal_fields(
    model: type[models.Model], links: list[tuple[Any, str]]
) -> tuple[models.Field[Any, Any], ...]:
    """A person's own data fields (on a person model); elsewhere the links to persons, the
    fields whose names say they are personal, and the sealed ones."""
    own = [f for f in model._meta.concrete_fields if f.name not in BOOKKEEPING]
    if model in PERSONS:
        return tuple(f for f in own if not f.is_relation)
    linked = {field.name for field, _subject in links}
    chosen = [f for f in own if f.name in linked or is_sealed(f) or _is_personal_name(model, f)]
    chosen += [field for field, _subject in links if field.many_to_many]
    return tuple(chosen)


def _school_lookup(model: type[models.Model]) -> str | None:
    """``school``, or the reverse relation through which rows of a school are found."""
    if any(field.name == "school" for field in model._meta.concrete_fields):
        return "school"
    reverse = sorted(
        model._meta.related_objects, key=lambda relation: (relation.one_to_one, relation.name)
    )
    for relation in reverse:
        related = relation.related_model
        if any(field.name == "school" for field in related._meta.concrete_fields):
            return f"{relation.name}__school"
    return None


def holding_of(model: type[models.Model]) -> Holding | None:
    """What ``model`` holds of persons, or None when it holds no personal information."""
    if model in TENANT or issubclass(model, TENANT):
        return None
    links = _person_links(model)
    logins = _login_of(model)
    through = _through_a_student_record(model)
    fields = _personal_fields(model, links)
    if not (model in PERSONS or links or logins or through or fields):
        return None
    subjects = {subject for _field, subject in links} | {subject for _l, subject in logins}
    if model in PERSONS:
        subjects.add(PERSONS[model])
    if through:
        subjects.add(Subject.STUDENTS)
    lookups = [field.name for field, subject in links if subject == Subject.STUDENTS]
    lookups += [lookup for lookup, subject in logins if subject == Subject.STUDENTS]
    lookups += through
    if model is Student:
        lookups.insert(0, "")
    return Holding(
        model=model,
        subjects=frozenset(subjects or {Subject.OTHERS}),
        personal_fields=fields,
        student_lookups=tuple(lookups),
        school_lookup=_school_lookup(model),
    )


def _qingshan_models() -> Iterator[type[models.Model]]:
    for config in apps.get_app_configs():
        if config.name.startswith("qingshan."):
            yield from config.get_models()


@functools.cache
def holdings() -> tuple[Holding, ...]:
    """Every model of the platform that holds personal information (fixed once the apps load)."""
    found = (holding_of(model) for model in _qingshan_models())
    return tuple(holding for holding in found if holding is not None)


@dataclass(frozen=True)
class Line:
    """A line of the inventory: a holding and how many rows of the school it holds."""

    holding: Holding
    rows: int


def inventory(school: School) -> list[Line]:
    """Every holding with the school's rows: one count query per model."""
    return [Line(holding, holding.of_school(school).count()) for holding in holdings()]


@dataclass(frozen=True)
class Consent:
    """A consent field of a record type and how many of the school's rows hold a consent."""

    holding: Holding
    field: models.Field[Any, Any]
    held: int
    given_in_year: int | None


def consents(school: School, year: int) -> list[Consent]:
    """Consents the inventory finds: a ``True`` or a date in a consent field (``is_consent``);
    for a date, also how many were given in ``year``."""
    found = []
    for holding in holdings():
        for field in holding.consent_fields:
            rows = holding.of_school(school)
            if isinstance(field, models.BooleanField):
                found.append(
                    Consent(holding, field, rows.filter(**{field.name: True}).count(), None)
                )
                continue
            held = rows.exclude(**{field.name: None})
            year_lookup = {f"{field.name}__year": year}
            found.append(Consent(holding, field, held.count(), held.filter(**year_lookup).count()))
    return found


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
