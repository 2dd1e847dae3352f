"""Fixtures of the audit tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from przystan.audit.api import register, unregister


@pytest.fixture
def sensitive_users() -> Iterator[None]:
    """Treat user accounts as a sensitive register for the duration of a test (reads get recorded)."""
    User = get_user_model()
    previous = unregister(User)
    assert previous is not None
    register(
        User, sensitive=True, exclude=previous.exclude, mask=previous.mask, office_field=previous.office_field
    )
    yield
    register(
        User,
        sensitive=previous.sensitive,
        exclude=previous.exclude,
        mask=previous.mask,
        office_field=previous.office_field,
    )


@pytest.fixture
def auditor(user_factory: Any, office: Any) -> Any:
    """A staff member the access policy lets read the audit log of their office (a supervisor)."""
    user = user_factory(email="auditor@example.gov.pl", kind="staff", office=office, roles=("supervisor",))
    return get_user_model().objects.get(pk=user.pk)  # fresh instance: no cached roles
