"""``przystan.wsgi`` prepares a worker before its first request."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc
import przystan.wsgi
from django.urls import get_resolver
from django.conf.urls.i18n import is_language_prefix_patterns_used
resolver = get_resolver()
print("urlconf imported:", "url_patterns" in resolver.__dict__)
print("language prefix answered:", is_language_prefix_patterns_used.cache_info().currsize > 0)
print("frozen objects:", gc.get_freeze_count() > 10000)
"""


def test_a_worker_imports_its_urlconf_and_freezes_it_before_the_first_request(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "przystan.settings.production",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}",
        "SECRET_KEY": "startup-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "urlconf imported: True" in result.stdout
    assert "language prefix answered: True" in result.stdout
    assert "frozen objects: True" in result.stdout
