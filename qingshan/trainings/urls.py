from django.urls import URLPattern, URLResolver, path

from qingshan.core.records import resource_urls
from qingshan.trainings import views
from qingshan.trainings.exporters import record_export
from qingshan.trainings.resources import RESOURCES

app_name = "trainings"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.rates, name="rates"),
    path("cohort/<int:pk>/party-group/", views.cohort_group, name="cohort_group"),
    path("import/", views.import_start, name="import_start"),
    path("import/template/<str:sheet>/", views.import_template, name="import_template"),
    *resource_urls(RESOURCES, export_view=record_export),
]
