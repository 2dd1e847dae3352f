"""Scheduled publishing keeps the legal-review flag and is seen at once by every process; a legal-acts
check whose lookups fail reports failure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

URL = "/uk/procedury/karta-cukr/"


def _cukr(lang: str = "uk") -> Any:
    from cms_content.models import ProcedurePage

    return ProcedurePage.objects.get(application_type="cukr", locale__language_code=lang)


def _schedule(page: Any, summary: str) -> Any:
    page.summary = summary
    return page.save_revision(approved_go_live_at=timezone.now() + dt.timedelta(hours=1))


def _due(revision: Any) -> None:
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save()


def test_scheduled_publishing_keeps_a_legal_review_flag_raised_after_the_revision(portal: Any) -> None:
    from cms_content.legal_check import flag_citing_pages
    from cms_content.models import LegalAct

    page = _cukr()
    revision = _schedule(page, "Опис, запланований до перевірки акта.")
    act = LegalAct.objects.filter(versions__procedure_pages=page).first()
    assert act is not None
    flag_citing_pages(act, "The act changed on 2026-11-30.")  # the check runs after the draft was made
    _due(revision)
    call_command("publish_scheduled", verbosity=0)
    page = _cukr()
    assert page.summary == "Опис, запланований до перевірки акта."  # published
    assert page.needs_review and page.review_reason == "The act changed on 2026-11-30."
    assert page.review_flagged_at is not None


def test_a_revision_made_after_the_flag_clears_it_on_publish(portal: Any) -> None:
    from cms_content.legal_check import flag_citing_pages
    from cms_content.models import LegalAct

    page = _cukr()
    flag_citing_pages(LegalAct.objects.filter(versions__procedure_pages=page).first(), "Changed act.")
    draft = _cukr().get_latest_revision_as_object()
    assert draft.needs_review  # the editor sees the flag in the editor
    draft.needs_review = False
    draft.review_reason = ""
    draft.save_revision().publish()
    assert not _cukr().needs_review  # reviewed and cleared on purpose


def test_scheduled_publish_in_another_process_is_seen_at_once(
    client: Any, portal: Any, monkeypatch: Any
) -> None:
    """The scheduler is its own process: its memory cache is not the web server's. The page it
    publishes must not be answered from the web server's cached copy."""
    from django.core.cache.backends.locmem import LocMemCache

    import cms_content.cache as page_cache

    assert client.get(URL)["X-Page-Cache"] == "miss"
    revision = _schedule(_cukr(), "Оновлення, опубліковане планувальником.")
    assert client.get(URL)["X-Page-Cache"] == "hit"
    _due(revision)
    web_memory = page_cache.cache
    scheduler_memory = LocMemCache("scheduler-process", {})
    monkeypatch.setattr(page_cache, "cache", scheduler_memory)  # what the scheduler process holds
    call_command("publish_scheduled", verbosity=0)
    monkeypatch.setattr(page_cache, "cache", web_memory)  # back in the web server's process
    response = client.get(URL)
    assert response["X-Page-Cache"] == "miss"
    assert "Оновлення, опубліковане планувальником." in response.content.decode()


# --------------------------------------------------------------------------- legal-acts check


def test_legal_acts_check_fails_when_every_lookup_fails(portal: Any, settings: Any) -> None:
    from cms_content.models import LegalAct
    from przystan.pluginsys.manager import get_plugin_system
    from przystan.scheduling.models import JobRun
    from przystan.scheduling.runner import run_job

    from .legal_acts_api import running_fake_api

    elis = sorted(LegalAct.objects.values_list("eli", flat=True))
    with running_fake_api() as (api, endpoint):
        api.failing.update(elis)
        with pytest.raises(CommandError) as failed:
            call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
        assert f"{len(elis)} of {len(elis)} legal acts could not be checked" in str(failed.value)
        assert all(eli in str(failed.value) for eli in elis)
        settings.PRZYSTAN_LEGAL_ACTS_API = endpoint
        job = get_plugin_system().registry("periodic_jobs").get("cms.check-legal-acts")
        JobRun.objects.get_or_create(name=job.name, defaults={"next_due_at": timezone.now()})
        result = run_job(job)
    run = JobRun.objects.get(name="cms.check-legal-acts")
    assert not result.ok and run.outcome == JobRun.Outcome.FAILED
    assert elis[0] in run.output and "could not be checked" in run.output


def test_legal_acts_check_succeeds_when_every_lookup_answers(portal: Any) -> None:
    from cms_content.models import LegalAct

    from .legal_acts_api import running_fake_api

    with running_fake_api() as (api, endpoint):
        for eli in LegalAct.objects.values_list("eli", flat=True):
            api.acts[eli] = {"inForce": "IN_FORCE", "status": "obowiązujący", "changeDate": "2025-06-01"}
        call_command("check_legal_acts", endpoint=endpoint, verbosity=0)  # no error
