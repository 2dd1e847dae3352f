"""The access policy of the platform: one table (role × plugin × resource × action × scope), one
place to ask. See :mod:`przystan.access.policy` for the data and :mod:`przystan.access.decisions`
for the questions; :mod:`przystan.access.guards` declares access on views and API viewsets.
"""

from .decisions import (
    Decision,
    allows,
    decide,
    forget_roles,
    get_or_404,
    require,
    roles_of,
    visible,
    widest_scope,
)
from .guards import (
    PUBLIC,
    AccessEntry,
    PolicyPermission,
    StaffPolicyPermission,
    access_entry,
    guard,
    public,
    staff_guard,
)
from .policy import Action, Grant, Resource, Scope, ScopeRule, grants

__all__ = [
    "PUBLIC",
    "AccessEntry",
    "Action",
    "Decision",
    "Grant",
    "PolicyPermission",
    "Resource",
    "Scope",
    "StaffPolicyPermission",
    "ScopeRule",
    "access_entry",
    "allows",
    "decide",
    "forget_roles",
    "get_or_404",
    "grants",
    "guard",
    "public",
    "require",
    "roles_of",
    "staff_guard",
    "visible",
    "widest_scope",
]
