"""The words of careers: the enterprise register's sectors and sizes, and the fields in which the
national statistics of secondary vocational graduates report their destinations (毕业生去向)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Sector(models.TextChoices):
    """The sections (门类) of the national industry classification, GB/T 4754-2017."""

    AGRICULTURE = "A", _("agriculture, forestry, animal husbandry and fishery")
    MINING = "B", _("mining")
    MANUFACTURING = "C", _("manufacturing")
    UTILITIES = "D", _("electricity, heat, gas and water")
    CONSTRUCTION = "E", _("construction")
    TRADE = "F", _("wholesale and retail trade")
    TRANSPORT = "G", _("transport, storage and post")
    HOSPITALITY = "H", _("accommodation and catering")
    INFORMATION = "I", _("information transmission, software and IT services")
    FINANCE = "J", _("finance")
    REAL_ESTATE = "K", _("real estate")
    BUSINESS_SERVICES = "L", _("leasing and business services")
    RESEARCH = "M", _("scientific research and technical services")
    ENVIRONMENT = "N", _("water, environment and public facilities")
    RESIDENT_SERVICES = "O", _("resident, repair and other services")
    EDUCATION = "P", pgettext_lazy("sector", "education")
    HEALTH = "Q", _("health and social work")
    CULTURE = "R", _("culture, sports and entertainment")
    PUBLIC = "S", _("public administration and social organisations")
    INTERNATIONAL = "T", _("international organisations")


class EnterpriseSize(models.TextChoices):
    """The sizes of the national statistics' classification of enterprises."""

    LARGE = "large", _("large")
    MEDIUM = "medium", _("medium-sized")
    SMALL = "small", _("small")
    MICRO = "micro", _("micro")


class DestinationKind(models.TextChoices):
    """Where a graduate went, as the national statistics of secondary vocational graduates count
    it. Every kind but ``UNEMPLOYED`` counts as employed (就业), further study included."""

    ENTERPRISE = "enterprise", _("employed by an enterprise or institution")
    SELF_EMPLOYED = "self_employed", _("self-employed")
    OTHER_WORK = "other_work", _("employed in another way")
    ARMY = "army", _("joined the army")
    ABROAD = "abroad", _("working abroad")
    FURTHER_STUDY = "further_study", _("further study")
    UNEMPLOYED = "unemployed", _("not yet employed")


EMPLOYED_KINDS = frozenset(kind for kind in DestinationKind if kind != DestinationKind.UNEMPLOYED)
# Direct employment (直接就业): every employed kind but further study; the matching rate's base.
WORKING_KINDS = EMPLOYED_KINDS - {DestinationKind.FURTHER_STUDY}


class Region(models.TextChoices):
    """Where the work is, seen from the school."""

    LOCAL = "local", _("in the school's own county or city")
    PROVINCE = "province", _("elsewhere in the province")
    OTHER_PROVINCE = "other_province", _("in another province")
    ABROAD = "abroad", pgettext_lazy("region", "abroad")


class Channel(models.TextChoices):
    """How the graduate found the place."""

    SCHOOL = "school", _("recommended by the school")
    ORDER_CLASS = "order_class", _("through an order class")
    OWN_SEARCH = "own_search", _("found it themselves")
    AGENT = "agent", _("through an employment agent")


class FollowUpMethod(models.TextChoices):
    PHONE = "phone", _("by phone")
    LINK = "link", _("by a link the graduate fills in")


class FeedbackTopic(models.TextChoices):
    WAGES = "wages", _("wages")
    CONDITIONS = "conditions", _("working and living conditions")
    PROBLEM = "problem", _("a problem")
    OTHER = "other", pgettext_lazy("feedback topic", "other")
