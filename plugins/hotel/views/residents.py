"""Finding a person, referral with a ranked suggestion, admission to beds, the resident's page."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.serce.models import Centre, Person, SchoolEnrolment
from plugins.serce.services.search import search_persons
from przystan import access
from przystan.audit.api import record_read
from przystan.documents.http import pdf_response

from ..access import CENTRE, RESIDENT, can_read_medical, can_work
from ..admission import AdmissionError, admit
from ..cards import issue_card, render_cards, valid_card
from ..documents import admission_pdf
from ..family import family_of, needs_of
from ..forms import AdmitForm, NeedsForm, PersonSearchForm
from ..models import Bed, Placement, Referral, Transfer
from ..places import free_beds
from ..ranking import Needs, rank
from ..register_data import record_reads, register_data
from ..transfers import movers
from .common import centre_for, person_for


@access.guard(RESIDENT, "view")
def search(request: HttpRequest) -> HttpResponse:
    """Find a person by register number, Pobyt v.2 identifier or name in any script (``Олена``,
    ``Szewczenko`` and ``Shevchenko`` find the same person; Polish letters count)."""
    form = PersonSearchForm(request.GET or None)
    results = []
    if form.is_valid():
        persons = access.visible(
            request.user,
            "view",
            RESIDENT,
            Person.objects.filter(office=request.office),
            office=request.office,
        )
        results = search_persons(persons, form.cleaned_data["q"]).persons
    return render(request, "hotel/search.html", {"form": form, "results": results})


@access.guard(RESIDENT, "edit")
def referral(request: HttpRequest, person_id: int) -> HttpResponse:
    person, placement = person_for(request, person_id, "edit")
    family = family_of(person)
    needs = needs_of(person)
    form = NeedsForm(request.POST or None, instance=needs, prefix="needs")
    if not can_read_medical(request.user, person, request.office):
        form.fields.pop("notes")  # health notes: medical staff only
    if request.method == "POST" and "save_needs" in request.POST:
        if form.is_valid():
            form.save()
            messages.success(
                request, _("The needs were saved; the suggestion below takes them into account.")
            )
            return redirect("hotel:referral", person_id=person.pk)
    elif request.method == "POST" and "refer" in request.POST:
        return _refer(request, person, family)
    needs_summary = Needs.of(family)
    members = []
    for member in family:
        data = register_data(member)
        record_reads(data.records, request, "hotel referral")
        members.append({"person": member, "data": data})
    options = rank(Centre.objects.filter(office=request.office, active=True), needs_summary)
    return render(
        request,
        "hotel/referral.html",
        {
            "person": person,
            "placement": placement,
            "family": members,
            "form": form,
            "needs": needs_summary,
            "options": options,
            "best": options[0] if options and options[0].feasible else None,
            "show_medical": can_read_medical(request.user, person, request.office),
        },
    )


def _refer(request: HttpRequest, person: Person, family: list[Person]) -> HttpResponse:
    centre = get_object_or_404(Centre, pk=request.POST.get("refer"), office=request.office, active=True)
    options = rank(Centre.objects.filter(office=request.office, active=True), Needs.of(family))
    chosen = next((o for o in options if o.centre.pk == centre.pk), None)
    best = options[0] if options and options[0].feasible else None
    reason = chosen.reason if chosen else ""
    if best and chosen and best.centre.pk != chosen.centre.pk:
        reason = _("chosen instead of the suggested %(centre)s; %(reason)s") % {
            "centre": best.centre,
            "reason": reason,
        }
    ref = Referral.objects.create(
        person=person,
        family_size=len(family),
        suggested_centre=best.centre if best else None,
        centre=centre,
        reason=reason,
        ranking=[o.as_dict() for o in options],
        created_by=request.user,
    )
    messages.success(
        request, _("%(person)s was referred to %(centre)s.") % {"person": person, "centre": centre}
    )
    if can_work(request.user, centre, request.office):
        return redirect(f"{reverse('hotel:admit', args=[centre.pk])}?{urlencode({'referral': ref.pk})}")
    return redirect("hotel:index")


def _suggest_beds(persons: list[Person], beds: list[Bed]) -> dict[int, int]:
    """Put the family in as few rooms as possible: fill the room with most free beds first."""
    by_room: dict[int, list[Bed]] = {}
    for bed in beds:
        if bed.room.isolation:
            continue
        by_room.setdefault(bed.room_id, []).append(bed)
    rooms = sorted(
        by_room.values(),
        key=lambda group: (-(len(group) >= len(persons)), -group[0].room.family_room, -len(group)),
    )
    ordered = [bed for group in rooms for bed in group]
    women = all(p.sex == Person.Sex.FEMALE for p in persons)
    if not women:
        ordered = [b for b in ordered if not b.room.women_only]
    return {person.pk: bed.pk for person, bed in zip(persons, ordered, strict=False)}


@access.guard(RESIDENT, "edit")
def admit_view(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = centre_for(request, centre_id, "edit")
    referral = transfer = None
    if request.GET.get("referral"):
        referral = get_object_or_404(
            Referral, pk=request.GET["referral"], centre=centre, status=Referral.Status.OPEN
        )
        persons = family_of(referral.person)
    elif request.GET.get("transfer"):
        transfer = get_object_or_404(
            Transfer, pk=request.GET["transfer"], to_centre=centre, status=Transfer.Status.IN_TRANSIT
        )
        persons = list(transfer.persons.all())
    elif request.GET.get("person"):
        persons = family_of(person_for(request, request.GET["person"], "edit")[0])
    else:
        raise Http404
    placed = set(
        Placement.objects.filter(person__in=persons, ended_at__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    persons = [p for p in persons if p.pk not in placed]
    beds = list(free_beds().filter(centre=centre).select_related("room__building"))
    if request.method == "POST":  # a bed taken meanwhile is refused by the admission with a clear message
        beds = list(Bed.objects.filter(centre=centre).select_related("room__building"))
    form = AdmitForm(request.POST or None, persons=persons, beds=beds, suggested=_suggest_beds(persons, beds))
    if request.method == "POST" and form.is_valid():
        try:
            placements = admit(
                centre=centre,
                assignments=form.assignments(),
                user=request.user,
                referral=referral,
                transfer=transfer,
            )
        except AdmissionError as error:
            form.add_error(None, str(error))
            return render(
                request, "hotel/admit.html", {"centre": centre, "form": form, "persons": persons}, status=409
            )
        messages.success(
            request,
            _("Admitted to %(centre)s: %(names)s.")
            % {"centre": centre, "names": ", ".join(str(p.person) for p in placements)},
        )
        return redirect("hotel:resident", person_id=placements[0].person_id)
    return render(
        request,
        "hotel/admit.html",
        {"centre": centre, "form": form, "persons": persons, "referral": referral, "transfer": transfer},
        status=400 if request.method == "POST" else 200,
    )


@access.guard(RESIDENT, "view")
def resident(request: HttpRequest, person_id: int) -> HttpResponse:
    person, placement = person_for(request, person_id)
    needs = needs_of(person)
    show_medical = can_read_medical(request.user, person, request.office)
    if needs.pk and show_medical:
        record_read(needs, request=request, reason="resident page")
    data = register_data(person)
    record_reads(data.records, request, "hotel resident page")
    family = []
    for member in family_of(person):
        member_placement = (
            Placement.objects.select_related("bed__room").filter(person=member, ended_at__isnull=True).first()
        )
        family.append({"person": member, "placement": member_placement, "card": valid_card(member)})
    transfers = Transfer.objects.filter(persons=person).select_related("from_centre", "to_centre")
    register = _register_links(request, person)
    other_centres = Centre.objects.filter(office=request.office, active=True)
    if placement:
        other_centres = other_centres.exclude(pk=placement.centre_id)
    return render(
        request,
        "hotel/resident.html",
        {
            "person": person,
            "placement": placement,
            "needs": needs,
            "data": data,
            "show_medical": show_medical,
            "can_edit": access.allows(request.user, "edit", RESIDENT, person, office=request.office),
            "can_transfer": access.allows(request.user, "edit", "hotel.transfer", office=request.office),
            "family": family,
            "card": valid_card(person),
            "transfers": transfers,
            "languages": sorted({"pl", person.language}, key=lambda code: code != "pl"),
            "register": register,
        },
    )


def _register_links(request: HttpRequest, person: Person) -> dict[str, object]:
    """What of the person's register record (serce) the policy lets the user reach from here: the
    record itself and the education entries (listed, and added by those who may edit them)."""
    office, user = request.office, request.user
    enrolment = SchoolEnrolment(person=person)
    education = access.allows(user, "view", "serce.education", enrolment, office=office)
    return {
        "record": access.allows(user, "view", "serce.person", person, office=office),
        "education": education,
        "add_education": education
        and access.allows(user, "edit", "serce.education", enrolment, office=office),
        "enrolments": list(person.enrolments.all()) if education else [],
    }


def _family_in_centre(person: Person, placement: Placement) -> list[Person]:
    return movers(person, placement.centre)


@access.guard(RESIDENT, "edit")
@require_POST
def issue_cards(request: HttpRequest, person_id: int) -> HttpResponse:
    """Issue cards: for the whole family (those without a valid card) or, with ``reissue``, a new card."""
    person, placement = person_for(request, person_id, "edit")
    if placement is None:
        messages.error(request, _("Cards are issued to residents with a bed only."))
        return redirect("hotel:resident", person_id=person.pk)
    if request.POST.get("reissue"):
        card = issue_card(person, placement.centre, request.user)
        messages.success(
            request,
            _("New card %(number)s issued; the previous card is no longer valid.") % {"number": card.number},
        )
    else:
        issued = [
            issue_card(p, placement.centre, request.user)
            for p in _family_in_centre(person, placement)
            if valid_card(p) is None
        ]
        messages.success(request, _("Cards issued: %(count)d.") % {"count": len(issued)})
    return redirect("hotel:resident", person_id=person.pk)


@access.guard(RESIDENT, "view")
def cards_pdf(request: HttpRequest, person_id: int) -> HttpResponse:
    """The valid cards of the person's family living in the same centre, one card-size page each."""
    person, placement = person_for(request, person_id)
    if placement is None:
        raise Http404
    cards = [c for c in (valid_card(p) for p in _family_in_centre(person, placement)) if c is not None]
    if not cards:
        raise Http404
    for card in cards:
        record_read(card.person, request=request, reason="hotel ID card PDF")
    return pdf_response(render_cards(request.office, cards), f"cards-{person.register_number}.pdf")


@access.guard(RESIDENT, "view")
def admission_document(request: HttpRequest, placement_id: int, language: str) -> HttpResponse:
    placement = get_object_or_404(
        Placement.objects.select_related("person", "bed__room__building", "centre"), pk=placement_id
    )
    access.require(request, "view", CENTRE, placement.centre)
    access.require(request, "view", RESIDENT, placement.person)
    record_read(placement.person, request=request, reason="hotel admission PDF")
    if language not in {"pl", placement.person.language}:
        raise Http404
    data = admission_pdf(request.office, placement, language)
    return pdf_response(data, f"admission-{placement.person.register_number}-{language}.pdf")


@access.guard(RESIDENT, "edit")
@require_POST
def discharge(request: HttpRequest, person_id: int) -> HttpResponse:
    from ..admission import end_placement

    person, placement = person_for(request, person_id, "edit")
    if placement is None:
        raise Http404
    end_placement(placement, user=request.user, reason=Placement.EndReason.LEFT)
    messages.success(request, _("%(person)s left the centre.") % {"person": person})
    return redirect("hotel:board", centre_id=placement.centre_id)
