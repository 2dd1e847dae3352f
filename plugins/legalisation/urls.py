"""URL patterns: the public portal (``/legalisation/``) and the officer portal (``/staff/cases/``)."""

from django.urls import path

from .views import application_view, apply, mos_guide, portal, routes_admin, staff, statistics, teams

public_patterns = [
    path("", portal.home, name="home"),
    path("apply/", apply.choose_type, name="apply"),
    path("apply/<slug:type_code>/", apply.start, name="start"),
    path("mos/<slug:type_code>/", mos_guide.guide, name="mos-guide"),
    path("mos/<slug:type_code>/checklist/", mos_guide.checklist, name="mos-checklist"),
    path("applications/<uuid:public_id>/step/<int:index>/", apply.step, name="step"),
    path("applications/<uuid:public_id>/validate/", apply.validate, name="validate"),
    path("applications/<uuid:public_id>/attachments/", apply.upload, name="upload"),
    path(
        "applications/<uuid:public_id>/attachments/<uuid:attachment_id>/delete/",
        apply.remove_attachment,
        name="remove-attachment",
    ),
    path("applications/<uuid:public_id>/submit/", apply.submit_view, name="submit"),
    path("applications/<uuid:public_id>/submitted/", apply.submitted, name="submitted"),
    path("applications/<uuid:public_id>/pdf/", apply.application_pdf_view, name="pdf"),
    path("cases/<str:number>/", portal.case_detail, name="case"),
    path("cases/<str:number>/supplements/<uuid:request_id>/", portal.answer_supplement_view, name="answer"),
    path(
        "cases/<str:number>/supplements/<uuid:request_id>/letter.pdf",
        portal.supplement_letter,
        name="supplement-letter",
    ),
    path("cases/<str:number>/annex/", portal.employer_annex, name="annex"),
    path("attachments/<uuid:attachment_id>/", portal.attachment, name="attachment"),
    path("status/", portal.status_check, name="status"),
    path("status/new-pin/", portal.new_pin_request, name="new-pin"),
    path("cases/<str:number>/new-pin/", portal.case_new_pin, name="case-new-pin"),
    path("cases/<str:number>/proof-of-filing.pdf", portal.filing_receipt, name="filing-receipt"),
    path("cases/<str:number>/receipts/<int:receipt_id>/", portal.payment_receipt, name="payment-receipt"),
    path("claim/", portal.claim_view, name="claim"),
]

staff_patterns = [
    path("", staff.case_list, name="list"),
    path("scan/", staff.file_scan, name="scan"),
    path("teams/", teams.team_list, name="teams"),
    path("filing-routes/", routes_admin.route_list, name="filing-routes"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("counter/", application_view.counter, name="counter"),
    path("counter/<str:number>/check/", application_view.counter_check, name="counter-check"),
    path("attachments/<uuid:attachment_id>/preview/", application_view.attachment_preview, name="preview"),
    path("intake/quarantine/", staff.quarantine_list, name="quarantine"),
    path("attachments/<uuid:attachment_id>/", staff.staff_attachment, name="attachment"),
    path("<str:number>/", staff.case_detail, name="case"),
    path("<str:number>/transition/", staff.case_transition, name="transition"),
    path("<str:number>/assign/", staff.case_assign, name="assign"),
    path("<str:number>/team/", teams.case_team, name="team"),
    path("<str:number>/message/", staff.case_message, name="message"),
    path("<str:number>/supplement/", staff.case_supplement, name="supplement"),
    path(
        "<str:number>/supplements/<uuid:request_id>/letter.pdf",
        staff.case_supplement_letter,
        name="supplement-letter",
    ),
    path("<str:number>/inquiry/", staff.case_inquiry, name="inquiry"),
    path("<str:number>/inquiries/<int:inquiry_id>/", staff.inquiry_answer, name="inquiry-answer"),
    path("<str:number>/file/", staff.case_file_move, name="file"),
    path("<str:number>/decision.pdf", staff.case_decision_pdf, name="decision"),
    path("<str:number>/application.pdf", application_view.application_pdf, name="application-pdf"),
    path("<str:number>/proof-of-filing.pdf", staff.case_filing_receipt, name="filing-receipt"),
    path("<str:number>/receipts/<int:receipt_id>/", staff.case_payment_receipt, name="payment-receipt"),
]

# letters and decisions from the office's templates (views/letters.py); the template screens go first,
# before ``<str:number>/`` could take "letter-templates" for a case number
from .views import letters  # noqa: E402

staff_patterns[:0] = [
    path("letter-templates/", letters.template_list, name="letter-templates"),
    path("letter-templates/new/", letters.template_edit, name="letter-template-new"),
    path("letter-templates/<int:pk>/", letters.template_edit, name="letter-template"),
]
staff_patterns += [
    path("<str:number>/letters/new/", letters.letter_issue, name="letter-issue"),
    path("<str:number>/letters/<uuid:letter_id>.pdf", letters.letter_pdf_view, name="letter-pdf"),
]
