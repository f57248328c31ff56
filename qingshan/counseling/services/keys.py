"""Re-sealing every counseling note and answer sheet with the current key, after a rotation
(docs/deploy.md, "Secrets kept out of the database").

Invariant: after ``reseal_school`` every sealed value of the school opens with the current key
alone, and reads the same as before; a value no key opens stops the run and changes nothing.
"""

from __future__ import annotations

from django.db import transaction

from qingshan.core.models import School
from qingshan.counseling.models import Case, CrisisAction, HospitalReferral, Session, Sheet
from qingshan.counseling.services.sealed import reseal

SEALED_FIELDS = (
    (Case, ("concern_sealed", "closure_sealed")),
    (Session, ("notes_sealed",)),
    (HospitalReferral, ("reason_sealed", "follow_up_sealed", "return_plan_sealed")),
    (CrisisAction, ("note_sealed",)),
    (Sheet, ("answers_sealed",)),
)


@transaction.atomic
def reseal_school(*, school: School) -> int:
    """Re-seal the school's values; returns how many rows were written."""
    written = 0
    for model, fields in SEALED_FIELDS:
        # Locked: a note written during the run must not be overwritten with its older value.
        for row in model.objects.for_school(school).select_for_update().only("pk", *fields):
            for field in fields:
                setattr(row, field, reseal(getattr(row, field)))
            row.save(update_fields=list(fields))
            written += 1
    return written
