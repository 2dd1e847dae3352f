"""System checks for plugin conventions (run by ``manage.py check`` and at server start)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.checks import Error, Warning, register

from .manager import get_plugin_system
from .metadata import PluginAppConfig


@register("przystan")
def check_plugin_apps_have_entry_points(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    system = get_plugin_system()
    problems: list[Any] = []
    for app_config in apps.get_app_configs():
        if isinstance(app_config, PluginAppConfig) and app_config.plugin_slug not in system.plugins:
            problems.append(
                Warning(
                    f"App '{app_config.name}' is a Przystań plugin ('{app_config.plugin_slug}') but no "
                    "'przystan.plugins' entry point loads it, so its hooks never run.",
                    hint='Declare it in the distribution\'s [project.entry-points."przystan.plugins"].',
                    id="przystan.W001",
                )
            )
    return problems


@register("przystan")
def check_no_platform_package(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    from django.conf import settings

    marker = settings.PACKAGE_DIR.parent / "__init__.py"
    if marker.exists():
        return [
            Error(
                "platform/__init__.py must not exist: 'platform' is a stdlib module.",
                id="przystan.E001",
            )
        ]
    return []


@register("przystan")
def check_stateless_routes(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """A stateless API route must not authenticate anyone: its requests never see a session or token."""
    problems: list[Any] = []
    for route in get_plugin_system().registry("api_routes"):
        if route.stateless and getattr(route.viewset, "authentication_classes", None):
            problems.append(
                Error(
                    f"API route '{route.name}' is stateless but {route.viewset.__name__} has "
                    "authentication classes: its requests are always anonymous.",
                    hint="Set authentication_classes = [] on the viewset or drop stateless=True.",
                    id="przystan.E003",
                )
            )
    return problems
