from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "przystan.audit"
    label = "audit"
    verbose_name = _("Audit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, core_registrations  # noqa: F401  (checks registers deploy checks)
        from .api import complete_pending_registrations

        core_registrations.register_core_models()
        complete_pending_registrations()
