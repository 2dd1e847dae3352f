"""Forms of the hotel base (every label translated; bad input re-shown with what was typed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from plugins.serce.models import Centre, Person

from .models import AccommodationNeeds, Bed, MealKind
from .scanning import ACTIONS, CHECK_IN, CHECK_OUT, MEAL


class NeedsForm(forms.ModelForm):
    class Meta:
        model = AccommodationNeeds
        fields = ["accessible_room", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


def bed_label(bed: Bed) -> str:
    room = bed.room
    extras = room.attribute_labels()
    suffix = f" ({', '.join(extras)})" if extras else ""
    return f"{room.building.name} · {_('room')} {room.number} · {_('bed')} {bed.label}{suffix}"


class AdmitForm(forms.Form):
    """One bed choice per person of the family."""

    def __init__(
        self, *args, persons: Sequence[Person], beds: Sequence[Bed], suggested: dict[int, int], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.persons = list(persons)
        self.beds = {b.pk: b for b in beds}
        choices = [("", _("— no bed (not admitted now) —"))] + [(b.pk, bed_label(b)) for b in beds]
        for person in self.persons:
            self.fields[f"bed_{person.pk}"] = forms.TypedChoiceField(
                label=f"{person.last_name.upper()} {person.first_name}",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=suggested.get(person.pk),
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        chosen = [cleaned.get(f"bed_{p.pk}") for p in self.persons]
        picked = [c for c in chosen if c]
        if not picked:
            raise forms.ValidationError(_("Choose a bed for at least one person."))
        if len(set(picked)) != len(picked):
            raise forms.ValidationError(_("Two persons cannot get the same bed."))
        return cleaned

    def assignments(self) -> list[tuple[Person, Bed]]:
        result = []
        for person in self.persons:
            bed_id = self.cleaned_data.get(f"bed_{person.pk}")
            if bed_id:
                result.append((person, self.beds.get(bed_id) or Bed.objects.get(pk=bed_id)))
        return result


class ScanForm(forms.Form):
    code = forms.CharField(
        label=_("Card number (scan the card)"),
        max_length=64,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "off", "inputmode": "text", "class": "scan-input"}
        ),
    )
    action = forms.ChoiceField(
        label=_("What is being recorded"),
        choices=[
            (CHECK_IN, _("Check-in (entering)")),
            (CHECK_OUT, _("Check-out (leaving)")),
            (MEAL, _("Meal")),
        ],
        widget=forms.RadioSelect,
        initial=CHECK_IN,
    )
    meal = forms.ChoiceField(label=_("Meal being served"), choices=MealKind.choices, required=False)

    def clean_action(self) -> str:
        value = self.cleaned_data["action"]
        if value not in ACTIONS:
            raise forms.ValidationError(_("Choose what is being recorded."))
        return value


class TransferForm(forms.Form):
    to_centre = forms.ModelChoiceField(label=_("Receiving centre"), queryset=Centre.objects.none())
    reason = forms.CharField(
        label=_("Reason for the transfer"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args: Any, centres: QuerySet[Centre], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_centre"].queryset = centres


class RoomForm(forms.Form):
    building = forms.CharField(label=_("Building"), max_length=80)
    number = forms.CharField(label=_("Room number"), max_length=20)
    beds = forms.IntegerField(label=_("Number of beds"), min_value=1, max_value=20)
    family_room = forms.BooleanField(label=_("family room"), required=False)
    accessible = forms.BooleanField(label=_("accessible (wheelchair)"), required=False)
    women_only = forms.BooleanField(label=_("women only"), required=False)
    isolation = forms.BooleanField(label=_("isolation room"), required=False)


class BlockForm(forms.Form):
    reason = forms.CharField(label=_("Reason for blocking"), max_length=200, required=False)


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Register number, Pobyt v.2 identifier or surname"), max_length=100)
