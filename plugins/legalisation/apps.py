from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.metadata import PluginAppConfig


class LegalisationConfig(PluginAppConfig):
    default = True
    name = "plugins.legalisation"
    label = "legalisation"
    verbose_name = _("Residence applications and cases")

    plugin_slug = "legalisation"
    plugin_name = _("Residence applications and cases")
    plugin_version = "0.1.0"
    plugin_description = _(
        "Applications, case stages and legal deadlines, status tracking, messages, requests to supplement, inquiries, paper file location."
    )
    plugin_requires: tuple[str, ...] = ()
    plugin_config_schema = {
        "type": "object",
        "properties": {
            "status_pin_length": {"type": "integer", "minimum": 6, "maximum": 10},
            "deadline_warning_days": {"type": "integer", "minimum": 1, "maximum": 60},
            "pin_resets_per_day": {"type": "integer", "minimum": 1, "maximum": 10},
            "claim_attempts_per_hour": {"type": "integer", "minimum": 1, "maximum": 20},
            # cases arriving from MOS: a drop directory under var/ and/or the MOS package feed
            "mos_intake": {
                "type": "object",
                "properties": {
                    "enabled": {"type": "boolean"},
                    "drop_dir": {"type": "string", "pattern": "^[A-Za-z0-9_][A-Za-z0-9_./-]*$"},
                    "feed_url": {"type": "string", "pattern": "^https?://"},
                },
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }

    def ready(self) -> None:
        super().ready()
        from django.db.models.signals import post_migrate

        from przystan.audit.api import register

        from . import checks  # noqa: F401  (registers the deploy checks)

        post_migrate.connect(_seed_routes, sender=self, dispatch_uid="legalisation-national-routes")
        from .models import (
            Application,
            Attachment,
            Case,
            ClaimAttempt,
            ClaimCode,
            DeadlineRule,
            FileMove,
            FilingRoute,
            Inquiry,
            Message,
            MosPackage,
            PinReset,
            QuarantinedPackage,
            SupplementRequest,
            SuspensionPeriod,
            Team,
        )

        register(
            Case,
            sensitive=True,
            mask=("pin_hash",),
            # internal keys a reader of the trail cannot use (the office is the entry's own)
            exclude=(
                "person_name_search",
                "person_surname_search",
                "person_key",
                "public_id",
                "office",
                "created_at",
                "updated_at",
            ),
        )
        register(Application, sensitive=True, exclude=("updated_at",))
        register(Attachment, sensitive=True, office_field="")
        register(Message, sensitive=True, office_field="")
        register(SupplementRequest, office_field="")
        register(Inquiry, office_field="")
        register(FileMove, office_field="")
        register(Team)
        register(PinReset, office_field="")
        register(FilingRoute)
        register(DeadlineRule)
        register(SuspensionPeriod)
        register(MosPackage)
        register(QuarantinedPackage)
        register(ClaimCode, mask=("code_hash",), office_field="")
        register(ClaimAttempt)


def _seed_routes(using: str = "default", **kwargs: object) -> None:
    from .route_seed import ensure_national_routes

    ensure_national_routes()
