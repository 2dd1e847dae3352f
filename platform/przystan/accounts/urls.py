"""URL patterns of accounts, mounted at /accounts/ under the namespace ``accounts`` (see hooks.py).

Log-in, sign-up, verification, password reset and the MFA steps are public (they are how one gets
in; the MFA pages need a signed-in user themselves); the profile is the user's own record.
"""

from __future__ import annotations

from django.urls import path

from przystan import access

from . import staff_views, views

urlpatterns = [
    path("login/", access.public(views.LoginView.as_view()), name="login"),
    path("logout/", access.public(views.LogoutView.as_view()), name="logout"),
    path("signup/", access.public(views.signup), name="signup"),
    path("signup/done/", access.public(views.signup_done), name="signup_done"),
    path("verify/<str:token>/", access.public(views.verify_email), name="verify_email"),
    path("verify-again/", access.public(views.resend_verification), name="resend_verification"),
    path("password-reset/", access.public(views.PasswordResetView.as_view()), name="password_reset"),
    path(
        "password-reset/sent/",
        access.public(views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        access.public(views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        access.public(views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("profile/", views.profile, name="profile"),
    path("mfa/setup/", access.public(views.mfa_setup), name="mfa_setup"),
    path("mfa/enrol/<str:token>/", access.public(views.mfa_enrol), name="mfa_enrol"),
    path(
        "mfa/enrolment-codes/",
        access.guard("accounts.staff", "manage")(views.mfa_enrolment_codes),
        name="mfa_enrolment_codes",
    ),
    path("mfa/verify/", access.public(views.mfa_verify), name="mfa_verify"),
]

#: The office administrator's staff screens, mounted at /staff/accounts/ (namespace ``staff_accounts``).
staff_patterns = [
    path("", staff_views.staff_list, name="list"),
    path("new/", staff_views.staff_create, name="create"),
    path("<int:pk>/", staff_views.staff_edit, name="edit"),
]
