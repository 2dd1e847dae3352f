"""Names of the Polish statutory holidays in Russian (the ``holidays`` package has pl, en_US, uk, de).

Keyed by the package's English (en_US) name; the Russian text comes from the offices catalogue
(context "statutory holiday"). The pl and uk catalogues repeat the package's own names so that every
catalogue is complete; on screens pl, uk and en come from the package itself.
"""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

RU_FROM_ENGLISH = {
    "New Year's Day": pgettext_lazy("statutory holiday", "New Year's Day"),
    "Epiphany": pgettext_lazy("statutory holiday", "Epiphany"),
    "Easter Sunday": pgettext_lazy("statutory holiday", "Easter Sunday"),
    "Easter Monday": pgettext_lazy("statutory holiday", "Easter Monday"),
    "National Day": pgettext_lazy("statutory holiday", "National Day"),
    "National Day of the Third of May": pgettext_lazy(
        "statutory holiday", "National Day of the Third of May"
    ),
    "Pentecost": pgettext_lazy("statutory holiday", "Pentecost"),
    "Corpus Christi": pgettext_lazy("statutory holiday", "Corpus Christi"),
    "Assumption Day": pgettext_lazy("statutory holiday", "Assumption Day"),
    "All Saints' Day": pgettext_lazy("statutory holiday", "All Saints' Day"),
    "National Independence Day": pgettext_lazy("statutory holiday", "National Independence Day"),
    "Christmas Eve": pgettext_lazy("statutory holiday", "Christmas Eve"),
    "Christmas Day": pgettext_lazy("statutory holiday", "Christmas Day"),
    "Second Day of Christmas": pgettext_lazy("statutory holiday", "Second Day of Christmas"),
}
