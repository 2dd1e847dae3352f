"""The one question every entry point asks: is this plugin enabled for this office?"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError

from przystan.pluginsys.errors import PluginError
from przystan.pluginsys.manager import CORE_SLUG, OfficeHooks, get_plugin_system

logger = logging.getLogger(__name__)
_CACHE_ATTR = "_przystan_enabled_plugins"


def enabled_plugins(office: Any) -> frozenset[str]:
    """Slugs of installed plugins enabled for ``office`` (memoised on the office instance)."""
    if office is None:
        return frozenset()
    cached = getattr(office, _CACHE_ATTR, None)
    if cached is None:
        from .models import PluginEnablement

        installed = get_plugin_system().plugins
        rows = PluginEnablement.objects.filter(office=office, enabled=True).values_list("plugin", flat=True)
        unknown = [slug for slug in rows if slug not in installed]
        for slug in unknown:
            logger.error("Office %s enables plugin '%s', which is not installed; ignored", office.pk, slug)
        cached = frozenset(slug for slug in rows if slug in installed)
        setattr(office, _CACHE_ATTR, cached)
    return cached


def forget_enablement(office: Any) -> None:
    if office is not None and hasattr(office, _CACHE_ATTR):
        delattr(office, _CACHE_ATTR)


def is_enabled(office: Any, slug: str) -> bool:
    if slug == CORE_SLUG or slug.startswith(f"{CORE_SLUG}."):
        return True
    return slug in enabled_plugins(office)


def hooks_for_office(office: Any) -> OfficeHooks:
    """Hook caller that runs the core and only the plugins enabled for ``office``."""
    return get_plugin_system().hooks_for(enabled_plugins(office))


def plugin_config(office: Any, slug: str) -> dict[str, Any]:
    from .models import PluginEnablement

    row = PluginEnablement.objects.filter(office=office, plugin=slug).only("config").first()
    return dict(row.config) if row else {}


def set_enabled(
    office: Any, slug: str, enabled: bool = True, config: dict[str, Any] | None = None, by: Any = None
) -> Any:
    """Enable or disable ``slug`` for ``office`` (validating requirements and config)."""
    from .models import PluginEnablement

    row = PluginEnablement.objects.filter(office=office, plugin=slug).first() or PluginEnablement(
        office=office, plugin=slug
    )
    row.enabled = enabled
    if config is not None:
        row.config = config
    if by is not None and getattr(by, "pk", None):
        row.changed_by = by
    row.save()
    forget_enablement(office)
    return row


def validate_stored_enablements() -> list[str]:
    """Problems with stored per-office plugin settings (unknown plugins, invalid config, unmet requires)."""
    from .models import PluginEnablement

    problems = []
    for row in PluginEnablement.objects.select_related("office"):
        try:
            row.full_clean()
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                problems.extend(f"{row.office}: {message}" for message in messages)
    return problems


def assert_stored_enablements_valid() -> None:
    problems = validate_stored_enablements()
    if problems:
        raise PluginError("Invalid plugin settings:\n  " + "\n  ".join(problems))
