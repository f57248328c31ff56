"""Excel imports of careers (see ``qingshan.core.importing``): graduates' destinations, phone
follow-ups and cooperation agreements. Each is checked row by row with the rules the pages
apply (a destination only for a graduate, fields that agree with its kind, an answer only
once); nothing is written while any row has an error, and a dry run writes nothing.
"""

from __future__ import annotations

from typing import Any

from qingshan.careers.importers.agreements import AgreementImporter
from qingshan.careers.importers.graduates import DestinationImporter, FollowUpImporter
from qingshan.careers.importers.sheets import AGREEMENT_SHEET, DESTINATION_SHEET, FOLLOW_UP_SHEET
from qingshan.core.importing import Importer

__all__ = [
    "AGREEMENT_SHEET",
    "DESTINATION_SHEET",
    "FOLLOW_UP_SHEET",
    "IMPORTERS",
    "AgreementImporter",
    "DestinationImporter",
    "FollowUpImporter",
]

IMPORTERS: dict[str, type[Importer[Any]]] = {
    DESTINATION_SHEET.key: DestinationImporter,
    FOLLOW_UP_SHEET.key: FollowUpImporter,
    AGREEMENT_SHEET.key: AgreementImporter,
}
