from qingshan.core import audit
from qingshan.honours import models

for model in (models.Honour, models.Commendation, models.Story):
    audit.register(model)
