"""Small factories for tests and demo data (no randomness: deterministic records)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

PASSWORD = "Bezpieczne-Haslo-2026"


def ensure_wagtail_tree() -> Page:
    """The root page (and default locale) that Wagtail's migrations create and a flush removes.

    Transactional tests flush the database; recreating the tree here spares them
    ``serialized_rollback`` (which collides with rows that post-migrate signals recreate).
    """
    from django.conf import settings
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", content_type=None))
    return root


def make_office(
    code: str = "testowy", hostname: str = "testserver", default: bool = False, **fields: Any
) -> Any:
    from przystan.offices.models import Office

    root = ensure_wagtail_tree()
    site = Site.objects.filter(is_default_site=True).first() if default else None
    if site is not None:  # take over the default site created by Wagtail's migrations
        site.hostname, site.port, site.site_name = hostname, 80, code
        site.save()
    else:
        home = root.add_child(instance=Page(title=f"Home {code}", slug=f"home-{code}"))
        site = Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=default, site_name=code
        )
    defaults = {
        "name": f"Urząd Wojewódzki {code}",
        "short_name": f"UW {code}",
        "department": "Wydział Spraw Cudzoziemców",
        "street": "ul. Marszałkowska 3/5",
        "postal_code": "00-624",
        "city": "Warszawa",
        "email": f"wsc@{code}.example.gov.pl",
        "stamp_duty_payee": "Urząd m.st. Warszawy",
        "stamp_duty_iban": "PL21 1030 1508 0000 0005 5000 0070",
        "fees_payee": f"Urząd Wojewódzki {code}",
        "fees_iban": "PL61 1090 1014 0000 0712 1981 2874",
    }
    defaults.update(fields)
    office, _created = Office.objects.update_or_create(site=site, code=code, defaults=defaults)
    return office


def make_user(
    email: str = "user@example.com",
    kind: str = "foreigner",
    roles: tuple[str, ...] = (),
    office: Any = None,
    **fields: Any,
) -> Any:
    """A user with a verified e-mail; ``roles`` are role slugs of przystan.accounts.roles (staff groups)."""
    from django.contrib.auth.models import Group

    from przystan.accounts.roles import get_role, sync_roles

    for role in roles:
        get_role(role)  # unknown slug -> ValueError naming the known roles
    if roles and Group.objects.filter(name__in=roles).count() < len(set(roles)):
        sync_roles()
    User = get_user_model()
    fields.setdefault("email_verified", True)
    user = User.objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        kind=kind,
        home_office=office,
        **fields,
    )
    if roles:
        user.groups.add(*Group.objects.filter(name__in=roles))
    return user
