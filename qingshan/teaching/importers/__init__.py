"""The teaching app's Excel imports: observations kept on paper, trainings done."""

from typing import Any

from qingshan.core.importing import Importer
from qingshan.teaching.importers.observations import OBSERVATION_SHEET, ObservationImporter
from qingshan.teaching.importers.trainings import TRAINING_SHEET, TrainingImporter

IMPORTERS: dict[str, type[Importer[Any]]] = {
    OBSERVATION_SHEET.key: ObservationImporter,
    TRAINING_SHEET.key: TrainingImporter,
}
