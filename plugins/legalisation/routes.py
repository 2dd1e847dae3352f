"""Which filing route applies to an application type at an office on a day (``FilingRoute`` rows).

The portal files only the types whose route is ``local_online``; for ``mos`` types it offers the
"prepare for MOS" guide and a private checklist, never a filing. A type without any route row is not
filed here either: offering a filing the law may not accept is the one mistake this module exists to
prevent, so "unknown" means "not here".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .application_types import TYPES, ApplicationType
from .models import FilingRoute, FilingRouteKind


@dataclass(frozen=True)
class RouteInfo:
    type_code: str
    route: str  # FilingRouteKind value, or "" when no rule is known
    effective_from: datetime.date | None
    legal_basis: str
    source_url: str
    filing_url: str
    to_verify: bool
    note: str

    @property
    def files_here(self) -> bool:
        return self.route == FilingRouteKind.LOCAL_ONLINE

    @property
    def is_mos(self) -> bool:
        return self.route == FilingRouteKind.MOS

    @property
    def label(self) -> str:
        return str(FilingRouteKind(self.route).label) if self.route else _("not known")


UNKNOWN = RouteInfo("", "", None, "", "", "", True, "")


def _today() -> datetime.date:
    return timezone.localdate()


def _rows(office: Any, on: datetime.date) -> list[FilingRoute]:
    office_q = Q(office__isnull=True) | Q(office=office) if office is not None else Q(office__isnull=True)
    return list(FilingRoute.objects.filter(office_q, effective_from__lte=on))


def _pick(rows: list[FilingRoute]) -> FilingRoute | None:
    """The newest row in force; on the same date an office's own row beats the national one."""
    if not rows:
        return None
    return max(rows, key=lambda r: (r.effective_from, r.office_id is not None, r.pk))


def _info(type_code: str, row: FilingRoute | None) -> RouteInfo:
    if row is None:
        return RouteInfo(type_code, "", None, "", "", "", True, "")
    return RouteInfo(
        type_code,
        row.route,
        row.effective_from,
        row.legal_basis,
        row.source_url,
        row.filing_url,
        row.to_verify,
        row.note,
    )


def routes_for(office: Any, on: datetime.date | None = None) -> dict[str, RouteInfo]:
    """The route of every application type at ``office`` on ``on`` (today by default)."""
    on = on or _today()
    by_type: dict[str, list[FilingRoute]] = {}
    for row in _rows(office, on):
        by_type.setdefault(row.type_code, []).append(row)
    return {kind.code: _info(kind.code, _pick(by_type.get(kind.code, []))) for kind in TYPES}


def route_for(office: Any, type_code: str, on: datetime.date | None = None) -> RouteInfo:
    on = on or _today()
    rows = [r for r in _rows(office, on) if r.type_code == type_code]
    return _info(type_code, _pick(rows))


def types_filed_here(office: Any, on: datetime.date | None = None) -> list[ApplicationType]:
    routes = routes_for(office, on)
    return [kind for kind in TYPES if kind.online and routes[kind.code].files_here]


def types_prepared_for_mos(office: Any, on: datetime.date | None = None) -> list[ApplicationType]:
    routes = routes_for(office, on)
    return [kind for kind in TYPES if routes[kind.code].is_mos]


def not_filed_here_message(route: RouteInfo) -> str:
    if route.is_mos and route.effective_from:
        return _(
            "Since %(date)s this application is filed only electronically in the national MOS module. "
            "It cannot be filed here; nothing has been filed."
        ) % {"date": formats.date_format(route.effective_from)}
    return _("This application cannot be filed in this portal; nothing has been filed.")
