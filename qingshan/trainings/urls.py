from django.urls import URLPattern, URLResolver

app_name = "trainings"

urlpatterns: list[URLPattern | URLResolver] = []
