from django.urls import URLPattern, URLResolver, path

from qingshan.core.records import resource_urls
from qingshan.outreach import views
from qingshan.outreach.resources import RESOURCES
from qingshan.trainings.exporters import record_export

app_name = "outreach"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.totals, name="totals"),
    path("import/", views.import_start, name="import_start"),
    path("import/template/<str:sheet>/", views.import_template, name="import_template"),
    *resource_urls(RESOURCES, export_view=record_export),
]
