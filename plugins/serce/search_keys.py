"""Name search keys: one spelling-insensitive form for every transliteration of a name.

A name written in Cyrillic (``Шевченко``), in Polish transliteration (``Szewczenko``), in English
(``Shevchenko``) or in German (``Schewtschenko``) must be found by a fragment typed in any of them.
:func:`search_key` folds all of them to the same Latin skeleton: Cyrillic is transliterated, diacritics
dropped, and the digraphs the different schemes use for one sound collapse into one letter. The same
function is applied to stored names and to the typed fragment, so a plain substring match works —
indexed by a trigram GIN index on PostgreSQL and a plain ``LIKE`` on SQLite.
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "h", "д": "d", "е": "e", "ё": "e", "є": "e",
    "ж": "z", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f",
    "х": "h", "ц": "c", "ч": "h", "ш": "s", "щ": "s", "ъ": "", "ы": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip

# Sounds the transliteration schemes (pl, en, de, ISO 9, Ukrainian vs Russian) spell differently
# fold into one letter: ч/х/г (ch, cz, tsch, č, kh, h, g) -> h; ц (ts, tz, c) -> c; ш/щ/ж -> s/z.
# Longest spellings first.
_DIGRAPHS = (
    ("schtsch", "s"), ("shch", "s"), ("szcz", "s"), ("tsch", "h"), ("sch", "s"), ("dzh", "dz"),
    ("cz", "h"), ("ch", "h"), ("kh", "h"), ("zh", "z"), ("sh", "s"), ("sz", "s"), ("rz", "z"),
    ("ts", "c"), ("tz", "c"), ("ou", "u"), ("ph", "f"), ("w", "v"), ("x", "ks"), ("q", "k"),
    ("g", "h"), ("ye", "e"), ("je", "e"), ("yo", "e"), ("jo", "e"), ("ie", "e"), ("y", "i"), ("j", "i"),
)  # fmt: skip
_SPECIAL = {"ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ı": "i", "č": "h", "š": "s", "ž": "z"}
_NON_LETTERS = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_DOUBLES = re.compile(r"([a-z])\1+")


def _fold_letters(text: str) -> str:
    out = []
    for char in text.lower():
        if char in _CYRILLIC:
            out.append(_CYRILLIC[char])
        elif char in _SPECIAL:
            out.append(_SPECIAL[char])
        else:
            out.append(char)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_key(*parts: str | None) -> str:
    """Return the spelling-insensitive key of ``parts`` (names), words separated by single spaces."""
    text = " ".join(p for p in parts if p)
    text = _fold_letters(text)
    text = text.replace("-", " ").replace("'", "").replace("’", "")
    text = _NON_LETTERS.sub(" ", text)
    for source, target in _DIGRAPHS:
        text = text.replace(source, target)
    text = _DOUBLES.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()
