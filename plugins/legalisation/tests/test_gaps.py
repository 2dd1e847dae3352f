"""Teams, lost-PIN reset, proof of filing and rules between answers."""

import hashlib
import re
import subprocess

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from plugins.legalisation.models import Case, PinReset, Team
from plugins.legalisation.numbering import pin_matches
from plugins.legalisation.services import all_errors
from przystan.audit.models import AuditEntry
from przystan.notifications.models import OutboundMessage
from przystan.testing.factories import make_user

from .conftest import VALID, make_application, png_bytes, submitted_case, upload

pytestmark = pytest.mark.django_db


def audit_of(obj, action):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk), action=action
    ).order_by("pk")


@pytest.fixture(autouse=True)
def _clean_rate_limits():
    cache.clear()
    yield
    cache.clear()


# ----------------------------------------------------------------------------- teams


def test_supervisor_manages_teams_and_team_limits_what_officers_see(
    client, staff_login, legal_office, foreigner, officer, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner)
    other = make_user("other@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    staff_login(client, supervisor)
    url = reverse("legalisation-staff:teams")
    assert client.post(url, {"action": "create", "name": "Zespół pracy"}).status_code == 302
    team = Team.objects.get(office=legal_office, name="Zespół pracy")
    client.post(url, {"action": "add", "team": team.pk, "officer": officer.pk})
    assert list(team.members.all()) == [officer]
    assert "Zespół pracy" in client.get(url).content.decode()
    client.post(reverse("legalisation-staff:team", args=[case.number]), {"team": team.pk})
    case.refresh_from_db()
    assert case.team == team
    team_entry = audit_of(team, "update").last()
    assert team_entry is not None and "members" in str(team_entry.changes)
    case_entry = audit_of(case, "update").last()
    assert "team" in str(case_entry.changes) and case_entry.actor == supervisor

    client.logout()
    staff_login(client, officer)
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 200
    assert client.get(url).status_code == 403  # only supervisors manage teams
    assert (
        client.post(reverse("legalisation-staff:team", args=[case.number]), {"team": ""}).status_code == 403
    )
    client.logout()
    staff_login(client, other)
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 403


def test_team_of_another_office_cannot_be_used(
    client, staff_login, legal_office, other_legal_office, foreigner, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner)
    foreign_team = Team.objects.create(office=other_legal_office, name="Obcy")
    staff_login(client, supervisor)
    client.post(reverse("legalisation-staff:team", args=[case.number]), {"team": foreign_team.pk})
    case.refresh_from_db()
    assert case.team is None


# ----------------------------------------------------------------------------- lost PIN


def test_lost_pin_new_one_goes_to_case_contact_old_stops_working(
    client, legal_office, case_and_pin, django_capture_on_commit_callbacks
):
    case, old_pin = case_and_pin
    url = reverse("legalisation:new-pin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"number": case.number, "birth_date": VALID["birth_date"]})
    assert response.status_code == 200
    page = response.content.decode()
    case.refresh_from_db()
    assert not pin_matches(case, old_pin)
    sent = OutboundMessage.objects.filter(type="legalisation.pin_reset")
    assert {(m.channel, m.recipient) for m in sent} >= {("email", case.email)}
    sms = sent.get(channel="sms")
    new_pin = re.search(r"\b(\d{8})\b", sms.body).group(1)
    assert pin_matches(case, new_pin) and new_pin not in page  # never shown to whoever asked
    assert sms.language == "uk"
    status = client.post(reverse("legalisation:status"), {"number": case.number, "pin": new_pin})
    assert status.status_code == 200 and 'id="stage-name"' in status.content.decode()
    assert (
        client.post(reverse("legalisation:status"), {"number": case.number, "pin": old_pin}).status_code
        == 404
    )
    reset = PinReset.objects.get(case=case)
    assert "email" in reset.channels and "sms" in reset.channels
    entry = audit_of(case, "update").last()
    assert "pin_hash" in str(entry.changes) and old_pin not in str(entry.changes)


def test_lost_pin_wrong_birth_date_or_unknown_case_reveals_nothing(client, legal_office, case_and_pin):
    case, old_pin = case_and_pin
    url = reverse("legalisation:new-pin")
    wrong = client.post(url, {"number": case.number, "birth_date": "1991-01-01"})
    unknown = client.post(url, {"number": "TESTOWY-2026-999999", "birth_date": VALID["birth_date"]})
    assert wrong.status_code == unknown.status_code == 200
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # noqa: E731
    assert strip(wrong.content.decode()) == strip(unknown.content.decode())
    case.refresh_from_db()
    assert pin_matches(case, old_pin) and not PinReset.objects.exists()
    assert audit_of(case, "denied").exists()


def test_lost_pin_is_rate_limited_per_address_and_per_case(client, legal_office, foreigner, case_and_pin):
    case, _pin = case_and_pin
    url = reverse("legalisation:new-pin")
    data = {"number": case.number, "birth_date": VALID["birth_date"]}
    codes = [client.post(url, data).status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and 429 in codes[5:]
    assert PinReset.objects.filter(case=case).count() == 3  # at most three new PINs per case a day
    cache.clear()
    client.force_login(foreigner)
    response = client.post(reverse("legalisation:case-new-pin", args=[case.number]), follow=True)
    assert PinReset.objects.filter(case=case).count() == 3 and response.status_code == 200


def test_person_gets_new_pin_from_case_page_and_others_cannot(
    client, legal_office, foreigner, other_foreigner, case_and_pin
):
    case, old_pin = case_and_pin
    client.force_login(other_foreigner)
    assert client.post(reverse("legalisation:case-new-pin", args=[case.number])).status_code == 404
    case.refresh_from_db()
    assert pin_matches(case, old_pin)
    client.force_login(foreigner)
    assert client.post(reverse("legalisation:case-new-pin", args=[case.number])).status_code == 302
    case.refresh_from_db()
    assert not pin_matches(case, old_pin)
    assert PinReset.objects.get(case=case).requested_by == foreigner


# ----------------------------------------------------------------------------- proof of filing


def test_proof_of_filing_pdf_lists_attachments_with_sha256(client, legal_office, foreigner, tmp_path):
    from plugins.legalisation import attachments
    from plugins.legalisation.services import submit

    from .conftest import attach_required

    application = make_application(legal_office, foreigner, "visa_extension", visa_number="AB1234567")
    attach_required(application)
    image = png_bytes()
    attachments.store(
        upload("photo.png", image), image, "image/png", kind="other", user=foreigner, application=application
    )
    case = submit(application).case
    client.force_login(foreigner)
    page = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    url = reverse("legalisation:filing-receipt", args=[case.number])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "upo.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    reader_text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))
    application.refresh_from_db()
    files = list(application.attachments.all())
    assert len(files) >= 3
    for attachment in files:
        assert attachment.sha256 in flat and attachment.sha256 in reader_text
    assert hashlib.sha256(image).hexdigest() in flat
    assert case.number in text and legal_office.name.replace(" ", "") in flat
    submitted = application.submitted_at.astimezone().strftime("%Y-%m-%d")
    assert re.search(rf"{submitted} \d\d:\d\d:\d\d", text)
    assert audit_of(case, "read").exists()


def test_proof_of_filing_only_for_the_person_and_staff_of_the_office(
    client, staff_login, legal_office, foreigner, other_foreigner, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner, "visa_extension")
    url = reverse("legalisation:filing-receipt", args=[case.number])
    assert client.get(url).status_code in (302, 403)
    client.force_login(other_foreigner)
    assert client.get(url).status_code == 404
    client.logout()
    staff_login(client, supervisor)
    assert client.get(reverse("legalisation-staff:filing-receipt", args=[case.number])).status_code == 200


def test_no_proof_of_filing_is_issued_for_a_case_filed_in_mos(
    client, staff_login, legal_office, foreigner, supervisor
):
    """MOS confirms a MOS filing; the office never issues a second "poświadczenie" for it."""
    case, _pin = submitted_case(legal_office, foreigner, "temp_spouse")
    assert case.source == "mos"
    client.force_login(foreigner)
    page = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    assert reverse("legalisation:filing-receipt", args=[case.number]) not in page
    assert client.get(reverse("legalisation:filing-receipt", args=[case.number])).status_code == 404
    client.logout()
    staff_login(client, supervisor)
    assert client.get(reverse("legalisation-staff:filing-receipt", args=[case.number])).status_code == 404


def test_payment_receipt_downloadable_by_person_only(
    client, legal_office, foreigner, other_foreigner, case_and_pin
):
    from przystan.offices.enablement import hooks_for_office

    case, _pin = case_and_pin
    hooks_for_office(legal_office).payment_settled(
        office=legal_office,
        payment={
            "reference": "P24-9",
            "case_reference": case.number,
            "fee_codes": ["stamp_temp_other"],
            "amount_grosze": 34000,
            "paid_at": None,
            "receipt_pdf": b"%PDF-1.4 receipt",
        },
    )
    receipt = case.receipts.get()
    url = reverse("legalisation:payment-receipt", args=[case.number, receipt.pk])
    client.force_login(other_foreigner)
    assert client.get(url).status_code == 404
    client.force_login(foreigner)
    assert url in client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    assert client.get(url).content == b"%PDF-1.4 receipt"


# ----------------------------------------------------------------------------- rules between answers


def test_cross_field_rules_are_data_on_the_types():
    from plugins.legalisation.application_types import TYPES_BY_CODE

    work = TYPES_BY_CODE["temp_work"]
    pairs = {(r.field, r.other) for r in work.cross_rules}
    assert {("passport_expiry", "stay_from"), ("employment_end", "employment_start")} <= pairs
    names = {spec.name for spec in work.all_fields}
    for kind in TYPES_BY_CODE.values():
        fields = {spec.name for spec in kind.all_fields}
        assert all(r.field in fields and r.other in fields for r in kind.cross_rules), kind.code
    assert {"employment_start", "employment_end", "stay_from"} <= names


def test_cross_field_error_translated_and_typed_answers_kept(client, legal_office, foreigner):
    application = make_application(
        legal_office,
        foreigner,
        "temp_work",
        employer_name="Firma",
        employer_nip="526-000-12-46",
        position="Spawacz",
        monthly_salary="6500",
    )
    client.force_login(foreigner)
    client.cookies["django_language"] = "uk"
    work_step = 2
    posted = {
        "employer_name": "Firma",
        "employer_nip": "526-000-12-46",
        "position": "Spawacz",
        "employment_start": "2026-06-01",
        "employment_end": "2026-05-01",
        "monthly_salary": "6500",
        "next": "1",
    }
    response = client.post(reverse("legalisation:step", args=[application.public_id, work_step]), posted)
    html = response.content.decode()
    with translation.override("uk"):
        expected = translation.gettext("The end of employment must be after its start.")
    assert (
        response.status_code == 400
        and expected in html
        and expected != "The end of employment must be after its start."
    )
    assert 'value="2026-05-01"' in html and 'value="2026-06-01"' in html
    posted["employment_end"] = "2027-05-31"
    response = client.post(reverse("legalisation:step", args=[application.public_id, work_step]), posted)
    assert response.status_code == 302


def test_passport_must_be_valid_when_stay_starts_live_and_on_submit(client, legal_office, foreigner):
    application = make_application(
        legal_office, foreigner, passport_expiry="2030-01-01", stay_from="2030-06-01"
    )
    assert set(all_errors(application)) == {"passport_expiry"}
    client.force_login(foreigner)
    url = reverse("legalisation:validate", args=[application.public_id])
    data = client.post(url, {"stay_from": "2030-06-01"}).json()
    assert "passport_expiry" in data["errors"] and "passport_expiry" in data["checked"]
    data = client.post(url, {"stay_from": "2029-06-01"}).json()
    assert data["errors"] == {} and "passport_expiry" in data["checked"]
    application.refresh_from_db()
    assert application.data["stay_from"] == "2029-06-01" and all_errors(application) == {}


def test_birth_date_in_the_past_and_before_employment():
    from plugins.legalisation.application_types import get_type
    from plugins.legalisation.fields import cross_errors

    rules = get_type("temp_work").cross_rules
    assert "employment_start" in cross_errors(
        rules, {"birth_date": "2000-01-01", "employment_start": "1999-01-01"}
    )
    assert cross_errors(rules, {"birth_date": "2000-01-01", "employment_start": "2020-01-01"}) == {}
    assert cross_errors(rules, {"birth_date": "nonsense", "employment_start": "2020-01-01"}) == {}
    assert Case.objects.count() == 0


# ----------------------------------------------------------------------------- letters and attachments


def test_officer_message_with_attachment_reaches_only_the_person(
    client, staff_login, legal_office, foreigner, other_foreigner, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner)
    staff_login(client, supervisor)
    url = reverse("legalisation-staff:message", args=[case.number])
    client.post(url, {"body": "Proszę o podpis", "file": upload("wzor.pdf")})
    client.post(url, {"body": "Zły plik", "file": upload("x.pdf", b"MZ not a pdf")})
    message = case.messages.get()
    attachment = message.attachments.get()
    assert attachment.original_name == "wzor.pdf" and attachment.case == case
    client.logout()
    client.force_login(other_foreigner)
    assert client.get(reverse("legalisation:attachment", args=[attachment.public_id])).status_code == 404
    client.force_login(foreigner)
    page = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    assert "wzor.pdf" in page
    assert client.get(reverse("legalisation:attachment", args=[attachment.public_id])).status_code == 200


def test_request_to_supplement_letter_pdf(
    client, legal_office, foreigner, other_foreigner, supervisor, tmp_path
):
    import datetime

    from django.utils import timezone

    from plugins.legalisation.services import request_supplement
    from plugins.legalisation.workflow import transition

    case, _pin = submitted_case(legal_office, foreigner)
    for stage in ("accepted", "formal_check"):
        transition(case, stage, supervisor, notify=False)
    due = timezone.localdate() + datetime.timedelta(days=14)
    supplement = request_supplement(case, supervisor, "Brak ubezpieczenia zdrowotnego", due)
    url = reverse("legalisation:supplement-letter", args=[case.number, supplement.public_id])
    client.force_login(other_foreigner)
    assert client.get(url).status_code == 404
    client.force_login(foreigner)
    assert url in client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    client.cookies["django_language"] = "pl"
    response = client.get(url)
    path = tmp_path / "letter.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert case.number in text and due.isoformat() in text and "Brak ubezpieczenia zdrowotnego" in text
