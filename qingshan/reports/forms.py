from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.reports.enums import BlockKind, ReportLanguage
from qingshan.reports.models import TemplateBlock


class BlockForm(forms.ModelForm):
    class Meta:
        model = TemplateBlock
        fields = ["position", "text_zh", "text_en", "figure_keys"]
        widgets = {
            "text_zh": forms.Textarea(attrs={"rows": 6}),
            "text_en": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.kind in (BlockKind.HEADING, BlockKind.NARRATIVE, BlockKind.SIGNATURE):
            del self.fields["figure_keys"]
        else:
            del self.fields["text_zh"]
            del self.fields["text_en"]


class NewBlockForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=BlockKind.choices)


class IssueForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100)
    language = forms.ChoiceField(label=_("language"), choices=ReportLanguage.choices)
