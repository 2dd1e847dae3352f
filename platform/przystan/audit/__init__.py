"""Audit service: who changed, read or was refused what, and when — append-only, on SQLite and PostgreSQL.

Public API: :mod:`przystan.audit.api` (``register``/``@audited``, ``acting_as``, ``record_read``,
``record_denied``, ``record_event``, ``AuditedManager``); view mixins in :mod:`przystan.audit.mixins`;
``{% load audit_tags %}{% audit_trail obj %}`` for record pages; history page at
``/staff/audit/<app_label>.<model>/<pk>/``; read-only "Audit log" in the Wagtail admin.
"""
