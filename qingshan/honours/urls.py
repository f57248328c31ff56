from django.urls import URLPattern, URLResolver

app_name = "honours"

urlpatterns: list[URLPattern | URLResolver] = []
