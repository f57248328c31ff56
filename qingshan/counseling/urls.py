from django.urls import URLPattern, URLResolver, path

from qingshan.core.import_views import import_urls
from qingshan.core.records import resource_urls
from qingshan.counseling.importers import IMPORTERS
from qingshan.counseling.resources import RESOURCES
from qingshan.counseling.views import attention, cases, scales, screening, student
from qingshan.counseling.views.compliance import compliance, compliance_pack, guardian_export

app_name = "counseling"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", screening.board, name="board"),
    path("scales/", scales.scale_list, name="scale_list"),
    path("scales/new/", scales.scale_create, name="scale_create"),
    path("scales/<int:pk>/", scales.scale_detail, name="scale_detail"),
    path("scales/<int:pk>/edit/", scales.scale_edit, name="scale_edit"),
    path("scales/<int:pk>/version/", scales.scale_version, name="scale_version"),
    path("thresholds/<int:pk>/remove/", scales.threshold_remove, name="threshold_remove"),
    path("campaigns/", screening.campaign_list, name="campaign_list"),
    path("campaigns/new/", screening.campaign_form, name="campaign_create"),
    path("campaigns/<int:pk>/", screening.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", screening.campaign_form, name="campaign_edit"),
    path("campaigns/<int:pk>/open/", screening.campaign_open, name="campaign_open"),
    path("campaigns/<int:pk>/close/", screening.campaign_close, name="campaign_close"),
    path("campaigns/<int:pk>/links/", screening.campaign_links, name="campaign_links"),
    path("alerts/", screening.alert_list, name="alert_list"),
    path("alerts/<int:pk>/", screening.alert_detail, name="alert_detail"),
    path("attention/", attention.attention, name="attention"),
    path("my/", student.my_screenings, name="my"),
    path("my/<int:pk>/", student.answer, name="answer"),
    path("s/", student.answer_home, name="answer_home"),
    path("s/exchange/", student.answer_exchange, name="answer_exchange"),
    path("cases/", cases.case_list, name="case_list"),
    path("cases/new/", cases.case_open, name="case_open"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/session/", cases.case_session, name="case_session"),
    path("cases/<int:pk>/referral/", cases.case_referral, name="case_referral"),
    path(
        "cases/<int:pk>/referral/follow-up/",
        cases.case_referral_follow_up,
        name="case_referral_follow_up",
    ),
    path("cases/<int:pk>/crisis/", cases.case_crisis, name="case_crisis"),
    path("cases/<int:pk>/close/", cases.case_close, name="case_close"),
    path("cases/<int:pk>/counselor/", cases.case_add_counselor, name="case_add_counselor"),
    path("break-glass/", cases.break_glass, name="break_glass"),
    *import_urls(permission="counseling.screen", importers=IMPORTERS),
    # compliance pack (views/compliance.py)
    path("compliance/", compliance, name="compliance"),
    path("compliance/pack/", compliance_pack, name="compliance_pack"),
    path("compliance/guardian/", guardian_export, name="guardian_export"),
    *resource_urls(RESOURCES),
    # end compliance pack
]
