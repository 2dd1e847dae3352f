"""The one function family every entry point asks: may ``user`` do ``action`` on ``resource`` (here)?

* :func:`decide` returns a :class:`Decision` (allowed, the scope that allowed it, or why not and
  whether the refusal is a 403 or a 404 — a record of another office is not revealed);
* :func:`allows` is its boolean; :func:`require` raises (and audits the denial);
* :func:`visible` narrows a queryset to the records within the user's scopes;
* :func:`get_or_404` finds one record and requires the action on it.

"Here" is the office of the request: staff act only in their own office (``home_office``), unless
a platform administrator's grant is installation-wide. Public accounts act through ``own`` scopes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from .policy import ACCOUNT_KIND_ROLES, Grant, Resource, Scope
from .table import policy_table

BREADTH = (Scope.OWN, Scope.ASSIGNEE, Scope.TEAM, Scope.CENTRE, Scope.OFFICE, Scope.INSTALLATION)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    scope: Scope | None = None
    reason: str = ""
    status: int = 403

    def __bool__(self) -> bool:
        return self.allowed


def roles_of(user: Any) -> frozenset[str]:
    """The policy roles of ``user``: its role groups plus its account kind (foreigner, employer)."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return frozenset()
    cached = getattr(user, "_przystan_roles", None)
    if cached is not None:
        return cached
    table = policy_table()
    names = set(user.groups.values_list("name", flat=True)) & set(table.roles)
    if getattr(user, "kind", "") in ACCOUNT_KIND_ROLES:
        names.add(user.kind)
    roles = frozenset(names)
    user._przystan_roles = roles
    return roles


def forget_roles(user: Any) -> None:
    """Drop the roles cached on ``user`` (after its groups changed)."""
    user.__dict__.pop("_przystan_roles", None)


def matching_grants(user: Any, action: str, resource: str) -> list[Grant]:
    table = policy_table()
    res = table.resource(resource)
    if action not in res.actions:
        raise LookupError(f"Resource '{resource}' has no action '{action}' ({', '.join(res.actions)}).")
    service_grants = getattr(user, "policy_grants", None)
    if service_grants is not None:  # a machine (service credential): grants from its scopes, no roles
        return [g for g in service_grants() if g.resource == resource and action in g.actions]
    roles = roles_of(user)
    found = [g for g in table.grants_for(resource) if g.role in roles and action in g.actions]
    return sorted(found, key=lambda g: BREADTH.index(g.scope), reverse=True)


def _office_id(office: Any) -> Any:
    return getattr(office, "pk", office)


def _acting_office_id(user: Any, office: Any) -> Any:
    """The office a staff member acts in: the request's office, which must be their own."""
    return _office_id(office) if office is not None else getattr(user, "home_office_id", None)


def _object_office_id(res: Resource, obj: Model) -> Any:
    value: Any = obj
    for part in (res.office_field or "").split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return _office_id(value)


def _grants_in_office(
    user: Any, grants: list[Grant], res: Resource, office: Any
) -> tuple[list[Grant], Decision | None]:
    """The grants that count here: staff grants only in the staff member's own office.

    Grants on a record's own party (``own``) count in any office; an installation-wide grant
    everywhere. Returns the grants left, or the refusal when none is.
    """
    if not res.office_field or grants[0].scope is Scope.INSTALLATION:
        return grants, None
    own = [g for g in grants if g.scope is Scope.OWN]
    if len(own) == len(grants):
        return grants, None
    home = getattr(user, "home_office_id", None)
    if home is not None and _acting_office_id(user, office) == home:
        return grants, None
    if own:
        return own, None
    if home is None:
        return [], Decision(False, reason=_("Your account has no office assigned."))
    return [], Decision(False, reason=_("You work for another office."), status=404)


def decide(
    user: Any, action: str, resource: str, obj: Model | None = None, *, office: Any = None
) -> Decision:
    """Whether ``user`` may ``action`` on ``resource`` (one record ``obj``, or the resource at all)."""
    grants = matching_grants(user, action, resource)
    if not grants:
        return Decision(False, reason=_("Your role does not allow this."))
    res = policy_table().resource(resource)
    wide = grants[0].scope is Scope.INSTALLATION
    grants, refusal = _grants_in_office(user, grants, res, office)
    if refusal is not None:
        return refusal
    if obj is None:
        return Decision(True, scope=grants[0].scope)
    if res.office_field and not wide:
        acting = _acting_office_id(user, office)
        if acting is not None and _object_office_id(res, obj) != acting:
            return Decision(False, reason=_("This record belongs to another office."), status=404)
    for grant in grants:
        if _scope_holds(grant.scope, res, user, obj):
            return Decision(True, scope=grant.scope)
    return Decision(False, reason=_("This record is outside your scope of work."))


def _scope_holds(scope: Scope, res: Resource, user: Any, obj: Model) -> bool:
    if scope in (Scope.INSTALLATION, Scope.OFFICE):
        return True  # the office was checked in decide()
    return res.scopes[scope].holds(user, obj)


def allows(user: Any, action: str, resource: str, obj: Model | None = None, *, office: Any = None) -> bool:
    return decide(user, action, resource, obj, office=office).allowed


def require(request: HttpRequest, action: str, resource: str, obj: Model | None = None) -> Decision:
    """Raise :class:`PermissionDenied` (403) or :class:`Http404` unless allowed; denials are audited."""
    user = getattr(request, "user", None)
    decision = decide(user, action, resource, obj, office=getattr(request, "office", None))
    if decision.allowed:
        return decision
    from przystan.audit.api import record_denied

    record_denied(user, f"{resource}:{action}", obj, request=request)
    if decision.status == 404:
        raise Http404(decision.reason)
    raise PermissionDenied(decision.reason)


def visible(
    user: Any, action: str, resource: str, queryset: QuerySet[Any], *, office: Any = None
) -> QuerySet[Any]:
    """The records of ``queryset`` within the scopes where ``user`` may ``action``."""
    grants = matching_grants(user, action, resource)
    if not grants:
        return queryset.none()
    res = policy_table().resource(resource)
    wide = grants[0].scope is Scope.INSTALLATION
    grants, refusal = _grants_in_office(user, grants, res, office)
    if refusal is not None:
        return queryset.none()
    if res.office_field:
        acting = _office_id(office) if wide else _acting_office_id(user, office)
        if acting is not None:
            queryset = queryset.filter(**{res.office_field: acting})
    if any(g.scope in (Scope.OFFICE, Scope.INSTALLATION) for g in grants):
        return queryset
    parts = [Q(pk__in=res.scopes[g.scope].narrow(user, queryset).values("pk")) for g in grants]
    return queryset.filter(reduce(or_, parts))


def get_or_404(
    request: HttpRequest, action: str, resource: str, queryset: QuerySet[Any], **lookup: Any
) -> Any:
    """The record of ``queryset`` matching ``lookup`` if the request's user may ``action`` on it."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    require(request, action, resource, obj)
    return obj


def widest_scope(user: Any, action: str, resource: str) -> Scope | None:
    grants = matching_grants(user, action, resource)
    return grants[0].scope if grants else None
