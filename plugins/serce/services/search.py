"""Finding persons by a name fragment in any transliteration, a register number (barcode) or an identifier."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .. import register_numbers
from ..models import Person
from ..search_keys import search_key

DEFAULT_LIMIT = 50


@dataclass
class SearchResult:
    persons: list[Person]
    more: bool  # more matches exist than were returned: the user should type more
    exact: bool  # matched an identifier or a barcode


def search_persons(queryset: QuerySet[Person], query: str, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Persons of ``queryset`` matching ``query``.

    A scanned or typed register number (``SE`` + 10 digits) or a Pobyt v.2 identifier / document
    number matches exactly. Anything else is folded with :func:`search_key` and every word must occur
    in the person's key (all spellings of the name), so ``Szewcz``, ``Shevch`` and ``Шевч`` find the
    same people. Candidates are read in primary-key order (cheap with the trigram index) and the page
    is sorted by name.
    """
    text = (query or "").strip()
    if not text:
        return SearchResult([], False, False)
    compact = text.replace(" ", "").upper()
    if register_numbers.PATTERN.match(compact):
        found = list(queryset.filter(register_number=compact)[:1])
        return SearchResult(found, False, True)
    if any(ch.isdigit() for ch in text):
        found = list(
            queryset.filter(Q(pobyt_id__iexact=text) | Q(documents__number__iexact=compact)).distinct()[
                :limit
            ]
        )
        if found:
            return SearchResult(found, False, True)
    words = search_key(text).split()
    if not words or max(len(w) for w in words) < 2:
        return SearchResult([], False, False)
    candidates = queryset
    for word in words:
        candidates = candidates.filter(search_key__contains=word)
    rows = list(candidates.order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = sorted(rows[:limit], key=lambda p: (p.last_name.lower(), p.first_name.lower(), p.pk))
    return SearchResult(rows, more, False)
