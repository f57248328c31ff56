"""Reading an uploaded spreadsheet into numbered rows of texts keyed by column.

Invariants: ``read_table`` never raises for bad input. Its errors are file- and header-level
problems only, and whenever there is one, ``rows`` is empty: nothing is imported from a file
whose structure is wrong. Every row holds every column key of the sheet ("" when the column is
absent or the cell blank). Parsing the texts is ``parsing.clean_row``'s job.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext
from openpyxl.utils import get_column_letter

from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.sources import Grid, MergedRange, UnsupportedFile, open_grid
from qingshan.core.tabular.spec import SheetSpec

logger = logging.getLogger(__name__)

DEFAULT_MAX_ROWS = 20_000
HEADER_SCAN_ROWS = 10  # the header may sit below a title row or two
MAX_MERGE_ERRORS = 100
BLANK_ROW_ALLOWANCE = 1_000


@dataclass(frozen=True)
class RawRow:
    """``number`` is the row number a person sees; ``values`` maps each column key to text."""

    number: int
    values: dict[str, str]


@dataclass
class ReadResult:
    rows: list[RawRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    header_row: int | None = None
    # Column key -> the header text found in the file, for the columns present.
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(
    uploaded: bytes, filename: str, sheet: SheetSpec, *, max_rows: int = DEFAULT_MAX_ROWS
) -> ReadResult:
    """Read the first worksheet (or the one titled like ``sheet``) of an .xlsx, or a .csv."""
    try:
        with open_grid(uploaded, filename, sheet) as grid:
            return _read_grid(grid, sheet, max_rows)
    except UnsupportedFile as unsupported:
        return ReadResult(errors=[_file_error(_unsupported_message(unsupported.reason))])
    except Exception:  # a parser fed untrusted bytes can fail in any way
        logger.info("unreadable spreadsheet upload %r", filename, exc_info=True)
        message = gettext(
            "The file could not be read. It may be damaged or not a spreadsheet; "
            "save it again as .xlsx and retry."
        )
        return ReadResult(errors=[_file_error(message)])


def _read_grid(grid: Grid, sheet: SheetSpec, max_rows: int) -> ReadResult:
    buffered = list(itertools.islice(grid.rows, HEADER_SCAN_ROWS))
    if not any(any(cells) for _, cells in buffered) and next(grid.rows, None) is None:
        return ReadResult(errors=[_file_error(gettext("The file is empty."))])
    index, positions = _find_header(buffered, sheet)
    header_number, header_cells = buffered[index]
    result = ReadResult(
        header_row=header_number,
        headers={key: header_cells[found[0]] for key, found in positions.items()},
    )
    result.errors = _header_errors(header_number, positions, sheet)
    if positions:
        result.errors += _merge_errors(grid.merged, header_number)
    if result.errors:
        return result
    columns = {key: found[0] for key, found in positions.items()}
    blank = dict.fromkeys((column.key for column in sheet.columns), "")
    last_allowed = header_number + 2 * max_rows + BLANK_ROW_ALLOWANCE
    for number, cells in itertools.chain(buffered[index + 1 :], grid.rows):
        if number > last_allowed:
            result.errors = [_too_many_rows(max_rows)]
            break
        values = {key: cells[i] for key, i in columns.items() if i < len(cells) and cells[i]}
        if values:
            result.rows.append(RawRow(number, blank | values))
            if len(result.rows) > max_rows:
                result.errors = [_too_many_rows(max_rows)]
                break
    if result.errors:
        result.rows = []
    return result


def _find_header(
    buffered: list[tuple[int, list[str]]], sheet: SheetSpec
) -> tuple[int, dict[str, list[int]]]:
    """The index of the row naming most columns (the first on ties) and, per column key
    found there, the 0-based positions of the cells naming it."""
    best_index, best_positions = 0, dict[str, list[int]]()
    for index, (_, cells) in enumerate(buffered):
        positions: dict[str, list[int]] = {}
        for position, text in enumerate(cells):
            column = sheet.match_header(text)
            if column is not None:
                positions.setdefault(column.key, []).append(position)
        if len(positions) > len(best_positions):
            best_index, best_positions = index, positions
    return best_index, best_positions


def _header_errors(
    number: int, positions: dict[str, list[int]], sheet: SheetSpec
) -> list[RowError]:
    language = get_language()
    if not positions:
        message = gettext(
            "No column of the template “%(sheet)s” was found in the first %(count)s rows. "
            "Check that this is the right file and that the header row was kept."
        ) % {"sheet": sheet.title(language), "count": HEADER_SCAN_ROWS}
        return [RowError(None, None, ErrorCategory.HEADER, message)]
    errors = []
    for column in sheet.columns:
        header = column.header(language)
        found = positions.get(column.key, [])
        if column.required and not found:
            message = gettext("The required column “%(column)s” is missing from the header row.")
            errors.append(
                RowError(number, header, ErrorCategory.HEADER, message % {"column": header})
            )
        elif len(found) > 1:
            letters = ", ".join(get_column_letter(position + 1) for position in found)
            message = gettext(
                "The column “%(column)s” appears more than once in the header row "
                "(columns %(letters)s); keep only one."
            ) % {"column": header, "letters": letters}
            errors.append(RowError(number, header, ErrorCategory.HEADER, message))
    return errors


def _merge_errors(merged: Iterable[MergedRange], header_number: int) -> list[RowError]:
    """One error per merged range touching the header row or anything below it."""
    relevant = sorted(
        (cells for cells in merged if cells.max_row >= header_number),
        key=lambda cells: (cells.min_row, cells.min_col),
    )
    errors = []
    for cells in relevant[:MAX_MERGE_ERRORS]:
        letters = get_column_letter(cells.min_col)
        if cells.max_col != cells.min_col:
            letters += ":" + get_column_letter(cells.max_col)
        message = gettext("Cells %(range)s are merged. Unmerge them and fill in every cell.") % {
            "range": cells.ref
        }
        errors.append(RowError(cells.min_row, letters, ErrorCategory.FILE, message))
    if len(relevant) > MAX_MERGE_ERRORS:
        message = gettext("%(count)s more merged ranges are not listed.") % {
            "count": len(relevant) - MAX_MERGE_ERRORS
        }
        errors.append(_file_error(message))
    return errors


def _too_many_rows(max_rows: int) -> RowError:
    message = gettext(
        "The file has more than %(limit)s rows of data. Split it into smaller files, "
        "or delete the blank rows at its end."
    ) % {"limit": max_rows}
    return _file_error(message)


def _file_error(message: str) -> RowError:
    return RowError(None, None, ErrorCategory.FILE, message)


def _unsupported_message(reason: str) -> str:
    if reason == "xls":
        return gettext(
            "Old Excel files (.xls) cannot be read. Open the file in Excel or WPS "
            "and save it as .xlsx."
        )
    if reason == "encoding":
        return gettext(
            "The text encoding of this CSV file was not recognised. "
            "Save it as “CSV UTF-8” and try again."
        )
    if reason == "empty":
        return gettext("The file is empty.")
    return gettext("Only .xlsx and .csv files can be imported.")
