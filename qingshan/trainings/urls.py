from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.trainings import views
from qingshan.trainings.importers import IMPORTERS
from qingshan.trainings.resources import RESOURCES

app_name = "trainings"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.rates, name="rates"),
    path("cohort/<int:pk>/party-group/", views.cohort_group, name="cohort_group"),
    *import_urls(permission="trainings.manage", importers=IMPORTERS),
    *resource_urls(RESOURCES),
]
