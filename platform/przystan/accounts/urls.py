"""URL patterns of accounts, mounted at /accounts/ under the namespace ``accounts`` (see hooks.py)."""

from __future__ import annotations

from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("signup/done/", views.signup_done, name="signup_done"),
    path("verify/<str:token>/", views.verify_email, name="verify_email"),
    path("verify-again/", views.resend_verification, name="resend_verification"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("profile/", views.profile, name="profile"),
    path("mfa/setup/", views.mfa_setup, name="mfa_setup"),
    path("mfa/enrol/<str:token>/", views.mfa_enrol, name="mfa_enrol"),
    path("mfa/enrolment-codes/", views.mfa_enrolment_codes, name="mfa_enrolment_codes"),
    path("mfa/verify/", views.mfa_verify, name="mfa_verify"),
]
