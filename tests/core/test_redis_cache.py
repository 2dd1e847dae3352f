"""With REDIS_URL the settings give every process one shared cache (rate limits, page cache, purges)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)


def redis_running() -> bool:
    try:
        socket.create_connection(REDIS, timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_running(), reason="no Redis server on 127.0.0.1:6379")
def test_two_processes_share_the_cache_through_redis():
    key = f"przystan-test-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.dev",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "DATABASE_URL": "sqlite:///:memory:",
        "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}",
    }
    program = (
        "import sys, django; django.setup(); from django.core.cache import cache; "
        "from django.core.cache import caches; print(type(caches['default']).__name__); "
        "cache.set(sys.argv[1], 'seen', 30) if sys.argv[2] == 'set' else print(cache.get(sys.argv[1]))"
    )
    run = [sys.executable, "-c", program, key]
    writer = subprocess.run([*run, "set"], env=env, capture_output=True, text=True, check=True)
    reader = subprocess.run([*run, "get"], env=env, capture_output=True, text=True, check=True)
    assert writer.stdout.split()[0] == "RedisCache"
    assert reader.stdout.split() == ["RedisCache", "seen"]
