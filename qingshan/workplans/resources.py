"""The work system's simple record types on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.records import Related, Resource
from qingshan.core.services import create_record, update_record
from qingshan.workplans import filters, forms
from qingshan.workplans.selectors import decisions as decision_selectors
from qingshan.workplans.selectors import grid as grid_selectors
from qingshan.workplans.services import grid as grid_services


def _place_cell(*, school: School, model: Any, values: dict[str, Any]) -> Any:
    return grid_services.place_cell(school=school, values=values)


def _change_cell(*, record: Any, values: dict[str, Any]) -> Any:
    return grid_services.change_cell(cell=record, values=values)


def _record_exception(*, school: School, model: Any, values: dict[str, Any]) -> Any:
    return grid_services.record_exception(school=school, values=values)


def _change_exception(*, record: Any, values: dict[str, Any]) -> Any:
    return grid_services.change_exception(exception=record, values=values)


def _create_slot(*, school: School, model: Any, values: dict[str, Any]) -> Any:
    lines = values.pop("lines", [])
    slot = create_record(school=school, model=model, values=values)
    slot.lines.set(lines)
    return slot


def _update_slot(*, record: Any, values: dict[str, Any]) -> Any:
    lines = values.pop("lines", None)
    slot = update_record(record=record, values=values)
    if lines is not None:
        slot.lines.set(lines)
    return slot


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="workplans",
        view_permission="workplans.view",
        manage_permission="workplans.manage",
        **options,
    )


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="decisionmeeting",
        selector=decision_selectors.meetings,
        form_class=forms.DecisionMeetingForm,
        filterset_class=filters.DecisionMeetingFilter,
        columns=("held_on", "title"),
        related=(
            Related(
                _("Decisions"),
                lambda record: record.decisions.all(),
                ("title", "deadline", "status"),
            ),
        ),
    ),
    _resource(
        key="workline",
        selector=grid_selectors.lines,
        form_class=forms.WorkLineForm,
        filterset_class=filters.WorkLineFilter,
        columns=("name", "covers_every_place", "sort_order"),
    ),
    _resource(
        key="place",
        selector=grid_selectors.places,
        form_class=forms.PlaceForm,
        filterset_class=filters.PlaceFilter,
        columns=("name", "kind", "sort_order"),
    ),
    _resource(
        key="timeslot",
        selector=grid_selectors.slots,
        form_class=forms.TimeSlotForm,
        filterset_class=filters.TimeSlotFilter,
        columns=("term", "weekday", "starts_at", "ends_at", "label"),
        create=_create_slot,
        update=_update_slot,
    ),
    _resource(
        key="gridcell",
        selector=grid_selectors.cells,
        form_class=forms.GridCellForm,
        filterset_class=filters.GridCellFilter,
        columns=("term", "line", "place", "slot", "person"),
        create=_place_cell,
        update=_change_cell,
    ),
    _resource(
        key="gridexception",
        selector=grid_selectors.exceptions,
        form_class=forms.GridExceptionForm,
        filterset_class=filters.GridExceptionFilter,
        columns=("date", "term", "cell", "substitute", "note"),
        create=_record_exception,
        update=_change_exception,
    ),
    _resource(
        key="leave",
        selector=grid_selectors.leaves,
        form_class=forms.LeaveForm,
        filterset_class=filters.LeaveFilter,
        columns=("person", "starts_on", "ends_on", "reason"),
    ),
)
BY_KEY = {resource.key: resource for resource in RESOURCES}
