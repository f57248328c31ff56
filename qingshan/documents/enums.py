"""Choices of the documents app; names follow docs/glossary.md (文件 / 制度: document, regulation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    REGULATION = "regulation", _("regulation")
    MEASURES = "measures", _("measures")
    RULES = "rules", _("detailed rules")
    OPINION = "opinion", _("opinions")
    NOTICE = "notice", _("notice")
    PLAN = "plan", _("plan")
    DECISION = "decision", _("decision")
    OTHER = "other", _("other document")


class Issuer(models.TextChoices):
    SCHOOL = "school", _("the school")
    BRANCH = "branch", _("the party branch")
    DEPARTMENT = "department", _("a department of the school")


class DocumentStatus(models.TextChoices):
    """A document is issued in force; it may then be revised (by a later version) or repealed.

    Both ends are final: a revised or repealed document never comes back into force.
    """

    IN_FORCE = "in_force", _("in force")
    REVISED = "revised", _("revised")
    REPEALED = "repealed", _("repealed")


class Audience(models.TextChoices):
    """Who a document is addressed to. Each audience is one boolean column of the document."""

    STAFF = "staff", _("all staff")
    CADRES = "cadres", _("school leaders and department heads")
    PARTY_MEMBERS = "party_members", _("party members")
    STUDENTS = "students", _("students")


# The column of a document that holds each audience.
AUDIENCE_FIELDS: dict[str, str] = {
    Audience.STAFF: "for_staff",
    Audience.CADRES: "for_cadres",
    Audience.PARTY_MEMBERS: "for_party_members",
    Audience.STUDENTS: "for_students",
}
