"""The access policy of the payments plugin, as a table: every URL pattern, for every role, on a record
of this office and of another office (the payments resources have no narrower staff scope).

Officers hold no grant on payments: they see a case's payments on the case page (legalisation,
``case_payments`` hook); on the fees-of-a-case page they may grant a relief (``payments.case_fee``). Public URLs (payer pages, gateway callbacks) are deliberately public: their
token, signature or source checks stay in the views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse

from plugins.payments.checkout import create_checkout
from plugins.payments.models import Fee
from przystan import access
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

from .conftest import configure_office
from .test_refunds_staff_hooks import paid_online

pytestmark = pytest.mark.django_db

ROLES = (
    "finance",
    "supervisor",
    "officer",
    "office_admin",
    "queue_officer",
    "finance_b",  # finance of the other office, on this office's host
    "foreigner",
    "anonymous",
)
FINANCE_VIEW = {
    "finance": (200, 404),
    "supervisor": (200, 404),
    "officer": 403,
    "office_admin": 403,
    "queue_officer": 403,
    "finance_b": 404,
    "foreigner": 403,
    "anonymous": 302,
}
FEE_VIEW = {**FINANCE_VIEW, "officer": (200, 404), "office_admin": (200, 404)}
FEE_MANAGE = {**FINANCE_VIEW, "supervisor": 403, "office_admin": (200, 404)}
FINANCE_ONLY = {**FINANCE_VIEW, "supervisor": 403}


@dataclass
class Entry:
    name: str
    codes: dict[str, Any]
    method: str = "get"
    path: Callable[[dict[str, Any], str], str] = lambda w, t: ""
    data: Callable[[dict[str, Any], str], dict[str, Any]] = field(default=lambda w, t: {})


def payment_url(name: str) -> Callable[[dict[str, Any], str], str]:
    return lambda w, t: reverse(name, args=[w["payment"][t].reference])


STAFF: list[Entry] = [
    Entry("payments-staff:list", FINANCE_VIEW, path=lambda w, t: reverse("payments-staff:list")),
    Entry("payments-staff:payment", FINANCE_VIEW, path=payment_url("payments-staff:payment")),
    Entry("payments-staff:receipt", FINANCE_VIEW, path=payment_url("payments-staff:receipt")),
    Entry(
        "payments-staff:case",  # another office's case reference finds nothing here: an empty table
        {**FINANCE_VIEW, "finance": 200, "supervisor": 200},  # officers: only cases in their scope
        path=lambda w, t: reverse("payments-staff:case", args=[w["payment"][t].checkout.case_reference]),
    ),
    Entry("payments-staff:fees", FEE_VIEW, path=lambda w, t: reverse("payments-staff:fees")),
    Entry("payments-staff:fee-new", FEE_MANAGE, path=lambda w, t: reverse("payments-staff:fee-new")),
    Entry(
        "payments-staff:fee-edit",
        FEE_MANAGE,
        path=lambda w, t: reverse("payments-staff:fee-edit", args=[w["fee"][t].pk]),
    ),
    Entry("payments-staff:statements", FINANCE_ONLY, path=lambda w, t: reverse("payments-staff:statements")),
    Entry("payments-staff:report", FINANCE_VIEW, path=lambda w, t: reverse("payments-staff:report")),
]
# the report's exports and the refund request, beyond the URL names
EXTRA: list[Entry] = [
    Entry("report csv", FINANCE_VIEW, path=lambda w, t: reverse("payments-staff:report") + "?format=csv"),
    Entry("report pdf", FINANCE_VIEW, path=lambda w, t: reverse("payments-staff:report") + "?format=pdf"),
    Entry(
        "refund request",
        {**FINANCE_ONLY, "finance": (302, 404), "supervisor": (403, 404)},  # supervisors approve, not ask
        "post",
        payment_url("payments-staff:payment"),
        lambda w, t: {"amount": "1.00", "reason": "Nadpłata"},
    ),
]
PUBLIC_NAMES = {
    "payments:pay",
    "payments:checkout",
    "payments:transfer",
    "payments:receipt",
    "payments:start",
    "payments:return",
    "payments:notify",
    "payments:refund-notify",
}


def test_every_url_has_an_entry_and_declares_its_access():
    from plugins.payments.hooks import urls

    names = set()
    for contribution in urls():
        for pattern in contribution.patterns:
            names.add(f"{contribution.name}:{pattern.name}")
            entry = access.access_entry(pattern.callback)
            assert entry is not None, pattern.name
            assert entry.public == (contribution.name == "payments"), pattern.name
    assert names == {e.name for e in STAFF} | PUBLIC_NAMES


def make_world(office: Any, other_office: Any, sim: Any, client: Any) -> dict[str, Any]:
    users = {
        "finance": make_user("cash@a.example.gov.pl", kind="staff", roles=("finance",), office=office),
        "supervisor": make_user("boss@a.example.gov.pl", kind="staff", roles=("supervisor",), office=office),
        "officer": make_user("officer@a.example.gov.pl", kind="staff", roles=("officer",), office=office),
        "office_admin": make_user(
            "admin@a.example.gov.pl", kind="staff", roles=("office_admin",), office=office
        ),
        "queue_officer": make_user(
            "queue@a.example.gov.pl", kind="staff", roles=("queue_officer",), office=office
        ),
        "finance_b": make_user(
            "cash@b.example.gov.pl", kind="staff", roles=("finance",), office=other_office
        ),
        "foreigner": make_user("olena@example.com", kind="foreigner"),
        "anonymous": None,
    }
    paid = paid_online(client, sim, office)
    configure_office(other_office, sim)
    other = create_checkout(
        other_office,
        ["stamp_temp_work"],
        payer_email="ivan@example.com",
        language="ru",
        case_reference="B/1/2026",
    ).payments.get()
    return {
        "users": users,
        "payment": {"in": paid, "office": other},
        "fee": {
            "in": Fee.objects.filter(office=office).first(),
            "office": Fee.objects.filter(office=other_office).first(),
        },
    }


def login(client: Any, user: Any) -> None:
    from przystan.testing.auth import login_with_mfa

    client.logout()
    if user is None:
        return
    if user.kind == "staff":
        login_with_mfa(client, user)
    else:
        client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_role_against_every_staff_url(client, sim, pay_office, other_office, role):
    world = make_world(pay_office, other_office, sim, client)
    login(client, world["users"][role])
    wrong = []
    for entry in STAFF + EXTRA:
        single = entry.path(world, "in") == entry.path(world, "office")
        for target in ("in",) if single else ("in", "office"):
            path = entry.path(world, target)
            response = (
                client.get(path) if entry.method == "get" else client.post(path, entry.data(world, target))
            )
            code = entry.codes[role]
            want = code[("in", "office").index(target)] if isinstance(code, tuple) else code
            if response.status_code != want:
                wrong.append(f"{entry.name} [{target}] as {role}: {response.status_code}, expected {want}")
    assert wrong == []


def test_payer_pages_are_public_and_token_bound(client, pay_office):
    checkout = create_checkout(
        pay_office, ["stamp_temp_work"], payer_email="olena@example.com", language="uk"
    )
    payment = checkout.payments.get()
    assert client.get(reverse("payments:pay")).status_code == 200
    assert client.get(reverse("payments:checkout", args=[checkout.token])).status_code == 200
    assert client.get(reverse("payments:checkout", args=["not-a-token"])).status_code == 404
    assert (
        client.get(reverse("payments:receipt", args=[checkout.token, payment.reference])).status_code == 404
    )


def test_payment_detail_read_of_the_payer_is_audited(client, sim, pay_office, other_office):
    world = make_world(pay_office, other_office, sim, client)
    login(client, world["users"]["finance"])
    payment = world["payment"]["in"]
    assert client.get(reverse("payments-staff:payment", args=[payment.reference])).status_code == 200
    assert client.get(reverse("payments-staff:receipt", args=[payment.reference])).status_code == 200
    reads = AuditEntry.objects.for_object(payment.checkout).filter(action="read")
    assert reads.count() == 2


def test_officers_hold_no_grant_on_payments():
    from przystan.access.table import policy_table

    roles = {g.role for g in policy_table().grants_for("payments.payment")}
    assert "officer" not in roles and {"finance", "supervisor"} <= roles
