"""Forms every app builds on: a model form bound to one school, the import upload, the date input.

Invariant of ``SchoolModelForm``: every choice of a school-owned record is a record of the form's
school that its queryset calls pickable (active, and for people: current), plus the value the
record holds already.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.errors import show_on_form
from qingshan.core.models import School, SchoolOwned, SchoolScopedQuerySet

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SchoolModelForm(forms.ModelForm[Any]):
    """A model form bound to one school: every choice of a school-owned record is the school's."""

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school = school
        for name, field in self.fields.items():
            if (
                isinstance(field, forms.ModelChoiceField)
                and field.queryset is not None
                and issubclass(field.queryset.model, SchoolOwned)
            ):
                field.queryset = self._choices(field.queryset, name)
            if isinstance(field, forms.DateField):
                field.widget = DATE_WIDGET

    def _choices(self, queryset: Any, name: str) -> Any:
        keep = getattr(self.instance, f"{name}_id", None) if self.instance.pk is not None else None
        scoped = queryset.filter(school=self.school)
        if isinstance(scoped, SchoolScopedQuerySet):
            return scoped.pickable(keep=keep)
        return scoped.filter(Q(archived_at__isnull=True) | Q(pk=keep))

    def values(self) -> dict[str, Any]:
        """The cleaned values to hand to a service."""
        return {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data}

    def apply_service_error(self, error: ValidationError) -> None:
        """Show a service's ValidationError on the matching fields (or above the form)."""
        show_on_form(self, error)


def choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's field ``name``, which must be a model choice (to narrow its queryset)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    return field


def choices_of(form: forms.BaseForm, name: str) -> QuerySet[Any]:
    """The records the model choice field ``name`` offers now (to narrow them further)."""
    queryset = choice_field(form, name).queryset
    if queryset is None:
        raise TypeError(f"{name} has no choices yet")
    return queryset


def typed_choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's field ``name``, which must be a choice field (to set its choices)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    return field


class ImportForm(forms.Form):
    sheet = forms.ChoiceField(label=_("what to import"))
    file = forms.FileField(
        label=_("file"), help_text=_("An .xlsx workbook or a .csv file (UTF-8 or GBK).")
    )

    def __init__(self, *args: Any, sheets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        typed_choice_field(self, "sheet").choices = sheets

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith((".xlsx", ".csv")):
            raise ValidationError(_("Upload an .xlsx or .csv file."), code="file_type")
        if (upload.size or 0) > settings.QS_UPLOAD_MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(limit)d MB.")
                % {"limit": settings.QS_UPLOAD_MAX_BYTES // (1024 * 1024)},
                code="file_size",
            )
        return upload
