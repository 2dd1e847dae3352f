"""Typed contributions that plugins return from hooks.

Each contribution has a ``name`` that is unique within its registry; the manager stamps the
contributing plugin's slug on it (``plugin``) so that every entry point can ask whether that
plugin is enabled for the current office.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from przystan.profiles import Exposure


@dataclass
class Contribution:
    name: str
    plugin: str = field(default="", kw_only=True)


@dataclass
class UrlContribution(Contribution):
    """URL patterns mounted at ``/<prefix>/`` under the namespace ``name``.

    ``exposure`` says which deployment profile serves them (internal URLs do not exist on a public
    instance). Every view is wrapped so that it answers 404 where the plugin is disabled.
    """

    prefix: str
    patterns: Sequence[Any]
    exposure: Exposure = Exposure.PUBLIC


@dataclass
class MenuItem(Contribution):
    """An item of the Wagtail admin main menu; shown only where the plugin is enabled."""

    label: str
    url: str  # a URL name ("serce:person-list") or an absolute path
    icon_name: str = "folder-open-inverse"
    order: int = 1000
    access: tuple[str, str] | None = None  # (resource, action) the user's role must hold


@dataclass
class ApiRoute(Contribution):
    """A DRF viewset registered on the API router as ``/api/<prefix>/``; ``name`` is the basename.

    ``exposure`` says which deployment profile mounts (and documents in ``/api/schema/``) the route,
    as for :class:`UrlContribution`; it defaults to ``INTERNAL`` so that a route nobody classified
    never reaches the internet. Operations of foreigners, employers and the public are ``PUBLIC``
    (or ``BOTH`` when the closed network needs them too); registers and officer operations stay
    ``INTERNAL`` and answer 404 on a public instance.

    ``stateless=True`` (only for a viewset with ``authentication_classes = []``, checked at start):
    requests under ``/api/<prefix>/`` skip the session, CSRF, authentication and other per-user
    middleware (``PRZYSTAN_STATELESS_MIDDLEWARE``, :mod:`przystan.web.stateless`); meant for the
    anonymous endpoints a crowd hits at once.
    """

    prefix: str
    viewset: Any
    stateless: bool = False
    exposure: Exposure = Exposure.INTERNAL


@dataclass
class NotificationType(Contribution):
    """A kind of message the platform sends (e-mail and/or SMS).

    Templates live at ``notifications/<name>/subject.txt``, ``body.txt`` and ``sms.txt`` and are
    rendered with the recipient's language active, so their text goes through gettext.
    """

    label: str
    channels: tuple[str, ...] = ("email", "sms")
    placeholders: tuple[str, ...] = ()
    description: str = ""


@dataclass
class Report(Contribution):
    """A staff report: ``view`` is a Django view callable, mounted under /staff/reports/<name>/."""

    label: str
    view: Callable[..., Any]
    access: tuple[str, str] | None = None  # (resource, action); the view itself is guarded too
    formats: tuple[str, ...] = ("html",)


@dataclass
class PaymentProviderEntry(Contribution):
    """A payment gateway implementing :class:`przystan.payments_contract.PaymentProvider`."""

    label: str
    provider_class: type


@dataclass
class DashboardPanel(Contribution):
    """A panel of the staff dashboard. ``render(request)`` returns safe HTML or ``""`` to hide."""

    label: str
    render: Callable[[Any], str]
    order: int = 100
    access: tuple[str, str] | None = None  # (resource, action) the user's role must hold


@dataclass
class PeriodicJob(Contribution):
    """A management command the scheduler (``przystan scheduler``) runs every ``every_seconds``.

    It runs while at least one office has the contributing plugin enabled (core jobs always); the
    command itself decides which offices it acts for. Failures are kept, shown on the staff
    dashboard and retried sooner.
    """

    command: str
    every_seconds: int
    args: tuple[str, ...] = ()
    description: str = ""


@dataclass
class StaffScopeField:
    """A field of the staff onboarding form: where a role works (centres, teams), from a plugin.

    ``field`` is a Django form field whose choices are the office's records only; ``roles`` are the
    roles that need this scope (the field is required when one of them is chosen); ``initial(user)``
    gives the current value of an existing account and ``save(user, value)`` stores the chosen one
    (e.g. per-object grants on django-guardian, which the resource's ScopeRule reads).
    """

    name: str
    field: Any
    roles: tuple[str, ...]
    save: Callable[[Any, Any], None]
    initial: Callable[[Any], Any] = lambda user: None
    plugin: str = ""
