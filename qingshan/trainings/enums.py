"""Choices of the training records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    QUALIFICATION = "qualification", _("vocational qualification certificate")
    TRAINING = "training", _("training certificate")
    SPECIAL_OPERATION = "special_operation", _("special operation permit")


class RateGrouping(models.TextChoices):
    COURSE = "course", _("by course")
    YEAR = "year", _("by year")
    TOWNSHIP = "township", _("by township")
