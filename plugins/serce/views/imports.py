"""Upload of a Pobyt v.2 export and the report of what the import did."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from przystan import access as policy

from ..forms import ImportForm
from ..models import ImportRun
from ..services.pobyt_import import COLUMNS, FORMAT_NAME, ImportFormatError, import_rows, parse
from .common import serce_view

IMPORT = "serce.import"


@serce_view(IMPORT, "manage")
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        file_format = "json" if upload.name.lower().endswith(".json") else "csv"
        try:
            rows = parse(upload.read(), file_format)
        except ImportFormatError as exc:
            form.add_error("file", str(exc))
        else:
            run = import_rows(
                request.office, rows, user=request.user, filename=upload.name, file_format=file_format
            )
            return redirect("serce:import-run", pk=run.pk)
    runs = ImportRun.objects.filter(office=request.office)[:20]
    return render(
        request,
        "serce/import.html",
        {"form": form, "runs": runs, "columns": COLUMNS, "format_name": FORMAT_NAME, "nav": "import"},
    )


@serce_view(IMPORT, "view")
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    run = policy.get_or_404(request, "view", IMPORT, ImportRun.objects.all(), pk=pk)
    return render(request, "serce/import_run.html", {"run": run, "nav": "import"})
