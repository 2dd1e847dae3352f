"""Deploy checks of the legalisation plugin (``manage.py check --deploy``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

EICAR_ONLY = "plugins.legalisation.attachments.eicar_scanner"


@register(Tags.security, deploy=True)
def check_attachment_scanner(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """legalisation.W001: uploads are scanned only for the EICAR test signature (the development default)."""
    path = getattr(settings, "LEGALISATION_ATTACHMENT_SCANNER", None) or EICAR_ONLY
    if path == EICAR_ONLY:
        return [
            Warning(
                "Attachments of applications are checked only for the EICAR test signature: real malware "
                "passes.",
                hint=(
                    "Point LEGALISATION_ATTACHMENT_SCANNER at a real scanner, e.g. "
                    "'plugins.legalisation.attachments.clamd_scanner' with LEGALISATION_CLAMD_ADDRESS "
                    "(production settings do so unless the environment overrides it)."
                ),
                id="legalisation.W001",
            )
        ]
    return []
