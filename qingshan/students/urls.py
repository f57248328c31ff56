from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.students.importers import IMPORTERS
from qingshan.students.resources import CHOICE_RESOURCES, RULE_RESOURCES, TEXTBOOK_RESOURCES
from qingshan.students.views import choices, graduation, paths, textbooks

app_name = "students"

urlpatterns: list[URLPattern | URLResolver] = [
    path("me/", paths.path_mine, name="path_mine"),
    path("paths/<int:pk>/", paths.path, name="path"),
    path("paths/<int:pk>/change/", paths.change_new, name="change_new"),
    path("changes/", paths.change_list, name="change_list"),
    path("changes/register/", paths.register_export, name="register_export"),
    path("changes/open-paths/", paths.paths_open, name="paths_open"),
    path("changes/<int:pk>/", paths.change_detail, name="change_detail"),
    path("changes/<int:pk>/approve/", paths.change_approve, name="change_approve"),
    path("changes/<int:pk>/bureau/", paths.change_bureau, name="change_bureau"),
    path("changes/<int:pk>/refuse/", paths.change_refuse, name="change_refuse"),
    path("changes/<int:pk>/withdraw/", paths.change_withdraw, name="change_withdraw"),
    path("changes/<int:pk>/evidence/", paths.change_evidence, name="change_evidence"),
    path("textbook/<int:pk>/file/", textbooks.textbook_file, name="textbook_file"),
    path("graduation/", graduation.graduation, name="graduation"),
    path("graduation/<int:pk>/", graduation.graduate, name="graduate"),
    path("changes/<int:pk>/credits/", paths.change_credit, name="change_credit"),
    path("choices/", choices.choices_mine, name="choices_mine"),
    path("choices/<int:pk>/withdraw/", choices.choice_withdraw, name="choice_withdraw"),
    path("choices/<int:pk>/assign/", choices.choice_assign, name="choice_assign"),
    path("choices/<int:pk>/decline/", choices.choice_decline, name="choice_decline"),
    path("windows/<int:pk>/demand/", choices.window_demand, name="window_demand"),
    *import_urls(permission="students.manage", importers=IMPORTERS),
    *resource_urls(CHOICE_RESOURCES),
    *resource_urls(TEXTBOOK_RESOURCES),
    *resource_urls(RULE_RESOURCES),
]
