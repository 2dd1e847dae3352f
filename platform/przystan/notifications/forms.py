"""Admin forms: the message template editor and the "send a test message" form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .types import type_choices


class MessageTemplateForm(WagtailAdminModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "type" in self.fields:
            current = self.initial.get("type") or getattr(self.instance, "type", "")
            choices = type_choices()
            if current and current not in dict(choices):
                choices.append(
                    (current, current)
                )  # keep an unregistered stored value visible (clean() flags it)
            self.fields["type"] = forms.ChoiceField(
                label=self.fields["type"].label,
                choices=[("", "---------"), *choices],
                help_text=_("Types are registered by the core and by plugins."),
            )


class SendTestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Mobile phone number"), required=False, max_length=20)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Give an e-mail address, a phone number or both."))
        return cleaned
