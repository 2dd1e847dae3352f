"""The administration panel link shows only to roles that may use the Wagtail admin, and opening the
admin never loops through the login page: every role ends on a 200 or on a clear 403 page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from przystan.accounts.roles import ADMIN_ACCESS, ROLES

pytestmark = pytest.mark.django_db
ADMIN_ROLES = {role.slug for role in ROLES if ADMIN_ACCESS in role.permissions}


def test_the_admin_roles_are_the_ones_wagtail_lets_in(user_factory, office):
    """The policy's web.admin grants and the groups' Wagtail permission agree (one source: roles.py)."""
    from przystan.access.table import policy_table

    granted = {g.role for g in policy_table().grants_for("web.admin")}
    assert granted == ADMIN_ROLES
    codename = ADMIN_ACCESS.split(".")[1]
    user_factory(email="any@testowy.gov.pl", kind="staff", roles=tuple(r.slug for r in ROLES), office=office)
    holders = {g.name for g in Permission.objects.get(codename=codename).group_set.all()}
    assert holders & {role.slug for role in ROLES} == ADMIN_ROLES  # (Wagtail's own groups aside)


@pytest.mark.parametrize("role", [role.slug for role in ROLES])
def test_every_role_lands_without_a_loop(client, user_factory, staff_login, office, role):
    user = user_factory(
        email=f"{role}@testowy.gov.pl",
        kind="staff",
        roles=(role,),
        office=None if role == "platform_admin" else office,
    )
    staff_login(client, user)
    start = client.get("/portal/after-login/", follow=True)
    assert start.status_code == 200
    body = start.content.decode()
    assert ('href="/admin/"' in body) == (role in ADMIN_ROLES), role

    admin = client.get("/admin/", follow=True)  # the test client raises RedirectCycleError on a loop
    assert len(admin.redirect_chain) <= 3, admin.redirect_chain
    if role in ADMIN_ROLES:
        assert admin.status_code == 200
        assert admin.redirect_chain == [] or not admin.redirect_chain[-1][0].startswith("/accounts/login")
    else:
        assert admin.status_code == 403
        assert "Log in as someone else" in admin.content.decode() or "Zaloguj" in admin.content.decode()


def test_a_public_account_gets_a_clear_page_too(client, user_factory):
    foreigner = user_factory(email="olena@example.com", kind="foreigner", preferred_language="en")
    client.force_login(foreigner)
    admin = client.get("/admin/", follow=True)
    assert admin.status_code == 403
    assert "your role does not allow you to open this page" in admin.content.decode()


def test_a_signed_in_user_following_a_login_link_to_a_page_they_may_open_is_sent_there(
    client, user_factory, staff_login, office
):
    officer = user_factory(email="urzednik@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    response = client.get("/accounts/login/?next=/staff/")
    assert response.status_code == 302 and response["Location"] == "/staff/"
