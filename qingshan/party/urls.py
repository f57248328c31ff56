from django.urls import path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.party.importers import IMPORTERS
from qingshan.party.resources import RESOURCES
from qingshan.party.views import organisation, recruitment, work

app_name = "party"

urlpatterns = [
    path("", organisation.branch, name="branch"),
    path("settings/", organisation.branch_form, name="branch_form"),
    path("committee/", organisation.committee_seat, name="committee_seat"),
    path("member/transfer-in/", organisation.transfer_in, name="transfer_in"),
    *import_urls(permission="party.manage", importers=IMPORTERS),
    path(
        "member/<int:pk>/departure/<str:kind>/",
        organisation.member_departure,
        name="member_departure",
    ),
    path("recruitment/", recruitment.recruit_board, name="recruit_board"),
    path("recruitment/new/", recruitment.recruit_create, name="recruit_create"),
    path("recruitment/<int:pk>/", recruitment.recruit_detail, name="recruit_detail"),
    path("recruitment/<int:pk>/step/", recruitment.recruit_step, name="recruit_step"),
    path("recruitment/<int:pk>/event/<str:kind>/", recruitment.recruit_event, name="recruit_event"),
    path(
        "recruitment/<int:pk>/cultivation/",
        recruitment.recruit_cultivation,
        name="recruit_cultivation",
    ),
    path("recruitment/<int:pk>/document/", recruitment.recruit_document, name="recruit_document"),
    path(
        "recruitment/<int:pk>/document/<int:document_pk>/",
        recruitment.recruit_document_file,
        name="recruit_document_file",
    ),
    path(
        "recruitment/<int:pk>/paperwork/<str:key>/",
        recruitment.recruit_paperwork,
        name="recruit_paperwork",
    ),
    path("meeting/<int:pk>/attendance/", work.meeting_attendance, name="meeting_attendance"),
    path("meeting/<int:pk>/roll-call/", work.meeting_roll_call, name="meeting_roll_call"),
    path("compliance/", work.compliance, name="compliance"),
    path("mentoring/<int:pk>/log/", work.mentoring_log, name="mentoring_log"),
    path("mentoring/<int:pk>/close/", work.mentoring_close, name="mentoring_close"),
    path("appraisal/", work.appraisal_list, name="appraisal_list"),
    path("appraisal/<int:pk>/", work.appraisal_detail, name="appraisal_detail"),
    path("appraisal/<int:pk>/<str:action>/", work.appraisal_action, name="appraisal_action"),
    path("dues/", work.dues, name="dues"),
    *resource_urls(RESOURCES),
]
