"""Staff URLs of the register, mounted at /staff/serce/ (internal profile)."""

from django.urls import path

from .views import (
    areas,
    centres,
    documents,
    households,
    imports,
    notices,
    payment_lists,
    persons,
    reports,
    rules,
)

app_name = "serce"

urlpatterns = [
    path("", persons.person_list, name="person-list"),
    path("persons/new/", persons.person_create, name="person-create"),
    path("persons/<int:pk>/", persons.person_detail, name="person-detail"),
    path("persons/<int:pk>/edit/", persons.person_edit, name="person-edit"),
    path("persons/<int:pk>/medical/", areas.medical, name="medical"),
    path("persons/<int:pk>/<slug:area>/<slug:kind>/new/", areas.area_edit, name="area-add"),
    path("persons/<int:pk>/<slug:area>/<slug:kind>/<int:item>/", areas.area_edit, name="area-edit"),
    path("persons/<int:pk>/photo/", documents.person_photo, name="person-photo"),
    path("persons/<int:pk>/card.pdf", documents.person_card, name="person-card"),
    path("persons/<int:pk>/certificate.pdf", documents.residence_certificate, name="person-certificate"),
    path("persons/<int:pk>/decision/<int:benefit>.pdf", documents.benefit_decision, name="benefit-decision"),
    path("persons/<int:pk>/household/new/", households.household_new, name="household-new"),
    path("households/<int:pk>/", households.household_detail, name="household"),
    path("centres/", centres.centre_list, name="centre-list"),
    path("centres/new/", centres.centre_edit, name="centre-create"),
    path("centres/<int:pk>/edit/", centres.centre_edit, name="centre-edit"),
    path("centres/<int:pk>/staff/", centres.centre_staff, name="centre-staff"),
    path("benefit-rules/", rules.rule_list, name="rule-list"),
    path("benefit-rules/new/", rules.rule_edit, name="rule-create"),
    path("benefit-rules/<int:pk>/", rules.rule_edit, name="rule-edit"),
    path("benefit-rules/<int:pk>/confirm/", rules.rule_confirm, name="rule-confirm"),
    path("import/", imports.import_upload, name="import"),
    path("import/<int:pk>/", imports.import_run, name="import-run"),
    path("payments/", payment_lists.list_index, name="payment-lists"),
    path("payments/<int:pk>/", payment_lists.list_detail, name="payment-list"),
    path("payments/<int:pk>/adjust/", payment_lists.list_adjust, name="payment-adjust"),
    path(
        "payments/<int:pk>/adjustments/<int:entry>/approve/",
        payment_lists.adjustment_approve,
        name="adjustment-approve",
    ),
    path("payments/<int:pk>/list.pdf", payment_lists.list_pdf, name="payment-pdf"),
    path("payments/<int:pk>/list.csv", payment_lists.list_csv, name="payment-csv"),
    path("payments/<int:pk>/<slug:action>/", payment_lists.list_action, name="payment-action"),
    path("notices/", notices.notice_compose, name="notices"),
    path("notices/<int:pk>/", notices.notice_batch, name="notice-batch"),
    path("reports/", reports.statistics, name="statistics"),
    path("reports/<slug:name>.csv", reports.statistics_csv, name="statistics-csv"),
]
