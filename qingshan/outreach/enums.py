"""Choices of the outreach records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", _("leaflet")
    BOOKLET = "booklet", _("technical booklet")
    DISC = "disc", _("video disc")
    OTHER = "other", _("other material")


class ProblemField(models.TextChoices):
    APPLIANCES = "appliances", _("appliance repair")
    LIVESTOCK = "livestock", _("livestock raising")
    FRUIT = "fruit", _("fruit trees")
    CROPS = "crops", _("crops and vegetables")
    MACHINERY = "machinery", _("farm machinery")
    OTHER = "other", _("other")
