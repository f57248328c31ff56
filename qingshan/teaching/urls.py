from django.urls import URLPattern, URLResolver, path

from qingshan.core.records import resource_urls
from qingshan.teaching.resources import RESOURCES
from qingshan.teaching.views import board, followups, observations, rubrics

app_name = "teaching"

urlpatterns: list[URLPattern | URLResolver] = [
    path("observations/", observations.observation_list, name="observation_list"),
    path("observations/new/", observations.observation_new, name="observation_new"),
    path("observations/<int:pk>/", observations.observation_detail, name="observation_detail"),
    path("observations/<int:pk>/edit/", observations.observation_edit, name="observation_edit"),
    path("observations/<int:pk>/score/", observations.observation_score, name="observation_score"),
    path("observations/<int:pk>/reply/", observations.observation_reply, name="observation_reply"),
    path("observations/<int:pk>/read/", observations.observation_review, name="observation_review"),
    path(
        "observations/<int:pk>/deliberate/",
        observations.deliberation_new,
        name="deliberation_new",
    ),
    path("deliberations/<int:pk>/", observations.deliberation_detail, name="deliberation_detail"),
    path("rubrics/", rubrics.rubric_list, name="rubric_list"),
    path("rubrics/new/", rubrics.rubric_new, name="rubric_new"),
    path("rubrics/<int:pk>/", rubrics.rubric_detail, name="rubric_detail"),
    path("rubrics/<int:pk>/items/", rubrics.rubric_item_add, name="rubric_item_add"),
    path(
        "rubrics/<int:pk>/items/<int:item>/remove/",
        rubrics.rubric_item_remove,
        name="rubric_item_remove",
    ),
    path("rubrics/<int:pk>/publish/", rubrics.rubric_publish, name="rubric_publish"),
    path("board/", board.board, name="board"),
    path("follow-ups/", followups.followup_list, name="followup_list"),
    path("follow-ups/<int:pk>/", followups.followup_detail, name="followup_detail"),
    *resource_urls(RESOURCES),
]
