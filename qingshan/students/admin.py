from qingshan.core import audit
from qingshan.students import models

for model in (
    models.Enrolment,
    models.RollNumber,
    models.RollChange,
    models.CreditTransfer,
    models.ChangeRule,
    models.ChoiceWindow,
    models.ChoiceOffer,
    models.ChoiceRequest,
    models.Textbook,
    models.TextbookUse,
):
    audit.register(model)
