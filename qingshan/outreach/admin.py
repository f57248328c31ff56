from qingshan.core import audit
from qingshan.outreach import models

for model in (
    models.Visit,
    models.Handout,
    models.TechProblem,
    models.PracticalThing,
    models.ScienceBase,
    models.Household,
    models.HouseholdVisit,
):
    audit.register(model)
