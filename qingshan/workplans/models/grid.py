"""The responsibility grid (岗哨/网格): work lines × places × time slots, a person on post in each cell.

A term has its own weekly timetable of slots and its own cells; holidays and substitutions are
exceptions on dates. Leaves of staff are recorded here so the grid can find people on post while away.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.workplans.enums import PlaceKind, Weekday


class WorkLine(SchoolOwned):
    """A line of work someone must watch over: safety, teaching order, dormitories, canteen …"""

    name = models.CharField(_("name"), max_length=60)
    covers_every_place = models.BooleanField(
        _("must cover every place"),
        default=False,
        help_text=_("A place this line has no post at is reported as a blind zone."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("work line")
        verbose_name_plural = _("work lines")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="workplans_line_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workplans:workline_detail", args=[self.pk])


class Place(SchoolOwned):
    """A building, a grade team's area or a farm: somewhere posts are held."""

    name = models.CharField(_("name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=12, choices=PlaceKind.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="workplans_place_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workplans:place_detail", args=[self.pk])


class TimeSlot(SchoolOwned):
    """A slot of a term's weekly duty timetable; it applies to the lines named (none: every line)."""

    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    label = models.CharField(_("label"), max_length=30, blank=True)
    lines = models.ManyToManyField(
        WorkLine,
        blank=True,
        related_name="+",
        verbose_name=_("only for the lines"),
        help_text=_("Leave empty when every line is on duty in this slot."),
    )

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["weekday", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "term", "weekday", "starts_at"],
                name="workplans_slot_unique_start",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="workplans_slot_ends_after_start",
                violation_error_message=_("A slot must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("workplans:timeslot_detail", args=[self.pk])

    def overlaps(self, other: TimeSlot) -> bool:
        return (
            self.weekday == other.weekday
            and self.starts_at < other.ends_at
            and other.starts_at < self.ends_at
        )


class GridCell(SchoolOwned):
    """哨位: the person on post for a line at a place in a slot (empty: a blank to fill)."""

    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    line = models.ForeignKey(
        WorkLine, on_delete=models.PROTECT, related_name="cells", verbose_name=_("work line")
    )
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="cells", verbose_name=_("place")
    )
    slot = models.ForeignKey(
        TimeSlot, on_delete=models.PROTECT, related_name="cells", verbose_name=_("time slot")
    )
    person = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person on post"),
    )
    note = models.CharField(_("note"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("grid cell")
        verbose_name_plural = _("grid cells")
        ordering = ["line__sort_order", "place__sort_order", "slot__weekday", "slot__starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "term", "line", "place", "slot"], name="workplans_cell_unique"
            )
        ]
        indexes = [models.Index(fields=["school", "term"])]

    def __str__(self) -> str:
        return f"{self.line} · {self.place} · {self.slot}"

    def get_absolute_url(self) -> str:
        return reverse("workplans:gridcell_detail", args=[self.pk])


class GridException(SchoolOwned):
    """A date off the weekly timetable: a holiday (nobody on post) or a substitute for one cell."""

    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    date = models.DateField(_("date"))
    cell = models.ForeignKey(
        GridCell,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exceptions",
        verbose_name=_("cell"),
        help_text=_("Empty for a holiday: no post is held that day."),
    )
    substitute = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("substitute"),
    )
    note = models.CharField(_("reason"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("grid exception")
        verbose_name_plural = _("grid exceptions")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cell__isnull=True) | Q(substitute__isnull=False),
                name="workplans_substitution_names_substitute",
                violation_error_message=_("A substitution names the substitute."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.note}"

    def get_absolute_url(self) -> str:
        return reverse("workplans:gridexception_detail", args=[self.pk])

    @property
    def is_holiday(self) -> bool:
        return self.cell_id is None


class Leave(SchoolOwned):
    """A member of staff away from school (sick leave, training, …) between two dates."""

    person = models.ForeignKey(
        "organization.Staff", on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("leave")
        verbose_name_plural = _("leaves")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="workplans_leave_ends_after_start",
                violation_error_message=_("A leave cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.starts_on:%Y-%m-%d}–{self.ends_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("workplans:leave_detail", args=[self.pk])
