"""The access policy as data: resources, actions, scopes and the grants of roles.

One table answers every "may this person do this here?" question of the platform:

* a :class:`Resource` is a kind of record a plugin (or the core) guards — ``"serce.person"``,
  ``"legalisation.case"`` — with the actions it knows and how each narrower :class:`Scope` is
  checked for it (:class:`ScopeRule`);
* a :class:`Grant` gives a role some actions on a resource within one scope.

Plugins contribute both through the ``access_resources`` and ``access_grants`` hooks; the core's own
resources come from its default plugins the same way. Nothing else decides access: views, API
routes, downloads, menus, panels and reports ask :mod:`przystan.access.decisions`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import Contribution


class Scope(StrEnum):
    """How far a grant reaches, from the narrowest to the widest."""

    OWN = "own"  # records the person is a party to (their own case, booking, payment)
    ASSIGNEE = "assignee"  # records assigned to the staff member
    TEAM = "team"  # records of the staff member's teams
    CENTRE = "centre"  # records of the reception centres the staff member works in
    OFFICE = "office"  # every record of the staff member's own office
    INSTALLATION = "installation"  # every office (platform administrators only)

    @property
    def label(self) -> Promise:
        return SCOPE_LABELS[self]


SCOPE_LABELS: dict[Scope, Promise] = {
    Scope.OWN: _("own records"),
    Scope.ASSIGNEE: _("assigned to them"),
    Scope.TEAM: _("their teams"),
    Scope.CENTRE: _("their centres"),
    Scope.OFFICE: _("their office"),
    Scope.INSTALLATION: _("every office"),
}


class Action(StrEnum):
    """Actions every resource may use; a resource may add its own (e.g. ``"refund"``)."""

    VIEW = "view"
    EDIT = "edit"
    APPROVE = "approve"
    EXPORT = "export"
    READ_SENSITIVE = "read_sensitive"
    MANAGE = "manage"


#: Account kinds that act as roles in the policy (public accounts are not in staff groups).
ACCOUNT_KIND_ROLES = ("foreigner", "employer")


@dataclass(frozen=True)
class ScopeRule:
    """How one scope is checked for one resource.

    ``narrow(user, queryset)`` returns the part of ``queryset`` within the scope for ``user``;
    ``check(user, obj)`` answers for one object (default: ``narrow`` on that object's row).
    """

    narrow: Callable[[Any, QuerySet[Any]], QuerySet[Any]]
    check: Callable[[Any, Any], bool] | None = None

    def holds(self, user: Any, obj: Any) -> bool:
        if self.check is not None:
            return bool(self.check(user, obj))
        return self.narrow(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


@dataclass
class Resource(Contribution):
    """A kind of record guarded by the policy; ``name`` is ``"<plugin>.<thing>"``.

    ``office_field`` is the ORM path from the model to its office (``None``: the resource is not
    bound to one office, e.g. the office directory). ``scopes`` holds the rules of the scopes the
    resource supports besides ``office`` and ``installation`` (which are generic). ``sensitive``
    marks records whose every read is audited.
    """

    label: Promise | str
    actions: tuple[str, ...] = (Action.VIEW, Action.EDIT)
    model: str | None = None  # "app_label.ModelName"
    office_field: str | None = "office"
    scopes: Mapping[Scope, ScopeRule] = field(default_factory=dict)
    sensitive: bool = False
    description: Promise | str = ""


@dataclass
class Grant(Contribution):
    """``role`` may do ``actions`` on ``resource`` within ``scope``.

    ``name`` is filled in as ``"<role>:<resource>"`` when left empty, so a role gets one grant per
    resource (the registry rejects a second one).
    """

    name: str = ""
    role: str = ""
    resource: str = ""
    actions: tuple[str, ...] = ()
    scope: Scope = Scope.OFFICE

    def __post_init__(self) -> None:
        if not self.name:
            self.name = f"{self.role}:{self.resource}"
        self.scope = Scope(self.scope)
        self.actions = tuple(str(a) for a in self.actions)


def grants(role: str, scope: Scope, actions_by_resource: Mapping[str, tuple[str, ...] | str]) -> list[Grant]:
    """Shorthand: ``grants("officer", Scope.TEAM, {"legalisation.case": ("view", "edit")})``."""
    found = []
    for resource, actions in actions_by_resource.items():
        acts = (actions,) if isinstance(actions, str) else tuple(actions)
        found.append(Grant(role=role, resource=resource, actions=acts, scope=scope))
    return found
