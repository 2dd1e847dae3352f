"""Forms of the booking screens; every message is translated and what was typed is kept on errors."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from przystan.accounts.antispam import filled_too_fast, issue_form_token

from .errors import BookingError
from .identity import Applicant, resolve_applicant
from .models import DocumentKind, OutOfQueueKind


class AntiBotMixin(forms.Form):
    """A honeypot field and a signed issue time (a form sent back within seconds is refused)."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", issue_form_token())

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("website") or filled_too_fast(data.get("form_token", "")):
            raise forms.ValidationError(
                _(
                    "The form was sent too quickly or automatically. Please check your data and send it again."
                ),
                code="bot",
            )
        return data


class IdentityForm(AntiBotMixin):
    """Who the visit is for. The document number is hashed at once and checked again at check-in."""

    full_name = forms.CharField(label=_("Full name (as in the document)"), max_length=150)
    document_kind = forms.ChoiceField(label=_("Identity document"), choices=DocumentKind.choices)
    document_number = forms.CharField(
        label=_("Document number"),
        max_length=20,
        help_text=_("You will show this document at the office; the booking cannot be transferred."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    case_reference = forms.CharField(label=_("Case number"), max_length=40, required=False)
    case_code = forms.CharField(
        label=_("Case code"),
        max_length=20,
        required=False,
        help_text=_("The code from your case receipt or your case page."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Mobile phone (for SMS reminders)"), max_length=20, required=False)
    language = forms.ChoiceField(label=_("Language of messages"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, office: Any, service_type: Any, case_fields: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        self.service_type = service_type
        self.applicant: Applicant | None = None
        if not self.is_bound:
            self.initial.setdefault("language", (get_language() or "pl")[:2])
        if not case_fields:
            del self.fields["case_reference"]
            del self.fields["case_code"]
        elif service_type is not None and service_type.requires_live_case:
            self.fields["case_reference"].required = True
            self.fields["case_code"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        if not data.get("email") and not data.get("phone"):
            raise forms.ValidationError(
                _("Give an e-mail address or a mobile phone number for the confirmation.")
            )
        try:
            self.applicant = resolve_applicant(
                self.office,
                service_type=self.service_type,
                full_name=data["full_name"],
                document_kind=data["document_kind"],
                document_number=data["document_number"],
                case_reference=data.get("case_reference", ""),
                case_code=data.get("case_code", ""),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                language=data["language"],
            )
        except BookingError as exc:
            field = "document_number" if exc.code == "invalid_identity" else None
            if field is None and "case_reference" in self.fields:
                field = "case_reference"
            self.add_error(field, str(exc.message))
        return data


class BookingForm(IdentityForm):
    slot = forms.IntegerField(
        label=_("Time of the visit"),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose the time of the visit."),
            "invalid": _("Choose the time of the visit."),
        },
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)
    nearest = forms.BooleanField(
        label=_("If this time is taken meanwhile, book the nearest free time on the same day"),
        required=False,
        initial=True,
    )
    field_order = ["slot", "full_name", "document_kind", "document_number", "case_reference", "case_code"]

    def __init__(self, *args: Any, slots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.slots = slots  # rendered as radio buttons grouped by day; a gone slot is refused by the engine
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


def slot_label(slot: Any) -> str:
    local = timezone.localtime(slot.starts_at)
    return f"{local:%d.%m.%Y %H:%M} · {slot.service_point}"


class SlotChoiceForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("New time of the visit"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args: Any, slots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [(slot.pk, slot_label(slot)) for slot in slots]


class CheckInForm(forms.Form):
    document_kind = forms.ChoiceField(label=_("Identity document"), choices=DocumentKind.choices)
    document_number = forms.CharField(label=_("Document number shown"), max_length=20)


def placement_choices(slots: list[Any]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Free slots as select-list groups "service · day", each option "time · service point · free"."""
    from django.utils.formats import date_format

    groups: dict[tuple[Any, Any], list[tuple[int, str]]] = {}
    labels: dict[tuple[Any, Any], str] = {}
    for slot in slots:
        local = timezone.localtime(slot.starts_at)
        key = (slot.service_type_id, local.date())
        labels[key] = f"{slot.service_type} · {date_format(local.date(), 'l, d.m.Y')}"
        free = _("%(count)d free") % {"count": slot.free}
        groups.setdefault(key, []).append((slot.pk, f"{local:%H:%M} · {slot.service_point} · {free}"))
    return [(labels[key], options) for key, options in groups.items()]


class OutOfQueueForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OutOfQueueKind.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    booking_reference = forms.CharField(label=_("Booking number (priority)"), max_length=12, required=False)
    slot = forms.TypedChoiceField(
        label=_("Service, day and time (placement)"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Only times with a free place are listed, grouped by service and day."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    document_kind = forms.ChoiceField(
        label=_("Identity document"), choices=DocumentKind.choices, required=False
    )
    document_number = forms.CharField(label=_("Document number"), max_length=20, required=False)

    def __init__(self, *args: Any, slots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.slots_by_pk = {slot.pk: slot for slot in slots}
        self.fields["slot"].choices = [("", _("— choose a free time —")), *placement_choices(slots)]

    @property
    def chosen_slot(self) -> Any:
        """The slot picked from the list (a slot of the office with a free place), or None."""
        return self.slots_by_pk.get(self.cleaned_data.get("slot"))
