from django.urls import path

from qingshan.core.import_views import import_urls
from qingshan.documents import views
from qingshan.documents.importers import importers_of

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("new/", views.document_create, name="document_create"),
    path("next-number/", views.next_number, name="next_number"),
    path("export/", views.document_export, name="document_export"),
    *import_urls(permission="documents.manage", importers=importers_of),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("<int:pk>/revise/", views.document_revise, name="document_revise"),
    path("<int:pk>/repeal/", views.document_repeal, name="document_repeal"),
    path("<int:pk>/archive/", views.document_archive, name="document_archive"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_file,
        name="attachment_file",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
]
