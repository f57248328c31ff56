from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    GENERAL = "general", _("general track")
    VOCATIONAL = "vocational", _("vocational track")


class Semester(models.IntegerChoices):
    AUTUMN = 1, _("first semester (autumn)")
    SPRING = 2, _("second semester (spring)")


class Gender(models.TextChoices):
    MALE = "male", _("male")
    FEMALE = "female", _("female")


class PoliticalStatus(models.TextChoices):
    PARTY_MEMBER = "party_member", _("CPC member")
    PROBATIONARY = "probationary", _("CPC probationary member")
    LEAGUE = "league", _("Youth League member")
    DEMOCRATIC_PARTY = "democratic_party", _("member of a democratic party")
    MASSES = "masses", _("ordinary citizen")


class Education(models.TextChoices):
    POSTGRADUATE = "postgraduate", _("postgraduate")
    BACHELOR = "bachelor", _("bachelor's degree")
    COLLEGE = "college", _("junior college")
    SECONDARY = "secondary", _("secondary school")


class ProfessionalTitle(models.TextChoices):
    SENIOR = "senior", _("senior teacher")
    FIRST = "first", _("first-grade teacher")
    SECOND = "second", _("second-grade teacher")
    THIRD = "third", _("third-grade teacher")
    NONE = "none", _("no title")


class StudentStatus(models.TextChoices):
    STUDYING = "studying", _("studying")
    SUSPENDED = "suspended", _("suspended")
    GRADUATED = "graduated", _("graduated")
    TRANSFERRED_OUT = "transferred_out", _("transferred out")
    DROPPED_OUT = "dropped_out", _("dropped out")
    DECEASED = "deceased", _("deceased")


class Household(models.TextChoices):
    RURAL = "rural", _("rural household")
    URBAN = "urban", _("urban household")


class GuardianRelation(models.TextChoices):
    FATHER = "father", _("father")
    MOTHER = "mother", _("mother")
    GRANDPARENT = "grandparent", _("grandparent")
    OTHER = "other", _("other relative")
