"""URL patterns: public ones under /payments/, staff ones under /staff/payments/."""

from __future__ import annotations

from django.urls import path

from .views import public, staff

public_patterns = [
    path("", public.pay, name="pay"),
    path("checkout/<str:token>/", public.checkout_view, name="checkout"),
    path("checkout/<str:token>/<str:reference>/transfer/", public.transfer, name="transfer"),
    path("checkout/<str:token>/<str:reference>/receipt/", public.receipt, name="receipt"),
    # gateway URLs, dispatched by provider name (payment_providers registry)
    path("<slug:provider>/start/<str:token>/<str:reference>/", public.start, name="start"),
    path("<slug:provider>/return/<str:token>/<str:reference>/", public.payment_return, name="return"),
    path("<slug:provider>/notify/", public.notify, name="notify"),
    path("<slug:provider>/refund-notify/", public.refund_notify, name="refund-notify"),
]

staff_patterns = [
    path("", staff.payment_list, name="list"),
    path("payment/<str:reference>/", staff.payment_detail, name="payment"),
    path("payment/<str:reference>/receipt/", staff.staff_receipt, name="receipt"),
    path("case/<path:case_reference>/", staff.case_payments_view, name="case"),
    path("fees/", staff.fee_list, name="fees"),
    path("fees/new/", staff.fee_edit, name="fee-new"),
    path("fees/<int:pk>/", staff.fee_edit, name="fee-edit"),
    path("statements/", staff.statement_import, name="statements"),
    path("report/", staff.finance_report, name="report"),
]
