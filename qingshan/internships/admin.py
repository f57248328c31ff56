from qingshan.core import audit
from qingshan.internships import models

for model in (
    models.Unit,
    models.Production,
    models.Works,
    models.Placement,
    models.RuleException,
    models.Finding,
    models.Visit,
    models.Week,
    models.Day,
):
    audit.register(model)
