from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "przystan.web"
    label = "web"
    verbose_name = _("Web")

    def ready(self) -> None:
        from . import deploy_checks  # noqa: F401  (registers the deploy checks)
