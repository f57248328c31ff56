from django.urls import path

from qingshan.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures/", views.figure_list, name="figures"),
]
