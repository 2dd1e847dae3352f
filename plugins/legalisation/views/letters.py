"""Staff screens of letters: the office's letter templates (list, edit = a new version, versions) and,
on a case, issuing a letter from a template (form → HTML preview → issue) and its PDF (audited read)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from przystan import access, dispatch
from przystan.audit.api import record_read
from przystan.documents.http import pdf_response

from ..letters.issuing import DECISION_KINDS, DUE_DATE_KINDS, issue
from ..letters.issuing import render as render_letter
from ..letters.placeholders import PLACEHOLDERS
from ..letters.policy import LETTER_TEMPLATE
from ..letters.seed import ensure_default_templates
from ..models import Letter, LetterTemplate
from ..models.letters import TEMPLATE_FIELDS
from ..models.tracking import Authority
from ..policy import CASE
from ..workflow import TransitionNotAllowed
from .guards import staff_guard
from .staff import _allows, _case_or_404


class LetterTemplateForm(forms.ModelForm):
    language = forms.ChoiceField(label=gettext_lazy("language"), choices=settings.LANGUAGES)

    class Meta:
        model = LetterTemplate
        fields = ["kind", "language", *TEMPLATE_FIELDS, "active"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "legal_basis": forms.Textarea(attrs={"rows": 2}),
            "reasoning": forms.Textarea(attrs={"rows": 4}),
            "appeal_instruction": forms.Textarea(attrs={"rows": 3}),
            "effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, office: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.office = office
        if self.instance.pk:  # the kind and language of an existing template stay (a new version)
            self.fields["kind"].disabled = True
            self.fields["language"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk is None and data.get("kind") and data.get("language"):
            taken = LetterTemplate.objects.filter(
                office=self.instance.office, kind=data["kind"], language=data["language"]
            )
            if taken.exists():
                raise ValidationError(
                    _("The office already has this kind of letter in this language; edit that template.")
                )
        return data


def _placeholder_help() -> list[tuple[str, str]]:
    return [("{" + name + "}", str(label)) for name, label in PLACEHOLDERS.items()]


@staff_guard(LETTER_TEMPLATE, "view")
def template_list(request: HttpRequest) -> HttpResponse:
    can_manage = access.allows(request.user, "manage", LETTER_TEMPLATE, office=request.office)
    if request.method == "POST":
        access.require(request, "manage", LETTER_TEMPLATE)
        created = ensure_default_templates(request.office, saved_by=request.user)
        messages.success(request, _("%(count)s default templates were added.") % {"count": created})
        return redirect("legalisation-staff:letter-templates")
    templates = LetterTemplate.objects.filter(office=request.office).order_by("kind", "language")
    return render(
        request,
        "legalisation/staff/letters/template_list.html",
        {"templates": templates, "can_manage": can_manage},
    )


@staff_guard(LETTER_TEMPLATE, "manage")
def template_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    template = None
    if pk is not None:
        template = access.get_or_404(
            request, "manage", LETTER_TEMPLATE, LetterTemplate.objects.filter(office=request.office), pk=pk
        )
    form = LetterTemplateForm(request.POST or None, instance=template, office=request.office)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save(commit=False)
            saved.save(saved_by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The template has been saved as version %(version)s.") % {"version": saved.version}
            )
            return redirect("legalisation-staff:letter-template", saved.pk)
    return render(
        request,
        "legalisation/staff/letters/template_form.html",
        {
            "form": form,
            "template": template,
            "versions": template.versions.select_related("saved_by")[:50] if template else [],
            "placeholders": _placeholder_help(),
        },
        status=400 if request.method == "POST" else 200,
    )


def _issue_input(request: HttpRequest) -> dict[str, Any]:
    raw = request.POST.get("due_date", "")
    try:
        due = datetime.date.fromisoformat(raw) if raw else None
    except ValueError:
        due = None
    return {
        "details": request.POST.get("details", "").strip()[:4000],
        "due_date": due,
        "authority": request.POST.get("authority", ""),
    }


@staff_guard(CASE, "edit")
def letter_issue(request: HttpRequest, number: str) -> HttpResponse:
    """Choose a template and fill in the details → preview (``action=preview``) → issue (``action=issue``)."""
    case = _case_or_404(request, number, "edit")
    can_approve = _allows(request, "approve", case)
    available = LetterTemplate.objects.filter(office=request.office, active=True).order_by("kind", "language")
    if not can_approve:
        available = available.exclude(kind__in=DECISION_KINDS)
    chosen = None
    errors: dict[str, list[str]] = {}
    preview = None
    values = {
        "details": "",
        "due_date": timezone.localdate() + datetime.timedelta(days=14),
        "authority": "",
    }
    if request.method == "POST":
        values = _issue_input(request)
        chosen = available.filter(pk=request.POST.get("template") or 0).first()
        if chosen is None:
            errors["template"] = [_("Choose a template of this office that is in use.")]
        elif request.POST.get("action") == "issue":
            if chosen.kind in DECISION_KINDS:
                access.require(request, "approve", CASE, case)
            try:
                expected = int(request.POST.get("version", "")) if request.POST.get("version") else None
                letter = issue(case, chosen, request.user, expected_version=expected, **values)
            except ValidationError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {"template": exc.messages}
            except (TransitionNotAllowed, dispatch.DispatchError) as exc:
                errors = {"template": [str(exc)]}
            else:
                if letter.register_number:
                    messages.success(
                        request,
                        _("Decision %(number)s has been issued.") % {"number": letter.register_number},
                    )
                else:
                    messages.success(request, _("The letter has been issued."))
                return redirect("legalisation-staff:case", case.number)
        if chosen is not None and not errors:
            from ..letters.issuing import check_input

            try:
                check_input(case, chosen, due_date=values["due_date"], authority=values["authority"])
            except ValidationError as exc:
                errors = exc.message_dict
            else:
                preview = render_letter(case, chosen, **values)
    return render(
        request,
        "legalisation/staff/letters/issue.html",
        {
            "case": case,
            "templates": available,
            "chosen": chosen,
            "values": values,
            "errors": errors,
            "preview": preview,
            "authorities": Authority.choices,
            "due_kinds": DUE_DATE_KINDS,
            "is_decision": chosen is not None and chosen.kind in DECISION_KINDS,
        },
        status=400 if errors else 200,
    )


@staff_guard(CASE, "read_sensitive")
def letter_pdf_view(request: HttpRequest, number: str, letter_id: Any) -> HttpResponse:
    case = _case_or_404(request, number, "read_sensitive")
    letter = Letter.objects.filter(case=case, public_id=letter_id).first()
    if letter is None or not letter.pdf:
        raise Http404
    record_read(case, request=request, reason=f"letter {letter.public_id}")
    record_read(letter, request=request, reason="letter PDF")
    with letter.pdf.open("rb") as handle:
        data = handle.read()
    name = (letter.register_number or f"{letter.kind}-{case.number}").replace("/", "-")
    return pdf_response(data, f"{name}.pdf")
