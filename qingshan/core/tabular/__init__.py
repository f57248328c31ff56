"""The model-agnostic engine behind every app's ``importers.py`` and ``exporters.py``.

An app describes a spreadsheet once as a ``SheetSpec`` of ``Column`` s (key, Chinese and
English header, parser, required?) and then:

* ``build_template(spec, language=...)`` gives the .xlsx to fill in;
* ``read_table(data, filename, spec)`` reads an uploaded .xlsx/.csv into ``RawRow`` s of texts,
  or structural ``RowError`` s (and then no rows);
* ``clean_row(row, spec)`` parses one row with the columns' parsers (``parse_date`` …) and
  ``find_duplicates(rows, key)`` flags values repeated within the file;
* ``write_xlsx`` / ``write_csv`` export rows, escaped against formula injection.

Invariants: row numbers are those a person sees in their spreadsheet (header included);
error messages are translated when made; nothing here touches the database.
"""

from qingshan.core.tabular.cells import escape_formula, unescape_formula
from qingshan.core.tabular.errors import ErrorCategory, RowError, sorted_errors
from qingshan.core.tabular.parsing import (
    ChoiceParser,
    clean_row,
    find_duplicates,
    parse_bool,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    parse_resident_id,
)
from qingshan.core.tabular.reading import DEFAULT_MAX_ROWS, RawRow, ReadResult, read_table
from qingshan.core.tabular.spec import Column, SheetSpec, normalize_header
from qingshan.core.tabular.writing import build_template, write_csv, write_xlsx

__all__ = [
    "DEFAULT_MAX_ROWS",
    "ChoiceParser",
    "Column",
    "ErrorCategory",
    "RawRow",
    "ReadResult",
    "RowError",
    "SheetSpec",
    "build_template",
    "clean_row",
    "escape_formula",
    "find_duplicates",
    "normalize_header",
    "parse_bool",
    "parse_choice",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "parse_resident_id",
    "read_table",
    "sorted_errors",
    "unescape_formula",
    "write_csv",
    "write_xlsx",
]
