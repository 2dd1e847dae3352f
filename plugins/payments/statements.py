"""Importing a bank statement (CSV or MT940) and settling transfer payments by their title."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .checkout import REFERENCE_RE
from .models import BankStatement, Payment, StatementLine
from .settlement import SETTLEABLE, settle


class StatementError(Exception):
    """The file is not a statement we can read (message for the user)."""


#: What happened to each credit line, in words for the finance officer (the codes are stored).
OUTCOME_LABELS = {
    "settled": gettext_lazy("Payments settled"),
    "unmatched": gettext_lazy("Credits without a payment reference we know"),
    "already_paid": gettext_lazy("Payments that were already paid"),
    "amount_mismatch": gettext_lazy("Amounts that differ from the payment"),
    "already_imported": gettext_lazy("Lines imported before (skipped)"),
}

#: Date formats of Polish banks' CSV exports.
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y")


def parse_date(text: str) -> datetime.date:
    """``YYYY-MM-DD``, ``DD.MM.YYYY`` or ``DD-MM-YYYY`` (ValueError otherwise)."""
    value = (text or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


@dataclass(frozen=True)
class Credit:
    booked_on: datetime.date
    amount_grosze: int
    title: str
    counterparty: str = ""
    bank_reference: str = ""

    @property
    def fingerprint(self) -> str:
        key = "|".join(
            [
                self.booked_on.isoformat(),
                str(self.amount_grosze),
                self.title,
                self.counterparty,
                self.bank_reference,
            ]
        )
        return hashlib.sha256(key.encode()).hexdigest()


def parse_amount(text: str) -> int:
    cleaned = re.sub(r"[\s\u00a0]|zł|PLN", "", text or "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")
    try:
        return int((Decimal(cleaned.replace(",", ".")) * 100).to_integral_value())
    except InvalidOperation as exc:
        raise StatementError(_("Cannot read the amount '%(value)s'.") % {"value": text}) from exc


HEADERS = {
    "date": ("date", "data", "data księgowania", "data operacji"),
    "amount": ("amount", "kwota"),
    "title": ("title", "tytuł", "tytul", "tytuł operacji", "opis"),
    "counterparty": ("counterparty", "kontrahent", "nadawca", "nazwa nadawcy"),
    "reference": ("reference", "id", "nr transakcji"),
}


def parse_csv(text: str) -> list[Credit]:
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise StatementError(_("The file is empty."))
    header = [cell.strip().lower() for cell in rows[0]]
    columns = {}
    for key, names in HEADERS.items():
        for index, cell in enumerate(header):
            if cell in names:
                columns[key] = index
    missing = [key for key in ("date", "amount", "title") if key not in columns]
    if missing:
        raise StatementError(
            _("The CSV file needs the columns date, amount and title (missing: %(columns)s).")
            % {"columns": ", ".join(missing)}
        )
    credits = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            value = row[columns["date"]]
        except IndexError as exc:
            raise StatementError(_("Line %(line)d: the date is missing.") % {"line": number}) from exc
        try:
            day = parse_date(value)
        except ValueError as exc:
            raise StatementError(
                _(
                    "Line %(line)d: cannot read the date “%(value)s” "
                    "(use DD.MM.YYYY, DD-MM-YYYY or YYYY-MM-DD)."
                )
                % {"line": number, "value": value.strip()[:20]}
            ) from exc
        amount = parse_amount(row[columns["amount"]])
        if amount <= 0:
            continue  # debits are not payments to us
        credits.append(
            Credit(
                booked_on=day,
                amount_grosze=amount,
                title=row[columns["title"]].strip(),
                counterparty=row[columns["counterparty"]].strip() if "counterparty" in columns else "",
                bank_reference=row[columns["reference"]].strip() if "reference" in columns else str(number),
            )
        )
    return credits


MT940_61 = re.compile(r"^:61:(\d{6})(\d{4})?(R?[CD])[A-Z]?(\d+,\d{0,2})(\w{4})?([^/\n]*)(?://(\S+))?")


def parse_mt940(text: str) -> list[Credit]:
    credits: list[Credit] = []
    entry: dict[str, Any] | None = None
    lines = text.replace("\r\n", "\n").split("\n")

    def flush() -> None:
        if entry and entry["mark"] == "C":
            raw = entry["details"]
            subfields = re.findall(r"~(\d{2})([^~]*)", raw)
            if subfields:
                title = "".join(value for code, value in subfields if "20" <= code <= "25")
                who = " ".join(value for code, value in subfields if code in ("32", "33"))
            else:
                title, who = raw, ""
            credits.append(Credit(entry["day"], entry["amount"], title.strip(), who.strip(), entry["ref"]))

    in_86 = False
    for line in lines:
        if line.startswith(":61:"):
            flush()
            match = MT940_61.match(line)
            if not match:
                raise StatementError(_("Cannot read the MT940 line '%(line)s'.") % {"line": line[:60]})
            yymmdd = match.group(1)
            day = datetime.date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]))
            entry = {
                "day": day,
                "mark": match.group(3)[-1],
                "amount": parse_amount(match.group(4)),
                "details": "",
                "ref": (match.group(6) or "") + (match.group(7) or "") + line,
            }
            in_86 = False
        elif line.startswith(":86:") and entry is not None:
            entry["details"] = line[4:]
            in_86 = True
        elif line.startswith(":") or line.startswith("-"):
            in_86 = False
        elif in_86 and entry is not None:
            entry["details"] += line
    flush()
    if not credits and ":61:" not in text:
        raise StatementError(_("This is not an MT940 statement."))
    return credits


def parse_statement(data: bytes, filename: str) -> tuple[str, list[Credit]]:
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise StatementError(_("Cannot read the file's characters (use UTF-8 or Windows-1250)."))
    if ":20:" in text and ":61:" in text or filename.lower().endswith((".sta", ".mt940", ".940")):
        return "mt940", parse_mt940(text)
    return "csv", parse_csv(text)


def import_statement(
    office: Any, data: bytes, filename: str, user: Any = None
) -> tuple[BankStatement, Counter]:
    """Record every credit once and settle the transfer payments whose reference is in the title."""
    file_format, credits = parse_statement(data, filename)
    statement = BankStatement.objects.create(
        office=office,
        filename=filename[:200],
        file_format=file_format,
        imported_by=user if getattr(user, "pk", None) else None,
    )
    counts: Counter = Counter()
    for credit in credits:
        counts[_apply(office, statement, credit)] += 1
    return statement, counts


def _apply(office: Any, statement: BankStatement, credit: Credit) -> str:
    try:
        with transaction.atomic():
            line = StatementLine.objects.create(
                statement=statement,
                office=office,
                fingerprint=credit.fingerprint,
                booked_on=credit.booked_on,
                amount_grosze=credit.amount_grosze,
                title=credit.title[:300],
                counterparty=credit.counterparty[:200],
                outcome="unmatched",
            )
            match = REFERENCE_RE.search(credit.title.upper())
            payment = (
                Payment.objects.select_for_update().filter(office=office, reference=match.group(0)).first()
                if match
                else None
            )
            if payment is None:
                outcome = "unmatched"
            elif payment.status not in SETTLEABLE:
                outcome = "already_paid"
            elif payment.amount_grosze != credit.amount_grosze:
                outcome = "amount_mismatch"
            else:
                if payment.method != "transfer":
                    payment.method = "transfer"
                    payment.save(update_fields=["method"])
                settle(payment, source="statement")
                outcome = "settled"
            line.payment, line.outcome = payment, outcome
            line.save(update_fields=["payment", "outcome"])
            return outcome
    except IntegrityError:
        return "already_imported"
