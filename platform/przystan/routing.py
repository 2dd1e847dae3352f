"""Build the URL configuration from the core, the plugins' contributions and the deployment profile."""

from __future__ import annotations

from typing import Any

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from rest_framework.routers import SimpleRouter

from przystan.pluginsys.gating import gate_patterns
from przystan.pluginsys.manager import PluginSystem, get_plugin_system
from przystan.profiles import Exposure, Profile, current_profile, serves


def api_urlpatterns(system: PluginSystem, profile: Profile | None = None) -> list[Any]:
    """One router per contributor; plugin routes are gated so a disabled plugin's API answers 404.

    Only the routes whose ``exposure`` the profile serves are mounted (the others answer 404 and are
    not in the schema, which drf-spectacular builds from these patterns).
    """
    profile = profile or current_profile()
    by_plugin: dict[str, SimpleRouter] = {}
    for route in system.registry("api_routes"):
        if not serves(route.exposure, profile):
            continue
        router = by_plugin.setdefault(route.plugin, SimpleRouter(use_regex_path=False))
        router.register(route.prefix, route.viewset, basename=route.name)
    patterns: list[Any] = []
    for slug, router in by_plugin.items():
        if slug.startswith("core."):
            patterns += router.urls
        else:
            patterns += gate_patterns(router.urls, slug, api=True)
    return patterns


def plugin_urlpatterns(system: PluginSystem, profile: Profile) -> list[Any]:
    patterns = []
    for contribution in system.registry("urls"):
        if not serves(contribution.exposure, profile):
            continue
        included = list(contribution.patterns)
        if not contribution.plugin.startswith("core."):
            included = gate_patterns(included, contribution.plugin)
        prefix = contribution.prefix.strip("/")
        patterns.append(path(f"{prefix}/" if prefix else "", include((included, contribution.name))))
    return patterns


def build_urlpatterns(system: PluginSystem | None = None, profile: Profile | None = None) -> list[Any]:
    from drf_spectacular.views import SpectacularAPIView
    from wagtail import urls as wagtail_urls
    from wagtail.admin import urls as wagtailadmin_urls
    from wagtail.documents import urls as wagtaildocs_urls

    system = system or get_plugin_system()
    profile = profile or current_profile()

    from przystan import access

    patterns: list[Any] = [
        path("i18n/setlang/", access.public(set_language), name="set_language"),
        path("api/schema/", access.public(SpectacularAPIView.as_view()), name="api-schema"),
        path("api/", include((api_urlpatterns(system, profile), "api"))),
    ]
    if serves(Exposure.INTERNAL, profile):
        patterns.append(path("admin/", include(wagtailadmin_urls)))
    patterns += plugin_urlpatterns(system, profile)
    if serves(Exposure.PUBLIC, profile):
        patterns.append(path("documents/", include(wagtaildocs_urls)))
        patterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
    return patterns
