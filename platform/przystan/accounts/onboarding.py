"""Staff onboarding in one screen: the account, its roles and where they work (scope), for one office.

An office administrator creates a staff account of their own office (``home_office``, ``kind=staff``),
picks its roles and, where a role needs it, its scope — the fields plugins offer through the
``staff_scope_fields`` hook (centres, teams). The new person gets an e-mail with a link that verifies
the address and sets the password; at the first log-in they enrol a second factor and can work at once.
Changing someone's roles revokes what they were signed in with (sessions, API tokens).
"""

from __future__ import annotations

import hashlib
from importlib import import_module
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.html import format_html
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from przystan import access
from przystan.access import Scope

from .mail import STAFF_INVITATION, send_account_mail
from .models import AccountKind
from .roles import OFFICE_ROLES, ROLES_BY_SLUG

DATABASE_SESSION_ENGINES = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def scope_fields(office: Any) -> list[Any]:
    """The scope fields plugins enabled for ``office`` offer (``staff_scope_fields`` hook)."""
    from przystan.offices.enablement import hooks_for_office

    return [
        item for found in hooks_for_office(office).staff_scope_fields(office=office) for item in found or ()
    ]


def role_names(user: Any) -> set[str]:
    """The account's roles (its role groups; derived groups such as page permissions are not roles)."""
    return set(user.groups.filter(name__in=ROLES_BY_SLUG).values_list("name", flat=True))


def roles_stamp(user: Any) -> str:
    """A short fingerprint of an account's roles; a form opened before they changed is stale."""
    names = sorted(role_names(user)) if user is not None and user.pk else []
    return hashlib.sha256(",".join(names).encode()).hexdigest()[:16]


def assignable_roles(editor: Any) -> list[str]:
    """Office roles; platform administrators may also make platform administrators."""
    wide = access.widest_scope(editor, "manage", "accounts.staff") is Scope.INSTALLATION
    return [*OFFICE_ROLES, "platform_admin"] if wide else list(OFFICE_ROLES)


class StaffAccountForm(forms.ModelForm):
    """The account, its roles and its scope; the office is the editor's (never a form field)."""

    roles = forms.MultipleChoiceField(label=_("Roles"), widget=forms.CheckboxSelectMultiple, required=True)
    roles_stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = get_user_model()
        fields = ["email", "first_name", "last_name", "preferred_language", "phone", "is_active"]

    def __init__(self, *args: Any, editor: Any, office: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editor, self.office = editor, office
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["roles"].choices = [  # each role with what it does: the admin picks knowingly
            (
                slug,
                format_html(
                    '{}<span class="helptext">{}</span>',
                    ROLES_BY_SLUG[slug].name,
                    ROLES_BY_SLUG[slug].description,
                ),
            )
            for slug in assignable_roles(editor)
        ]
        self.scope_fields = scope_fields(office)
        for item in self.scope_fields:
            item.field.required = False  # required only with a role that needs it (clean below)
            self.fields[item.name] = item.field
        if self.instance.pk:
            self.initial["roles"] = sorted(role_names(self.instance))
            for item in self.scope_fields:
                self.initial[item.name] = item.initial(self.instance)
        self.initial["roles_stamp"] = roles_stamp(self.instance)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        others = get_user_model().objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("roles_stamp") != roles_stamp(self.instance):
            raise forms.ValidationError(
                _(
                    "The roles of this account were changed by someone else after you opened this form. "
                    "Nothing was saved: check the current roles below and save again."
                ),
                code="stale",
            )
        chosen = set(cleaned.get("roles") or ())
        for item in self.scope_fields:
            needing = [ROLES_BY_SLUG[r].name for r in item.roles if r in chosen and r in ROLES_BY_SLUG]
            if needing and not cleaned.get(item.name):
                self.add_error(
                    item.name,
                    _("Tick at least one: the role “%(roles)s” works only with what you tick here.")
                    % {"roles": ", ".join(str(n) for n in needing)},
                )
        return cleaned

    @transaction.atomic
    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        created = user.pk is None
        before = role_names(user) if not created else set()
        user.username = user.email
        user.kind = AccountKind.STAFF
        user.is_staff = True
        user.is_superuser = False
        if created:
            user.home_office = self.office if "platform_admin" not in self.cleaned_data["roles"] else None
            user.email_verified = False
            user.set_unusable_password()
        user.save()
        chosen = set(self.cleaned_data["roles"])
        user.groups.set(Group.objects.filter(name__in=chosen))
        for item in self.scope_fields:
            item.save(user, self.cleaned_data.get(item.name))
        access.forget_roles(user)
        if not created and chosen != before:
            revoke_sign_ins(user)  # in the same transaction: a failed save keeps them signed in
        self.created = created
        return user


def invitation_url(request: Any, user: Any) -> str:
    """The link that verifies the address and sets the first password (Django's reset token)."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def send_invitation(request: Any, user: Any) -> None:
    office = getattr(request, "office", None)
    send_account_mail(
        STAFF_INVITATION,
        user,
        request=request,
        context={"set_password_url": invitation_url(request, user), "office": str(office or "")},
    )


def revoke_sign_ins(user: Any) -> int:
    """End the user's sessions and delete their API tokens (after their roles changed); returns how many."""
    from django.contrib.sessions.models import Session
    from rest_framework.authtoken.models import Token

    ended = 0
    if settings.SESSION_ENGINE in DATABASE_SESSION_ENGINES:
        store = import_module(settings.SESSION_ENGINE).SessionStore
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if session.get_decoded().get(SESSION_KEY) == str(user.pk):
                store(session_key=session.session_key).delete()
                ended += 1
    ended += Token.objects.filter(user=user).delete()[0]
    return ended
