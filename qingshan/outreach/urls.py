from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.outreach import views
from qingshan.outreach.importers import IMPORTERS
from qingshan.outreach.resources import RESOURCES

app_name = "outreach"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.totals, name="totals"),
    *import_urls(permission="outreach.manage", importers=IMPORTERS),
    *resource_urls(RESOURCES),
]
