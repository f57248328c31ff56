"""Choices of the documents app; names follow docs/glossary.md (文件 / 制度: document, regulation)."""

from django.db import models
from django.utils.translation import pgettext_lazy


class DocumentKind(models.TextChoices):
    REGULATION = "regulation", pgettext_lazy("document kind", "regulation")
    MEASURES = "measures", pgettext_lazy("document kind", "measures")
    RULES = "rules", pgettext_lazy("document kind", "detailed rules")
    OPINION = "opinion", pgettext_lazy("document kind", "opinions")
    NOTICE = "notice", pgettext_lazy("document kind", "notice")
    PLAN = "plan", pgettext_lazy("document kind", "plan")
    DECISION = "decision", pgettext_lazy("document kind", "decision")
    OTHER = "other", pgettext_lazy("document kind", "other document")


class Issuer(models.TextChoices):
    SCHOOL = "school", pgettext_lazy("document issuer", "the school")
    BRANCH = "branch", pgettext_lazy("document issuer", "the party branch")
    DEPARTMENT = "department", pgettext_lazy("document issuer", "a department of the school")


class DocumentStatus(models.TextChoices):
    """A document is issued in force; it may then be revised (by a later version) or repealed.

    Both ends are final: a revised or repealed document never comes back into force.
    """

    IN_FORCE = "in_force", pgettext_lazy("document status", "in force")
    REVISED = "revised", pgettext_lazy("document status", "revised")
    REPEALED = "repealed", pgettext_lazy("document status", "repealed")


class Audience(models.TextChoices):
    """Who a document is addressed to. Each audience is one boolean column of the document."""

    STAFF = "staff", pgettext_lazy("document audience", "all staff")
    CADRES = "cadres", pgettext_lazy("document audience", "school leaders and department heads")
    PARTY_MEMBERS = "party_members", pgettext_lazy("document audience", "party members")
    STUDENTS = "students", pgettext_lazy("document audience", "students")


# The column of a document that holds each audience.
AUDIENCE_FIELDS: dict[str, str] = {
    Audience.STAFF: "for_staff",
    Audience.CADRES: "for_cadres",
    Audience.PARTY_MEMBERS: "for_party_members",
    Audience.STUDENTS: "for_students",
}
