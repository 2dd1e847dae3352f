"""Forms of the foreigner and employer portal: sign-up, log-in, verification, password reset, profile."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import antispam
from .mail import PASSWORD_RESET, send_account_mail
from .models import AccountKind
from .validators import normalize_nip, normalize_phone, validate_nip, validate_phone

User = get_user_model()

SIGNUP_KINDS = [
    (AccountKind.FOREIGNER.value, _("Foreigner or attorney")),
    (AccountKind.EMPLOYER.value, _("Employer")),
]
HONEYPOT_FIELD = "website"


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=language_choices,
        help_text=_("We write to you in this language."),
    )
    kind = forms.ChoiceField(
        label=_("I am"),
        choices=SIGNUP_KINDS,
        initial=AccountKind.FOREIGNER.value,
        widget=forms.RadioSelect,
    )
    organisation_name = forms.CharField(
        label=_("Organisation name (employers)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_tax_id = forms.CharField(
        label=_("NIP (employers)"),
        max_length=20,
        required=False,
        help_text=_("Polish tax identification number, 10 digits."),
    )
    # No consent box: the account rests on the office's public task (GDPR art. 6(1)(e)), which the
    # privacy notice next to the form explains (przystan.accounts.privacy); a consent asked by a public
    # authority is not freely given (recital 43) and nothing here needs terms to be accepted.
    # anti-automation: a field people do not see, and the signed time the form was served
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    error_messages = {
        "password_mismatch": _("The two passwords do not match."),
        "bot": _("We could not accept the form. Please wait a few seconds and send it again."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", antispam.issue_form_token())
        self.refused_as_automated = False

    def clean_email(self) -> str:
        # Whether the address has an account is deliberately not checked here: the answer must be the
        # same either way (see views.signup and existing_account()).
        return self.cleaned_data["email"].strip().lower()

    def existing_account(self) -> Any:
        """The account already using the address (as e-mail or username), staff included, or None."""
        email = self.cleaned_data["email"]
        return (
            User.objects.filter(email__iexact=email).first()
            or User.objects.filter(username__iexact=email).first()
        )

    def clean_organisation_tax_id(self) -> str:
        value = self.cleaned_data.get("organisation_tax_id", "")
        if value:
            validate_nip(value)
            return normalize_nip(value)
        return ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.data.get(HONEYPOT_FIELD) or antispam.filled_too_fast(self.data.get("form_token", "")):
            self.refused_as_automated = True
            raise ValidationError(self.error_messages["bot"], code="bot")
        if cleaned.get("kind") == AccountKind.EMPLOYER:
            if not cleaned.get("organisation_name"):
                self.add_error("organisation_name", _("Employers must give the organisation name."))
            if not cleaned.get("organisation_tax_id") and "organisation_tax_id" not in self.errors:
                self.add_error("organisation_tax_id", _("Employers must give the NIP."))
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2",
                ValidationError(self.error_messages["password_mismatch"], code="password_mismatch"),
            )
        elif password1:
            candidate = User(email=cleaned.get("email", ""), username=cleaned.get("email", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned

    def save(self) -> Any:
        data = self.cleaned_data
        employer = data["kind"] == AccountKind.EMPLOYER
        user = User(
            username=data["email"],
            email=data["email"],
            kind=data["kind"],
            preferred_language=data["preferred_language"],
            email_verified=False,
            organisation_name=data["organisation_name"] if employer else "",
            organisation_tax_id=data["organisation_tax_id"] if employer else "",
        )
        user.set_password(data["password1"])
        user.save()
        return user


def username_for_login(identifier: str) -> str:
    """Users log in with their e-mail; staff may also type their username."""
    identifier = identifier.strip()
    match = User.objects.filter(email__iexact=identifier).values_list("username", flat=True).first()
    return match or identifier


class EmailAuthenticationForm(AuthenticationForm):
    """Log in by e-mail; refuses accounts whose e-mail address is not verified yet."""

    error_messages = {
        "invalid_login": _("Enter a correct e-mail address and password. The password is case-sensitive."),
        "inactive": _("This account is inactive."),
        "unverified": _(
            "Your e-mail address is not verified yet. Open the link we sent you, or ask for a new one."
        ),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("E-mail address")
        field.max_length = 254
        # Django's username field has no length validator: without one a long "username" reached
        # authenticate() and django-axes' 255-character column (HTTP 500 on PostgreSQL)
        field.validators.append(MaxLengthValidator(254))
        field.widget.attrs.update({"autocomplete": "username", "inputmode": "email", "autofocus": True})
        self.unverified_email = ""

    def clean(self) -> dict[str, Any]:
        if self.cleaned_data.get("username"):
            self.cleaned_data["username"] = username_for_login(self.cleaned_data["username"])
        return super().clean()

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.email_verified and not user.is_office_staff:
            self.unverified_email = user.email
            raise ValidationError(self.error_messages["unverified"], code="unverified")


class ResendVerificationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def unverified_user(self) -> Any:
        return User.objects.filter(
            email__iexact=self.cleaned_data["email"], email_verified=False, is_active=True
        ).first()


class NotifyingPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the e-mail goes through the notifications service in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Send the link unless this address already had ``password_reset_rate()`` e-mails this window.

        Silent either way: the page after it says the same whether a mail went out, was held back by
        the limit, or the address has no account.
        """
        if antispam.key_rate_limited(
            "password-reset", self.cleaned_data["email"], antispam.password_reset_rate()
        ):
            return None
        return super().save(*args, **kwargs)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        user = context["user"]
        path = reverse(
            "accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        reset_url = f"{context['protocol']}://{context['domain']}{path}"
        send_account_mail(PASSWORD_RESET, user, context={"reset_url": reset_url})


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["preferred_language", "phone"]
        help_texts = {
            "phone": _("For SMS reminders; with the country code, e.g. +48 600 700 800."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].label = _("Preferred language")
        self.fields["phone"].label = _("Mobile phone")
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean_phone(self) -> str:
        value = self.cleaned_data.get("phone", "")
        validate_phone(value)
        return normalize_phone(value)
