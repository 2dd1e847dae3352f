"""Pobyt v.2 import: create, re-import updates, conflicts and duplicates reported, bad rows, API."""

import json

import pytest
from django.urls import reverse

from plugins.serce.models import Person
from plugins.serce.services.pobyt_import import import_rows, parse

pytestmark = pytest.mark.django_db

CSV = (
    "pobyt_id;last_name;first_name;last_name_native;first_name_native;date_of_birth;sex;nationality;language;"
    "phone;document_kind;document_number;household_ref;household_role;centre_code;stay_from\n"
    "P-100;Shevchenko;Olena;Шевченко;Олена;1990-05-17;K;ua;uk;+48501200300;tztc;TZ100;H1;head;grupa;2026-10-01\n"
    "P-101;Shevchenko;Taras;Шевченко;Тарас;2015-02-01;M;UA;uk;;;;H1;child;grupa;2026-10-01\n"
    "P-102;Umarov;Ruslan;Умаров;Руслан;31-12-1980;M;RU;ru;;;;;;;\n"
)


def test_csv_import_then_reimport_updates_without_duplicates(serce_office, centres):
    run = import_rows(serce_office, parse(CSV.encode(), "csv"), file_format="csv")
    assert (run.created, run.updated, run.unchanged) == (2, 0, 0)
    assert (
        run.errors
        == [{"row": 4, "pobyt_id": "P-102", "error": "date_of_birth must be a date in the form YYYY-MM-DD."}]
        or run.errors[0]["row"] == 4
    )
    olena = Person.objects.get(pobyt_id="P-100")
    assert olena.sex == "F" and olena.nationality == "UA" and olena.household.members.count() == 2
    assert olena.stays.get().centre.code == "grupa"
    again = import_rows(serce_office, parse(CSV.replace("+48501200300", "+48501999888").encode(), "csv"))
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    assert Person.objects.filter(office=serce_office).count() == 2
    olena.refresh_from_db()
    assert olena.phone == "+48501999888"


def test_local_edit_is_kept_and_reported_as_conflict(serce_office, centres):
    import_rows(serce_office, parse(CSV.encode(), "csv"))
    olena = Person.objects.get(pobyt_id="P-100")
    olena.phone = "+48600100100"  # corrected in SERCE by the centre
    olena.save()
    run = import_rows(serce_office, parse(CSV.replace("+48501200300", "+48501999888").encode(), "csv"))
    olena.refresh_from_db()
    assert olena.phone == "+48600100100"
    assert [(c["pobyt_id"], c["field"], c["local"], c["incoming"]) for c in run.conflicts] == [
        ("P-100", "phone", "+48600100100", "+48501999888")
    ]


def test_possible_duplicate_under_another_identifier_is_not_imported(serce_office, centres):
    import_rows(serce_office, parse(CSV.encode(), "csv"))
    twin = CSV.splitlines()[0] + "\n" + CSV.splitlines()[1].replace("P-100", "P-900") + "\n"
    run = import_rows(serce_office, parse(twin.encode(), "csv"))
    assert run.created == 0 and run.conflicts[0]["field"] == "pobyt_id"
    assert not Person.objects.filter(pobyt_id="P-900").exists()


def test_json_api_import_and_search(client, serce_office, centres, staff, staff_login):
    officer = staff("import@example.gov.pl", "office_admin")
    staff_login(client, officer)
    payload = {
        "format": "pobyt-v2-persons",
        "persons": [
            {
                "pobyt_id": "J-1",
                "last_name": "Kravchuk",
                "first_name": "Iryna",
                "last_name_native": "Кравчук",
                "date_of_birth": "1985-03-03",
                "sex": "F",
            }
        ],
    }
    response = client.post("/api/serce/imports/", data=json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["created"] == 1
    # the office administrator imports but reads no personal data; a supervisor finds the person
    assert client.get("/api/serce/persons/", {"q": "Krawczuk"}).status_code == 403
    client.logout()
    staff_login(client, staff("kier@example.gov.pl", "supervisor"))
    found = client.get("/api/serce/persons/", {"q": "Krawczuk"}).json()["results"]
    assert [p["pobyt_id"] for p in found] == ["J-1"]
    client.logout()
    staff_login(client, officer)
    bad = client.post(
        "/api/serce/imports/", data=json.dumps({"persons": []}), content_type="application/json"
    )
    assert bad.status_code == 400
    social = staff("sw2@example.gov.pl", "social_worker")
    client.logout()
    staff_login(client, social)
    assert (
        client.post(
            "/api/serce/imports/", data=json.dumps(payload), content_type="application/json"
        ).status_code
        == 403
    )


def test_upload_page_keeps_bad_file_error_visible(client, serce_office, centres, staff, staff_login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_login(client, staff("imp@example.gov.pl", "office_admin"))
    response = client.post(
        reverse("serce:import"), {"file": SimpleUploadedFile("x.csv", b"name;surname\nA;B\n")}
    )
    assert response.status_code == 200 and "pobyt_id" in response.content.decode()
    response = client.post(reverse("serce:import"), {"file": SimpleUploadedFile("p.csv", CSV.encode())})
    assert response.status_code == 302
    report = client.get(response["Location"]).content.decode()
    assert "P-102" in report
