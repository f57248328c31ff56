from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.honours import views
from qingshan.honours.importers import IMPORTERS
from qingshan.honours.resources import RESOURCES

app_name = "honours"

urlpatterns: list[URLPattern | URLResolver] = [
    path("scan/<int:pk>/", views.honour_scan, name="honour_scan"),
    *import_urls(permission="honours.manage", importers=IMPORTERS),
    path("photo/<int:pk>/", views.story_photo, name="story_photo"),
    *resource_urls(RESOURCES),
]
