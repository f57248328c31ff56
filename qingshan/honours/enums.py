"""Choices of the honours records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    COUNTY = "county", _("county")
    CITY = "city", _("city")
    PROVINCE = "province", _("province")
    NATION = "nation", _("nation")


class Recipient(models.TextChoices):
    SCHOOL = "school", _("the school")
    BRANCH = "branch", _("the party branch")
