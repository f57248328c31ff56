"""Excel imports of internships (see ``qingshan.core.importing``): units, placements and the
production of the school's own enterprises. Each is checked row by row with the rules the pages
apply; nothing is written while any row has an error, and a dry run writes nothing."""

from __future__ import annotations

from typing import Any

from qingshan.core.importing import Importer
from qingshan.internships.importers.records import (
    PlacementImporter,
    ProductionImporter,
    UnitImporter,
)
from qingshan.internships.importers.sheets import PLACEMENT_SHEET, PRODUCTION_SHEET, UNIT_SHEET

__all__ = ["IMPORTERS", "PlacementImporter", "ProductionImporter", "UnitImporter"]

IMPORTERS: dict[str, type[Importer[Any]]] = {
    UNIT_SHEET.key: UnitImporter,
    PLACEMENT_SHEET.key: PlacementImporter,
    PRODUCTION_SHEET.key: ProductionImporter,
}
