from django.urls import path

from qingshan.reports.views import county, dashboard, summary

app_name = "reports"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("figures/", dashboard.figure_list, name="figures"),
    path("figures/<str:key>/records/", summary.evidence, name="evidence"),
    path("summary/", summary.summary, name="summary"),
    path("summary/download/<str:fmt>/", summary.summary_download, name="summary_download"),
    path("summary/issue/", summary.summary_issue, name="summary_issue"),
    path("summary/blocks/new/", summary.block_add, name="block_add"),
    path("summary/blocks/<int:pk>/", summary.block_edit, name="block_edit"),
    path("summary/blocks/<int:pk>/remove/", summary.block_remove, name="block_remove"),
    path(
        "summary/blocks/default/<int:position>/",
        summary.default_block_edit,
        name="default_block_edit",
    ),
    path("summary/issued/", summary.issued_list, name="issued_list"),
    path("summary/issued/<int:pk>/", summary.issued_detail, name="issued_detail"),
    path("summary/issued/<int:pk>/file/<str:fmt>/", summary.issued_file, name="issued_file"),
    path(
        "summary/issued/<int:pk>/compare/<int:other>/",
        summary.issued_compare,
        name="issued_compare",
    ),
    path("county/", county.county, name="county"),
    path("county/export/", county.county_export, name="county_export"),
]
