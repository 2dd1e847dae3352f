"""The access policy engine: grants checked at start, decisions by role, office and scope, querysets."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from przystan import access
from przystan.access.table import PolicyTable, override_policy
from przystan.accounts.models import User
from przystan.accounts.roles import role_slugs
from przystan.audit.models import AuditEntry
from przystan.pluginsys.errors import PluginError

pytestmark = pytest.mark.django_db

# A resource over staff accounts with a narrow scope: "assignee" = the account itself.
PROBE = access.Resource(
    "probe.account",
    label="probe",
    actions=("view", "edit", "approve"),
    model="accounts.User",
    office_field="home_office",
    scopes={access.Scope.ASSIGNEE: access.ScopeRule(narrow=lambda user, qs: qs.filter(pk=user.pk))},
    plugin="probe",
)
PROBE_GRANTS = [
    access.Grant(
        role="officer",
        resource="probe.account",
        actions=("view",),
        scope=access.Scope.ASSIGNEE,
        plugin="probe",
    ),
    access.Grant(
        role="supervisor",
        resource="probe.account",
        actions=("view", "edit"),
        scope=access.Scope.OFFICE,
        plugin="probe",
    ),
]


def _table(grants):
    return PolicyTable([PROBE], grants, role_slugs())


@pytest.mark.parametrize(
    ("grant", "message"),
    [
        (access.Grant(role="nobody", resource="probe.account", actions=("view",)), "unknown role"),
        (access.Grant(role="officer", resource="probe.other", actions=("view",)), "unknown resource"),
        (access.Grant(role="officer", resource="probe.account", actions=("fly",)), "does not have"),
        (
            access.Grant(role="officer", resource="probe.account", actions=("view",), scope="centre"),
            "no rule",
        ),
        (
            access.Grant(
                role="office_admin", resource="probe.account", actions=("view",), scope="installation"
            ),
            "platform",
        ),
    ],
)
def test_an_invalid_grant_is_refused_naming_the_plugin(grant, message):
    grant.plugin = "probe"
    with pytest.raises(PluginError, match=message) as caught:
        _table([grant])
    assert "probe" in str(caught.value)


def test_decisions_follow_role_office_and_scope(office, other_office, user_factory):
    officer = user_factory("o@example.com", kind="staff", roles=("officer",), office=office)
    colleague = user_factory("c@example.com", kind="staff", roles=("officer",), office=office)
    boss = user_factory("b@example.com", kind="staff", roles=("supervisor",), office=office)
    stranger = user_factory("s@example.com", kind="staff", roles=("officer",), office=other_office)
    editor = user_factory("e@example.com", kind="staff", roles=("editor",), office=office)
    with override_policy([PROBE], PROBE_GRANTS):
        # the role at all
        assert access.allows(officer, "view", "probe.account", office=office)
        assert not access.allows(officer, "edit", "probe.account", office=office)
        assert not access.allows(editor, "view", "probe.account", office=office)
        # the narrow scope: an officer sees only the account assigned (itself)
        assert access.allows(officer, "view", "probe.account", officer, office=office)
        denied = access.decide(officer, "view", "probe.account", colleague, office=office)
        assert not denied and denied.status == 403
        # the office scope: everything of the own office, nothing of another
        assert access.allows(boss, "edit", "probe.account", colleague, office=office)
        other = access.decide(boss, "view", "probe.account", stranger, office=office)
        assert not other and other.status == 404
        # a staff member asking in another office's site is refused there
        assert access.decide(stranger, "view", "probe.account", office=office).status == 404
        # querysets: the union of the scopes
        everyone = User.objects.all()
        assert list(access.visible(officer, "view", "probe.account", everyone, office=office)) == [officer]
        assert set(access.visible(boss, "view", "probe.account", everyone, office=office)) == {
            officer,
            colleague,
            boss,
            editor,
        }
        assert not access.visible(editor, "view", "probe.account", everyone, office=office).exists()


def test_require_audits_the_denial_and_hides_other_offices(office, other_office, user_factory):
    boss = user_factory("b@example.com", kind="staff", roles=("supervisor",), office=office)
    officer = user_factory("o@example.com", kind="staff", roles=("officer",), office=office)
    stranger = user_factory("s@example.com", kind="staff", roles=("officer",), office=other_office)
    request = RequestFactory().get("/")
    request.office = office
    with override_policy([PROBE], PROBE_GRANTS):
        request.user = officer
        before = AuditEntry.objects.count()
        with pytest.raises(PermissionDenied):
            access.require(request, "view", "probe.account", boss)
        assert AuditEntry.objects.count() == before + 1
        request.user = boss
        with pytest.raises(Http404):
            access.get_or_404(request, "view", "probe.account", User.objects.all(), pk=stranger.pk)
        assert (
            access.get_or_404(request, "view", "probe.account", User.objects.all(), pk=officer.pk) == officer
        )


def test_roles_are_read_once_and_forgotten_after_a_change(office, user_factory):
    user = user_factory("o@example.com", kind="staff", roles=("officer",), office=office)
    assert access.roles_of(user) == {"officer"}
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="supervisor"))
    assert access.roles_of(user) == {"officer"}  # cached for the request
    access.forget_roles(user)
    assert access.roles_of(user) == {"officer", "supervisor"}


def test_account_kinds_are_roles_and_inactive_users_have_none(office, user_factory):
    person = user_factory("f@example.com", kind="foreigner")
    assert access.roles_of(person) == {"foreigner"}
    person.is_active = False
    access.forget_roles(person)
    assert access.roles_of(person) == frozenset()


def test_roles_command_prints_every_grant_of_the_installation(capsys):
    from przystan.access.report import policy_rows, policy_text

    rows = policy_rows()
    assert ("office_admin", "core.audit", "audit.entry", "view, export", "office") in rows
    assert all(row[4] != "installation" or row[0] == "platform_admin" for row in rows)
    text = policy_text(markdown=True)
    assert text.splitlines()[0] == "| role | plugin | resource | actions | scope |"
    assert len([line for line in text.splitlines() if line.startswith("| ")]) == len(rows) + 1


def test_one_record_and_a_list_are_decided_alike_in_every_office(office, other_office, user_factory):
    """``decide`` on a record and ``visible`` on a list apply the same office rule (one helper)."""
    own_grant = access.Grant(
        role="foreigner", resource="probe.account", actions=("view",), scope=access.Scope.OWN, plugin="probe"
    )
    own_rule = access.ScopeRule(narrow=lambda user, qs: qs.filter(pk=user.pk))
    probe = access.Resource(
        "probe.account",
        label="probe",
        actions=("view", "edit", "approve"),
        model="accounts.User",
        office_field="home_office",
        scopes={**PROBE.scopes, access.Scope.OWN: own_rule},
        plugin="probe",
    )
    people = [
        user_factory("o@example.com", kind="staff", roles=("officer",), office=office),
        user_factory("b@example.com", kind="staff", roles=("supervisor",), office=office),
        user_factory("s@example.com", kind="staff", roles=("supervisor",), office=other_office),
        user_factory("n@example.com", kind="staff", roles=("supervisor",), office=None),
        user_factory("f@example.com", kind="foreigner", office=office),
        # a foreigner's account that was also given a staff role but no office: only its own record
        user_factory("m@example.com", kind="foreigner", roles=("supervisor",), office=None),
    ]
    everyone = User.objects.all()
    checked = 0
    with override_policy([probe], [*PROBE_GRANTS, own_grant]):
        for here in (office, other_office, None):
            for user in people:
                listed = set(access.visible(user, "view", "probe.account", everyone, office=here))
                for record in everyone:
                    one = access.allows(user, "view", "probe.account", record, office=here)
                    assert one == (record in listed), (user.email, record.email, here)
                    checked += 1
    assert checked == 3 * len(people) * everyone.count()
