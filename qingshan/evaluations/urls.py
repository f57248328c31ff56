from django.urls import path

from qingshan.evaluations.views import manage, rating, results

app_name = "evaluations"

urlpatterns = [
    path("evaluations/instruments/", manage.instrument_list, name="instrument_list"),
    path("evaluations/instruments/<int:pk>/", manage.instrument_detail, name="instrument_detail"),
    path(
        "evaluations/instruments/<int:instrument_pk>/questions/new/",
        manage.question_form,
        name="question_create",
    ),
    path(
        "evaluations/instruments/<int:instrument_pk>/questions/<int:pk>/",
        manage.question_form,
        name="question_edit",
    ),
    path("evaluations/campaigns/", manage.campaign_list, name="campaign_list"),
    path("evaluations/campaigns/new/", manage.campaign_create, name="campaign_create"),
    path("evaluations/campaigns/<int:pk>/", manage.campaign_detail, name="campaign_detail"),
    path(
        "evaluations/campaigns/<int:pk>/do/<str:action>/",
        manage.campaign_action,
        name="campaign_action",
    ),
    path(
        "evaluations/campaigns/<int:pk>/participation/", manage.participation, name="participation"
    ),
    path("evaluations/campaigns/<int:pk>/links.xlsx", manage.token_export, name="token_export"),
    path("evaluations/campaigns/<int:pk>/slips/", manage.qr_sheets, name="qr_sheets"),
    path("evaluations/campaigns/<int:pk>/slips/all/", manage.slips_all, name="slips_all"),
    path(
        "evaluations/campaigns/<int:pk>/slips/batch/<int:batch_pk>/",
        manage.slip_batch,
        name="slip_batch",
    ),
    path(
        "evaluations/campaigns/<int:pk>/slips/batch/<int:batch_pk>/download/",
        manage.slip_batch_download,
        name="slip_batch_download",
    ),
    path("evaluations/campaigns/<int:pk>/review/", manage.review, name="review"),
    path("evaluations/campaigns/<int:pk>/results/", results.campaign_results, name="results"),
    path(
        "evaluations/campaigns/<int:pk>/results.<str:kind>",
        results.results_export,
        name="results_export",
    ),
    path("evaluations/results/<int:pk>/", results.target_result, name="target_result"),
    path("evaluations/results/<int:pk>/follow-up/", results.follow_up_open, name="followup_open"),
    path("evaluations/results/mine/", results.my_results, name="my_results"),
    path("evaluations/follow-ups/", results.follow_up_list, name="followup_list"),
    path("evaluations/follow-ups/<int:pk>/", results.follow_up_detail, name="followup_detail"),
    # The rater's pages, under a short prefix printed on QR slips.
    # No address below carries a key, a token or a rating due (docs/anonymity.md).
    path("r/", rating.rate_home, name="rate_home"),
    path("r/exchange/", rating.exchange, name="exchange"),
    path("r/rate/", rating.rate, name="rate"),
    path("r/submit/", rating.submit, name="submit"),
    path("r/thanks/", rating.rate_thanks, name="rate_thanks"),
]
