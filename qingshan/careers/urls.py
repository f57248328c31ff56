from django.urls import URLPattern, URLResolver, path

from qingshan.careers.importers import IMPORTERS
from qingshan.careers.resources import (
    ALUMNI_RESOURCES,
    DESTINATION_RESOURCES,
    REGISTER_RESOURCES,
)
from qingshan.careers.views import alumni, answer, employment, followups
from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls

app_name = "careers"

urlpatterns: list[URLPattern | URLResolver] = [
    path("employment/", employment.employment, name="employment"),
    path("employment/report/", employment.employment_report, name="employment_report"),
    path("conversion/", employment.conversion_page, name="conversion"),
    path("followups/", followups.follow_up_list, name="followup_list"),
    path("followups/schedule/", followups.follow_up_schedule, name="followup_schedule"),
    path("followups/<int:pk>/", followups.follow_up_detail, name="followup_detail"),
    path("followups/<int:pk>/link/", followups.follow_up_link, name="followup_link"),
    path("f/<str:key>/", answer.answer, name="answer"),
    path("alumnus/<int:pk>/withdraw/", alumni.alumnus_withdraw, name="alumnus_withdraw"),
    *import_urls(permission="careers.manage", importers=IMPORTERS),
    *resource_urls(REGISTER_RESOURCES),
    *resource_urls(DESTINATION_RESOURCES),
    *resource_urls(ALUMNI_RESOURCES),
]
