from django.urls import URLPattern, URLResolver, path

from qingshan.core.records import resource_urls
from qingshan.honours import views
from qingshan.honours.resources import RESOURCES
from qingshan.trainings.exporters import record_export

app_name = "honours"

urlpatterns: list[URLPattern | URLResolver] = [
    path("scan/<int:pk>/", views.honour_scan, name="honour_scan"),
    path("import/", views.import_start, name="import_start"),
    path("import/template/<str:sheet>/", views.import_template, name="import_template"),
    path("photo/<int:pk>/", views.story_photo, name="story_photo"),
    *resource_urls(RESOURCES, export_view=record_export),
]
