from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.metadata import PluginAppConfig


class QueueBookingConfig(PluginAppConfig):
    default = True
    name = "plugins.queue_booking"
    label = "queue_booking"
    verbose_name = _("Visit booking and queue")

    plugin_slug = "queue_booking"
    plugin_name = _("Visit booking and queue")
    plugin_version = "0.1.0"
    plugin_description = _(
        "Fair booking of visits (filing, fingerprints, card pick-up), day agenda, tickets and call-next screens."
    )
    plugin_requires: tuple[str, ...] = ()
    plugin_config_schema = {
        "type": "object",
        "properties": {
            "horizon_days": {"type": "integer", "minimum": 1, "maximum": 180},
            "ip_rate": {"type": "string", "pattern": "^[0-9]+/[0-9]*[smhd]$"},
            "identity_rate": {"type": "string", "pattern": "^[0-9]+/[0-9]*[smhd]$"},
        },
        "additionalProperties": False,
    }

    def ready(self) -> None:
        super().ready()
        from django.db.models.signals import post_delete, post_save

        from przystan.offices.models import PluginEnablement

        from .models import Slot
        from .services import slot_facts
        from .services.limits import forget_rates

        post_save.connect(forget_rates, sender=PluginEnablement, dispatch_uid="queue_booking-forget-rates")
        post_delete.connect(forget_rates, sender=PluginEnablement, dispatch_uid="queue_booking-forget-rates")
        post_save.connect(slot_facts.forget, sender=Slot, dispatch_uid="queue_booking-forget-slot")
        post_delete.connect(slot_facts.forget, sender=Slot, dispatch_uid="queue_booking-forget-slot")
