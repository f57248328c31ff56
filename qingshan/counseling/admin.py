"""Counseling registers nothing with the Django admin: no one reads a case or a sheet there.

Changes are audited, but without the sealed notes, the answers, the scores and the student: the
audit log is read by the administrator, who must not learn from it who has a case. A case's
entry names its number only.
"""

from qingshan.core import audit
from qingshan.counseling import models

SEALED = ["concern_sealed", "closure_sealed", "notes_sealed", "reason_sealed"]
SEALED += ["follow_up_sealed", "return_plan_sealed", "note_sealed", "answers_sealed"]
HIDDEN = [*SEALED, "student", "scores", "grade", "key_hash", "link_expires_at", "alert"]

for plain in (models.Scale, models.Factor, models.Item, models.Threshold, models.Campaign):
    audit.register(plain)
for confidential in (
    models.Sheet,
    models.Alert,
    models.Case,
    models.Session,
    models.HospitalReferral,
    models.CrisisAction,
):
    audit.register(confidential, exclude_fields=HIDDEN)
audit.register(models.Purge)
audit.register(models.Incident)
