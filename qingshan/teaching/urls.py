from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.teaching.importers import IMPORTERS
from qingshan.teaching.resources import RESOURCES
from qingshan.teaching.views import lessons, practice, trainings

app_name = "teaching"

urlpatterns: list[URLPattern | URLResolver] = [
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
