"""Demo data of the core: a demo office with every plugin enabled and one user per role.

Plugins add their own demo data through the ``demo_data`` hook (called only for enabled plugins).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Site

DEMO_PASSWORD = "Przystan-Demo-2026"
# role slug -> (e-mail, first name, last name)
DEMO_STAFF = {
    "office_admin": ("admin@demo.przystan.pl", "Anna", "Kowalska"),
    "editor": ("redaktor@demo.przystan.pl", "Piotr", "Nowak"),
    "officer": ("urzednik@demo.przystan.pl", "Marta", "Wiśniewska"),
    "supervisor": ("kierownik@demo.przystan.pl", "Tomasz", "Wójcik"),
    "centre_staff": ("osrodek@demo.przystan.pl", "Ewa", "Kamińska"),
    "social_worker": ("pracownik.socjalny@demo.przystan.pl", "Jan", "Lewandowski"),
    "medical": ("lekarz@demo.przystan.pl", "Katarzyna", "Zielińska"),
    "finance": ("finanse@demo.przystan.pl", "Michał", "Szymański"),
    "reviewer": ("recenzent@demo.przystan.pl", "Agnieszka", "Dąbrowska"),
    "queue_officer": ("kolejka@demo.przystan.pl", "Paweł", "Kozłowski"),
    "platform_admin": ("platforma@demo.przystan.pl", "Barbara", "Jankowska"),
}
#: Roles that administer the installation, not one office (no home office).
INSTALLATION_ROLES = ("platform_admin",)
DEMO_PUBLIC = {
    "foreigner": ("olena.shevchenko@example.com", "Olena", "Shevchenko", "uk"),
    "employer": ("kadry@budimex-demo.example.com", "Kadry", "Budowa Sp. z o.o.", "pl"),
}


@dataclass(frozen=True)
class DemoStaff:
    role: str
    email: str
    backup_codes: list[str]
    totp_secret: str  # base32, as authenticator apps take it


@dataclass
class DemoSummary:
    office: Any
    staff: list[DemoStaff] = field(default_factory=list)
    public: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # lines plugins' demo_data return, shown with logins

    def banner(self, url: str) -> str:
        lines = [
            "",
            f"Przystań demo for {self.office.name} is ready.",
            f"  Portal:           {url}/",
            f"  Staff dashboard:  {url}/staff/",
            f"  Administration:   {url}/admin/",
            f"  Log in at:        {url}/accounts/login/   password for every demo user: {DEMO_PASSWORD}",
            "  Staff accounts need a second factor: use one of the printed backup codes",
            "  (each works once) or add the TOTP secret to an authenticator app",
            "  (a time-based, 6-digit, 30-second key).",
        ]
        for staff in self.staff:
            lines.append(
                f"    {staff.role:<14} {staff.email:<38} backup codes: {' '.join(staff.backup_codes)}"
            )
            lines.append(f"    {'':<14} {'':<38} TOTP secret:  {staff.totp_secret}")
        for kind, email in self.public:
            lines.append(f"    {kind:<14} {email}")
        for note in self.notes:
            lines.append(f"    {note}")
        lines.append("Press Ctrl+C to stop.")
        return "\n".join(lines)


def _second_factor(user: Any) -> tuple[list[str], str]:
    """Five backup codes and the base32 TOTP secret of the user's demo authenticator."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from przystan.accounts.mfa import text_secret

    totp, _created = TOTPDevice.objects.get_or_create(
        user=user, name="demo authenticator", defaults={"confirmed": True}
    )
    device, _created = StaticDevice.objects.get_or_create(user=user, name="demo backup codes")
    while device.token_set.count() < 5:
        device.token_set.create(token=StaticToken.random_token())
    codes = list(device.token_set.values_list("token", flat=True)[:5])
    return codes, text_secret(totp).replace(" ", "")


def demo_office() -> Any:
    from przystan.offices.models import Office

    site = Site.objects.filter(is_default_site=True).first()
    office = Office.objects.filter(site=site).first()
    if office is None:
        office = Office(site=site, code="mazowiecki")
    # a clearly fictional office with sample accounts: never a real office's name next to a made-up IBAN
    office.name = "Urząd Wojewódzki w Przykładowie (demonstracyjny)"
    office.short_name = "UW Przykładowo (demo)"
    office.department = "Wydział Spraw Cudzoziemców"
    office.street = "ul. Przykładowa 1"
    office.postal_code = "00-001"
    office.city = "Przykładowo"
    office.email = "cudzoziemcy@demo.przystan.pl"
    office.phone = "+48 22 000 00 00"
    office.stamp_duty_payee = "Urząd Miasta Przykładowo — konto demonstracyjne opłaty skarbowej"
    office.stamp_duty_iban = "PL07109010140000000000000001"
    office.fees_payee = "Urząd Wojewódzki w Przykładowie (demonstracyjny) — konto opłat za karty pobytu"
    office.fees_iban = "PL77109010140000000000000002"
    office.letterhead = "Wydział Spraw Cudzoziemców\nul. Przykładowa 1, 00-001 Przykładowo"
    office.dpo_name = "Inspektor Ochrony Danych (demo: Anna Przykładowa)"
    office.dpo_email = "iod@demo.przystan.pl"
    office.dpo_phone = "+48 22 000 00 01"
    office.dpo_address = "Inspektor Ochrony Danych, ul. Przykładowa 1, 00-001 Przykładowo"
    office.full_clean()
    office.save()
    from przystan.offices.closure_defaults import install

    install(office)  # the designated days off of 2026 (M.P. 2026 poz. 36), idempotent
    site.site_name = office.short_name
    site.save()
    return office


def enable_all_plugins(office: Any) -> None:
    from przystan.offices.enablement import set_enabled
    from przystan.pluginsys.manager import get_plugin_system

    system = get_plugin_system()
    done: set[str] = set()

    def enable(slug: str) -> None:
        if slug in done:
            return
        for required in system.plugins[slug].requires:
            enable(required)
        set_enabled(office, slug, enabled=True)
        done.add(slug)

    for slug in system.slugs:
        enable(slug)


def load_demo_staff(summary: DemoSummary) -> None:
    """One staff account per role: the office's staff and a platform administrator (no superusers)."""
    from przystan.access import forget_roles
    from przystan.accounts.roles import sync_roles

    User = get_user_model()
    if Group.objects.filter(name__in=DEMO_STAFF).count() < len(DEMO_STAFF):
        sync_roles()
    for role, (email, first, last) in DEMO_STAFF.items():
        user = User.objects.filter(email=email).first() or User(username=email, email=email)
        user.first_name, user.last_name = first, last
        user.kind, user.email_verified = "staff", True
        user.home_office = None if role in INSTALLATION_ROLES else summary.office
        user.is_staff = True
        user.is_superuser = False  # office administrators administer their office only
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name=role))
        forget_roles(user)
        codes, secret = _second_factor(user)
        summary.staff.append(DemoStaff(role, email, codes, secret))


@transaction.atomic
def load_demo(stdout: TextIO) -> DemoSummary:
    from przystan.offices.enablement import hooks_for_office

    office = demo_office()
    enable_all_plugins(office)
    summary = DemoSummary(office=office)
    load_demo_staff(summary)
    User = get_user_model()
    for kind, (email, first, last, language) in DEMO_PUBLIC.items():
        user = User.objects.filter(email=email).first() or User(username=email, email=email)
        user.first_name, user.last_name, user.kind = first, last, kind
        user.preferred_language, user.email_verified = language, True
        user.set_password(DEMO_PASSWORD)
        user.save()
        summary.public.append((kind, email))
    for answer in hooks_for_office(office).demo_data(office=office, stdout=stdout):
        summary.notes.extend(answer or [])
    return summary
