"""Offices (one Wagtail Site each) and per-office plugin enablement."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from przystan.audit.api import audited

from .config_errors import config_errors
from .validators import normalize_iban, validate_languages, validate_polish_iban

#: The supervisory authority's name and seat (default of ``Office.supervisory_authority``; uodo.gov.pl).
PUODO = "Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa"


def default_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class Office(models.Model):
    """A public office using Przystań (a voivodeship office, UdSC). Resolved from the request host."""

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.PROTECT, related_name="office", verbose_name=_("site")
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("official name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80)
    department = models.CharField(_("department"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("city"), max_length=80)
    email = models.EmailField(_("contact e-mail"))
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(_("languages"), default=default_languages, validators=[validate_languages])
    stamp_duty_payee = models.CharField(
        _("stamp duty payee"), max_length=200, help_text=_("The municipality at the seat of the voivode.")
    )
    stamp_duty_iban = models.CharField(
        _("stamp duty account"), max_length=34, validators=[validate_polish_iban]
    )
    fees_payee = models.CharField(_("office fees payee"), max_length=200)
    fees_iban = models.CharField(_("office fees account"), max_length=34, validators=[validate_polish_iban])
    letterhead = models.TextField(
        _("letterhead lines"), blank=True, help_text=_("Printed under the office name on every document.")
    )
    # GDPR art. 37(1)(a), 37(7): a public authority designates a data protection officer and publishes
    # the contact; every privacy notice (art. 13(1)(b)) and the public footer show it.
    dpo_name = models.CharField(_("data protection officer"), max_length=200, blank=True)
    dpo_email = models.EmailField(_("data protection officer's e-mail"), blank=True)
    dpo_phone = models.CharField(_("data protection officer's phone"), max_length=40, blank=True)
    dpo_address = models.CharField(
        _("data protection officer's postal address"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty when letters go to the office's address."),
    )
    supervisory_authority = models.TextField(
        _("data protection supervisory authority"),
        default=PUODO,
        help_text=_(
            "Where people may complain about the processing of their data (GDPR art. 77); "
            "source: uodo.gov.pl, checked December 2026."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("site"),
                FieldPanel("code"),
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("department"),
            ],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("stamp_duty_payee"),
                FieldPanel("stamp_duty_iban"),
                FieldPanel("fees_payee"),
                FieldPanel("fees_iban"),
            ],
            heading=_("Bank accounts"),
        ),
        FieldPanel("letterhead"),
        MultiFieldPanel(
            [
                FieldPanel("dpo_name"),
                FieldRowPanel([FieldPanel("dpo_email"), FieldPanel("dpo_phone")]),
                FieldPanel("dpo_address"),
                FieldPanel("supervisory_authority"),
            ],
            heading=_("Data protection"),
        ),
    ]

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def clean(self) -> None:
        self.stamp_duty_iban = normalize_iban(self.stamp_duty_iban)
        self.fees_iban = normalize_iban(self.fees_iban)

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.department, self.street, f"{self.postal_code} {self.city}") if line]

    @property
    def postal_address(self) -> str:
        return ", ".join(line for line in (self.name, self.street, f"{self.postal_code} {self.city}") if line)

    @property
    def dpo_postal_address(self) -> str:
        """Where to write to the data protection officer (the office's address when none is set)."""
        return self.dpo_address or self.postal_address


@audited()
class PrivacyNoticeText(models.Model):
    """An office's own wording of one part of a form's privacy notice, in one language.

    Empty fields keep the clause's default text (from the plugin that shows the form); the office's
    lawyers or data protection officer adjust purposes, acts, recipients and retention to the office's
    records management (its filing plan, JRWA) without a code change.
    """

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="privacy_texts", verbose_name=_("office")
    )
    clause = models.CharField(_("form"), max_length=80)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    purpose = models.TextField(_("purpose of processing"), blank=True)
    legal_acts = models.TextField(_("legal basis (acts)"), blank=True)
    data = models.TextField(_("personal data processed"), blank=True)
    recipients = models.TextField(_("recipients"), blank=True)
    retention = models.TextField(_("retention period"), blank=True)
    obligation = models.TextField(_("whether giving the data is required"), blank=True)

    TEXT_FIELDS = ("purpose", "legal_acts", "data", "recipients", "retention", "obligation")

    panels = [
        FieldPanel("office"),
        FieldRowPanel([FieldPanel("clause"), FieldPanel("language")]),
        *[FieldPanel(name) for name in TEXT_FIELDS],
    ]

    class Meta:
        verbose_name = _("privacy notice text")
        verbose_name_plural = _("privacy notice texts")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "clause", "language"], name="one_privacy_text_per_form_and_language"
            )
        ]
        ordering = ["office", "clause", "language"]

    def __str__(self) -> str:
        return f"{self.clause} ({self.language})"

    def clean(self) -> None:
        from przystan.pluginsys.manager import get_plugin_system

        known = get_plugin_system().registry("privacy_clauses")
        if self.clause not in known:
            raise ValidationError(
                {
                    "clause": _("Unknown form '%(name)s'. Known: %(known)s.")
                    % {"name": self.clause, "known": ", ".join(c.name for c in known)}
                }
            )


class PluginEnablement(models.Model):
    """Whether a plugin is enabled for an office, with its validated per-office configuration.

    Disabling only flips ``enabled``: the plugin's data stays where it is.
    """

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="plugin_settings", verbose_name=_("office")
    )
    plugin = models.CharField(_("plugin"), max_length=50)
    enabled = models.BooleanField(_("enabled"), default=True)
    config = models.JSONField(_("configuration"), default=dict, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )

    panels = [FieldPanel("office"), FieldPanel("plugin"), FieldPanel("enabled"), FieldPanel("config")]

    class Meta:
        verbose_name = _("plugin of an office")
        verbose_name_plural = _("plugins of offices")
        constraints = [models.UniqueConstraint(fields=["office", "plugin"], name="unique_plugin_per_office")]
        ordering = ["office", "plugin"]

    def __str__(self) -> str:
        state = _("enabled") if self.enabled else _("disabled")
        return f"{self.plugin} @ {self.office_id}: {state}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from przystan.pluginsys.manager import get_plugin_system

        system = get_plugin_system()
        meta = system.plugins.get(self.plugin)
        if meta is None:
            raise ValidationError(
                {
                    "plugin": _("Unknown plugin '%(slug)s'. Installed plugins: %(known)s.")
                    % {"slug": self.plugin, "known": ", ".join(system.slugs)}
                }
            )
        errors = config_errors(meta.slug, meta.config_schema, self.config, plugin_name=str(meta.name))
        if errors:
            raise ValidationError({"config": errors})
        if not self.office_id:
            return
        others = dict(
            PluginEnablement.objects.filter(office_id=self.office_id)
            .exclude(pk=self.pk)
            .values_list("plugin", "enabled")
        )
        if self.enabled:
            missing = [req for req in meta.requires if not others.get(req)]
            if missing:
                raise ValidationError(
                    {
                        "enabled": _(
                            "Plugin '%(plugin)s' requires %(missing)s; enable that first for this office."
                        )
                        % {"plugin": meta.slug, "missing": ", ".join(f"'{m}'" for m in missing)}
                    }
                )
        else:
            blocking = [dep for dep in system.dependents(meta.slug) if others.get(dep)]
            if blocking:
                raise ValidationError(
                    {
                        "enabled": _(
                            "Plugin '%(plugin)s' cannot be disabled while %(dependents)s, which require it, "
                            "are enabled for this office."
                        )
                        % {"plugin": meta.slug, "dependents": ", ".join(f"'{d}'" for d in blocking)}
                    }
                )


class ClosureKind(models.TextChoices):
    """Why an office is closed on a day (decides which clocks the day stops, see :mod:`.closures`)."""

    STATUTORY = "statutory", _("statutory holiday")
    DESIGNATED = "designated", _("day off designated by the Prime Minister")
    OFFICE = "office", _("the office's own closure")


class OfficeClosure(models.Model):
    """A day the whole office is closed, with its name in the four languages and its legal basis.

    Statutory holidays the ``holidays`` package knows need no row (:mod:`przystan.offices.closures`
    adds them); a row of kind ``statutory`` records a holiday a new act added before the package
    knows it. Designated days off (for a holiday falling on a Saturday, e.g. M.P. 2026 poz. 36) and
    the office's own closures close visits and opening hours but do not move procedural deadlines.
    """

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="closures", verbose_name=_("office")
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=ClosureKind.choices, default=ClosureKind.OFFICE)
    name_pl = models.CharField(_("name or reason (Polish)"), max_length=200)
    name_en = models.CharField(_("name or reason (English)"), max_length=200, blank=True)
    name_uk = models.CharField(_("name or reason (Ukrainian)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name or reason (Russian)"), max_length=200, blank=True)
    source = models.CharField(
        _("source or legal basis"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the order designating the day off and where it was published."),
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        verbose_name = _("office closure")
        verbose_name_plural = _("office closures")
        ordering = ["office", "date"]
        constraints = [models.UniqueConstraint(fields=["office", "date"], name="offices_one_closure_per_day")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}: {self.name_pl}"

    def name_in(self, language: str) -> str:
        """The name in ``language`` ("uk", "ru", "en", "pl"; a regional variant such as "en-gb" too),
        falling back to English, then Polish."""
        code = (language or "pl").split("-")[0].split("_")[0].lower()
        return getattr(self, f"name_{code}", "") or self.name_en or self.name_pl
