"""The ``przystan`` command: ``plugins`` lists plugins and enablement; ``demo`` works on SQLite and serves."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from przystan.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_plugins_lists_installed_plugins_and_enablement(capsys, office, enable_plugin):
    enable_plugin(office, "serce")
    enable_plugin(office, "hotel")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    for slug in ("serce", "hotel", "legalisation", "payments", "queue_booking"):
        assert slug in out
    assert "requires: serce" in out
    line = next(line for line in out.splitlines() if line.strip().startswith(office.code))
    assert "serce=on" in line and "hotel=on" in line and "payments=off" in line


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_demo_builds_a_sqlite_portal_and_serves_it(tmp_path):
    """Runs the real ``przystan demo`` (as the README says) with a fresh SQLite database in tmp_path."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(PRZYSTAN_VAR_DIR=str(tmp_path), PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "przystan.cli", "demo", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            output.append(line)
            if "Press Ctrl+C" in line:
                break
        banner = "".join(output)
        assert "Przystań demo for Urząd Wojewódzki w Przykładowie (demonstracyjny) is ready" in banner, banner
        assert "urzednik@demo.przystan.pl" in banner and "backup codes:" in banner
        assert (tmp_path / "przystan.sqlite3").exists()  # the one default database of every command
        body = ""
        for _attempt in range(60):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/accounts/login/", timeout=5
                ) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.5)
        assert "csrfmiddlewaretoken" in body
    finally:
        process.terminate()
        process.wait(timeout=20)
