"""Cases that arrive from MOS: signed packages imported through each delivery (directory drop, HTTP
endpoint with a service credential, pull from the loopback simulator's feed over real HTTP),
idempotent on re-delivery; every bad package in the quarantine with its reason and nothing imported;
the foreigner claims the case with the one-time code from the first notice."""

from __future__ import annotations

import datetime
import json
import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from plugins.legalisation import mos_package
from plugins.legalisation.claims import hash_code
from plugins.legalisation.models import (
    Application,
    Attachment,
    Case,
    ClaimAttempt,
    ClaimCode,
    MosPackage,
    QuarantinedPackage,
)
from plugins.legalisation.mos_simulator import Simulator, build_sample, sample_files, sample_manifest
from przystan.api.models import ServiceCredential
from przystan.audit.models import AuditEntry
from przystan.intake.contract import Outcome, Package
from przystan.notifications.models import OutboundMessage
from przystan.testing.factories import make_user

pytestmark = pytest.mark.django_db

KID = "mos-test"
KEY = b"test-only-mos-signing-key"
SIMULATOR_PORT = 8722
ROUTE = "/api/legalisation/mos/packages/"


def package(office_code: str = "testowy", **overrides: Any) -> tuple[str, bytes]:
    return build_sample(office_code, kid=KID, key=KEY, **overrides)


def counts() -> tuple[int, int, int, int]:
    return (
        Case.objects.count(),
        Attachment.objects.count(),
        Application.objects.count(),
        MosPackage.objects.count(),
    )


def deliver(office: Any, payload: bytes, origin: str = "http") -> Any:
    from plugins.legalisation.mos_intake import import_package

    return import_package(office, Package("mos", payload, origin=origin))


def claim_code_from(message: OutboundMessage) -> str:
    return re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", message.body).group(1)


@pytest.fixture
def drop_office(legal_office: Any, enable_plugin: Any, settings: Any, tmp_path: Path) -> Any:
    settings.VAR_DIR = tmp_path
    enable_plugin(legal_office, "legalisation", config={"mos_intake": {"drop_dir": "mos-drop"}})
    (tmp_path / "mos-drop").mkdir()
    return legal_office


@pytest.fixture
def simulator() -> Any:
    with Simulator(port=SIMULATOR_PORT) as running:
        yield running


# ----------------------------------------------------------------------------- deliveries


def test_a_package_dropped_in_the_directory_becomes_a_mos_case_with_everything_from_the_package(
    drop_office, settings, django_capture_on_commit_callbacks
):
    package_id, payload = package()
    (Path(settings.VAR_DIR) / "mos-drop" / "p1.zip").write_bytes(payload)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("intake_poll")

    case = Case.objects.get()
    assert case.office == drop_office and case.source == "mos" and case.applicant is None
    assert case.application_type == "temp_work" and case.person_name == "Oksana Melnyk"
    assert case.mos_number.startswith("MOS/2026/") and case.language == "uk"
    # filing and documents-complete dates come from the package, never from the person
    assert case.filed_at == datetime.date(2026, 5, 4)
    assert case.documents_complete_at == datetime.date(2026, 5, 4)
    assert case.employer_annex_required and case.employer_tax_id == "5260250274"
    application = case.application
    assert application.source == "mos" and application.status == "submitted"
    assert application.data["employment_start"] == "2026-06-01"
    assert application.signatures[0]["method"] == "trusted_profile"
    confirmation = application.filing_confirmation
    assert confirmation["number"] == f"UPO-{package_id}" and confirmation["received_at"].startswith(
        "2026-05-04"
    )
    assert confirmation["employer_annex"]["status"] == "signed"
    kinds = sorted(case.attachments.values_list("kind", flat=True))
    assert kinds == ["mos_upo", "passport_copy", "photo"]
    files = sample_files(sample_manifest("testowy", package_id=package_id))
    assert case.attachments.get(kind="photo").sha256 == mos_package.sha256(files["attachments/photo.pdf"])
    assert MosPackage.objects.get().package_id == package_id
    # the dropped file is moved aside
    drop = Path(settings.VAR_DIR) / "mos-drop"
    assert not (drop / "p1.zip").exists() and (drop / "imported" / "p1.zip").exists()
    # the first notice carries the case number and the one-time code (in the package's language)
    sent = OutboundMessage.objects.filter(type="legalisation.case_arrived")
    assert {m.channel for m in sent} == {"email", "sms"}
    sms = sent.get(channel="sms")
    assert sms.language == "uk" and case.number in sms.body and sms.recipient == "+48600300400"
    code = claim_code_from(sms)
    stored = ClaimCode.objects.get(case=case)
    assert stored.code_hash == hash_code(case.number, code) and code not in stored.code_hash


def test_the_http_endpoint_takes_a_package_with_the_service_credential_and_is_idempotent(
    client, legal_office, other_legal_office
):
    credential, value = ServiceCredential.issue(
        name="MOS", office=legal_office, scopes=["legalisation-mos-packages"], created_by=None
    )
    package_id, payload = package()
    auth = {"HTTP_AUTHORIZATION": f"Service {value}"}
    first = client.post(ROUTE, payload, content_type="application/zip", **auth)
    assert first.status_code == 201, first.content
    assert first.json()["outcome"] == "imported" and first.json()["package_id"] == package_id
    again = client.post(ROUTE, payload, content_type="application/zip", **auth)
    assert again.status_code == 200 and again.json()["outcome"] == "duplicate"
    assert again.json()["case_number"] == first.json()["case_number"]
    assert counts() == (1, 3, 1, 1)
    assert AuditEntry.objects.filter(action="use", reason__contains="legalisation-mos-packages").count() == 2

    # without the credential, with another route's credential, or at another office's host: refused
    assert client.post(ROUTE, payload, content_type="application/zip").status_code in (401, 403)
    _other, other_value = ServiceCredential.issue(
        name="Kiosk", office=legal_office, scopes=["booking-check-ins"], created_by=None
    )
    wrong_scope = {"HTTP_AUTHORIZATION": f"Service {other_value}"}
    assert client.post(ROUTE, payload, content_type="application/zip", **wrong_scope).status_code == 403
    elsewhere = client.post(
        ROUTE, payload, content_type="application/zip", HTTP_HOST="drugi.testserver", **auth
    )
    assert elsewhere.status_code == 403
    assert counts() == (1, 3, 1, 1)


def test_a_package_for_another_office_sent_to_the_endpoint_is_quarantined(client, legal_office):
    _credential, value = ServiceCredential.issue(
        name="MOS", office=legal_office, scopes=["legalisation-mos-packages"], created_by=None
    )
    _pid, payload = package("drugi")
    answer = client.post(
        ROUTE, payload, content_type="application/zip", HTTP_AUTHORIZATION=f"Service {value}"
    )
    assert answer.status_code == 422 and answer.json()["reason"] == "unknown_office"
    assert counts() == (0, 0, 0, 0)
    assert QuarantinedPackage.objects.get().reason == "unknown_office"


def test_the_feed_of_the_simulator_is_pulled_over_http_acknowledged_and_redelivery_is_a_duplicate(
    legal_office, enable_plugin, simulator
):
    enable_plugin(legal_office, "legalisation", config={"mos_intake": {"feed_url": simulator.url}})
    first_id, first = package()
    second_id, second = package()
    simulator.state.add("testowy", first_id, first)
    simulator.state.add("testowy", second_id, second)
    simulator.state.add("drugi", *package("drugi"))  # listed for the other office only

    call_command("intake_poll", office="testowy")
    assert Case.objects.filter(office=legal_office, source="mos").count() == 2
    assert simulator.state.acks[first_id]["outcome"] == "imported"
    assert simulator.state.acks[second_id]["outcome"] == "imported"
    assert set(MosPackage.objects.values_list("origin", flat=True)) == {"feed"}
    # acknowledged entries leave the feed: a second poll imports nothing
    with urllib.request.urlopen(f"{simulator.url}/feed?office=testowy") as response:
        assert json.loads(response.read()) == {"packages": []}
    call_command("intake_poll")
    assert Case.objects.count() == 2

    # MOS delivers the first package again: nothing changes, it is acknowledged as a duplicate
    simulator.state.add("testowy", first_id, first)
    call_command("intake_poll")
    assert Case.objects.count() == 2 and simulator.state.acks[first_id]["outcome"] == "duplicate"


def test_a_source_that_cannot_be_reached_is_reported_and_the_others_still_run(
    legal_office, other_legal_office, enable_plugin, simulator
):
    enable_plugin(legal_office, "legalisation", config={"mos_intake": {"feed_url": "http://127.0.0.1:9"}})
    enable_plugin(other_legal_office, "legalisation", config={"mos_intake": {"feed_url": simulator.url}})
    simulator.state.add("drugi", *package("drugi"))
    from przystan.intake.runner import poll_all

    results = poll_all()
    assert [r.error != "" for r in results if r.office == "testowy"] == [True]
    assert Case.objects.filter(office=other_legal_office).count() == 1


def test_an_office_with_the_plugin_disabled_offers_no_source(office, enable_plugin, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    enable_plugin(office, "legalisation", config={"mos_intake": {"drop_dir": "d"}}, enabled=False)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "p.zip").write_bytes(package()[1])
    from przystan.intake.runner import sources_for

    assert sources_for(office) == []
    call_command("intake_poll")
    assert Case.objects.count() == 0 and (tmp_path / "d" / "p.zip").exists()


# ----------------------------------------------------------------------------- bad packages


def _tampered_attachment() -> bytes:
    manifest = sample_manifest("testowy")
    files = sample_files(manifest)
    manifest["attachments"][1]["sha256"] = mos_package.sha256(files["attachments/photo.pdf"])
    files["attachments/photo.pdf"] = b"%PDF-1.4 something else"
    return mos_package.build(manifest, files, kid=KID, key=KEY)


def _missing_attachment() -> bytes:
    manifest = sample_manifest("testowy")
    files = sample_files(manifest)
    manifest["attachments"][0]["sha256"] = mos_package.sha256(files.pop("attachments/passport.pdf"))
    return mos_package.build(manifest, files, kid=KID, key=KEY)


def _not_a_document() -> bytes:
    manifest = sample_manifest("testowy")
    files = sample_files(manifest)
    files["attachments/photo.pdf"] = b"MZ\x90\x00 an executable"
    return mos_package.build(manifest, files, kid=KID, key=KEY)


def _bad_manifest() -> bytes:
    manifest = sample_manifest("testowy", application_type="no_such_type")
    return mos_package.build(manifest, sample_files(manifest), kid=KID, key=KEY)


def _no_filing_date() -> bytes:
    manifest = sample_manifest("testowy")
    manifest["filed_at"] = "2026-05-04"  # no time zone
    return mos_package.build(manifest, sample_files(manifest), kid=KID, key=KEY)


def _manifest_changed_after_signing() -> bytes:
    import io
    import zipfile

    _pid, good = package()
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "manifest.json":
                data = data.replace(b"Melnyk", b"Melnik")
            target.writestr(name, data)
    return buffer.getvalue()


BAD = {
    "not a zip": (lambda: b"PK\x03\x04 broken", "malformed"),
    "bad manifest": (_bad_manifest, "malformed"),
    "filing date without time zone": (_no_filing_date, "malformed"),
    "unsigned": (lambda: build_sample("testowy", kid=KID, key=None)[1], "unsigned"),
    "signed with another key": (lambda: build_sample("testowy", kid=KID, key=b"forged")[1], "bad_signature"),
    "unknown key id": (lambda: build_sample("testowy", kid="who", key=KEY)[1], "bad_signature"),
    "manifest changed after signing": (_manifest_changed_after_signing, "bad_signature"),
    "unknown office": (lambda: package("no-such-office")[1], "unknown_office"),
    "another office": (lambda: package("drugi")[1], "unknown_office"),
    "attachment does not match its sha256": (_tampered_attachment, "checksum"),
    "attachment missing": (_missing_attachment, "checksum"),
    "attachment is not a document": (_not_a_document, "attachment_refused"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_bad_package_goes_to_the_quarantine_with_its_reason_and_nothing_is_imported(
    case, legal_office, other_legal_office
):
    build, reason = BAD[case]
    payload = build()
    result = deliver(legal_office, payload)
    assert result.outcome == Outcome.QUARANTINED and result.reason == reason, result
    assert counts() == (0, 0, 0, 0)
    held = QuarantinedPackage.objects.get()
    assert held.reason == reason and held.office == legal_office and held.detail
    assert held.sha256 == mos_package.sha256(payload) and held.payload.read() == payload
    assert audited(QuarantinedPackage, [held]).exists()
    assert not ClaimCode.objects.exists() and not OutboundMessage.objects.exists()


def test_the_same_package_id_with_other_content_is_quarantined_and_the_case_is_untouched(legal_office):
    package_id, payload = package()
    assert deliver(legal_office, payload).outcome == Outcome.IMPORTED
    before = counts()
    _same_id, changed = package(package_id=package_id, language="ru")
    result = deliver(legal_office, changed)
    assert result.outcome == Outcome.QUARANTINED and result.reason == "duplicate_conflict"
    assert counts() == before and Case.objects.get().language == "uk"
    assert QuarantinedPackage.objects.get().package_id == package_id


def test_a_failure_after_the_case_was_written_leaves_nothing_half_imported(legal_office, monkeypatch):
    from plugins.legalisation import claims
    from plugins.legalisation.mos_package import PackageError

    def broken(case: Any) -> str:
        assert Case.objects.filter(pk=case.pk).exists() and Attachment.objects.filter(case=case).count() == 3
        raise PackageError("malformed", "simulated failure at the last step")

    monkeypatch.setattr(claims, "issue_claim_code", broken)
    result = deliver(legal_office, package()[1])
    assert result.outcome == Outcome.QUARANTINED
    assert counts() == (0, 0, 0, 0)


def test_the_quarantine_screen_shows_the_office_s_refused_packages_with_the_reason_translated(
    client, staff_login, legal_office, other_legal_office, supervisor
):
    deliver(legal_office, build_sample("testowy", kid=KID, key=None)[1])
    deliver(other_legal_office, b"garbage")
    staff_login(client, supervisor)
    page = client.get(reverse("legalisation-staff:quarantine"), HTTP_ACCEPT_LANGUAGE="pl")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Paczka nie jest podpisana" in body and "manifest.sig is missing" in body
    assert "not a zip archive" not in body  # the other office's quarantine
    listing = client.get(reverse("legalisation-staff:list"), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert reverse("legalisation-staff:quarantine") in listing
    dashboard = client.get("/staff/").content.decode()
    assert 'id="mos-quarantine-count"' in dashboard and "Paczki w kwarantannie: 1" in dashboard


def test_officers_see_neither_the_quarantine_nor_its_panel(client, staff_login, legal_office, officer):
    deliver(legal_office, b"garbage")
    staff_login(client, officer)
    assert client.get(reverse("legalisation-staff:quarantine")).status_code == 403
    assert 'id="mos-quarantine-count"' not in client.get("/staff/").content.decode()


# ----------------------------------------------------------------------------- claiming


@pytest.fixture
def imported(legal_office: Any, django_capture_on_commit_callbacks: Any) -> tuple[Any, str]:
    with django_capture_on_commit_callbacks(execute=True):
        result = deliver(legal_office, package()[1])
    case = Case.objects.get(number=result.case_reference)
    sms = OutboundMessage.objects.get(type="legalisation.case_arrived", channel="sms")
    return case, claim_code_from(sms)


CLAIM = "/legalisation/claim/"
WRONG = (
    "The case number and code do not match a case waiting to be added, or the code was already used. "
    "Check both and try again."
)
LIMITED = "Too many wrong attempts. Try again in an hour, or contact the office."


def says(response: Any, english: str) -> bool:
    """The page shows ``english`` in the language it was served in (the account's language)."""
    from django.utils import translation

    html = response.content.decode()
    language = re.search(r'<html lang="([a-z-]+)"', html).group(1)
    with translation.override(language):
        return translation.gettext(english) in html


def post_claim(client: Any, number: str, code: str, language: str = "en") -> Any:
    return client.post(CLAIM, {"case_number": number, "code": code}, HTTP_ACCEPT_LANGUAGE=language)


def test_the_foreigner_claims_the_case_with_number_and_code_and_it_is_bound_to_the_account(
    client, imported, foreigner
):
    case, code = imported
    client.force_login(foreigner)
    assert client.get(CLAIM).status_code == 200
    answer = post_claim(client, case.number.lower(), code.lower().replace("-", " "))
    assert answer.status_code == 302 and answer["Location"] == reverse(
        "legalisation:case", args=[case.number]
    )
    case.refresh_from_db()
    assert case.applicant == foreigner and case.application.applicant == foreigner
    assert ClaimCode.objects.get(case=case).used_by == foreigner
    attempt = ClaimAttempt.objects.get()
    assert attempt.succeeded and attempt.user == foreigner
    assert AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk), action="update"
    ).exists()
    assert audited(ClaimAttempt, [attempt]).exists()
    page = client.get(reverse("legalisation:case", args=[case.number]))
    assert page.status_code == 200
    # Przystań issues no proof of filing for a MOS case: the UPO of MOS is the proof
    assert 'id="filed-in-mos"' in page.content.decode() and 'id="filing-receipt"' not in page.content.decode()
    assert says(
        page,
        "Nothing for now: the office received your application from MOS and will send you a summons to appear in person.",
    )
    assert case.number in client.get(reverse("legalisation:home")).content.decode()


def test_a_used_code_cannot_be_used_again_and_the_answer_reveals_nothing(client, imported, foreigner):
    case, code = imported
    client.force_login(foreigner)
    assert post_claim(client, case.number, code).status_code == 302
    thief = make_user("thief@example.com", kind="foreigner")
    client.force_login(thief)
    reused = post_claim(client, case.number, code)
    assert reused.status_code == 400 and says(reused, WRONG)
    case.refresh_from_db()
    assert case.applicant == foreigner
    # a case number that does not exist gets the very same answer
    unknown = post_claim(client, "TESTOWY-2026-999999", code)
    assert unknown.status_code == 400
    assert _error(unknown) == _error(reused)


def audited(model: Any, records: Any) -> Any:
    return AuditEntry.objects.filter(
        action="create",
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(r.pk) for r in records],
    )


def _error(response: Any) -> str:
    return re.search(r'role="alert">([^<]+)<', response.content.decode()).group(1)


def test_wrong_codes_are_limited_per_account_audited_and_the_message_is_translated(
    client, imported, foreigner
):
    case, code = imported
    client.force_login(foreigner)
    for _ in range(5):
        answer = post_claim(client, case.number, "AAAA-BBBB-CCCC")
        assert answer.status_code == 400 and says(answer, WRONG)
    limited = post_claim(client, case.number, code)  # even the right code, now
    assert limited.status_code == 400 and says(limited, LIMITED)
    in_ukrainian = post_claim(client, case.number, code, language="uk")
    assert "Забагато невдалих спроб" in in_ukrainian.content.decode()
    case.refresh_from_db()
    assert case.applicant is None
    attempts = ClaimAttempt.objects.filter(user=foreigner)
    assert attempts.count() == 7 and not attempts.filter(succeeded=True).exists()
    assert audited(ClaimAttempt, attempts).count() == 7
    # other case numbers are limited for this account too (per account)
    assert says(post_claim(client, "TESTOWY-2026-000777", "x"), LIMITED)


def test_wrong_codes_are_limited_per_case_number_across_accounts(client, imported, foreigner):
    case, code = imported
    for n in range(5):
        client.force_login(make_user(f"guess{n}@example.com", kind="foreigner"))
        assert says(post_claim(client, case.number, f"AAAA-BBBB-CCC{n + 2}"), WRONG)
    client.force_login(foreigner)
    assert says(post_claim(client, case.number, code), LIMITED)
    # an hour later the rightful person gets in
    ClaimAttempt.objects.update(at=ClaimAttempt.objects.first().at - datetime.timedelta(hours=2))
    assert post_claim(client, case.number, code).status_code == 302


def test_only_foreigners_claim_cases(client, imported):
    case, code = imported
    employer = make_user("hr@firma.example.com", kind="employer")
    client.force_login(employer)
    assert post_claim(client, case.number, code).status_code == 403
    assert AuditEntry.objects.filter(action="denied", reason__contains="claim").exists()
    case.refresh_from_db()
    assert case.applicant is None


def test_the_self_registration_of_a_mos_number_is_gone(client, legal_office, foreigner):
    client.force_login(foreigner)
    assert client.get("/legalisation/register-mos/").status_code == 404
    home = client.get(reverse("legalisation:home")).content.decode()
    assert "register-mos" not in home and CLAIM in home


def test_the_officer_s_case_page_of_an_imported_case_shows_it_came_from_mos(
    client, staff_login, imported, supervisor
):
    case, _code = imported
    staff_login(client, supervisor)
    page = client.get(reverse("legalisation-staff:case", args=[case.number]))
    assert page.status_code == 200
    body = page.content.decode()
    assert case.mos_number in body and "paszport.pdf" in body


def test_a_json_upo_and_a_package_without_a_documents_complete_date_are_accepted(legal_office):
    manifest = sample_manifest("testowy", upo={"file": "upo.json"})
    del manifest["documents_complete_at"]
    files = sample_files({**manifest, "upo": {"file": "upo.xml"}})
    del files["upo.xml"]
    files["upo.json"] = json.dumps({"number": "UPO-J-1", "received_at": "2026-05-04T10:12:00+02:00"}).encode()
    result = deliver(legal_office, mos_package.build(manifest, files, kid=KID, key=KEY))
    assert result.outcome == Outcome.IMPORTED, result
    case = Case.objects.get()
    assert case.application.filing_confirmation["number"] == "UPO-J-1"
    assert case.documents_complete_at is None and case.legal_deadline is None  # the clock waits for them


def test_the_status_page_points_a_mos_filer_to_claiming(client, legal_office):
    """Seen in a user test: "track your case" led to number + PIN only, never to the MOS claim code."""
    page = client.get(reverse("legalisation:status")).content.decode()
    assert 'id="claim-hint"' in page and reverse("legalisation:claim") in page
