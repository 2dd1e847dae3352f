from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "przystan.api"
    label = "api"
    verbose_name = _("Api")

    def ready(self) -> None:
        from . import receivers, schema_auth  # noqa: F401  (schema_auth registers drf-spectacular extensions)

        receivers.connect()
