from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.teaching.importers import IMPORTERS
from qingshan.teaching.resources import RESOURCES
from qingshan.teaching.views import (
    board,
    followups,
    lessons,
    observations,
    portfolio,
    practice,
    rubrics,
    trainings,
)

app_name = "teaching"

urlpatterns: list[URLPattern | URLResolver] = [
    # the observation loop
    path("observations/", observations.observation_list, name="observation_list"),
    path("observations/new/", observations.observation_new, name="observation_new"),
    path("observations/export/", observations.observation_export, name="observation_export"),
    path("observations/<int:pk>/", observations.observation_detail, name="observation_detail"),
    path("observations/<int:pk>/edit/", observations.observation_edit, name="observation_edit"),
    path("observations/<int:pk>/score/", observations.observation_score, name="observation_score"),
    path("observations/<int:pk>/reply/", observations.observation_reply, name="observation_reply"),
    path(
        "observations/<int:pk>/discard/",
        observations.observation_discard,
        name="observation_discard",
    ),
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
    path("rubrics/<int:pk>/name/", rubrics.rubric_rename, name="rubric_rename"),
    path("rubrics/<int:pk>/items/", rubrics.rubric_item_add, name="rubric_item_add"),
    path(
        "rubrics/<int:pk>/items/<int:item>/remove/",
        rubrics.rubric_item_remove,
        name="rubric_item_remove",
    ),
    path("rubrics/<int:pk>/publish/", rubrics.rubric_publish, name="rubric_publish"),
    path("board/", board.board, name="board"),
    path("teachers/me/", portfolio.portfolio_mine, name="portfolio_mine"),
    path("teachers/<int:pk>/", portfolio.portfolio, name="portfolio"),
    path("teachers/<int:pk>/pdf/", portfolio.portfolio_pdf, name="portfolio_pdf"),
    path("follow-ups/", followups.followup_list, name="followup_list"),
    path("follow-ups/<int:pk>/", followups.followup_detail, name="followup_detail"),
    # the team's records
    path("practice/", practice.practice, name="practice"),
    path("policy/", practice.policy, name="policy"),
    path("lesson/<int:pk>/file/", lessons.lesson_file, name="lesson_file"),
    path("training/request/", trainings.training_request, name="training_request"),
    path("training/<int:pk>/approve/", trainings.training_approve, name="training_approve"),
    path("training/<int:pk>/refuse/", trainings.training_refuse, name="training_refuse"),
    path("training/<int:pk>/done/", trainings.training_done, name="training_done"),
    path("training/<int:pk>/evidence/", trainings.training_evidence, name="training_evidence"),
    *import_urls(permission="teaching.manage", importers=IMPORTERS),
    *resource_urls(RESOURCES),
]
