"""Graduation: the classes whose course ends in a year, their students still studying, and the
graduation of a whole class with its certificate numbers (all or none)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import show_on_form
from qingshan.core.params import year_param
from qingshan.core.records import may_write, school_for
from qingshan.organization.models import SchoolClass
from qingshan.students.forms.changes import GraduationForm
from qingshan.students.selectors.paths import graduating_classes
from qingshan.students.services.changes import graduate_class


@login_required
def graduation(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "students.read_all")
    year = year_param(request, timezone.localdate().year)
    context = {
        "year": year,
        "classes": graduating_classes(school, year),
        "form": GraduationForm(initial={"on": f"{year}-07-01"}),
        "may_graduate": may_write(request, "students.manage", school),
    }
    return render(request, "students/graduation.html", context)


@login_required
def graduate(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.manage", write=True)
    school_class = get_object_or_404(SchoolClass.objects.for_school(school), pk=pk)
    form = GraduationForm(request.POST or None)
    year = school_class.entry_year + school_class.length_years
    if request.method == "POST" and form.is_valid():
        try:
            done = graduate_class(
                school_class=school_class,
                on=form.cleaned_data["on"],
                first_certificate=form.cleaned_data["first_certificate"],
                user=request.user,
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(
                request,
                _("%(count)s students of %(class)s graduated.")
                % {"count": len(done), "class": school_class},
            )
            return redirect(reverse("students:graduation") + f"?year={year}")
    context = {"school_class": school_class, "form": form, "year": year}
    status = 422 if request.method == "POST" else 200
    return render(request, "students/graduate.html", context, status=status)
