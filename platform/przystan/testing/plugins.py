"""Install a fresh PluginSystem (and the URL configuration built from it) for the duration of a test."""

from __future__ import annotations

import contextlib
import types
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint

from django.test import override_settings
from django.urls import clear_url_caches

from przystan.pluginsys.manager import PluginSystem, configured_entry_points, set_plugin_system
from przystan.profiles import Profile


def entry_point(name: str, module: str) -> EntryPoint:
    return EntryPoint(name=name, value=module, group="przystan.plugins")


def build_system(extra: Iterable[EntryPoint] = (), only: Iterable[str] | None = None) -> PluginSystem:
    """A new system from the installed entry points (optionally only some) plus ``extra`` ones."""
    eps = [ep for ep in configured_entry_points() if only is None or ep.name in set(only)]
    return PluginSystem.build([*eps, *extra])


@contextlib.contextmanager
def use_plugin_system(system: PluginSystem, profile: Profile | str = Profile.ALL) -> Iterator[PluginSystem]:
    from przystan.routing import build_urlpatterns

    urlconf = types.ModuleType("przystan_test_urlconf")
    with override_settings(PRZYSTAN_PROFILE=str(profile)):
        urlconf.urlpatterns = build_urlpatterns(system, Profile(str(profile)))  # type: ignore[attr-defined]
        previous = set_plugin_system(system)
        clear_url_caches()
        try:
            with override_settings(ROOT_URLCONF=urlconf):
                yield system
        finally:
            set_plugin_system(previous)
            clear_url_caches()
