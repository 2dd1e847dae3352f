"""A module's configuration errors are translated sentences naming the module and the setting, not
jsonschema's English validator messages."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from przystan.offices.enablement import set_enabled
from przystan.offices.models import PluginEnablement

pytestmark = pytest.mark.django_db

EXPECTED = {
    "pl": ("horizon_days", "najwyżej 180", "500"),
    "en": ("horizon_days", "at most 180", "500"),
    "uk": ("horizon_days", "не більше 180", "500"),
    "ru": ("horizon_days", "не больше 180", "500"),
}


def messages_for(office, config, slug="queue_booking"):
    with pytest.raises(ValidationError) as exc:
        set_enabled(office, slug, config=config)
    assert not PluginEnablement.objects.filter(office=office, plugin=slug).exists()
    return " ".join(exc.value.message_dict["config"])


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_a_limit_is_named_in_the_language_of_the_admin(office, language):
    with translation.override(language):
        message = messages_for(office, {"horizon_days": 500})
    for part in EXPECTED[language]:
        assert part in message, message
    assert "Rezerwacja wizyt" in message  # the module by its name
    assert "greater than the maximum" not in message  # not jsonschema's own text


@pytest.mark.parametrize("language", ["pl", "uk", "ru"])
def test_no_english_validator_text_in_any_message(office, language):
    with translation.override(language):
        wrong_type = messages_for(office, {"horizon_days": "soon"})
        unknown = messages_for(office, {"sandboxx": True}, slug="payments")
        bad_format = messages_for(office, {"ip_rate": "often"})
    for message in (wrong_type, unknown, bad_format):
        for english in ("is not of type", "Additional properties", "does not match", "must be", "setting"):
            assert english not in message, message
    assert "sandboxx" in unknown and "ip_rate" in bad_format and "horizon_days" in wrong_type
