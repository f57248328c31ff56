from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from qingshan.accounts import models
from qingshan.core import audit

audit.register(models.User, exclude_fields=["password", "last_login"])
audit.register(models.Membership)
audit.register(models.ApiToken, exclude_fields=["key_hash", "last_used_at"])

admin.site.register(models.User, UserAdmin)
admin.site.register(models.Membership)
