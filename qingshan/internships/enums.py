"""The words of internships: the school's own units, the kinds of internship the national rules
name, how interns are paid, and what the unit supervisor rates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    """What an internship unit is. The school's own enterprises and bases are farms, orchards,
    nurseries, factories, shops and construction works; outside companies come from the careers
    register."""

    FARM = "farm", _("farm")
    ORCHARD = "orchard", _("orchard")
    NURSERY = "nursery", _("nursery")
    FACTORY = "factory", _("factory")
    SHOP = "shop", pgettext_lazy("unit", "shop")
    WORKS = "works", _("construction works")
    COMPANY = "company", _("outside company")


OWN_KINDS = (
    UnitKind.FARM,
    UnitKind.ORCHARD,
    UnitKind.NURSERY,
    UnitKind.FACTORY,
    UnitKind.SHOP,
    UnitKind.WORKS,
)
LAND_KINDS = (UnitKind.FARM, UnitKind.ORCHARD, UnitKind.NURSERY)


class LegalStatus(models.TextChoices):
    """Whether the school's own unit is registered as an organisation (the 2021 rules, article
    2: only then may it host interns)."""

    LEGAL_PERSON = "legal", _("legal person")
    NON_LEGAL_PERSON = "non_legal", _("registered organisation without legal personality")
    UNREGISTERED = "none", _("not registered")


class PlacementKind(models.TextChoices):
    COGNITIVE = "cognitive", _("cognitive internship (认识实习)")
    POST = "post", _("post internship (岗位实习)")


class PayBasis(models.TextChoices):
    SAME_POST = "same_post", _("wage of the same post")
    LOWEST_GRADE = "lowest_grade", _("the unit's lowest wage grade")


class PremiumPayer(models.TextChoices):
    SCHOOL = "school", pgettext_lazy("payer", "the school")
    UNIT = "unit", _("the unit")
    STUDENT = "student", _("the student")


class Severity(models.TextChoices):
    """What a rule does when it does not hold: refuse the placement, or flag it."""

    REFUSE = "refuse", _("refused")
    FLAG = "flag", _("flagged")


class Criterion(models.TextChoices):
    """What the unit supervisor rates each week, and the school supervisor on a visit; 1 to 5."""

    ATTENDANCE = "attendance", _("attendance")
    ATTITUDE = "attitude", _("attitude")
    SKILL = "skill", _("skill")
    SAFETY = "safety", _("safety")
    TEAMWORK = "teamwork", _("teamwork")


class WorksKind(models.TextChoices):
    ROAD = "road", _("road")
    DITCH = "ditch", _("ditch or channel")
    SPORTS_FIELD = "sports_field", _("sports field")
    BUILDING = "building", _("building")
    OTHER = "other", pgettext_lazy("works", "other")
