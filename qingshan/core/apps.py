from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "qingshan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from qingshan.core import figures, navigation  # the registries fill once apps are ready

        figures.autodiscover()
        navigation.autodiscover()
