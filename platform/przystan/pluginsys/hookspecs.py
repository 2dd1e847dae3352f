"""Every hook of Przystań, in one place. This module is the plugin API reference.

A plugin implements any of these in its ``hooks.py`` with ``@hookimpl`` (from
:mod:`przystan.pluginsys.markers`). Discovery hooks (the ones returning contributions) are called
once at start, for all installed plugins, and their results go into typed registries that reject
duplicate names; every entry point then asks ``is_enabled(office, plugin)`` per request.
Event and data hooks are called per office through :meth:`PluginSystem.for_office`, so a plugin
disabled for that office never runs.

``tests/test_plugin_contract.py`` fails if a hook below has no docstring.
"""

from __future__ import annotations

from typing import Any

from .markers import hookspec

# --------------------------------------------------------------------------- discovery hooks


@hookspec
def urls() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.UrlContribution` objects.

    Each is mounted at ``/<prefix>/`` with namespace ``name``; its views answer 404 for an office
    where the plugin is disabled, and contributions whose ``exposure`` the deployment profile does
    not serve are not mounted at all.
    """


@hookspec
def admin_menu_items() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.MenuItem` objects for the Wagtail admin menu.

    Items of a plugin disabled for the current office are not shown.
    """


@hookspec
def api_routes() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.ApiRoute` objects (DRF viewsets).

    They are registered on the single ``/api/`` router, appear in the OpenAPI schema, and answer
    404 for an office where the plugin is disabled. A route marked ``stateless=True`` (anonymous,
    no authentication classes) is served without session and user middleware (but still through
    the office middleware, the plugin gate and the view's throttles: nothing is answered before them).

    ``exposure`` (``przystan.profiles.Exposure``, default ``INTERNAL``) says which deployment profile
    mounts the route: ``PUBLIC`` for what foreigners, employers and the public use (booking, their own
    cases, status by PIN, payments), ``INTERNAL`` for registers and officer operations, ``BOTH`` for
    what both sides need (the signed-in profile, the offices directory, tokens). A public instance
    neither mounts nor documents (``/api/schema/``) an internal route: it answers 404 there.
    """


@hookspec
def notification_types() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.NotificationType` objects the plugin sends.

    The notifications service refuses to queue a message of an unregistered type.
    """


@hookspec
def reports() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.Report` objects for the staff reports list."""


@hookspec
def payment_providers() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.PaymentProviderEntry` objects.

    A provider class implements :class:`przystan.payments_contract.PaymentProvider`; the payment
    flow dispatches to it by ``name`` without knowing the gateway.
    """


@hookspec
def dashboard_panels() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.DashboardPanel` objects for the staff dashboard."""


@hookspec
def periodic_jobs() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.PeriodicJob` objects: commands run on a schedule.

    ``przystan scheduler`` (started by ``przystan demo``) claims each due job with one conditional
    UPDATE, so several schedulers never run one job twice in an interval; outcomes are listed by
    ``przystan manage run_periodic_jobs --list`` and on the office admin's dashboard.
    """


@hookspec
def role_permissions() -> dict[str, list[str]]:
    """Return ``{role_slug: ["app_label.codename", ...]}``: permissions the plugin grants to staff roles.

    Roles are the groups defined in :mod:`przystan.accounts.roles`; an unknown role or permission
    fails the ``sync_roles`` step with the plugin named.
    """


@hookspec
def access_resources() -> list[Any]:
    """Return :class:`przystan.access.Resource` objects: the kinds of record the plugin guards.

    Each is named ``"<plugin>.<thing>"``, lists its actions (``view``, ``edit``, ``approve``,
    ``export``, ``read_sensitive``, ``manage`` or its own), the ORM path to its office and a
    :class:`przystan.access.ScopeRule` per narrower scope it supports (``own``, ``assignee``, ``team``,
    ``centre``). The ``office`` and ``installation`` scopes are generic. ``sensitive=True`` marks
    records whose reads are audited.
    """


@hookspec
def access_grants() -> list[Any]:
    """Return :class:`przystan.access.Grant` objects: which role may do which actions, in which scope.

    One grant per role and resource (``przystan.access.grants()`` builds several). Together with the
    resources they are the access policy (``./przystan roles`` prints it); an unknown role, resource,
    action or scope fails the start with the plugin named. Plugins may grant on other plugins'
    resources only if they require them.
    """


@hookspec
def privacy_clauses() -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.PrivacyClause` objects: the GDPR art. 13 notice
    of every public form the plugin shows that collects personal data.

    Each names its purpose, legal basis (public task art. 6(1)(e) or legal obligation art. 6(1)(c) with
    the national act — never consent), the data, recipients, retention and whether giving the data is
    required. The form's template shows it with ``{% load privacy_notice %}{% privacy_notice "<name>" %}``
    next to the form: the office as controller, its data protection officer, the rights and the complaint
    to the supervisory authority come from the office's data, and the office may override each text
    (*Offices → Privacy notices*). The office's privacy page lists the clauses of its enabled plugins.
    ``tests/web/test_privacy_notices.py`` fails for a public form without a notice.
    """


# --------------------------------------------------------------------------- per-office hooks


@hookspec
def demo_data(office: Any, stdout: Any) -> list[str] | None:
    """Load the plugin's demo data for ``office`` (called by ``przystan demo``).

    Must be idempotent: running the demo twice must not duplicate records. Return nothing, or lines
    to print among the demo logins of the banner (e.g. a one-time code a demo user needs).
    """


# --------------------------------------------------------------------------- cross-plugin contracts
# Plugins talk to each other only through these hooks (never by importing one another, unless the
# caller declares the callee in ``requires``). Values crossing a plugin boundary are plain data: case
# references are the case number strings, people are described by dicts, money is integer grosze.


@hookspec
def case_status_changed(
    office: Any, case_reference: str, old_stage: str, new_stage: str, actor: Any, context: dict[str, Any]
) -> None:
    """A case moved from ``old_stage`` to ``new_stage`` (stage codes); listeners react, return nothing.

    ``context`` carries ``{application_type, person_email, person_phone, language, deadline}`` so a
    listener (e.g. booking offering a fingerprint or card pick-up visit) needs no case import.
    """


@hookspec
def application_types(office: Any, language: str) -> list[dict[str, Any]]:
    """Return the application types the office handles, as dicts (implemented by the case plugin).

    ``{code, name, description, fee_codes: [str], deadline_days: int | None,
    deadline: {length, unit: "days" | "months"} | None, stages: [{code, name, description}]}`` —
    names in ``language``; ``deadline_days`` is set only for a deadline counted in days. CMS procedure pages show the
    stages a foreigner will see in case tracking from here.
    """


@hookspec
def fee_catalogue(office: Any, codes: list[str] | None, language: str) -> list[dict[str, Any]]:
    """Return the office's current fees as dicts ``{code, name, amount_grosze, legal_basis, payee, exemptions}``.

    ``codes=None`` means all fees; ``payee`` is ``"stamp_duty"`` (municipality) or ``"office"``.
    Also ``currency`` (``"PLN"``, or ``"EUR"`` for a fee set in euro: ``amount_grosze`` is then euro
    cents), ``amount_text`` (the amount as people read it, e.g. "równowartość 30 euro" — show this),
    ``source`` and ``reliefs`` ``[{kind: "exempt" | "reduced", percent, name, sentence, legal_basis}]``;
    ``exemptions`` is those reliefs as one sentence in ``language``.
    Implemented by the payments plugin; CMS pages and cases read fees only through this hook and fall
    back to their own content when nobody answers (an empty list of lists).
    """


@hookspec(firstresult=True)
def payment_request(
    office: Any, payer: Any, fee_codes: list[str], case_reference: str | None, return_url: str
) -> str | None:
    """Ask for a payment of ``fee_codes`` (optionally for a case); return the URL to send the payer to.

    Amounts are computed by the payments plugin from its catalogue, never by the caller. The first
    plugin that answers wins; ``None`` means no payment plugin is enabled for the office.
    """


@hookspec
def case_payments(office: Any, case_reference: str) -> list[dict[str, Any]]:
    """Return ``[{fee_code, name, amount_grosze, status, paid_at, receipt_url, relief, relief_note,
    manage_url}]`` for a case (``manage_url``: the page where the case's fee reliefs are recorded).

    ``status`` is ``"unpaid" | "pending" | "paid" | "refunded" | "exempt"``; officers see it on the case.
    ``relief`` (a sentence, "" if none) and ``relief_note`` tell a relief granted on the case; the
    amount is then what is due after it.
    """


@hookspec
def payment_settled(office: Any, payment: dict[str, Any]) -> None:
    """A payment was settled (exactly once per payment); listeners react, return nothing.

    ``payment`` is ``{reference, case_reference, fee_codes, amount_grosze, paid_at, receipt_pdf: bytes}``;
    the case plugin stores the receipt on the case.
    """


@hookspec(firstresult=True)
def case_lookup(office: Any, reference: str, secret: str | None) -> dict[str, Any] | None:
    """Return ``{reference, person_name, person_key, application_type, stage, live: bool, filed_at: date}`` or ``None``.

    ``secret`` is the case PIN / booking code when the caller must prove knowledge of it (``None``
    skips that check, for staff callers). ``person_key`` is a stable hash identifying the party, so a
    booking tied to a case is bound to its person. Used e.g. by visit booking, without importing the
    case plugin.
    """


@hookspec(firstresult=True)
def case_in_scope(user: Any, office: Any, reference: str, action: str) -> bool | None:
    """Return whether ``user`` may ``action`` (``view``/``edit``) the case ``reference`` by the case
    plugin's access policy (assignee, team, office), or ``None`` when no such case exists here.

    Lets a plugin that keeps data about a case (its fees, its visits) show it to a case officer only
    for the cases that officer may work on, without importing the case plugin.
    """


@hookspec
def case_visits(office: Any, case_reference: str) -> list[dict[str, Any]]:
    """Return ``[{service, starts_at, status, manage_url}]``: visits booked for a case (booking plugin)."""


@hookspec
def procedure_actions(office: Any, application_type: str, language: str) -> list[dict[str, Any]]:
    """Return calls to action for a procedure page: ``[{kind, label, url}]``.

    ``kind`` is e.g. ``"book_visit"``, ``"pay_fee"``, ``"apply"``, ``"track_case"``; only plugins
    enabled for the office answer, so a disabled plugin's button disappears.
    """


@hookspec
def case_sources(office: Any) -> list[Any]:
    """Return the :class:`przystan.intake.contract.CaseSource` objects configured for ``office``.

    Cases that arrive from outside (a MOS submission package, another system): each source describes
    itself, yields the packages waiting for the office (``fetch``), imports one package atomically
    (``import_package`` → an :class:`~przystan.intake.contract.ImportResult`: imported, duplicate of
    an earlier delivery, or quarantined with a reason and nothing imported) and is told the outcome
    (``acknowledge``). The core runner (``przystan manage intake_poll``, periodic job
    ``core.intake-poll``) calls this per office, so a plugin disabled for the office offers none;
    return ``[]`` when the office has not configured a source.
    """


@hookspec
def staff_scope_fields(office: Any) -> list[Any]:
    """Return :class:`~przystan.pluginsys.contributions.StaffScopeField` objects for ``office``.

    The office administrator's staff form (one screen: account, roles, scope) shows them; a field is
    required when a role in its ``roles`` is chosen, offers only ``office``'s records (a scope in
    another office is refused) and its ``save`` is called after the account and roles are saved.
    Called per office: only enabled plugins answer. Example: the reception-centre plugin offers the
    centres a ``centre_staff`` member works in.
    """


@hookspec
def office_closed_days(office: Any, start: Any, end: Any) -> list[Any]:
    """Return the dates (``datetime.date``) between ``start`` and ``end`` (inclusive) when the whole
    ``office`` is closed besides Saturdays, Sundays, statutory holidays and the office's own closure
    rows (:class:`przystan.offices.models.OfficeClosure`).

    :func:`przystan.offices.closures.closed_days` adds them to what it answers, so visits and opening
    hours close on them. They do not move procedural deadlines (KPA art. 57 § 4 knows only Saturdays
    and days off by statute). Called per office: only enabled plugins answer; the visit-booking plugin
    answers from its office-wide schedule exceptions.
    """


@hookspec
def office_closure_impact(office: Any, day: Any) -> list[Any]:
    """Return what closing the whole ``office`` on ``day`` (``datetime.date``) would affect, as
    ``{"label": str, "count": int}`` dicts with a translated label (e.g. ``"booked visits"``).

    The office's closures screen shows them before the closure is added, and asks the staff member
    to decide what happens to them when any count is above zero. Called per office: only enabled
    plugins answer; return ``[]`` when nothing is affected.
    """


@hookspec
def office_closure_added(office: Any, day: Any, cancel_bookings: bool) -> list[Any]:
    """The whole ``office`` is closed on ``day`` from now on: stop offering anything on it.

    Called after the closure row is saved (in the same transaction). ``cancel_bookings`` says what
    the staff member chose for what is already booked: ``True`` — cancel it and tell the persons;
    ``False`` — keep it (staff move it by hand). Either way nothing new may be sold for the day.
    Return translated sentences saying what was done (shown to the staff member).
    """


@hookspec
def office_closure_removed(office: Any, day: Any) -> list[Any]:
    """The office's closure on ``day`` was removed: offer the day again as the schedules say.

    Return translated sentences saying what was done (shown to the staff member).
    """


@hookspec(firstresult=True)
def outgoing_dispatch(office: Any, message: Any) -> Any:
    """Send ``message`` (:class:`przystan.dispatch.OutgoingMessage`) to another authority electronically.

    Return a :class:`przystan.dispatch.DispatchResult` (or a dict ``{dispatch_id, status,
    delivered_at, adapter}``) when the plugin carried it, ``None`` to leave it to the next plugin; raise
    :class:`przystan.dispatch.DispatchError` when the sending failed. The first answer wins; when no
    enabled plugin answers, :func:`przystan.dispatch.send` uses the default loopback HTTP adapter
    (``settings.PRZYSTAN_DISPATCH_URL``, a simulator in tests and the demo).
    """
