from django.urls import path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.organization import views
from qingshan.organization.importers import IMPORTERS
from qingshan.organization.resources import RESOURCES

app_name = "organization"

urlpatterns = [
    *resource_urls(RESOURCES),
    path("guardian/<int:pk>/link/", views.guardian_link, name="guardian_link"),
    *(
        path(
            f"term/<int:pk>/{action}/", views.term_action, {"action": action}, name=f"term_{action}"
        )
        for action in views.TERM_ACTIONS
    ),
    *import_urls(permission="organization.manage", importers=IMPORTERS),
]
