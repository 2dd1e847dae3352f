"""Staff URLs of the hotel base, mounted at /staff/hotel/ (internal profile only)."""

from django.urls import path

from .views import centres, residents, scan, staffing, stats, transfers

urlpatterns = [
    path("", centres.index, name="index"),
    path("centres/<int:centre_id>/", centres.board, name="board"),
    path("centres/<int:centre_id>/history/", centres.history, name="history"),
    path("centres/<int:centre_id>/staff/", staffing.centre_staff, name="centre-staff"),
    path("centres/<int:centre_id>/rooms/", centres.add_room, name="add-room"),
    path("centres/<int:centre_id>/<str:kind>/<int:pk>/block/", centres.toggle_block, name="block"),
    path("centres/<int:centre_id>/admit/", residents.admit_view, name="admit"),
    path("centres/<int:centre_id>/scan/", scan.scan_desk, name="scan"),
    path("persons/", residents.search, name="search"),
    path("persons/<int:person_id>/referral/", residents.referral, name="referral"),
    path("persons/<int:person_id>/", residents.resident, name="resident"),
    path("persons/<int:person_id>/cards/", residents.issue_cards, name="issue-cards"),
    path("persons/<int:person_id>/cards.pdf", residents.cards_pdf, name="cards-pdf"),
    path("persons/<int:person_id>/leave/", residents.discharge, name="discharge"),
    path("persons/<int:person_id>/transfer/", transfers.transfer_new, name="transfer-new"),
    path(
        "placements/<int:placement_id>/admission-<str:language>.pdf",
        residents.admission_document,
        name="admission-pdf",
    ),
    path("transfers/", transfers.transfer_list, name="transfers"),
    path("transfers/<int:pk>/", transfers.transfer_detail, name="transfer"),
    path("transfers/<int:pk>/report.pdf", transfers.transfer_pdf, name="transfer-pdf"),
    path("transfers/<int:pk>/<str:step>/", transfers.transfer_step, name="transfer-step"),
    path("statistics/", stats.stats_view, name="stats"),
    path("statistics.csv", stats.stats_csv, name="stats-csv"),
]
