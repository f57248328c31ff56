from django.urls import URLPattern, URLResolver

app_name = "workplans"

urlpatterns: list[URLPattern | URLResolver] = []
