"""The periodic jobs panel tells an office administrator what a failure means in their language; the raw
output of the command stays available in a details element."""

from __future__ import annotations

import pytest
from django.core.management.base import CommandError

from przystan.pluginsys.contributions import PeriodicJob
from przystan.scheduling import runner

pytestmark = pytest.mark.django_db

RAW = "1 of 3 legal acts could not be checked (DU/2013/1650: ConnectError: [Errno 111] Connection refused)"


@pytest.fixture
def failed_legal_check(monkeypatch):
    job = PeriodicJob("cms.legal-acts", command="check_legal_acts", every_seconds=86400, plugin="core.x")
    monkeypatch.setattr(runner, "registered_jobs", lambda: [job])

    def fail(*args, **kwargs):
        raise CommandError(RAW)

    monkeypatch.setattr(runner, "call_command", fail)
    runner.run_due_jobs()


@pytest.mark.parametrize(
    ("language", "human", "details"),
    [
        ("pl", "zostanie automatycznie uruchomione ponownie", "Szczegóły techniczne"),
        ("uk", "буде автоматично запущено знову", "Технічні подробиці"),
        ("ru", "будет автоматически запущено снова", "Технические подробности"),
    ],
)
def test_a_failed_legal_acts_check_is_explained_in_words_and_the_raw_text_is_in_details(
    client, office, user_factory, staff_login, failed_legal_check, language, human, details
):
    admin = user_factory("admin@example.gov.pl", kind="staff", roles=("office_admin",), office=office)
    staff_login(client, admin)
    client.cookies["django_language"] = language
    body = client.get("/staff/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    row = body[body.index('data-testid="job-cms.legal-acts"') :]
    row = row[: row.index("</tr>")]
    assert human in row
    outside_details = row[: row.index("<details")] + row[row.index("</details>") :]
    assert "could not be checked" not in outside_details and "CommandError" not in outside_details
    assert f"<summary>{details}</summary>" in row
    assert "could not be checked" in row[row.index("<details") : row.index("</details>")]
