"""The centres a member of staff works in, chosen in the office administrator's onboarding screen.

Implements the ``staff_scope_fields`` hook: the office's own centres only (a centre of another office
is not a choice, so a tampered POST is refused by the form), required for the roles whose register
grants are in the ``centre`` scope (:mod:`plugins.serce.policy`). Saving grants or revokes the
per-object ``serce.work_in_centre`` on the office's centres, audited on each centre that changed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from przystan.access import Scope
from przystan.pluginsys.contributions import StaffScopeField

FIELD = "serce_centres"


def centre_roles() -> tuple[str, ...]:
    """Roles that see the register only in their centres (the policy's ``centre`` scope)."""
    from .policy import grants

    return tuple(sorted({grant.role for grant in grants() if grant.scope is Scope.CENTRE}))


def _office_centres(office: Any) -> Any:
    from .models import Centre

    return Centre.objects.filter(office=office).order_by("name")


def fields(office: Any) -> list[StaffScopeField]:
    if office is None:
        return []

    def initial(user: Any) -> list[Any]:
        from .access import work_centres

        return list(work_centres(user).filter(office=office))

    def save(user: Any, chosen: Any) -> None:
        from przystan.audit.api import AuditAction, record_event

        from .access import assign_to_centre, remove_from_centre, work_centres
        from .models import Centre

        wanted = {centre.pk for centre in chosen or ()}
        held = set(work_centres(user).filter(office=office).values_list("pk", flat=True))
        for centre in Centre.objects.filter(office=office, pk__in=wanted ^ held):
            if centre.pk in wanted:
                assign_to_centre(user, centre)
            else:
                remove_from_centre(user, centre)
            record_event(
                AuditAction.UPDATE,
                centre,
                changes={"work_in_centre": {"added" if centre.pk in wanted else "removed": user.email}},
                reason=f"staff onboarding: {user.email}",
            )

    return [
        StaffScopeField(
            FIELD,
            field=forms.ModelMultipleChoiceField(
                queryset=_office_centres(office),
                label=_("Reception centres the person works in"),
                help_text=_(
                    "Reception centre staff, social workers and medical staff see only the residents "
                    "of these centres."
                ),
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _("Choose centres of this office only."),
                    "invalid_pk_value": _("Choose centres of this office only."),
                },
            ),
            roles=centre_roles(),
            save=save,
            initial=initial,
        )
    ]
