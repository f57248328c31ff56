"""Reads of the responsibility grid: the table, its checks ("no blank, no blind zone, no time gap",
nobody in two cells at once, nobody on post while on leave), coverage, and the change between terms.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from qingshan.core.models import School, SchoolScopedQuerySet
from qingshan.organization import selectors as organization
from qingshan.organization.models import Term
from qingshan.workplans.enums import GapKind
from qingshan.workplans.models import GridCell, GridException, Leave, Place, TimeSlot, WorkLine


def lines(school: School) -> SchoolScopedQuerySet[WorkLine]:
    return WorkLine.objects.for_school(school)


def places(school: School) -> SchoolScopedQuerySet[Place]:
    return Place.objects.for_school(school)


def slots(school: School, term: Term | None = None) -> QuerySet[TimeSlot]:
    found = TimeSlot.objects.for_school(school).select_related("term").prefetch_related("lines")
    return found.filter(term=term) if term is not None else found


def cells(school: School, term: Term | None = None) -> QuerySet[GridCell]:
    found = GridCell.objects.for_school(school).select_related(
        "term", "line", "place", "slot", "person"
    )
    return found.filter(term=term) if term is not None else found


def exceptions(school: School) -> QuerySet[GridException]:
    return GridException.objects.for_school(school).select_related(
        "term", "cell__line", "cell__place", "cell__slot", "substitute"
    )


def leaves(school: School) -> QuerySet[Leave]:
    return Leave.objects.for_school(school).select_related("person")


def terms_latest_first(school: School) -> QuerySet[Term]:
    """The school's terms, latest first (to choose the grid's term from)."""
    return organization.terms(school).order_by("-start_date")


def previous_term(term: Term) -> Term | None:
    return (
        Term.objects.for_school(term.school)
        .filter(start_date__lt=term.start_date)
        .order_by("-start_date")
        .first()
    )


def applies(slot: TimeSlot, line: WorkLine, slot_lines: dict[int, set[int]]) -> bool:
    """A slot applies to a line when it names no line or names this one."""
    named = slot_lines.get(slot.pk, set())
    return not named or line.pk in named


@dataclass(frozen=True)
class Gap:
    kind: str
    line: str = ""
    place: str = ""
    slot: str = ""
    person: str = ""
    detail: str = ""
    cell_id: int | None = None

    @property
    def label(self) -> str:
        return str(GapKind(self.kind).label)


@dataclass
class GridCheck:
    """The result of checking a term's grid."""

    term: Term
    gaps: list[Gap] = field(default_factory=list)
    required: int = 0
    covered: int = 0

    @property
    def coverage(self) -> float:
        return self.covered / self.required if self.required else 0.0

    def count(self, kind: str) -> int:
        return sum(1 for gap in self.gaps if gap.kind == kind)

    @property
    def counts(self) -> dict[str, int]:
        return {kind.value: self.count(kind.value) for kind in GapKind}


def _dates(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    return [start + datetime.timedelta(days=offset) for offset in range((end - start).days + 1)]


def check_grid(term: Term) -> GridCheck:
    """Every gap of a term's grid, and its coverage: cells with a person over cells required.

    Required positions: for every post (a line at a place) that has a cell, and for every place a
    line covering every place has no post at, each slot of the term that applies to the line.
    """
    school = term.school
    all_lines = list(lines(school).active())
    all_places = list(places(school).active())
    term_slots = list(TimeSlot.objects.for_school(school).filter(term=term))
    slot_lines: dict[int, set[int]] = defaultdict(set)
    for slot_id, line_id in TimeSlot.lines.through.objects.filter(
        timeslot__term=term, timeslot__school=school
    ).values_list("timeslot_id", "workline_id"):
        slot_lines[slot_id].add(line_id)
    term_cells = list(cells(school, term))
    by_post: dict[tuple[int, int], dict[int, GridCell]] = defaultdict(dict)
    for cell in term_cells:
        by_post[(cell.line_id, cell.place_id)][cell.slot_id] = cell
    by_person: dict[int, list[GridCell]] = defaultdict(list)
    for cell in term_cells:
        if cell.person_id is not None:
            by_person[cell.person_id].append(cell)

    result = GridCheck(term=term)
    _post_gaps(result, by_post, all_lines, all_places, term_slots, slot_lines)
    _blind_zones(result, by_post, all_lines, all_places, term_slots, slot_lines)
    result.gaps += _double_bookings(by_person)
    result.gaps += _leave_clashes(term, by_person)
    return result


def _post_gaps(
    result: GridCheck,
    by_post: dict[tuple[int, int], dict[int, GridCell]],
    all_lines: list[WorkLine],
    all_places: list[Place],
    term_slots: list[TimeSlot],
    slot_lines: dict[int, set[int]],
) -> None:
    """Count each post's required slots; a slot without a cell is a time gap, a cell without a
    person a blank."""
    lines_by_id = {line.pk: line for line in all_lines}
    places_by_id = {place.pk: place for place in all_places}
    for (line_id, place_id), posted in sorted(by_post.items()):
        line, place = lines_by_id.get(line_id), places_by_id.get(place_id)
        if line is None or place is None:
            continue
        for slot in term_slots:
            if not applies(slot, line, slot_lines):
                continue
            result.required += 1
            found = posted.get(slot.pk)
            if found is None:
                result.gaps.append(Gap(GapKind.TIME_GAP, str(line), str(place), str(slot)))
            elif found.person_id is None:
                result.gaps.append(
                    Gap(GapKind.BLANK, str(line), str(place), str(slot), cell_id=found.pk)
                )
            else:
                result.covered += 1


def _blind_zones(
    result: GridCheck,
    by_post: dict[tuple[int, int], dict[int, GridCell]],
    all_lines: list[WorkLine],
    all_places: list[Place],
    term_slots: list[TimeSlot],
    slot_lines: dict[int, set[int]],
) -> None:
    """A line that must cover every place, without a post at a place: each of its slots there is
    required and uncovered."""
    for line in all_lines:
        if not line.covers_every_place:
            continue
        for place in all_places:
            if (line.pk, place.pk) in by_post:
                continue
            result.required += sum(1 for slot in term_slots if applies(slot, line, slot_lines))
            result.gaps.append(Gap(GapKind.BLIND_ZONE, str(line), str(place)))


def _double_bookings(by_person: dict[int, list[GridCell]]) -> list[Gap]:
    """A person on post in two cells whose slots overlap (back-to-back slots do not)."""
    gaps = []
    for person_cells in by_person.values():
        ordered = sorted(person_cells, key=lambda c: (c.slot.weekday, c.slot.starts_at, c.pk))
        for index, first in enumerate(ordered):
            for second in ordered[index + 1 :]:
                if first.slot.overlaps(second.slot):
                    gaps.append(
                        Gap(
                            GapKind.DOUBLE_BOOKED,
                            str(first.line),
                            str(first.place),
                            str(first.slot),
                            person=str(first.person),
                            detail=_("also %(line)s · %(place)s · %(slot)s")
                            % {"line": second.line, "place": second.place, "slot": second.slot},
                            cell_id=first.pk,
                        )
                    )
    return gaps


def _leave_clashes(term: Term, by_person: dict[int, list[GridCell]]) -> list[Gap]:
    """A person on post on a day of their leave, unless it is a holiday or a substitute is
    named for that cell and day."""
    school = term.school
    exceptions = GridException.objects.for_school(school).filter(term=term)
    holidays = set(exceptions.filter(cell__isnull=True).values_list("date", flat=True))
    substituted = set(exceptions.filter(cell__isnull=False).values_list("cell_id", "date"))
    term_leaves = (
        Leave.objects.for_school(school)
        .active()
        .filter(
            Q(starts_on__lte=term.end_date) & Q(ends_on__gte=term.start_date),
            person_id__in=list(by_person),
        )
    )
    gaps = []
    for leave in term_leaves.select_related("person"):
        start, end = max(leave.starts_on, term.start_date), min(leave.ends_on, term.end_date)
        days = [day for day in _dates(start, end) if day not in holidays]
        for cell in by_person.get(leave.person_id, []):
            clashes = [
                day
                for day in days
                if day.weekday() == cell.slot.weekday and (cell.pk, day) not in substituted
            ]
            if clashes:
                gaps.append(
                    Gap(
                        GapKind.ON_LEAVE,
                        str(cell.line),
                        str(cell.place),
                        str(cell.slot),
                        person=str(leave.person),
                        detail=", ".join(f"{day:%m-%d}" for day in clashes),
                        cell_id=cell.pk,
                    )
                )
    return gaps


@dataclass
class _CoverageInputs:
    """What ``coverage`` reads, in five queries, keyed by school or term."""

    school_of: dict[int, int]  # term → school
    lines_of: dict[int, list[tuple[int, bool]]]  # school → (line, covers every place)
    places_of: dict[int, list[int]]  # school → places
    slots_of: dict[int, list[int]]  # term → slots
    slot_lines: dict[int, set[int]]  # slot → the lines it applies to (none: every line)
    posts: dict[int, dict[tuple[int, int], dict[int, int | None]]]  # term → post → slot → person

    def applying(self, term_id: int, line_id: int) -> list[int]:
        return [
            slot
            for slot in self.slots_of[term_id]
            if not self.slot_lines.get(slot) or line_id in self.slot_lines[slot]
        ]


def _coverage_inputs(terms: list[Term]) -> _CoverageInputs:
    school_of = {term.pk: term.school_id for term in terms}
    schools = set(school_of.values())
    found = _CoverageInputs(
        school_of,
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
        defaultdict(set),
        defaultdict(dict),
    )
    for pk, school_id, every_place in (
        WorkLine.objects.active()
        .filter(school_id__in=schools)
        .values_list("pk", "school_id", "covers_every_place")
    ):
        found.lines_of[school_id].append((pk, every_place))
    for pk, school_id in (
        Place.objects.active().filter(school_id__in=schools).values_list("pk", "school_id")
    ):
        found.places_of[school_id].append(pk)
    for pk, term_id, school_id in TimeSlot.objects.filter(term_id__in=school_of).values_list(
        "pk", "term_id", "school_id"
    ):
        if school_of[term_id] == school_id:
            found.slots_of[term_id].append(pk)
    for slot_id, line_id in TimeSlot.lines.through.objects.filter(
        timeslot__term_id__in=school_of
    ).values_list("timeslot_id", "workline_id"):
        found.slot_lines[slot_id].add(line_id)
    for term_id, school_id, line_id, place_id, slot_id, person_id in GridCell.objects.filter(
        term_id__in=school_of
    ).values_list("term_id", "school_id", "line_id", "place_id", "slot_id", "person_id"):
        if school_of[term_id] == school_id:
            found.posts[term_id].setdefault((line_id, place_id), {})[slot_id] = person_id
    return found


def coverage(terms: list[Term]) -> dict[int, tuple[int, int]]:
    """(required, covered) of each term's grid that has cells, counted as ``check_grid`` counts
    them but without listing the gaps: five queries whatever the number of terms and schools."""
    inputs = _coverage_inputs(terms)
    found = {}
    for term_id, by_post in inputs.posts.items():
        school_id = inputs.school_of[term_id]
        line_ids = {pk for pk, _every in inputs.lines_of[school_id]}
        place_ids = set(inputs.places_of[school_id])
        required = covered = 0
        for (line_id, place_id), posted in by_post.items():
            if line_id not in line_ids or place_id not in place_ids:
                continue
            for slot in inputs.applying(term_id, line_id):
                required += 1
                covered += int(posted.get(slot) is not None)
        for line_id, every_place in inputs.lines_of[school_id]:
            if every_place:
                missing = [place for place in place_ids if (line_id, place) not in by_post]
                required += len(missing) * len(inputs.applying(term_id, line_id))
        found[term_id] = (required, covered)
    return found


@dataclass(frozen=True)
class CellChange:
    line: str
    place: str
    slot: str
    before: str
    after: str


def _cell_key(cell: GridCell) -> tuple[str, str, int, str]:
    return (cell.line.name, cell.place.name, cell.slot.weekday, f"{cell.slot.starts_at:%H:%M}")


def term_changes(term: Term, previous: Term) -> list[CellChange]:
    """What changed from one term's grid to the next: cells added, removed or given to another."""
    school = term.school
    before = {_cell_key(cell): cell for cell in cells(school, previous)}
    after = {_cell_key(cell): cell for cell in cells(school, term)}
    changes = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        old_person = str(old.person) if old and old.person else ""
        new_person = str(new.person) if new and new.person else ""
        if old is not None and new is not None and old_person == new_person:
            continue
        shown = new or old
        assert shown is not None
        changes.append(
            CellChange(
                line=shown.line.name,
                place=shown.place.name,
                slot=str(shown.slot),
                before=old_person if old else _("(no cell)"),
                after=new_person if new else _("(no cell)"),
            )
        )
    return changes


@dataclass
class GridTable:
    """The grid as one screen: rows are posts (line, place), columns the slots shown."""

    columns: list[TimeSlot]
    rows: list[tuple[WorkLine, Place, list[GridCell | None]]]


def grid_table(
    school: School,
    term: Term,
    *,
    line: int | None = None,
    place: int | None = None,
    weekday: int | None = None,
) -> GridTable:
    term_slots = list(TimeSlot.objects.for_school(school).filter(term=term))
    if weekday is not None:
        term_slots = [slot for slot in term_slots if slot.weekday == weekday]
    found = cells(school, term)
    if line is not None:
        found = found.filter(line_id=line)
    if place is not None:
        found = found.filter(place_id=place)
    posts: dict[tuple[int, int], dict[int, GridCell]] = {}
    heads: dict[tuple[int, int], tuple[WorkLine, Place]] = {}
    for cell in found:
        key = (cell.line_id, cell.place_id)
        posts.setdefault(key, {})[cell.slot_id] = cell
        heads[key] = (cell.line, cell.place)
    ordered = sorted(
        heads,
        key=lambda key: (
            heads[key][0].sort_order,
            heads[key][0].name,
            heads[key][1].sort_order,
            heads[key][1].name,
        ),
    )
    rows = [
        (heads[key][0], heads[key][1], [posts[key].get(slot.pk) for slot in term_slots])
        for key in ordered
    ]
    return GridTable(columns=term_slots, rows=rows)
