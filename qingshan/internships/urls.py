from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.internships.importers import IMPORTERS
from qingshan.internships.resources import RESOURCES
from qingshan.internships.views import board, confirm, placements, student, weeks

app_name = "internships"

urlpatterns: list[URLPattern | URLResolver] = [
    path("compliance/", board.compliance, name="compliance"),
    path("compliance/export/", board.compliance_export, name="compliance_export"),
    path("placement/<int:pk>/exception/", placements.grant_exception, name="placement_exception"),
    path("placement/<int:pk>/end/", placements.end_placement, name="placement_end"),
    path("placement/<int:pk>/visit/", placements.add_visit, name="placement_visit"),
    path("weeks/", weeks.week_list, name="week_list"),
    path("weeks/<int:pk>/", weeks.week_detail, name="week_detail"),
    path("weeks/<int:pk>/sheet/", weeks.week_sheet, name="week_sheet"),
    path("my/", student.my_internship, name="my"),
    path("my/<int:pk>/day/", student.log_day, name="my_day"),
    path("my/week/<int:pk>/", student.my_week, name="my_week"),
    path("c/", confirm.confirm_home, name="confirm_home"),
    path("c/exchange/", confirm.exchange, name="confirm_exchange"),
    path("c/confirm/", confirm.confirm, name="confirm"),
    *import_urls(permission="internships.manage", importers=IMPORTERS),
    *resource_urls(RESOURCES),
]
