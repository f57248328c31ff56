from django.urls import path

from qingshan.core.records import resource_urls
from qingshan.organization import views, views_io
from qingshan.organization.resources import RESOURCES

app_name = "organization"

urlpatterns = [
    *resource_urls(RESOURCES, export_view=views_io.record_export),
    path("guardian/<int:pk>/link/", views.guardian_link, name="guardian_link"),
    path("import/", views_io.import_start, name="import_start"),
    path("import/template/<str:sheet>/", views_io.import_template, name="import_template"),
]
