"""Reads of documents, always scoped by school; what a reader may see; numbering; search.

Invariants:
- ``readable_documents`` is the only way a page, the API or an export lists documents for a
  person: the school administrator, the branch secretary and the county bureau read every
  document of the school; anyone else reads the current (not archived) documents addressed to
  an audience they belong to (``reader_audiences``);
- ``search`` keeps the scoping of the queryset it is given and only narrows and orders it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.postgres.search import SearchQueryField, SearchVectorField
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Length, Lower, Replace

from qingshan.accounts.enums import Role
from qingshan.accounts.selectors import roles_at
from qingshan.core.models import School
from qingshan.documents import text
from qingshan.documents.enums import AUDIENCE_FIELDS, Audience, Issuer
from qingshan.documents.models import Attachment, Document, DocumentQuerySet
from qingshan.organization.models import Department
from qingshan.party.enums import ACTIVE_MEMBER_STATUSES
from qingshan.party.models import Member

# Roles that read every document of the school, whoever it is addressed to.
READ_ALL_ROLES = frozenset({Role.SCHOOL_ADMIN, Role.SECRETARY, Role.AUTHORITY_VIEWER})
# The audiences each other role belongs to (party members are found through the party's rolls).
ROLE_AUDIENCES: dict[str, frozenset[str]] = {
    Role.DEPARTMENT_HEAD: frozenset({Audience.STAFF, Audience.CADRES}),
    Role.TEACHER: frozenset({Audience.STAFF}),
    Role.COUNSELOR: frozenset({Audience.STAFF}),
    Role.STUDENT: frozenset({Audience.STUDENTS}),
}


def documents(school: School) -> DocumentQuerySet:
    """Every document of the school, archived ones included."""
    return Document.objects.for_school(school).select_related("department")


def is_party_member(*, school: School, user: Any) -> bool:
    """Whether the user's staff or student record at the school is a current party member."""

    return (
        Member.objects.for_school(school)
        .filter(Q(staff__user=user) | Q(student__user=user), status__in=ACTIVE_MEMBER_STATUSES)
        .exists()
    )


def reader_audiences(*, school: School, user: Any) -> frozenset[str] | None:
    """The audiences the user belongs to at the school; ``None`` for those who read everything."""
    roles = roles_at(user, school)
    if roles & READ_ALL_ROLES:
        return None
    audiences: set[str] = set()
    for role in roles:
        audiences |= ROLE_AUDIENCES.get(role, frozenset())
    if roles and is_party_member(school=school, user=user):
        audiences.add(Audience.PARTY_MEMBERS)
    return frozenset(audiences)


def audience_filter(audiences: frozenset[str]) -> Q:
    condition = Q(pk__in=[])
    for audience in sorted(audiences):
        condition |= Q(**{AUDIENCE_FIELDS[audience]: True})
    return condition


def readable_documents(*, school: School, user: Any) -> QuerySet[Document]:
    audiences = reader_audiences(school=school, user=user)
    if audiences is None:
        return documents(school)
    return documents(school).active().filter(audience_filter(audiences))


def attachments(document: Document) -> QuerySet[Attachment]:
    return Attachment.objects.filter(school_id=document.school_id, document=document)


def version_chain(*, document: Document, readable: QuerySet[Document]) -> list[Document]:
    """Every version of the document's regulation the reader may see, oldest first."""
    root = document.origin_id or document.pk
    return list(readable.filter(Q(pk=root) | Q(origin_id=root)).order_by("issued_on", "pk"))


# --- numbering -----------------------------------------------------------------------------
def _series(*, school: School, issuer: str, department: Any, year: int) -> QuerySet[Document]:
    rows = Document.objects.for_school(school).filter(year=year)
    if issuer == Issuer.DEPARTMENT:
        return rows.filter(department=department)
    return rows.filter(issuer=issuer, department__isnull=True)


def next_sequence(*, school: School, issuer: str, department: Any, year: int) -> int:
    """The next free sequence of the issuer in the year (archived documents keep theirs)."""
    highest = _series(school=school, issuer=issuer, department=department, year=year).aggregate(
        highest=Max("sequence")
    )["highest"]
    return (highest or 0) + 1


def holder_of_number(
    *, school: School, issuer: str, department: Any, year: int, sequence: int, exclude: Any = None
) -> Document | None:
    rows = _series(school=school, issuer=issuer, department=department, year=year).filter(
        sequence=sequence
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return rows.first()


def suggested_prefix(*, school: School, issuer: str, department: Any) -> str:
    """The issuer's code of the issuer's latest document ("" when it has none)."""
    rows = Document.objects.for_school(school)
    rows = (
        rows.filter(department=department)
        if issuer == Issuer.DEPARTMENT
        else rows.filter(issuer=issuer, department__isnull=True)
    )
    latest = rows.exclude(prefix="").order_by("-issued_on", "-pk").values_list("prefix").first()
    return latest[0] if latest else ""


def years(queryset: QuerySet[Document]) -> list[int]:
    return list(queryset.order_by("-year").values_list("year", flat=True).distinct())


# --- figures -------------------------------------------------------------------------------
def issued_between(*, schools: Any, start: dt.date, end: dt.date) -> QuerySet[Document]:
    return (
        Document.objects.for_schools(schools)
        .active()
        .filter(issued_on__gte=start, issued_on__lte=end)
    )


def in_force_on(*, schools: Any, day: dt.date) -> QuerySet[Document]:
    return Document.objects.for_schools(schools).in_force_on(day)


# --- search --------------------------------------------------------------------------------
class _DocumentVector(Func):
    """The weighted vector of a document (title A, text B) — the expression of the GIN index
    ``document_search_gin`` (migration 0002), written out the same way so the index is used."""

    output_field: Any = None

    def __init__(self) -> None:
        super().__init__(F("search_title"), F("search_body"), output_field=SearchVectorField())

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> Any:  # type: ignore[override]
        title, title_params = compiler.compile(self.source_expressions[0])
        body, body_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(setweight(to_tsvector('simple'::regconfig, {title}), 'A') || "
            f"setweight(to_tsvector('simple'::regconfig, {body}), 'B'))"
        )
        return sql, [*title_params, *body_params]


class _TitleVector(Func):
    template = "to_tsvector('simple'::regconfig, %(expressions)s)"

    def __init__(self) -> None:
        super().__init__(F("search_title"), output_field=SearchVectorField())


class _Query(Func):
    template = "to_tsquery('simple'::regconfig, %(expressions)s)"

    def __init__(self, query: str) -> None:
        super().__init__(Value(query), output_field=SearchQueryField())


class _Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _Rank(Func):
    function = "ts_rank"
    output_field = FloatField()


def uses_postgres_search(queryset: QuerySet[Any]) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def search(queryset: QuerySet[Document], query: str) -> QuerySet[Document]:
    """The documents of ``queryset`` matching every term of ``query``, best first: those whose
    title (or number) matches, then by relevance of the text, then the newest. Each row carries
    ``title_hit`` and ``rank``. An empty query leaves the queryset as it is; a query without a
    searchable character matches nothing."""
    if not query or not query.strip():
        return queryset
    terms = text.query_terms(query)
    if not terms:
        return queryset.none()
    if uses_postgres_search(queryset):
        return _search_postgres(queryset, terms)
    return _search_substrings(queryset, terms)


def _search_postgres(queryset: QuerySet[Document], terms: list[str]) -> QuerySet[Document]:
    tsquery = text.tsquery(terms)
    if not tsquery:
        return queryset.none()
    return (
        queryset.annotate(search_vector=_DocumentVector())
        .filter(_Matches(F("search_vector"), _Query(tsquery)))
        .annotate(
            title_hit=_Matches(_TitleVector(), _Query(tsquery)),
            rank=_Rank(F("search_vector"), _Query(tsquery)),
        )
        .order_by("-title_hit", "-rank", "-issued_on", "-pk")
    )


def _search_substrings(queryset: QuerySet[Document], terms: list[str]) -> QuerySet[Document]:
    """SQLite: every term must occur in the title, number or text (case-insensitive for Latin
    letters); the rank counts the occurrences in the text."""
    matches = Q()
    title_hit = Q()
    occurrences: Any = Value(0.0)
    lowered_body = Lower("body")
    for term in terms:
        in_title = Q(title__icontains=term) | Q(number__icontains=term)
        matches &= in_title | Q(body__icontains=term)
        title_hit &= in_title
        occurrences = occurrences + Cast(
            (Length(lowered_body) - Length(Replace(lowered_body, Value(term), Value(""))))
            / len(term),
            FloatField(),
        )
    return (
        queryset.filter(matches)
        .annotate(
            title_hit=Case(When(title_hit, then=Value(True)), default=Value(False)),
            rank=occurrences,
        )
        .order_by("-title_hit", "-rank", "-issued_on", "-pk")
    )


def department_of(school: School, pk: int) -> Department | None:
    """The school's department ``pk``, or None."""
    return Department.objects.for_school(school).filter(pk=pk).first()
