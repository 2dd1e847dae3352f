"""The office's days off, mounted at /staff/closures/ (namespace ``office_closures``, see hooks.py)."""

from __future__ import annotations

from django.urls import path

from . import closure_views

staff_patterns = [
    path("", closure_views.closure_list, name="list"),
    path("<int:pk>/remove/", closure_views.closure_delete, name="delete"),
]
