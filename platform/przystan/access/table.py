"""The policy table of the process, built once from the plugin system's registries and checked."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from przystan.pluginsys.errors import PluginError

from .policy import ACCOUNT_KIND_ROLES, Grant, Resource, Scope

GENERIC_SCOPES = (Scope.OFFICE, Scope.INSTALLATION)


@dataclass(frozen=True)
class PolicyRow:
    role: str
    plugin: str
    resource: str
    actions: tuple[str, ...]
    scope: Scope


class PolicyTable:
    """Resources and grants, indexed for decisions; invalid declarations raise :class:`PluginError`."""

    def __init__(self, resources: list[Resource], grants: list[Grant], roles: list[str]) -> None:
        self.resources: dict[str, Resource] = {r.name: r for r in resources}
        self.roles = tuple(roles) + ACCOUNT_KIND_ROLES
        self._by_resource: dict[str, list[Grant]] = defaultdict(list)
        for grant in grants:
            self._check(grant)
            self._by_resource[grant.resource].append(grant)

    def _check(self, grant: Grant) -> None:
        who = f"Plugin '{grant.plugin}'"
        resource = self.resources.get(grant.resource)
        if resource is None:
            raise PluginError(f"{who} grants role '{grant.role}' an unknown resource '{grant.resource}'.")
        if grant.role not in self.roles:
            raise PluginError(f"{who} grants an unknown role '{grant.role}' ({', '.join(self.roles)}).")
        unknown = [a for a in grant.actions if a not in resource.actions]
        if unknown or not grant.actions:
            raise PluginError(
                f"{who} grants '{grant.role}' actions {unknown or '(none)'} that resource "
                f"'{grant.resource}' does not have ({', '.join(resource.actions)})."
            )
        if grant.scope not in GENERIC_SCOPES and grant.scope not in resource.scopes:
            raise PluginError(
                f"{who} grants '{grant.role}' scope '{grant.scope}' on '{grant.resource}', which declares "
                f"no rule for it (scopes: {', '.join(s.value for s in (*GENERIC_SCOPES, *resource.scopes))})."
            )
        if grant.scope is Scope.INSTALLATION and grant.role != "platform_admin":
            raise PluginError(f"{who}: only platform administrators may hold installation-wide grants.")

    def resource(self, name: str) -> Resource:
        try:
            return self.resources[name]
        except KeyError:
            raise LookupError(f"No access resource '{name}' is declared (access_resources hook).") from None

    def grants_for(self, resource: str) -> list[Grant]:
        return self._by_resource.get(resource, [])

    def rows(self) -> list[PolicyRow]:
        """Every grant as a row, ordered by role (as listed), plugin and resource."""
        order = {role: i for i, role in enumerate(self.roles)}
        found = [
            PolicyRow(g.role, self.resources[g.resource].plugin, g.resource, g.actions, g.scope)
            for grants in self._by_resource.values()
            for g in grants
        ]
        return sorted(found, key=lambda r: (order.get(r.role, 99), r.plugin, r.resource))


_table: PolicyTable | None = None


def policy_table(system: Any = None) -> PolicyTable:
    """The table of ``system`` (default: the process's plugin system), cached for the default one."""
    global _table
    from przystan.accounts.roles import role_slugs
    from przystan.pluginsys.manager import get_plugin_system

    if system is not None and system is not get_plugin_system():
        return PolicyTable(
            list(system.registry("access_resources")), list(system.registry("access_grants")), role_slugs()
        )
    current = get_plugin_system()
    if _table is None or _table.system is not current:  # type: ignore[attr-defined]
        table = PolicyTable(
            list(current.registry("access_resources")), list(current.registry("access_grants")), role_slugs()
        )
        table.system = current  # type: ignore[attr-defined]
        _table = table
    return _table


class override_policy:  # noqa: N801 - used like a function: ``with override_policy(...):``
    """Tests: decide against the process's policy plus extra ``resources`` and ``grants``."""

    def __init__(self, resources: list[Resource] = (), grants: list[Grant] = ()) -> None:  # type: ignore[assignment]
        self.resources, self.grants = list(resources), list(grants)

    def __enter__(self) -> PolicyTable:
        global _table
        from przystan.accounts.roles import role_slugs
        from przystan.pluginsys.manager import get_plugin_system

        current = get_plugin_system()
        self.previous = _table
        table = PolicyTable(
            [*current.registry("access_resources"), *self.resources],
            [*current.registry("access_grants"), *self.grants],
            role_slugs(),
        )
        table.system = current  # type: ignore[attr-defined]
        _table = table
        return table

    def __exit__(self, *exc: object) -> None:
        global _table
        _table = self.previous
