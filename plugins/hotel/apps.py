from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.metadata import PluginAppConfig


class HotelConfig(PluginAppConfig):
    default = True
    name = "plugins.hotel"
    label = "hotel"
    verbose_name = _("Hotel base for reception centres")

    plugin_slug = "hotel"
    plugin_name = _("Hotel base for reception centres")
    plugin_version = "0.1.0"
    plugin_description = _(
        "Places and beds, admissions, barcode ID cards, meals scanning and transfers between centres."
    )
    plugin_requires: tuple[str, ...] = ("serce",)
    plugin_config_schema = {
        "type": "object",
        "properties": {"absence_after_days": {"type": "integer", "minimum": 1, "maximum": 30}},
        "additionalProperties": False,
    }

    def ready(self) -> None:
        from przystan.audit.api import register

        from . import models

        # Changes to where people live, their cards, needs and transfers are personal data: audited.
        register(models.AccommodationNeeds, sensitive=True)
        register(models.Placement)
        register(models.IdCard)
        register(models.Transfer, sensitive=True, exclude=("report_pdf", "report"))
        register(models.TransferMember)
        register(models.Referral)
        register(models.Room)
        register(models.Bed)
