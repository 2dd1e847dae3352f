"""Periodic jobs: contributed by hooks, claimed once per interval, failures kept, retried and shown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from przystan.pluginsys.contributions import PeriodicJob
from przystan.pluginsys.manager import get_plugin_system
from przystan.scheduling import runner
from przystan.scheduling.models import JobRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs(monkeypatch):
    """Replace the registered jobs with the given ones (the real commands still run)."""
    chosen: list[PeriodicJob] = []
    monkeypatch.setattr(runner, "registered_jobs", lambda: list(chosen))
    return chosen


def test_core_and_portal_jobs_are_registered_with_their_plugin():
    jobs = {job.name: job for job in get_plugin_system().registry("periodic_jobs")}
    assert jobs["core.notifications-sweep"].command == "notifications_sweep"
    assert jobs["core.notifications-sweep"].plugin == "core.scheduling"
    assert jobs["cms.publish-scheduled"].every_seconds == 60


def test_a_due_job_runs_once_per_interval(jobs):
    jobs.append(PeriodicJob("sweep", command="notifications_sweep", every_seconds=600, plugin="core.x"))
    first = runner.run_due_jobs()
    assert [(r.job, r.ok) for r in first] == [("sweep", True)]
    run = JobRun.objects.get(name="sweep")
    assert run.outcome == JobRun.Outcome.SUCCEEDED and run.finished_at is not None
    assert timedelta(seconds=590) < run.next_due_at - run.started_at <= timedelta(seconds=600)
    assert runner.run_due_jobs() == []  # not due again yet
    JobRun.objects.filter(name="sweep").update(next_due_at=timezone.now() - timedelta(seconds=1))
    assert [r.job for r in runner.run_due_jobs()] == ["sweep"]


def test_only_one_scheduler_claims_a_due_job(jobs):
    job = PeriodicJob("once", command="notifications_sweep", every_seconds=300, plugin="core.x")
    now = timezone.now()
    assert runner._claim(job, now) is True
    assert runner._claim(job, now) is False  # a second scheduler at the same moment gets nothing


def test_a_failing_job_is_recorded_retried_sooner_and_backs_off(jobs):
    jobs.append(PeriodicJob("broken", command="no_such_command", every_seconds=3600, plugin="core.x"))
    [result] = runner.run_due_jobs()
    assert not result.ok and "Unknown command" in result.output
    run = JobRun.objects.get(name="broken")
    assert run.outcome == JobRun.Outcome.FAILED and run.consecutive_failures == 1
    first_wait = run.next_due_at - run.finished_at
    assert timedelta(seconds=55) < first_wait <= timedelta(seconds=60)  # not a whole hour
    JobRun.objects.filter(name="broken").update(next_due_at=timezone.now())
    runner.run_due_jobs()
    run.refresh_from_db()
    assert run.consecutive_failures == 2
    assert timedelta(seconds=115) < run.next_due_at - run.finished_at <= timedelta(seconds=120)


def test_a_plugin_job_runs_only_while_some_office_enables_the_plugin(jobs, office, enable_plugin):
    jobs.append(PeriodicJob("serce-job", command="notifications_sweep", every_seconds=60, plugin="serce"))
    assert runner.run_due_jobs() == []
    assert not JobRun.objects.filter(name="serce-job").exists()
    enable_plugin(office, "serce")
    assert [r.job for r in runner.run_due_jobs()] == ["serce-job"]


def test_command_once_and_list(jobs, capsys):
    jobs.append(PeriodicJob("sweep", command="notifications_sweep", every_seconds=600, plugin="core.x"))
    call_command("run_periodic_jobs", "--once")
    call_command("run_periodic_jobs", "--list")
    out = capsys.readouterr().out
    assert "sweep" in out and "succeeded" in out


def test_dashboard_panel_shows_failures_to_office_admins_only(
    client, office, jobs, user_factory, staff_login
):
    jobs.append(PeriodicJob("broken", command="no_such_command", every_seconds=3600, plugin="core.x"))
    runner.run_due_jobs()
    admin = user_factory("admin@example.gov.pl", kind="staff", roles=("office_admin",), office=office)
    staff_login(client, admin)
    body = client.get("/staff/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert 'data-testid="job-broken"' in body
    assert "nieudane" in body and "1 raz z rzędu" in body and "Unknown command" in body
    client.logout()
    officer = user_factory("officer@example.gov.pl", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    assert 'data-testid="job-broken"' not in client.get("/staff/").content.decode()
