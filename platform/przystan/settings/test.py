"""Settings for the test suite: PostgreSQL from DATABASE_URL (CI), fast hashing, in-memory mail."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .portal import *  # noqa: F403  (information portal: page cache, footer link, legal-acts API)

# The suite runs on PostgreSQL (CI: the local server, trust auth). Override with DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test"), conn_max_age=0
    )
}

os.environ.setdefault("PRZYSTAN_TEST", "1")
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "notifications"],
    }
}
AXES_FAILURE_LIMIT = 5
WAGTAILADMIN_BASE_URL = "http://testserver"
PRZYSTAN_EXTRA_PLUGINS: list[str] = []
SILENCED_SYSTEM_CHECKS = ["przystan.W001"]  # the throwaway test plugin app has no entry point
INSTALLED_APPS = [*INSTALLED_APPS, "tests.throwaway_plugin", "tests.cms.cms_fake_plugin"]  # noqa: F405
# the MOS package signing key of the loopback simulator (tests only; production reads the environment)
LEGALISATION_MOS_KEYS = {"mos-test": "test-only-mos-signing-key"}
