"""Admin forms for offices and their plugins."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from przystan.pluginsys.manager import get_plugin_system


def plugin_choices() -> list[tuple[str, str]]:
    system = get_plugin_system()
    return [(slug, f"{system.plugins[slug].name} ({slug})") for slug in system.slugs]


class PluginEnablementForm(WagtailAdminModelForm):
    """Choose an installed plugin; the model's ``clean`` validates requires and the JSON config."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "plugin" in self.fields:
            self.fields["plugin"] = forms.ChoiceField(label=_("plugin"), choices=plugin_choices())
        if "config" in self.fields:
            self.fields["config"].help_text = _(
                "JSON object validated against the plugin's configuration schema."
            )


def clause_choices() -> list[tuple[str, str]]:
    clauses = get_plugin_system().registry("privacy_clauses")
    return [(clause.name, f"{clause.title} ({clause.name})") for clause in clauses]


class PrivacyNoticeTextForm(WagtailAdminModelForm):
    """Choose the form whose notice the office words itself; empty texts keep the default."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "clause" in self.fields:
            self.fields["clause"] = forms.ChoiceField(label=_("form"), choices=clause_choices())
