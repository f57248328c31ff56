from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from qingshan.core.filters import SchoolFilterSet
from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee


class CourseFilter(SchoolFilterSet):
    search_fields = ("name", "trade", "teachers", "programme")

    class Meta:
        model = Course
        fields: list[str] = []


class CohortFilter(SchoolFilterSet):
    class Meta:
        model = Cohort
        fields = ["course"]


class TraineeFilter(SchoolFilterSet):
    search_fields = ("name", "township", "village")
    township = django_filters.CharFilter(label=_("township"), lookup_expr="exact")

    class Meta:
        model = Trainee
        fields = ["gender"]


class EnrolmentFilter(SchoolFilterSet):
    search_fields = ("trainee__name", "trainee__township")

    class Meta:
        model = Enrolment
        fields = ["cohort", "completed", "is_party_member"]


class CertificateFilter(SchoolFilterSet):
    search_fields = ("number", "enrolment__trainee__name", "issuer")

    class Meta:
        model = Certificate
        fields = ["kind"]


class FollowUpFilter(SchoolFilterSet):
    search_fields = ("enrolment__trainee__name", "employer", "region")

    class Meta:
        model = FollowUp
        fields = ["employed", "enrolment__cohort"]
