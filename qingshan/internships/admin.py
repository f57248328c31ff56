from qingshan.core import audit
from qingshan.internships import models

# Findings are not audited: the checks write them, from the placements' audited changes.

for model in (
    models.Unit,
    models.Production,
    models.Works,
    models.Placement,
    models.RuleException,
    models.Visit,
    models.Week,
    models.Day,
):
    audit.register(model)
