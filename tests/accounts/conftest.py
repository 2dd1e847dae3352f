from __future__ import annotations

import time

import pytest
from django.core.cache import cache

from przystan.accounts.antispam import issue_form_token
from przystan.testing.factories import PASSWORD


@pytest.fixture(autouse=True)
def clean_cache():
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def signup_data():
    """A complete sign-up form as a person would send it (the form was served a minute ago)."""

    def build(**overrides):
        data = {
            "email": "olena@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "preferred_language": "en",
            "kind": "foreigner",
            "organisation_name": "",
            "organisation_tax_id": "",
            "consent": "on",
            "website": "",
            "form_token": issue_form_token(time.time() - 60),
        }
        data.update(overrides)
        return data

    return build
