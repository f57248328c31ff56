from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from qingshan.core import lookups


class CoreConfig(AppConfig):
    name = "qingshan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        lookups.register()
        # The registries fill once every app is loaded.
        from qingshan.core import figures, navigation  # noqa: PLC0415

        figures.autodiscover()
        navigation.autodiscover()
