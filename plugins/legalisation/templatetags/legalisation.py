"""Template filters naming stages in the active language."""

from django import template

from ..stages import STAGES_BY_CODE

register = template.Library()


@register.filter
def stage_label(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.name) if found else code


@register.filter
def stage_meaning(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.meaning) if found else ""


@register.filter
def stage_action(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.next_action) if found else ""
