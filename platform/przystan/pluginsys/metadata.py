"""Plugin metadata carried by each plugin's Django ``AppConfig``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import AppConfig


@dataclass(frozen=True)
class PluginMeta:
    slug: str
    name: str
    version: str
    description: str
    requires: tuple[str, ...] = ()
    config_schema: dict[str, Any] = field(default_factory=dict)
    module: str = ""
    app_label: str = ""


class PluginAppConfig(AppConfig):
    """Base ``AppConfig`` for Przystań plugins.

    Subclasses set ``plugin_slug``, ``plugin_name``, ``plugin_version``, ``plugin_description``,
    optionally ``plugin_requires`` (slugs of plugins this one imports or needs enabled) and
    ``plugin_config_schema`` (a JSON Schema for the per-office configuration).
    """

    plugin_slug: str = ""
    plugin_name: str = ""
    plugin_version: str = "0.0.0"
    plugin_description: str = ""
    plugin_requires: tuple[str, ...] = ()
    plugin_config_schema: dict[str, Any] = {"type": "object"}

    @property
    def plugin_meta(self) -> PluginMeta:
        return PluginMeta(
            slug=self.plugin_slug,
            name=str(self.plugin_name),
            version=self.plugin_version,
            description=str(self.plugin_description),
            requires=tuple(self.plugin_requires),
            config_schema=dict(self.plugin_config_schema),
            module=self.name,
            app_label=self.label,
        )
