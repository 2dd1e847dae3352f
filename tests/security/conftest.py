"""Fixtures of the security tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .live import collect_static


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PRZYSTAN_VAR_DIR with collected static files, shared by the servers of the session."""
    path = tmp_path_factory.mktemp("security-var")
    collect_static(path)
    return path
