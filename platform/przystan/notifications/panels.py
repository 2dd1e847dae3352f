"""An editor panel showing the rendered preview of a message template and its SMS cost."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from .preview import preview_template


class TemplatePreviewPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "notifications/admin/template_preview_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance is not None and self.instance.body)

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["preview"] = preview_template(self.instance)
            return context
