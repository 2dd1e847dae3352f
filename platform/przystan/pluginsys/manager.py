"""The one plugin manager of the process, built once at start.

:class:`PluginSystem` discovers plugins through the ``przystan.plugins`` entry-point group, checks
their metadata, registers their ``hooks`` modules with pluggy, runs the discovery hooks once into
registries, and hands out per-office hook callers that skip plugins disabled for that office.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import Any

import pluggy
from django.apps import apps
from django.conf import settings

from przystan.access.policy import Grant, Resource

from . import contributions as c
from . import hookspecs
from .errors import PluginError
from .markers import PROJECT
from .metadata import PluginAppConfig, PluginMeta
from .registries import Registry

CORE_SLUG = "core"
# Core features are registered as always-enabled default plugins (named "core.<app>").
CORE_HOOK_MODULES = (
    "przystan.accounts.hooks",
    "przystan.offices.hooks",
    "przystan.audit.hooks",
    "przystan.notifications.hooks",
    "przystan.documents.hooks",
    "przystan.api.hooks",
    "przystan.web.hooks",
    "przystan.scheduling.hooks",
    "przystan.intake.hooks",
    "cms_content.hooks",  # the information portal is part of the platform, not an optional plugin
)
_SLUG_RE = re.compile(r"^[a-z][a-z0-9_]{1,49}$")

# discovery hook name -> (registry kind, contribution type)
DISCOVERY_HOOKS: dict[str, tuple[str, type[c.Contribution]]] = {
    "urls": ("URL namespace", c.UrlContribution),
    "admin_menu_items": ("admin menu item", c.MenuItem),
    "api_routes": ("API route", c.ApiRoute),
    "notification_types": ("notification type", c.NotificationType),
    "reports": ("report", c.Report),
    "payment_providers": ("payment provider", c.PaymentProviderEntry),
    "dashboard_panels": ("dashboard panel", c.DashboardPanel),
    "periodic_jobs": ("periodic job", c.PeriodicJob),
    "access_resources": ("access resource", Resource),
    "access_grants": ("access grant", Grant),
    "privacy_clauses": ("privacy clause", c.PrivacyClause),
}


def configured_entry_points() -> list[EntryPoint]:
    """Entry points of installed distributions plus ``PRZYSTAN_EXTRA_PLUGINS`` ("slug = module")."""
    group = getattr(settings, "PRZYSTAN_PLUGIN_ENTRY_POINT_GROUP", "przystan.plugins")
    found = list(entry_points(group=group))
    for spec in getattr(settings, "PRZYSTAN_EXTRA_PLUGINS", []):
        name, _, value = (part.strip() for part in spec.partition("="))
        found.append(EntryPoint(name=name, value=value, group=group))
    return found


class PluginSystem:
    """Plugins, their metadata, the pluggy manager and the contribution registries."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.plugins: dict[str, PluginMeta] = {}
        self._hook_modules: dict[str, ModuleType] = {}
        self.registries: dict[str, Registry[Any]] = {
            hook: Registry(kind, item_type) for hook, (kind, item_type) in DISCOVERY_HOOKS.items()
        }
        self._subset_cache: dict[frozenset[str], OfficeHooks] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, eps: Iterable[EntryPoint] | None = None) -> PluginSystem:
        system = cls()
        for module in CORE_HOOK_MODULES:
            parts = module.split(".")
            app = parts[1] if parts[0] == "przystan" else parts[0]
            system._register_hooks(f"{CORE_SLUG}.{app}", importlib.import_module(module))
        for ep in configured_entry_points() if eps is None else eps:
            system._load_entry_point(ep)
        system._check_requirements()
        system._collect_contributions()
        system._check_access_policy()
        return system

    def _check_access_policy(self) -> None:
        """Build the policy table once so that a plugin's invalid grant fails at start, naming it."""
        from przystan.access.table import PolicyTable
        from przystan.accounts.roles import role_slugs

        PolicyTable(
            list(self.registry("access_resources")), list(self.registry("access_grants")), role_slugs()
        )

    def _load_entry_point(self, ep: EntryPoint) -> None:
        try:
            module = ep.load()
        except ImportError as exc:
            raise PluginError(
                f"Plugin entry point '{ep.name}' ({ep.value}) cannot be imported: {exc}"
            ) from exc
        app_config = self._app_config_for(module)
        if app_config is None:
            raise PluginError(
                f"Plugin '{ep.name}' ({module.__name__}) is installed but its Django app is not in "
                "INSTALLED_APPS; add it there (INSTALLED_APPS is the reviewed list of apps)."
            )
        if not isinstance(app_config, PluginAppConfig):
            raise PluginError(
                f"Plugin '{ep.name}': {type(app_config).__name__} must subclass "
                "przystan.pluginsys.metadata.PluginAppConfig to carry plugin metadata."
            )
        meta = app_config.plugin_meta
        if not _SLUG_RE.match(meta.slug or ""):
            raise PluginError(f"Plugin '{ep.name}' ({module.__name__}) has an invalid slug {meta.slug!r}.")
        if meta.slug != ep.name:
            raise PluginError(
                f"Plugin '{meta.slug}': entry point is named '{ep.name}'; they must be the same."
            )
        if meta.slug in self.plugins or meta.slug == CORE_SLUG or meta.slug.startswith(f"{CORE_SLUG}."):
            other = self.plugins.get(meta.slug)
            raise PluginError(
                f"Plugin '{meta.slug}' ({module.__name__}) claims a slug already taken by "
                f"{other.module if other else 'the core'}."
            )
        if not meta.name or not meta.version:
            raise PluginError(f"Plugin '{meta.slug}' must declare plugin_name and plugin_version.")
        self.plugins[meta.slug] = meta
        try:
            hooks_module = importlib.import_module(f"{module.__name__}.hooks")
        except ModuleNotFoundError as exc:
            if exc.name != f"{module.__name__}.hooks":
                raise
            return  # a plugin without hooks contributes nothing but is still listed
        self._register_hooks(meta.slug, hooks_module)

    @staticmethod
    def _app_config_for(module: ModuleType) -> Any:
        for app_config in apps.get_app_configs():
            if app_config.name == module.__name__:
                return app_config
        return None

    def _register_hooks(self, slug: str, module: ModuleType) -> None:
        try:
            self.pm.register(module, name=slug)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"Plugin '{slug}': invalid hook implementation: {exc}") from exc
        self._hook_modules[slug] = module
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"Plugin '{slug}' implements a hook that does not exist: {exc}") from exc

    def _check_requirements(self) -> None:
        for meta in self.plugins.values():
            missing = [req for req in meta.requires if req not in self.plugins]
            if missing:
                raise PluginError(
                    f"Plugin '{meta.slug}' requires {', '.join(repr(m) for m in missing)}, "
                    "which is not installed."
                )

    def _collect_contributions(self) -> None:
        for hook_name, registry in self.registries.items():
            caller = getattr(self.pm.hook, hook_name)
            for impl in caller.get_hookimpls():
                slug = self.pm.get_name(impl.plugin) or "?"
                result = impl.function()
                for item in result or []:
                    if isinstance(item, c.Contribution):
                        item.plugin = slug
                    registry.register(item)

    # ------------------------------------------------------------------ queries
    @property
    def slugs(self) -> list[str]:
        return sorted(self.plugins)

    def meta(self, slug: str) -> PluginMeta:
        try:
            return self.plugins[slug]
        except KeyError:
            raise PluginError(
                f"Unknown plugin '{slug}'. Installed: {', '.join(self.slugs) or 'none'}."
            ) from None

    def registry(self, hook_name: str) -> Registry[Any]:
        return self.registries[hook_name]

    def dependents(self, slug: str) -> list[str]:
        return sorted(meta.slug for meta in self.plugins.values() if slug in meta.requires)

    def hooks_for(self, enabled: Iterable[str]) -> OfficeHooks:
        """Hook caller limited to the core and the given enabled plugin slugs (cached per set)."""
        key = frozenset(enabled) & frozenset(self.plugins)
        cached = self._subset_cache.get(key)
        if cached is None:
            with self._lock:
                disabled = [
                    module for s, module in self._hook_modules.items() if s in self.plugins and s not in key
                ]
                cached = OfficeHooks(self.pm, disabled)
                self._subset_cache[key] = cached
        return cached


class OfficeHooks:
    """Attribute access returns a pluggy subset caller that skips disabled plugins (like FSHookProxy)."""

    def __init__(self, pm: pluggy.PluginManager, remove: list[ModuleType]) -> None:
        self._pm = pm
        self._remove = remove

    def __getattr__(self, name: str) -> Any:
        caller = self._pm.subset_hook_caller(name, remove_plugins=self._remove)
        self.__dict__[name] = caller
        return caller


_system: PluginSystem | None = None
_system_lock = threading.Lock()


def get_plugin_system() -> PluginSystem:
    """The process-wide plugin system (built on first use, normally in ``PluginSystemConfig.ready``)."""
    global _system
    if _system is None:
        with _system_lock:
            if _system is None:
                _system = PluginSystem.build()
    return _system


def set_plugin_system(system: PluginSystem | None) -> PluginSystem | None:
    """Replace the process-wide system (tests inject a fresh one); returns the previous one."""
    global _system
    previous, _system = _system, system
    return previous
