"""The access policy as a table for people (``./przystan roles``, the README)."""

from __future__ import annotations

from django.utils import translation

from przystan.accounts.roles import ROLES_BY_SLUG

from .table import policy_table

HEADERS = ("role", "plugin", "resource", "actions", "scope")


def policy_rows() -> list[tuple[str, str, str, str, str]]:
    return [
        (row.role, row.plugin, row.resource, ", ".join(row.actions), row.scope.value)
        for row in policy_table().rows()
    ]


def policy_text(markdown: bool = False) -> str:
    """Plain columns, or a Markdown table; followed by the roles' descriptions."""
    rows = policy_rows()
    lines: list[str] = []
    if markdown:
        lines.append("| " + " | ".join(HEADERS) + " |")
        lines.append("|" + "---|" * len(HEADERS))
        lines += [
            "| " + " | ".join(f"`{c}`" if i in (2, 4) else c for i, c in enumerate(row)) + " |"
            for row in rows
        ]
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]
        lines.append("  ".join(h.ljust(w) for h, w in zip(HEADERS, widths, strict=True)))
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    with translation.override("en"):
        lines.append("")
        lines += [f"{slug}: {role.name} — {role.description}" for slug, role in ROLES_BY_SLUG.items()]
        lines.append("foreigner, employer: public accounts (own records only)")
    return "\n".join(lines)
