"""``manage.py check --deploy`` with production settings: clean in CI's configuration, and each new
check fires for the misconfiguration it is about (the real command in a subprocess, like CI runs it)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from przystan.web.deploy_checks import check_proxy_configuration, check_shared_cache_for_processes

from .live import ROOT, database_url

CI_ENV = {
    "SECRET_KEY": "ci-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP",
    "ALLOWED_HOSTS": "przystan.example.gov.pl",
    "DJANGO_SETTINGS_MODULE": "przystan.settings.production",
}
DROPPED = (
    "REDIS_URL",
    "PRZYSTAN_PROCESSES",
    "WEB_CONCURRENCY",
    "PRZYSTAN_TRUSTED_PROXIES",
    "PRZYSTAN_TRUSTED_PROXY_COUNT",
    "LEGALISATION_ATTACHMENT_SCANNER",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' fixture in this process
)


def check_deploy(tmp_path, **env: str) -> tuple[int, str]:
    base = {k: v for k, v in os.environ.items() if k not in DROPPED}
    done = subprocess.run(
        [sys.executable, "platform/manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **base,
            **CI_ENV,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'ci.sqlite3'}",
            "PRZYSTAN_VAR_DIR": str(tmp_path),
            "PYTHONPATH": f"{ROOT / 'platform'}{os.pathsep}{ROOT}",
            **env,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, done.stdout + done.stderr


def test_ci_configuration_is_clean(tmp_path):
    code, output = check_deploy(tmp_path)
    assert code == 0, output
    assert "no issues" in output


@pytest.mark.parametrize(
    ("env", "check_id"),
    [
        ({"PRZYSTAN_PROCESSES": "4"}, "przystan.W021"),
        ({"WEB_CONCURRENCY": "3"}, "przystan.W021"),
        ({"PRZYSTAN_TRUSTED_PROXIES": "10.0.0.0/8,not-a-network"}, "przystan.E022"),
        ({"PRZYSTAN_TRUSTED_PROXIES": "10.0.0.0/24", "PRZYSTAN_TRUSTED_PROXY_COUNT": "2"}, "przystan.W024"),
        ({"PRZYSTAN_TRUSTED_PROXIES": "0.0.0.0/0"}, "przystan.W025"),
        (
            {"LEGALISATION_ATTACHMENT_SCANNER": "plugins.legalisation.attachments.eicar_scanner"},
            "legalisation.W001",
        ),
    ],
)
def test_each_misconfiguration_fails_the_deploy_check(tmp_path, env, check_id):
    code, output = check_deploy(tmp_path, **env)
    assert code != 0 and check_id in output, output


def test_several_processes_with_redis_and_a_declared_proxy_are_clean(tmp_path):
    code, output = check_deploy(
        tmp_path,
        PRZYSTAN_PROCESSES="4",
        REDIS_URL="redis://127.0.0.1:6379/0",
        PRZYSTAN_TRUSTED_PROXIES="10.0.0.0/24",
    )
    assert code == 0, output


@pytest.mark.django_db
def test_superuser_connection_on_postgresql_fails_the_deploy_check(tmp_path):
    """The suite's own database user is the PostgreSQL superuser: exactly what W030 is about."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL roles")
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("the suite's database user is not a superuser here")
    code, output = check_deploy(tmp_path, DATABASE_URL=database_url())
    assert code != 0 and "przystan.W030" in output, output


def test_forwarded_headers_trusted_without_a_declared_proxy_warn(settings):
    settings.PRZYSTAN_TRUSTED_PROXIES, settings.PRZYSTAN_TRUSTED_PROXY_COUNT = [], 0
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert [m.id for m in check_proxy_configuration()] == ["przystan.W023"]
    settings.SECURE_PROXY_SSL_HEADER, settings.USE_X_FORWARDED_HOST = None, True
    assert [m.id for m in check_proxy_configuration()] == ["przystan.W023"]
    settings.PRZYSTAN_TRUSTED_PROXY_COUNT = 1
    assert check_proxy_configuration() == []


def test_production_settings_believe_x_forwarded_proto_only_from_a_declared_proxy(tmp_path):
    program = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    base = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env = {**base, **CI_ENV, "DATABASE_URL": "sqlite:///:memory:", "PRZYSTAN_VAR_DIR": str(tmp_path)}
    env["PYTHONPATH"] = f"{ROOT / 'platform'}{os.pathsep}{ROOT}"
    run = [sys.executable, "-c", f"import django; django.setup(); {program}"]
    without = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout.split()[-1]
    declared = {**env, "PRZYSTAN_TRUSTED_PROXY_COUNT": "1"}
    with_proxy = subprocess.run(run, env=declared, capture_output=True, text=True, check=True).stdout
    assert without == "None"
    assert "HTTP_X_FORWARDED_PROTO" in with_proxy


def test_process_local_cache_with_one_process_is_fine(settings):
    settings.PRZYSTAN_PROCESSES = 1
    assert check_shared_cache_for_processes() == []
    settings.PRZYSTAN_PROCESSES = 2
    assert [m.id for m in check_shared_cache_for_processes()] == ["przystan.W021"]
