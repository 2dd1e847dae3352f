"""The letters' part of the access policy: who edits the office's letter templates.

Issuing a letter is an action on the case (``legalisation.case`` ``edit``; a decision needs
``approve``); reading an issued letter's PDF is ``read_sensitive`` on its case.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Resource, Scope
from przystan.access import grants as grants_of

LETTER_TEMPLATE = "legalisation.letter_template"


def resources() -> list[Resource]:
    return [
        Resource(
            LETTER_TEMPLATE,
            label=_("Letter templates"),
            actions=(Action.VIEW, Action.MANAGE),
            model="legalisation.LetterTemplate",
            description=_(
                "The office's texts of summons, requests, inquiries and decisions, per language; "
                "every save is a new version."
            ),
        )
    ]


def grants() -> list[Any]:
    return [
        *grants_of("office_admin", Scope.OFFICE, {LETTER_TEMPLATE: (Action.VIEW, Action.MANAGE)}),
        *grants_of("supervisor", Scope.OFFICE, {LETTER_TEMPLATE: (Action.VIEW, Action.MANAGE)}),
        *grants_of("officer", Scope.OFFICE, {LETTER_TEMPLATE: (Action.VIEW,)}),
    ]
