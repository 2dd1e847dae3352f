"""A task worker killed (SIGKILL) in the middle of sending does not make the message go out twice.

A real ``przystan worker`` process (django-tasks ``db_worker``) sends SMS through the SMSAPI-style
simulator over HTTP; the simulator accepts the third message and holds its answer, the worker is
killed while it waits, the sweep finds the message stuck in "sending", a second worker finishes the
batch. Every message reaches the simulator exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from przystan.notifications.delivery import STUCK_AFTER, sweep
from przystan.notifications.models import OutboundMessage, Status
from przystan.notifications.service import notify
from tests.notifications.sms_simulator import TOKEN, SmsApiSimulator

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="a worker process needs PostgreSQL")
ROOT = Path(__file__).resolve().parents[2]
BATCH = 6


def worker_environment(sim: SmsApiSimulator) -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.test",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform")]),  # the test settings' apps
        "DATABASE_URL": url,
        "SMS_GATEWAY": "http",
        "SMS_GATEWAY_URL": sim.url,
        "SMS_GATEWAY_TOKEN": TOKEN,
        "SMS_SENDER": "UW-TEST",
    }


def start_worker(sim: SmsApiSimulator, log_path: Path) -> subprocess.Popen:
    log = log_path.open("ab")
    return subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "przystan"),
            "worker",
            "--queue-name=notifications",
            "--interval=0.2",
            "--no-startup-delay",
        ],
        cwd=ROOT,
        env=worker_environment(sim),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: killed below by its id
    )


def stop(worker: subprocess.Popen, sig: int) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
    worker.wait(timeout=30)


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_sigkill_mid_send_then_sweep_and_a_new_worker_deliver_each_sms_exactly_once(
    office, settings, tmp_path
):
    with SmsApiSimulator() as sim:
        settings.PRZYSTAN_SMS_GATEWAY = {
            "BACKEND": "http",
            "URL": sim.url,
            "TOKEN": TOKEN,
            "SENDER": "UW-TEST",
            "TIMEOUT": 5.0,
        }
        sim.state.hang_after_accepting = 3
        messages = [
            notify(
                "core.test_message",
                office=office,
                phone=f"60123450{n}",
                language="en",
                context={"office_name": "UW", "sent_by": "T"},
            )[0]
            for n in range(BATCH)
        ]
        first = start_worker(sim, tmp_path / "worker.log")
        try:
            assert sim.state.hanging.wait(timeout=120), (tmp_path / "worker.log").read_text()[-3000:]
            stop(first, signal.SIGKILL)  # no chance to record anything
        finally:
            stop(first, signal.SIGKILL)
        sim.state.hang_after_accepting = None
        sim.state.release.set()

        stuck = OutboundMessage.objects.get(status=Status.SENDING)
        assert stuck.delivery_key  # committed before the provider was called
        assert [a["to"] for a in sim.state.accepted].count(stuck.recipient.removeprefix("+")) == 1
        # time passes: the sweep (every 5 minutes) finds the message stuck
        OutboundMessage.objects.filter(pk=stuck.pk).update(
            sending_started_at=timezone.now() - STUCK_AFTER - timedelta(minutes=1)
        )
        result = sweep()
        assert result.resumed == 1 and result.uncertain == 0

        second = start_worker(sim, tmp_path / "worker.log")
        try:
            wait_for(
                lambda: OutboundMessage.objects.filter(status=Status.SENT).count() == BATCH,
                timeout=120,
                what="the second worker to send the batch",
            )
        finally:
            stop(second, signal.SIGTERM)

    recipients = sorted(a["to"] for a in sim.state.accepted)
    assert recipients == sorted(m.recipient.removeprefix("+") for m in messages)  # each exactly once
    assert len(set(recipients)) == BATCH
    assert sim.state.duplicates_refused == 1  # the re-send of the stuck message, dropped by the gateway
    stuck.refresh_from_db()
    assert stuck.status == Status.SENT and stuck.attempts == 2


@pytest.mark.django_db
def test_a_stuck_email_is_left_uncertain_for_staff_and_never_resent(office):
    from przystan.notifications.delivery import deliver_due

    message = notify(
        "core.test_message",
        office=office,
        email="olena@example.com",
        language="en",
        context={"office_name": "UW", "sent_by": "T"},
    )[0]
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=Status.SENDING,
        attempts=1,
        delivery_key="k1",
        sending_started_at=timezone.now() - STUCK_AFTER - timedelta(minutes=1),
    )
    assert sweep().uncertain == 1
    assert deliver_due() == 0 and mail.outbox == []
    message.refresh_from_db()
    assert message.status == Status.UNCERTAIN and message.can_retry
    assert message.get_status_display() != "uncertain"  # a label staff can read
