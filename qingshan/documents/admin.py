"""Audit registration: every create, change and delete of documents and attachments is logged."""

from qingshan.core import audit
from qingshan.documents import models

audit.register(models.Document, exclude_fields=["search_title", "search_body"])
audit.register(models.Attachment)
