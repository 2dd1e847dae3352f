"""The office administrator's staff screens: the office's staff list and the one-screen account form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from przystan import access

from .models import AccountKind
from .onboarding import StaffAccountForm, send_invitation

RESOURCE = "accounts.staff"


def _office(request: HttpRequest) -> object:
    return getattr(request, "office", None)


def _staff() -> object:
    return get_user_model().objects.filter(kind=AccountKind.STAFF)


@access.guard(RESOURCE, "manage")
def staff_list(request: HttpRequest) -> HttpResponse:
    people = access.visible(request.user, "manage", RESOURCE, _staff(), office=_office(request))
    people = list(people.prefetch_related("groups").order_by("last_name", "first_name", "email"))
    for person in people:  # where the newcomer is: the administrator sees who has not finished
        person.sign_in_state = sign_in_state(person)
    return render(request, "accounts/staff_list.html", {"people": people})


def sign_in_state(person: object) -> str:
    """``invited`` (the e-mailed link not used yet), ``no_second_factor`` or ``ready``."""
    from .mfa import has_confirmed_device

    if not person.email_verified or not person.has_usable_password():
        return "invited"
    return "ready" if has_confirmed_device(person) else "no_second_factor"


def _form_page(request: HttpRequest, form: StaffAccountForm, person: object = None) -> HttpResponse:
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/staff_form.html", {"form": form, "person": person}, status=status)


@access.guard(RESOURCE, "manage")
def staff_create(request: HttpRequest) -> HttpResponse:
    kwargs = {"editor": request.user, "office": _office(request)}
    form = StaffAccountForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        send_invitation(request, person)
        messages.success(
            request,
            _("The account of %(name)s is ready; we sent an e-mail to %(email)s to set the password.")
            % {"name": person.get_full_name(), "email": person.email},
        )
        return redirect("staff_accounts:list")
    return _form_page(request, form)


@access.guard(RESOURCE, "manage")
def staff_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_or_404(request, "manage", RESOURCE, _staff(), pk=pk)
    form = StaffAccountForm(
        request.POST or None, instance=person, editor=request.user, office=_office(request)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved. If the roles changed, the person has to log in again."))
        return redirect("staff_accounts:list")
    return _form_page(request, form, person)
