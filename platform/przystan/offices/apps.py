from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "przystan.offices"
    label = "offices"
    verbose_name = _("Offices")

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401
        from .middleware import connect_signals

        connect_signals()
