"""Officer work on a case: transitions as a state machine, audit, notifications, hooks, supplements,
inquiries, paper file moves and status check."""

import datetime
import types

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.legalisation.models import FileMove
from plugins.legalisation.services import assign, request_supplement
from plugins.legalisation.workflow import TransitionNotAllowed, transition
from przystan.audit.models import AuditEntry
from przystan.notifications.models import OutboundMessage
from przystan.pluginsys.markers import hookimpl
from przystan.testing.plugins import build_system, use_plugin_system

from .conftest import submitted_case

pytestmark = pytest.mark.django_db


def fake_plugin():
    """A stand-in for the booking and payments plugins, registered on a fresh plugin system."""
    module = types.ModuleType("legal_test_fake")
    module.calls = []

    @hookimpl
    def case_status_changed(office, case_reference, old_stage, new_stage, actor, context):
        module.calls.append((case_reference, old_stage, new_stage, context["language"]))

    @hookimpl
    def payment_request(office, payer, fee_codes, case_reference, return_url):
        return f"/pay/?case={case_reference}&fees={','.join(fee_codes)}"

    @hookimpl
    def case_payments(office, case_reference):
        return [
            {
                "fee_code": "stamp_temp_other",
                "name": "Opłata skarbowa",
                "amount_grosze": 34000,
                "status": "paid",
                "paid_at": "2026-05-02",
                "receipt_url": "",
            },
            {
                "fee_code": "card_issue",
                "name": "Karta pobytu",
                "amount_grosze": 10000,
                "status": "unpaid",
                "paid_at": None,
                "receipt_url": "",
            },
        ]

    @hookimpl
    def case_visits(office, case_reference):
        return [
            {
                "service": "fingerprints",
                "starts_at": "2026-06-01 09:00",
                "status": "booked",
                "manage_url": "/visits/x/",
            }
        ]

    for fn in (case_status_changed, payment_request, case_payments, case_visits):
        setattr(module, fn.__name__, fn)
    system = build_system()
    system.pm.register(module, name="legal_test_fake")
    return system, module


def test_transitions_follow_the_workflow_are_audited_notify_and_call_hooks(
    legal_office, foreigner, supervisor, django_capture_on_commit_callbacks
):
    system, fake = fake_plugin()
    case, _pin = submitted_case(legal_office, foreigner)
    with use_plugin_system(system), django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(TransitionNotAllowed):
            transition(case, "decision_granted", supervisor)
        for stage in ("accepted", "summons_fingerprints", "biometrics_taken", "formal_check"):
            transition(case, stage, supervisor)
    assert [c[2] for c in fake.calls] == [
        "accepted",
        "summons_fingerprints",
        "biometrics_taken",
        "formal_check",
    ]
    assert fake.calls[0][3] == "uk"
    case.refresh_from_db()
    assert case.fingerprints_at == timezone.localdate()
    from plugins.legalisation.deadline_rules import WorkCalendar

    due = WorkCalendar(legal_office).next_working_day(timezone.localdate() + datetime.timedelta(days=60))
    assert case.legal_deadline == due
    assert list(case.stage_changes.values_list("new_stage", flat=True)) == [
        "filed",
        "accepted",
        "summons_fingerprints",
        "biometrics_taken",
        "formal_check",
    ]
    entries = AuditEntry.objects.for_object(case).filter(action="update")
    assert any(e.changes.get("stage") == ["biometrics_taken", "formal_check"] for e in entries)
    sent = OutboundMessage.objects.filter(type="legalisation.stage_changed")
    assert sent.filter(channel="email").count() == 4 and sent.filter(channel="sms").count() == 4
    assert all(m.language == "uk" for m in sent)
    assert "Формальна перевірка" in sent.filter(channel="email").order_by("pk").last().subject


def test_supplement_pauses_clock_and_answer_resumes(legal_office, foreigner, supervisor, client):
    case, _pin = submitted_case(legal_office, foreigner)
    for stage in ("accepted", "summons_fingerprints", "biometrics_taken", "formal_check"):
        transition(case, stage, supervisor, notify=False)
    request = request_supplement(
        case, supervisor, "Aktualne ubezpieczenie", timezone.localdate() + datetime.timedelta(days=14)
    )
    case.refresh_from_db()
    assert case.stage == "supplement_requested" and case.clock_paused
    client.force_login(foreigner)
    page = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    assert "Aktualne ubezpieczenie" in page
    from .conftest import upload

    client.post(
        reverse("legalisation:answer", args=[case.number, request.public_id]),
        {"files": [upload()], "text": "proszę"},
    )
    request.refresh_from_db()
    case.refresh_from_db()
    assert request.answered_on == timezone.localdate() and not case.clock_paused
    assert request.attachments.count() == 1


def test_staff_portal_lists_filters_and_moves(
    client, staff_login, legal_office, foreigner, officer, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner)
    other, _ = submitted_case(legal_office, foreigner, "temp_other")
    staff_login(client, supervisor)
    page = client.get(reverse("legalisation-staff:list"), {"q": case.number}).content.decode()
    assert case.number in page and other.number not in page
    page = client.get(
        reverse("legalisation-staff:list"), {"q": "fe123456", "type": "temp_other"}
    ).content.decode()
    assert other.number in page and case.number not in page
    client.post(reverse("legalisation-staff:assign", args=[case.number]), {"assignee": officer.pk})
    case.refresh_from_db()
    assert case.assignee == officer
    client.post(reverse("legalisation-staff:transition", args=[case.number]), {"stage": "accepted"})
    case.refresh_from_db()
    assert case.stage == "accepted"
    client.post(reverse("legalisation-staff:inquiry", args=[case.number]), {"authority": "border_guard"})
    inquiry = case.inquiries.get()
    inquiry.due_on = timezone.localdate() - datetime.timedelta(days=1)
    inquiry.save()
    assert inquiry.overdue
    assert (
        'class="overdue"'
        in client.get(reverse("legalisation-staff:case", args=[case.number])).content.decode()
    )
    response = client.post(
        reverse("legalisation-staff:scan"), {"location": "pokój 112, regał 3", "code": case.number.lower()}
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.file_location == "pokój 112, regał 3" and FileMove.objects.filter(case=case).count() == 1
    assert (
        client.post(reverse("legalisation-staff:scan"), {"location": "x", "code": "NOPE-1"}).status_code
        == 400
    )


def test_officer_can_change_only_assigned_cases(
    client, staff_login, legal_office, foreigner, officer, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner)
    staff_login(client, officer)
    assert (
        client.post(
            reverse("legalisation-staff:transition", args=[case.number]), {"stage": "accepted"}
        ).status_code
        == 403
    )
    assign(case, officer, supervisor)
    client.post(reverse("legalisation-staff:transition", args=[case.number]), {"stage": "accepted"})
    case.refresh_from_db()
    assert case.stage == "accepted"


def test_officer_sees_payments_and_visits_from_other_plugins(
    client, staff_login, legal_office, foreigner, supervisor
):
    system, _fake = fake_plugin()
    case, _pin = submitted_case(legal_office, foreigner)
    staff_login(client, supervisor)
    with use_plugin_system(system):
        page = client.get(reverse("legalisation-staff:case", args=[case.number])).content.decode()
        assert "fee-paid" in page and "fee-unpaid" in page and "fingerprints" in page
        client.force_login(foreigner)
        person = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
        assert f"/pay/?case={case.number}" in person
    client.force_login(foreigner)
    alone = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    assert "/pay/" not in alone  # nobody answers: no button, no error


def test_public_status_check_by_number_and_pin_is_rate_limited(client, legal_office, case_and_pin):
    from django.core.cache import cache

    cache.clear()
    case, pin = case_and_pin
    url = reverse("legalisation:status")
    ok = client.post(url, {"number": case.number.lower(), "pin": pin})
    assert ok.status_code == 200 and 'id="stage-name"' in ok.content.decode()
    assert client.post(url, {"number": case.number, "pin": "00000000"}).status_code == 404
    codes = [client.post(url, {"number": case.number, "pin": "1"}).status_code for _ in range(12)]
    assert 429 in codes
    cache.clear()


def test_messages_with_read_receipts(
    client, staff_login, legal_office, foreigner, supervisor, django_capture_on_commit_callbacks
):
    case, _pin = submitted_case(legal_office, foreigner)
    client.force_login(foreigner)
    client.post(reverse("legalisation:case", args=[case.number]), {"body": "Pytanie o termin"})
    message = case.messages.get()
    assert message.read_at is None
    staff_login(client, supervisor)
    client.get(reverse("legalisation-staff:case", args=[case.number]))
    message.refresh_from_db()
    assert message.read_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("legalisation-staff:message", args=[case.number]), {"body": "Odpowiedź urzędu"})
    sent = OutboundMessage.objects.get(type="legalisation.message_received", channel="email")
    assert sent.recipient == case.email and sent.language == "uk"


def test_decision_letter_pdf(client, staff_login, legal_office, foreigner, supervisor, tmp_path):
    import subprocess

    case, _pin = submitted_case(legal_office, foreigner, "invitation")
    staff_login(client, supervisor)
    assert client.get(reverse("legalisation-staff:decision", args=[case.number])).status_code == 404
    for stage in ("accepted", "formal_check", "evidence_review", "draft_decision", "decision_granted"):
        transition(case, stage, supervisor, notify=False)
    response = client.get(reverse("legalisation-staff:decision", args=[case.number]))
    path = tmp_path / "decision.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert case.number in text and "Zezwolenie udzielone" in text and "Olena Shevchenko" in text


def test_public_status_api(client, legal_office, case_and_pin):
    from django.core.cache import cache

    cache.clear()
    case, pin = case_and_pin
    ok = client.post("/api/legalisation/status/", {"number": case.number, "pin": pin})
    assert ok.status_code == 200 and ok.json()["stage"] == "filed" and ok.json()["clock_paused"] is False
    assert client.post("/api/legalisation/status/", {"number": case.number, "pin": "0"}).status_code == 404
    codes = [
        client.post("/api/legalisation/status/", {"number": case.number, "pin": "0"}).status_code
        for _ in range(12)
    ]
    assert 429 in codes
    cache.clear()
