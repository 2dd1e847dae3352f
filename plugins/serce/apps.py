from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.metadata import PluginAppConfig


class SerceConfig(PluginAppConfig):
    default = True
    name = "plugins.serce"
    label = "serce"
    verbose_name = _("SERCE — register of foreigners in reception centres")

    plugin_slug = "serce"
    plugin_name = _("SERCE — register of foreigners in reception centres")
    plugin_version = "0.1.0"
    plugin_description = _(
        "UdSC register of foreigners in reception centres: persons, centres, benefits, education, food, payment lists, notices."
    )
    plugin_requires: tuple[str, ...] = ()
    plugin_config_schema = {
        "type": "object",
        "properties": {
            "sms_sender": {"type": "string", "maxLength": 11},
            "benefit_payment_day": {"type": "integer", "minimum": 1, "maximum": 15},
            "sms_part_price_grosze": {"type": "integer", "minimum": 0, "maximum": 1000},
        },
        "additionalProperties": False,
    }

    def ready(self) -> None:
        from .audit_registrations import register_models

        register_models()
