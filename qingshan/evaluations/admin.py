"""Audit registration. Never the answers (counters, text), the dues or the tokens: an audit entry
carries a time and an actor, which would tie a rating to a moment and a person."""

from qingshan.core import audit
from qingshan.evaluations import models

for model in (
    models.Instrument,
    models.Question,
    models.Campaign,
    models.FollowUp,
    models.FollowUpRecord,
):
    audit.register(model)
