"""People: staff, foreigners and employers share one user model."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountKind(models.TextChoices):
    STAFF = "staff", _("Office staff")
    FOREIGNER = "foreigner", _("Foreigner or attorney")
    EMPLOYER = "employer", _("Employer")


class User(AbstractUser):
    email = models.EmailField(_("e-mail address"), unique=True)
    kind = models.CharField(
        _("account kind"), max_length=12, choices=AccountKind.choices, default=AccountKind.FOREIGNER
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="pl"
    )
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    email_verified = models.BooleanField(_("e-mail verified"), default=False)
    home_office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        verbose_name=_("office"),
    )
    organisation_name = models.CharField(_("organisation (employers)"), max_length=200, blank=True)
    organisation_tax_id = models.CharField(_("NIP (employers)"), max_length=10, blank=True)
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted at"), null=True, blank=True)

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_office_staff(self) -> bool:
        return self.kind == AccountKind.STAFF or self.is_staff or self.is_superuser


class MfaEnrolment(models.Model):
    """A one-time permission to enrol a second factor: a link e-mailed to the account, or a code
    an office administrator handed over. Only a hash of the secret is kept (``przystan.accounts.enrolment``)."""

    class Kind(models.TextChoices):
        EMAIL_LINK = "link", _("E-mail link")
        ADMIN_CODE = "code", _("Code from an administrator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mfa_enrolments",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    secret_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("MFA enrolment permission")
        verbose_name_plural = _("MFA enrolment permissions")
        permissions = [("issue_mfa_enrolment_code", _("Can issue MFA enrolment codes to colleagues"))]
        indexes = [models.Index(fields=["user", "-created_at"], name="accounts_mfa_enrol_user_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.user} · {self.created_at:%Y-%m-%d %H:%M}"
