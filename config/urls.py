from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from qingshan.api.urls import api
from qingshan.core import inbox_views, search_views
from qingshan.core import views as core_views

handler500 = core_views.server_error

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("health/", core_views.health, name="health"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("api/v1/", api.urls),
    path("search/", search_views.search_page, name="search"),
    path("inbox/", inbox_views.inbox, name="inbox"),
    path("inbox/open/", inbox_views.notice_open, name="notice_open"),
    path("inbox/mark/", inbox_views.notices_mark, name="notices_mark"),
    path("accounts/", include("qingshan.accounts.urls")),
    path("org/", include("qingshan.organization.urls")),
    path("party/", include("qingshan.party.urls")),
    path("work/", include("qingshan.workplans.urls")),
    path("documents/", include("qingshan.documents.urls")),
    path("trainings/", include("qingshan.trainings.urls")),
    path("outreach/", include("qingshan.outreach.urls")),
    path("honours/", include("qingshan.honours.urls")),
    path("teaching/", include("qingshan.teaching.urls")),
    path("students/", include("qingshan.students.urls")),
    path("careers/", include("qingshan.careers.urls")),
    path("internships/", include("qingshan.internships.urls")),
    path("counseling/", include("qingshan.counseling.urls")),
    path("", include("qingshan.evaluations.urls")),
    path("django-admin/", admin.site.urls),
    path("", include("qingshan.reports.urls")),
]
# Uploaded files are never served from MEDIA_URL, in any mode: each is served by a view of its
# app after the permission check (core.downloads.stored_file).
