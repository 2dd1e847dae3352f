"""Persons in the register, their households (family links) and identity documents."""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from przystan.documents.storage import private_storage

from ..register_numbers import random_number
from ..search_keys import search_key


def photo_path(instance: Person, filename: str) -> str:
    """An unguessable file name: the photo is served only through the access-checked view."""
    suffix = PurePath(filename).suffix.lower()[:5] or ".jpg"
    return f"serce/photos/{secrets.token_hex(16)}{suffix}"


class Household(models.Model):
    """A family living and receiving assistance together (family size drives benefit amounts)."""

    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="serce_households", verbose_name=_("office")
    )
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return self.reference or _("household %(id)s") % {"id": self.pk}


class Person(models.Model):
    """A foreigner in the register (an applicant for international protection or a family member)."""

    class Sex(models.TextChoices):
        FEMALE = "F", _("female")
        MALE = "M", _("male")
        UNKNOWN = "U", _("not stated")

    class Language(models.TextChoices):
        POLISH = "pl", _("Polish")
        ENGLISH = "en", _("English")
        UKRAINIAN = "uk", _("Ukrainian")
        RUSSIAN = "ru", _("Russian")

    class HouseholdRole(models.TextChoices):
        HEAD = "head", _("head of household")
        SPOUSE = "spouse", _("spouse or partner")
        CHILD = "child", _("child")
        PARENT = "parent", _("parent")
        OTHER = "other", _("other relative")

    class Status(models.TextChoices):
        ACTIVE = "active", _("receiving assistance")
        SUSPENDED = "suspended", _("assistance suspended")
        CLOSED = "closed", _("assistance ended")

    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="serce_persons", verbose_name=_("office")
    )
    register_number = models.CharField(
        _("register number"), max_length=16, unique=True, editable=False, help_text=_("Printed as a barcode.")
    )
    pobyt_id = models.CharField(
        _("Pobyt v.2 identifier"),
        max_length=32,
        blank=True,
        help_text=_("Identifier in the national register."),
    )
    first_name = models.CharField(_("first name (Latin)"), max_length=100)
    last_name = models.CharField(_("surname (Latin)"), max_length=100)
    first_name_native = models.CharField(_("first name (original script)"), max_length=100, blank=True)
    last_name_native = models.CharField(_("surname (original script)"), max_length=100, blank=True)
    name_variants = models.TextField(
        _("other spellings"), blank=True, help_text=_("Other transliterations of the name, one per line.")
    )
    search_key = models.TextField(_("search key"), blank=True, editable=False)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=100, blank=True)
    nationality = models.CharField(
        _("nationality"), max_length=3, blank=True, help_text=_("ISO 3166 alpha-2 code; XX = stateless.")
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    language = models.CharField(
        _("language for notices"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ImageField(_("photo"), upload_to=photo_path, storage=private_storage, blank=True)
    household = models.ForeignKey(
        Household,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("household"),
    )
    household_role = models.CharField(
        _("role in household"), max_length=10, choices=HouseholdRole.choices, blank=True
    )
    pobyt_snapshot = models.JSONField(
        _("values of the last Pobyt v.2 import"), default=dict, blank=True, editable=False
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "pobyt_id"], condition=~Q(pobyt_id=""), name="serce_pobyt_id_per_office"
            )
        ]
        indexes = [
            models.Index(fields=["office", "last_name"], name="serce_person_office_last"),
            models.Index(fields=["pobyt_id"], name="serce_person_pobyt"),
        ]
        permissions = [
            ("import_persons", "Can import persons from Pobyt v.2"),
            ("send_notices", "Can send SMS and e-mail notices to persons"),
            ("view_statistics", "Can see register reports and statistics"),
        ]

    def __str__(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"

    def save(self, *args, **kwargs) -> None:
        self.search_key = self.compute_search_key()
        if self.register_number:
            super().save(*args, **kwargs)
            return
        for _attempt in range(5):  # a random collision is rare; the unique index decides
            self.register_number = random_number()
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                if not Person.objects.filter(register_number=self.register_number).exists():
                    raise
        raise IntegrityError("could not allocate a free register number")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def native_name(self) -> str:
        return f"{self.first_name_native} {self.last_name_native}".strip()

    def compute_search_key(self) -> str:
        return search_key(
            self.first_name,
            self.last_name,
            self.first_name_native,
            self.last_name_native,
            *self.name_variants.splitlines(),
        )


class IdentityDocument(models.Model):
    """A document identifying the person (passport, temporary ID certificate TZTC, ...)."""

    class Kind(models.TextChoices):
        PASSPORT = "passport", _("passport")
        TZTC = "tztc", _("temporary foreigner's identity certificate (TZTC)")
        ID_CARD = "id_card", _("national identity card")
        BIRTH_CERTIFICATE = "birth_cert", _("birth certificate")
        OTHER = "other", _("other document")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="documents", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=40)
    issued_by = models.CharField(_("issued by"), max_length=120, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("identity document")
        verbose_name_plural = _("identity documents")
        ordering = ["-valid_until", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"
