"""Forms of the document pages and the API: a document, a revision, a repeal, an attachment."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm, choice_field, typed_choice_field
from qingshan.core.models import School
from qingshan.documents import selectors
from qingshan.documents.enums import AUDIENCE_FIELDS, Audience, DocumentStatus, Issuer
from qingshan.documents.models import Document


class DocumentForm(SchoolModelForm):
    """A document's record. ``issuers`` are those the person keeps (the choices offered)."""

    audience = forms.MultipleChoiceField(
        label=_("addressed to"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose who the document is addressed to.")},
    )

    class Meta:
        model = Document
        fields = [
            "issuer",
            "department",
            "prefix",
            "sequence",
            "title",
            "kind",
            "issued_on",
            "effective_on",
            "body",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    def __init__(
        self, *args: Any, school: School, issuers: Collection[str] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, school=school, **kwargs)
        if "issuer" in self.fields:
            allowed = [(value, label) for value, label in Issuer.choices if value in issuers]
            typed_choice_field(self, "issuer").choices = allowed
            if len(allowed) == 1:
                self.fields["issuer"].initial = allowed[0][0]
            if Issuer.DEPARTMENT not in issuers:
                del self.fields["department"]
        self.fields["sequence"].required = False
        self.fields["sequence"].help_text = _("Leave empty for the issuer's next free number.")
        self.fields["effective_on"].required = False
        self.fields["effective_on"].help_text = _("Leave empty when it takes effect on issue.")
        if self.instance.pk:
            self.fields["audience"].initial = self.instance.audiences

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if "issuer" in self.fields and data.get("issuer") != Issuer.DEPARTMENT:
            data["department"] = None
        return data

    def values(self) -> dict[str, Any]:
        values = super().values()
        chosen = set(values.pop("audience", []))
        for audience, name in AUDIENCE_FIELDS.items():
            values[name] = audience in chosen
        return values

    def _post_clean(self) -> None:
        # The services check the record (numbers, dates, constraints) and report in the form.
        pass


class RevisionForm(DocumentForm):
    """A new version: the issuer is the original's; the rest starts as the original's."""

    class Meta(DocumentForm.Meta):
        fields = [
            "prefix",
            "sequence",
            "title",
            "kind",
            "issued_on",
            "effective_on",
            "body",
        ]

    def __init__(self, *args: Any, original: Document, **kwargs: Any) -> None:
        super().__init__(*args, instance=Document(school=original.school), **kwargs)
        today = timezone.localdate()
        if not self.is_bound:
            self.initial.update(
                {
                    "prefix": original.prefix,
                    "title": original.title,
                    "kind": original.kind,
                    "issued_on": today,
                    "body": original.body,
                }
            )
            self.fields["audience"].initial = original.audiences
            self.fields["sequence"].help_text = _(
                "Leave empty for the issuer's next free number (%(number)s)."
            ) % {
                "number": selectors.next_sequence(
                    school=original.school,
                    issuer=original.issuer,
                    department=original.department,
                    year=today.year,
                )
            }


class RepealForm(forms.Form):
    repealed_on = forms.DateField(
        label=_("repealed on"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty to use the day the repealing document takes effect."),
    )
    repealed_by = forms.ModelChoiceField(
        label=_("repealed by"),
        queryset=Document.objects.none(),
        required=False,
        help_text=_("The document that repeals this one, if there is one."),
    )
    reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea({"rows": 3}))

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "repealed_by").queryset = (
            selectors.documents(document.school)
            .active()
            .filter(status=DocumentStatus.IN_FORCE)
            .exclude(pk=document.pk)
        )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=120, required=False)
    file = forms.FileField(
        label=_("file to attach"), help_text=_("PDF, Word, Excel, JPEG, PNG or text.")
    )
