"""The core's case-intake runner: it polls the sources of every office through ``case_sources``, only
where the contributing plugin is enabled, reports a failing source and still runs the others."""

import pytest
from django.core.management import call_command

from przystan.intake.runner import poll_all, sources_for, summary
from przystan.testing.plugins import build_system, entry_point, use_plugin_system

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake_system(office, other_office, enable_plugin):
    from tests.throwaway_plugin.hooks import ThrowawaySource

    ThrowawaySource.WAITING.clear()
    ThrowawaySource.HANDLED.clear()
    ThrowawaySource.BROKEN.clear()
    system = build_system(extra=[entry_point("throwaway", "tests.throwaway_plugin")], only=["serce"])
    with use_plugin_system(system):
        enable_plugin(office, "serce")
        enable_plugin(office, "throwaway", config={"greeting": "dzień dobry"})
        yield ThrowawaySource


def test_only_offices_with_the_plugin_enabled_are_polled(intake_system, office, other_office):
    intake_system.WAITING.update({office.code: [b"p1", b"bad"], other_office.code: [b"p2"]})
    assert [s.name for s in sources_for(office)] == ["throwaway"] and sources_for(other_office) == []
    results = poll_all()
    assert intake_system.HANDLED == [(office.code, "p1", "imported"), (office.code, "bad", "quarantined")]
    assert summary(results) == "imported: 1, duplicate: 0, quarantined: 1, sources failing: 0"
    assert intake_system.WAITING[other_office.code] == [b"p2"]  # the disabled office's stay


def test_a_failing_source_is_reported_by_the_command(
    intake_system, office, enable_plugin, other_office, capsys
):
    enable_plugin(other_office, "serce")
    enable_plugin(other_office, "throwaway", config={"greeting": "hej"})
    intake_system.BROKEN.add(office.code)
    intake_system.WAITING[other_office.code] = [b"p2"]
    call_command("intake_poll")
    captured = capsys.readouterr()
    assert "feed down" in captured.err and "sources failing: 1" in captured.out
    assert intake_system.HANDLED == [(other_office.code, "p2", "imported")]


def test_the_periodic_job_is_registered():
    from przystan.scheduling.runner import registered_jobs

    job = next(j for j in registered_jobs() if j.name == "core.intake-poll")
    assert job.command == "intake_poll" and job.plugin == "core.intake"
