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


class LegalBasis:
    """The GDPR art. 6(1) bases a public authority's form may rest on (consent is not one of them).

    A public authority processes data to perform a task in the public interest or exercise official
    authority (art. 6(1)(e)) or to meet a legal obligation (art. 6(1)(c)); consent (art. 6(1)(a)) is not
    freely given where the office decides about the person (GDPR recital 43), so no clause may use it.
    """

    PUBLIC_TASK = "public_task"  # art. 6(1)(e)
    LEGAL_OBLIGATION = "legal_obligation"  # art. 6(1)(c)
    CHOICES = (PUBLIC_TASK, LEGAL_OBLIGATION)


@dataclass
class PrivacyClause(Contribution):
    """The GDPR art. 13 information for one public form (or one family of forms) that collects data.

    ``name`` is what a template asks for (``{% privacy_notice "queue_booking.visit" %}``); the texts
    are lazily translated defaults an office may override (*Offices → Privacy notices*). ``bases`` are
    :class:`LegalBasis` values (art. 6(1)(e) and/or (c)); ``legal_acts`` names the national act that
    gives the task or the obligation; the right to object (art. 21) is offered only where the public
    task is a basis, and erasure (art. 17) never for a record the office must keep (art. 17(3)(b)).
    ``objection`` may switch the right to object off for a clause whose processing the law requires.
    """

    title: Any
    purpose: Any
    bases: tuple[str, ...]
    legal_acts: Any
    data: Any
    recipients: Any
    retention: Any
    obligation: Any  # whether giving the data is required and what happens without it
    source: Any = ""  # art. 14: where data not given by the person come from ("" = from the person)
    automated: Any = ""  # automated decision-making, if any ("" = none)
    objection: bool = True
    order: int = 100

    def __post_init__(self) -> None:
        unknown = [basis for basis in self.bases if basis not in LegalBasis.CHOICES]
        if unknown or not self.bases:
            raise ValueError(
                f"Privacy clause '{self.name}': legal bases {list(self.bases)!r} — use "
                f"{', '.join(LegalBasis.CHOICES)} (a public authority's form does not rest on consent)."
            )

    @property
    def objection_applies(self) -> bool:
        return self.objection and LegalBasis.PUBLIC_TASK in self.bases


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
