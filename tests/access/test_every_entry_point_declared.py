"""Every URL, API route, menu item, dashboard panel and report of the installation asks the policy.

A contributed view without an access entry (``@access.guard`` or ``@access.public``), an API viewset
without ``access_resource``/``access_public``, or a menu item, panel or report without ``access``
fails here — so a new entry point cannot be added without a policy decision.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver

from przystan import access
from przystan.access.table import policy_table
from przystan.pluginsys.manager import get_plugin_system


def _walk(patterns: Any, prefix: str = "") -> list[tuple[str, Any]]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            found.append((prefix + str(pattern.pattern), pattern.callback))
    return found


def contributed_views() -> list[tuple[str, str, Any]]:
    system = get_plugin_system()
    views = []
    for contribution in system.registry("urls"):
        for route, callback in _walk(contribution.patterns, f"{contribution.prefix.strip('/')}/"):
            views.append((contribution.plugin, route, callback))
    return views


def test_every_contributed_view_declares_its_access():
    missing = [
        f"{plugin}: /{route}"
        for plugin, route, callback in contributed_views()
        if access.access_entry(callback) is None
    ]
    assert not missing, "views without @access.guard / @access.public:\n" + "\n".join(missing)


def test_every_api_route_declares_its_access():
    missing = []
    for route in get_plugin_system().registry("api_routes"):
        viewset = route.viewset
        if getattr(viewset, "access_public", False):
            continue
        if not getattr(viewset, "access_resource", ""):
            missing.append(f"{route.plugin}: /api/{route.prefix}/ has no access_resource")
        elif not any(
            issubclass(cls, access.PolicyPermission) for cls in getattr(viewset, "permission_classes", [])
        ):
            missing.append(f"{route.plugin}: /api/{route.prefix}/ does not use PolicyPermission")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("hook", ["admin_menu_items", "dashboard_panels", "reports"])
def test_every_menu_item_panel_and_report_asks_the_policy(hook):
    missing = [
        f"{item.plugin}: {item.name}" for item in get_plugin_system().registry(hook) if not item.access
    ]
    assert not missing, f"{hook} without access=(resource, action): {missing}"


def test_declared_resources_exist_and_every_resource_is_granted_to_someone():
    table = policy_table()
    for plugin, route, callback in contributed_views():
        entry = access.access_entry(callback)
        if entry and not entry.public:
            resource = table.resource(entry.resource)  # raises for an unknown resource
            assert entry.action in resource.actions, (
                f"{plugin} /{route}: {entry.action} not in {resource.actions}"
            )
    for hook in ("admin_menu_items", "dashboard_panels", "reports"):
        for item in get_plugin_system().registry(hook):
            if item.access:
                assert item.access[1] in table.resource(item.access[0]).actions
    ungranted = [name for name in table.resources if not table.grants_for(name)]
    assert not ungranted, f"resources no role may use: {ungranted}"
