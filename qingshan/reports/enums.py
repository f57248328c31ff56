from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BlockKind(models.TextChoices):
    HEADING = "heading", _("section heading")
    NARRATIVE = "narrative", _("narrative")
    CHART = "chart", _("chart of figures over five years")
    TABLE = "table", _("table of figures")
    SIGNATURE = "signature", _("signature: the issuing organisation, dated")


class ReportLanguage(models.TextChoices):
    ZH_HANS = "zh-hans", "简体中文"
    EN = "en", "English"
