"""Forms of choice windows: the school's window and offers, and a student's choice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import SchoolModelForm
from qingshan.students.models import ChoiceOffer, ChoiceWindow


class ChoiceWindowForm(SchoolModelForm):
    class Meta:
        model = ChoiceWindow
        fields = ["title", "opens_on", "closes_on", "effective_on", "note"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            "effective_on": forms.DateInput(attrs={"type": "date"}),
        }


class ChoiceOfferForm(SchoolModelForm):
    class Meta:
        model = ChoiceOffer
        fields = ["window", "school_class", "programme", "places"]


class OfferChoiceField(forms.ModelChoiceField[ChoiceOffer]):
    """An offer named with the places still open (its ``assigned`` counted by the selector)."""

    def label_from_instance(self, obj: ChoiceOffer) -> str:
        left = max(obj.places - getattr(obj, "assigned", 0), 0)
        return _("%(offer)s (%(left)s of %(places)s places open)") % {
            "offer": obj,
            "left": left,
            "places": obj.places,
        }


class ChoiceForm(forms.Form):
    """A student's choice among a window's offers (large radio buttons on a phone)."""

    offer = OfferChoiceField(
        label=_("your choice"), queryset=ChoiceOffer.objects.none(), widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("why this choice"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, offers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["offer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = offers
