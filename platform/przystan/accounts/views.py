"""Views of accounts: sign-up and e-mail verification, log-in, password reset, profile, staff MFA."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from przystan import access

from . import antispam, enrolment, mfa, verification
from .forms import (
    EmailAuthenticationForm,
    NotifyingPasswordResetForm,
    ProfileForm,
    ResendVerificationForm,
    SignupForm,
)
from .mail import SIGNUP_EXISTING, send_account_mail
from .models import MfaEnrolment

# ----------------------------------------------------------------------------- sign-up and verification


@sensitive_post_parameters("password1", "password2")
def signup(request: HttpRequest) -> HttpResponse:
    """Sign-up. The answer never tells whether the address already has an account (staff's included):
    a valid form always leads to "check your e-mail"; a new address gets the verification link, an
    address with an account gets "someone tried to sign up with your address" (log in or reset)."""
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    status = 200
    if request.method == "POST":
        if antispam.rate_limited(request, "signup", antispam.signup_rate()):
            form = SignupForm(request.POST)
            form.is_valid()  # keep what was typed, show field errors too (none says "address taken")
            form.add_error(None, _("Too many sign-ups from your network. Please try again later."))
            status = 429
        else:
            form = SignupForm(request.POST)
            if form.is_valid():
                _sign_up(request, form)
                request.session["przystan_signup_email"] = form.cleaned_data["email"]
                return redirect("accounts:signup_done")
            status = 400 if form.refused_as_automated else 200
    else:
        form = SignupForm(
            initial={"preferred_language": translation.get_language() or settings.LANGUAGE_CODE}
        )
    return render(
        request,
        "accounts/signup.html",
        {"form": form},
        status=status,
    )


def _sign_up(request: HttpRequest, form: SignupForm) -> None:
    """Create the account and send the verification link, or tell the existing account's owner.

    Both ways cost about the same (a password hash, one account lookup, one queued e-mail). A parallel
    sign-up with the same new address that wins the unique constraint makes this one an attempt on an
    existing account (no HTTP 500, the same answer).
    """
    existing = form.existing_account()
    if existing is None:
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:
            existing = form.existing_account()
            if existing is None:
                raise
        else:
            verification.send_verification(request, user)
            return
    else:
        make_password(form.cleaned_data["password1"])  # the work a new account's password costs
    send_account_mail(
        SIGNUP_EXISTING,
        existing,
        request=request,
        context={
            "login_url": request.build_absolute_uri(reverse("accounts:login")),
            "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
        },
    )


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/signup_done.html", {"email": request.session.get("przystan_signup_email", "")}
    )


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = verification.user_for_token(token)
    except verification.ExpiredLink:
        return render(
            request,
            "accounts/verify_failed.html",
            {"expired": True, "form": ResendVerificationForm()},
            status=400,
        )
    except verification.InvalidLink:
        return render(
            request,
            "accounts/verify_failed.html",
            {"expired": False, "form": ResendVerificationForm()},
            status=400,
        )
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
    messages.success(request, _("Your e-mail address is verified. You can log in now."))
    return redirect("accounts:login")


def resend_verification(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ResendVerificationForm(request.POST)
        if antispam.rate_limited(request, "resend-verification", antispam.signup_rate()):
            form.is_valid()
            form.add_error(None, _("Too many requests from your network. Please try again later."))
            return render(request, "accounts/resend_verification.html", {"form": form}, status=429)
        if form.is_valid():
            user = form.unverified_user()
            if user is not None:
                verification.send_verification(request, user)
            # the same answer whether or not the address has an account (no account probing)
            messages.success(
                request,
                _("If an unverified account uses this address, we have sent a new verification link to it."),
            )
            return redirect("accounts:login")
    else:
        form = ResendVerificationForm(initial={"email": request.GET.get("email", "")})
    return render(request, "accounts/resend_verification.html", {"form": form})


# ----------------------------------------------------------------------------- log-in and password reset


class LoginView(auth_views.LoginView):
    """Log in. A signed-in user sent back here by a page their role may not open (``?next=``) gets a
    clear 403 page instead of being redirected to that page again (which sent them here: a loop).
    Besides django-axes (per username and IP), failed log-ins are counted per client IP across all
    usernames (password spraying): past ``login_failure_rate()`` the IP gets 429."""

    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        target = self.get_redirect_url() if request.user.is_authenticated and request.method == "GET" else ""
        if target and _admin_refuses(request, target):
            return render(request, "accounts/not_allowed.html", {"target": target}, status=403)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if antispam.too_many_failures(request, "login", antispam.login_failure_rate()):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                _(
                    "Too many failed log-in attempts from your network. "
                    "Wait 15 minutes and try again, or reset your password."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        if form.non_field_errors().as_data() and any(
            error.code == "invalid_login" for error in form.non_field_errors().as_data()
        ):
            antispam.record_failure(self.request, "login", antispam.login_failure_rate())
        return super().form_invalid(form)


def _admin_refuses(request: HttpRequest, target: str) -> bool:
    """Whether ``target`` is in the Wagtail admin, which sends signed-in users without admin access to the
    log-in page (``web.admin`` in the policy: the roles whose group holds Wagtail's access permission)."""
    try:
        admin_home = reverse("wagtailadmin_home")
    except NoReverseMatch:  # the public profile serves no admin
        return False
    office = getattr(request, "office", None)
    return target.startswith(admin_home) and not access.allows(
        request.user, "view", "web.admin", office=office
    )


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = NotifyingPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a password from the e-mailed link also proves the address (new staff accounts' first step)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        if not user.email_verified:
            user.email_verified = True
            user.save(update_fields=["email_verified"])
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# ----------------------------------------------------------------------------- profile


@access.guard("accounts.profile", "edit")
def profile(request: HttpRequest) -> HttpResponse:
    access.require(request, "edit", "accounts.profile", request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            user = form.save()
            translation.activate(user.preferred_language)
            messages.success(request, _("Your profile has been saved."))
            response = redirect("accounts:profile")
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.preferred_language,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
            return response
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/profile.html", {"form": form})


# ----------------------------------------------------------------------------- staff MFA


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return (
        reverse(settings.LOGIN_REDIRECT_URL)
        if ":" in settings.LOGIN_REDIRECT_URL
        else settings.LOGIN_REDIRECT_URL
    )


@login_required
def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Set up a TOTP device. Only with a one-time enrolment permission (``enrolment``): a link sent to
    the account's e-mail or a code from the office administrator; the password alone is not enough."""
    user = request.user
    next_url = _next_url(request)
    if mfa.has_confirmed_device(user):
        if user.is_verified():
            return redirect(next_url)
        return redirect(f"{reverse('accounts:mfa_verify')}?{urlencode({'next': next_url})}")
    if not enrolment.allowed(request, user):
        return _enrolment_needed(request, next_url)
    device = mfa.pending_totp_device(user)
    error = ""
    if request.method == "POST":
        result = mfa.verify(user, request.POST.get("code", ""), devices=[device])
        if result.device is not None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            enrolment.finish(request)
            codes = mfa.create_backup_codes(user)
            return render(request, "accounts/mfa_backup_codes.html", {"codes": codes, "next": next_url})
        error = (
            _("Too many wrong codes. Wait a moment and try again.")
            if result.throttled
            else _("The code is not correct. Check the time on your phone and enter the current code.")
        )
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "qr_code": mfa.qr_data_uri(device.config_url),
            "secret": mfa.text_secret(device),
            "error": error,
            "next": next_url,
        },
        status=400 if error else 200,
    )


def _enrolment_needed(request: HttpRequest, next_url: str) -> HttpResponse:
    """ "Check your e-mail for the enrolment link" (sent on the first visit), or enter an admin's code."""
    user = request.user
    error = ""
    status = 200
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == "code":
        if antispam.key_rate_limited("mfa-enrolment-code", str(user.pk), "10/h"):
            error = _("Too many attempts. Please try again later.")
            status = 429
        elif enrolment.redeem(user, request.POST.get("enrolment_code", ""), MfaEnrolment.Kind.ADMIN_CODE):
            enrolment.allow_in_session(request, user)
            return redirect(f"{reverse('accounts:mfa_setup')}?{urlencode({'next': next_url})}")
        else:
            error = _("This enrolment code is not valid. Codes work once and expire; ask your administrator.")
            status = 400
    elif action == "resend" or not enrolment.has_active_link(user):
        if not antispam.key_rate_limited("mfa-enrolment-link", str(user.pk), "3/h"):
            enrolment.send_link(request, user)
    return render(
        request,
        "accounts/mfa_enrolment_needed.html",
        {"email": user.email, "error": error, "next": next_url},
        status=status,
    )


@login_required
def mfa_enrol(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed enrolment link: valid once, for the logged-in owner of the account only."""
    user = request.user
    if mfa.has_confirmed_device(user):
        return redirect("accounts:mfa_verify")
    if not enrolment.redeem(user, token, MfaEnrolment.Kind.EMAIL_LINK):
        return render(
            request,
            "accounts/mfa_enrolment_needed.html",
            {
                "email": user.email,
                "error": _("This link is not valid any more. We can send you a new one."),
                "next": _next_url(request),
            },
            status=400,
        )
    enrolment.allow_in_session(request, user)
    return redirect("accounts:mfa_setup")


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not mfa.has_confirmed_device(user):
        return redirect(f"{reverse('accounts:mfa_setup')}?{urlencode({'next': next_url})}")
    error = ""
    if request.method == "POST":
        result = mfa.verify(user, request.POST.get("code", ""))
        if result.device is not None:
            otp_login(request, result.device)
            return redirect(next_url)
        error = (
            _("Too many wrong codes. Wait a moment and try again.")
            if result.throttled
            else _("The code is not correct. Enter the current code from your app or an unused backup code.")
        )
    return render(
        request, "accounts/mfa_verify.html", {"error": error, "next": next_url}, status=400 if error else 200
    )


# ----------------------------------------------------------------------------- enrolment codes (office admins)


@login_required
def mfa_enrolment_codes(request: HttpRequest) -> HttpResponse:
    """Office administrators give a one-time enrolment code to a colleague of their office who has no
    authenticator yet (e.g. cannot receive e-mail). The code is shown once; only its hash is kept."""
    user = request.user
    if not user.is_verified():  # the accounts pages are exempt from the MFA middleware: ask here
        return redirect(f"{reverse('accounts:mfa_verify')}?{urlencode({'next': request.path})}")
    # who may issue codes is the URL's policy entry (accounts.staff: manage); no second check here
    colleagues = [
        person
        for person in get_user_model()
        .objects.filter(home_office=user.home_office, is_active=True)
        .exclude(pk=user.pk)
        .order_by("email")
        if user.home_office_id is not None and person.is_office_staff and not mfa.has_confirmed_device(person)
    ]
    issued = None
    if request.method == "POST":
        from przystan.audit.api import record_event

        chosen = next((p for p in colleagues if str(p.pk) == request.POST.get("user", "")), None)
        if chosen is None:
            raise Http404
        issued = (chosen, enrolment.issue_admin_code(chosen, created_by=user))
        record_event(
            "create",
            MfaEnrolment.objects.filter(user=chosen).latest("created_at"),
            user=user,
            reason="MFA enrolment code issued",
            request=request,
        )
    return render(
        request,
        "accounts/mfa_enrolment_codes.html",
        {"colleagues": colleagues, "issued": issued, "valid_hours": max(1, enrolment.max_age() // 3600)},
    )
