from django.urls import path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.workplans.importers import IMPORTERS
from qingshan.workplans.resources import RESOURCES
from qingshan.workplans.views import cycle, decisions, grid

app_name = "workplans"

urlpatterns = [
    path("", cycle.month, name="month"),
    path("settings/", cycle.work_settings, name="settings"),
    path("plans/open/", cycle.plan_open, name="plan_open"),
    path("plans/<int:pk>/", cycle.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/items/", cycle.item_add, name="item_add"),
    path("plans/<int:pk>/file/", cycle.plan_file, name="plan_file"),
    path("plans/<int:pk>/summary/", cycle.summary_file, name="summary_file"),
    path("plans/<int:pk>/summary.docx", cycle.summary_export, name="summary_export"),
    path("items/<int:pk>/edit/", cycle.item_edit, name="item_edit"),
    path("items/<int:pk>/done/", cycle.item_done, name="item_done"),
    path("items/<int:pk>/reopen/", cycle.item_reopen, name="item_reopen"),
    path("items/<int:pk>/remove/", cycle.item_remove, name="item_remove"),
    path("weekly/", cycle.weekly, name="weekly"),
    path("supervision/", decisions.supervision, name="supervision"),
    path("decisionmeeting/<int:pk>/decide/", decisions.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/hand/", decisions.decision_hand, name="decision_hand"),
    path("decisions/<int:pk>/close/", decisions.decision_close, name="decision_close"),
    path("tasks/<int:pk>/hand-down/", decisions.task_hand_down, name="task_hand_down"),
    path("tasks/<int:pk>/done/", decisions.task_done, name="task_done"),
    path("tasks/<int:pk>/explain/", decisions.task_explain, name="task_explain"),
    path("grid/", grid.grid, name="grid"),
    path("grid/check/", grid.grid_check, name="grid_check"),
    path("grid/roster/<str:fmt>/", grid.grid_roster, name="grid_roster"),
    path("grid/term/<int:pk>/copy/", grid.grid_copy, name="grid_copy"),
    path("grid/term/<int:pk>/changes/", grid.grid_changes, name="grid_changes"),
    *import_urls(permission="workplans.manage", importers=IMPORTERS),
    *resource_urls(RESOURCES),
]
