"""Reads of sensitive records through the API leave an audit entry, as the same reads through pages do.

Six reads: a case, the list of cases, the messages of a case, one message, an attachment download
(the cases API of a foreigner) and a register person (the register API of an officer).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from przystan.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def reads_of(record: Any, actor: Any) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            action="read",
            actor=actor,
            content_type=ContentType.objects.get_for_model(record),
            object_id=str(record.pk),
        )
        .order_by("pk")
        .values_list("reason", flat=True)
    )


@pytest.fixture
def message(case: Any, applicant: Any) -> Any:
    from plugins.legalisation.services import post_message

    return post_message(case, applicant, "prywatne", from_office=False)


def test_case_reads_through_the_api_are_audited(client, case, applicant, message):
    from plugins.legalisation.models import Attachment
    from plugins.legalisation.tests.conftest import submitted_case

    attachment = (
        Attachment.objects.filter(case=case).first()
        or Attachment.objects.filter(application__case=case).first()
    )
    assert attachment is not None
    other = submitted_case(case.office, applicant)[0]
    client.force_login(applicant)

    detail = client.get(f"/api/legalisation/cases/{case.number}/")
    assert detail.status_code == 200
    assert reads_of(case, applicant) == ["api"]

    listed = client.get("/api/legalisation/cases/")
    assert listed.status_code == 200 and {row["number"] for row in listed.json()} == {
        case.number,
        other.number,
    }
    assert reads_of(case, applicant) == ["api", "api"] and reads_of(other, applicant) == ["api"]

    messages = client.get(f"/api/legalisation/cases/{case.number}/messages/")
    assert messages.status_code == 200 and messages.json()[0]["id"] == str(message.public_id)
    assert reads_of(message, applicant) == ["api messages"]

    one = client.get(f"/api/legalisation/cases/{case.number}/messages/{message.public_id}/")
    assert one.status_code == 200 and one.json()["body"] == "prywatne"
    assert reads_of(message, applicant) == ["api messages", "api message"]

    download = client.get(f"/api/legalisation/cases/{case.number}/attachments/{attachment.public_id}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == attachment.file.open("rb").read()
    assert reads_of(attachment, applicant) == ["api attachment download"]


def test_someone_elses_message_and_attachment_are_404_and_not_a_read(client, case, message):
    from plugins.legalisation.models import Attachment
    from przystan.testing.factories import make_user

    attachment = (
        Attachment.objects.filter(application__case=case).first()
        or Attachment.objects.filter(case=case).first()
    )
    stranger = make_user("ivan@example.com", kind="foreigner")
    client.force_login(stranger)
    assert (
        client.get(f"/api/legalisation/cases/{case.number}/messages/{message.public_id}/").status_code == 404
    )
    assert (
        client.get(f"/api/legalisation/cases/{case.number}/attachments/{attachment.public_id}/").status_code
        == 404
    )
    assert reads_of(message, stranger) == [] and reads_of(attachment, stranger) == []


def test_register_person_reads_through_the_api_are_audited(client, resident, supervisor, staff_login):
    staff_login(client, supervisor)
    detail = client.get(f"/api/serce/persons/{resident.pk}/")
    assert detail.status_code == 200 and detail.json()["last_name"] == resident.last_name
    assert reads_of(resident, supervisor) == ["api"]

    assert client.get("/api/serce/persons/").status_code == 200
    found = client.get("/api/serce/persons/", {"q": resident.last_name})
    assert [row["id"] for row in found.json()["results"]] == [resident.pk]
    assert reads_of(resident, supervisor) == ["api", "api", "api search"]


def test_the_officer_case_api_audits_its_reads_too(client, case, supervisor, staff_login):
    staff_login(client, supervisor)
    assert client.get(f"/api/legalisation/officer/cases/{case.number}/").status_code == 200
    assert client.get("/api/legalisation/officer/cases/").status_code == 200
    assert reads_of(case, supervisor) == ["api", "api"]
