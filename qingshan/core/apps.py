from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate  # noqa: TID251 - installs triggers, no domain work
from django.utils.translation import gettext_lazy as _

from qingshan.core import lookups


class CoreConfig(AppConfig):
    name = "qingshan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        lookups.register()
        # After every migrate: the records-version triggers of every table (new apps' tables
        # too) and, on SQLite, fresh planner statistics.
        post_migrate.connect(after_migrate, sender=self)
        # The registries fill once every app is loaded.
        from qingshan.core import (  # noqa: PLC0415
            figures,
            navigation,
            notices,
            record_lists,
            search,
        )

        figures.autodiscover()
        record_lists.autodiscover()
        navigation.autodiscover()
        notices.autodiscover()
        search.autodiscover()


def after_migrate(using: str = "default", **_kwargs: Any) -> None:
    from qingshan.core import statistics, versions  # noqa: PLC0415 - needs the loaded models

    versions.install_triggers(using=using)
    statistics.refresh(using=using)
