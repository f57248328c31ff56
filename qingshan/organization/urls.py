from django.urls import URLPattern, path

from qingshan.organization import views, views_io
from qingshan.organization.resources import RESOURCES

app_name = "organization"


def _resource_patterns() -> list[URLPattern]:
    patterns = []
    for resource in RESOURCES:
        key, extra = resource.key, {"resource": resource}
        patterns += [
            path(f"{key}/", views.record_list, extra, name=f"{key}_list"),
            path(f"{key}/new/", views.record_form, extra, name=f"{key}_create"),
            path(f"{key}/<int:pk>/", views.record_detail, extra, name=f"{key}_detail"),
            path(f"{key}/<int:pk>/edit/", views.record_form, extra, name=f"{key}_edit"),
            path(f"{key}/<int:pk>/archive/", views.record_archive, extra, name=f"{key}_archive"),
            path(f"{key}/export/", views_io.record_export, extra, name=f"{key}_export"),
        ]
    return patterns


urlpatterns = [
    *_resource_patterns(),
    path("guardian/<int:pk>/link/", views.guardian_link, name="guardian_link"),
    path("import/", views_io.import_start, name="import_start"),
    path("import/template/<str:sheet>/", views_io.import_template, name="import_template"),
]
