"""Per-office enablement: unknown plugins, invalid config and unmet requirements fail naming the plugin."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from przystan.offices.enablement import (
    enabled_plugins,
    is_enabled,
    set_enabled,
    validate_stored_enablements,
)
from przystan.offices.models import PluginEnablement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are translated; these tests read the English source texts."""
    with translation.override("en"):
        yield


def test_unknown_plugin_is_rejected_on_save(office):
    with pytest.raises(ValidationError) as exc:
        set_enabled(office, "teleport")
    assert "Unknown plugin 'teleport'" in str(exc.value)


def test_invalid_config_names_plugin_and_path(office):
    with pytest.raises(ValidationError) as exc:
        set_enabled(office, "queue_booking", config={"horizon_days": 500})
    message = str(exc.value)
    assert "setting “horizon_days”: must be at most 180 (it is 500)" in message
    assert not PluginEnablement.objects.filter(office=office).exists()


def test_unexpected_config_key_is_rejected(office):
    with pytest.raises(ValidationError, match="Opłata skarbowa.*sandboxx"):  # the module by its name
        set_enabled(office, "payments", config={"sandboxx": True})


def test_requires_is_enforced_on_enabling(office):
    with pytest.raises(ValidationError) as exc:
        set_enabled(office, "hotel")
    assert "Plugin 'hotel' requires 'serce'" in str(exc.value)
    set_enabled(office, "serce")
    set_enabled(office, "hotel", config={"absence_after_days": 3})
    assert is_enabled(office, "hotel")


def test_required_plugin_cannot_be_disabled_while_dependents_are_enabled(office):
    set_enabled(office, "serce")
    set_enabled(office, "hotel")
    with pytest.raises(ValidationError, match="'serce' cannot be disabled while 'hotel'"):
        set_enabled(office, "serce", enabled=False)
    set_enabled(office, "hotel", enabled=False)
    set_enabled(office, "serce", enabled=False)
    assert enabled_plugins(office) == frozenset()


def test_enablement_is_per_office(office, other_office):
    set_enabled(office, "payments", config={"sandbox": True})
    assert is_enabled(office, "payments")
    assert not is_enabled(other_office, "payments")
    assert not is_enabled(None, "payments")
    assert is_enabled(None, "core.web")


def test_stored_rows_that_became_invalid_are_reported_and_ignored(office):
    set_enabled(office, "payments")
    PluginEnablement.objects.filter(office=office).update(plugin="uninstalled_plugin")
    problems = validate_stored_enablements()
    assert any("Unknown plugin 'uninstalled_plugin'" in problem for problem in problems)
    office.refresh_from_db()
    assert enabled_plugins(office) == frozenset()


def test_admin_form_offers_installed_plugins_and_shows_config_errors(
    client, office, user_factory, staff_login
):
    admin = user_factory(
        email="root@example.com",
        kind="staff",
        roles=("office_admin",),
        office=office,
        preferred_language="en",
    )
    staff_login(client, admin)
    response = client.post(
        "/admin/office_plugins/new/",
        {
            "office": office.pk,
            "plugin": "queue_booking",
            "enabled": "on",
            "config": '{"horizon_days": "soon"}',
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "setting “horizon_days”: must be a whole number" in body
    assert "soon" in body  # what was typed is kept
    assert not PluginEnablement.objects.exists()
    response = client.post(
        "/admin/office_plugins/new/",
        {
            "office": office.pk,
            "plugin": "queue_booking",
            "enabled": "on",
            "config": '{"horizon_days": 60}',
        },
    )
    assert response.status_code == 302
    assert PluginEnablement.objects.get().config == {"horizon_days": 60}
