"""School-compiled textbooks (校本教材): who wrote them, for which major and course, their
approval, and which classes use them in which term for how many periods.

Invariant: a textbook is used only once approved (checked in ``services.textbooks``); one use per
textbook, class and term.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.students.enums import TextbookState


class Textbook(SchoolOwned):
    title = models.CharField(_("title"), max_length=120)
    editors = models.ManyToManyField(
        "organization.Staff", related_name="textbooks", verbose_name=_("editors")
    )
    major = models.ForeignKey(
        "organization.Major",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("major"),
    )
    course = models.CharField(pgettext_lazy("textbook", "course"), max_length=60)
    edition = models.PositiveSmallIntegerField(
        _("edition"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    printed_on = models.DateField(_("printed on"), null=True, blank=True)
    pages = models.PositiveSmallIntegerField(
        _("pages"), null=True, blank=True, validators=[MaxValueValidator(3000)]
    )
    state = models.CharField(
        _("approval state"),
        max_length=16,
        choices=TextbookState.choices,
        default=TextbookState.DRAFT,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="students/textbooks/%Y/", blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("school textbook")
        verbose_name_plural = _("school textbooks")
        ordering = ["school", "title", "-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "title", "edition"],
                name="textbook_unique_edition",
                violation_error_message=_("This edition of the textbook is registered already."),
            )
        ]

    def __str__(self) -> str:
        return f"《{self.title}》" + (f" ({self.edition})" if self.edition > 1 else "")

    def get_absolute_url(self) -> str:
        return reverse("students:textbook_detail", args=[self.pk])


class TextbookUse(SchoolOwned):
    textbook = models.ForeignKey(
        Textbook, on_delete=models.CASCADE, related_name="uses", verbose_name=_("textbook")
    )
    school_class = models.ForeignKey(
        "organization.SchoolClass",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("class"),
    )
    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    periods = models.PositiveSmallIntegerField(
        _("periods taught with it"), validators=[MinValueValidator(1), MaxValueValidator(400)]
    )

    class Meta:
        verbose_name = _("use of a textbook")
        verbose_name_plural = _("uses of textbooks")
        ordering = ["school", "textbook", "-term__start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["textbook", "school_class", "term"],
                name="textbookuse_once_per_class_term",
                violation_error_message=_("This class uses this textbook in this term already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.textbook} · {self.school_class} · {self.term}"

    def get_absolute_url(self) -> str:
        return reverse("students:textbookuse_detail", args=[self.pk])
