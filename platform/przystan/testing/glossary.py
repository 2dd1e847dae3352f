"""The glossary (docs/glossary/terms.toml) and the texts it is checked against.

A *text* is one translated string with where it lives and, when known, its English source: a ``.po``
entry (msgid → msgstr), a ``translations.json`` row or a string in the demo content (found by reading
the Python source, so a demo loader need not run). :func:`problems` tells what a text does wrong:

* it uses a **forbidden** word of its language (e.g. uk «уряд» for the office), or
* its English source names a glossary term (``trigger``) but the text does not use the glossary's
  word for it (``required``; e.g. "residence card" without «карта побиту»).

tests/test_glossary.py runs these over every catalogue and demo file; scripts/render_glossary.py writes
docs/glossary/README.md for translators.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[3]
TERMS_FILE = ROOT / "docs" / "glossary" / "terms.toml"
README_FILE = ROOT / "docs" / "glossary" / "README.md"
LANGUAGES = ("pl", "en", "uk", "ru")


@dataclass(frozen=True)
class Forbidden:
    pattern: re.Pattern[str]
    why: str
    example: str  # a wrong wording the pattern catches (shown to translators, checked by the test)
    allow: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Wording:
    """How one language names a term."""

    preferred: tuple[str, ...]
    required: re.Pattern[str] | None = None
    forbidden: tuple[Forbidden, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    pl: str
    en: str
    note: str
    source: str
    trigger: re.Pattern[str] | None
    wordings: dict[str, Wording] = field(default_factory=dict)


@dataclass(frozen=True)
class StageName:
    code: str
    names: dict[str, str]  # language → the one name


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    stages: tuple[StageName, ...]


@dataclass(frozen=True)
class Text:
    """One translated string: where it is, its language, its English source (if known) and itself."""

    where: str  # "plugins/hotel/locale/uk/LC_MESSAGES/django.po:134"
    language: str
    source: str | None
    text: str


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, flags=re.IGNORECASE)


def _wording(raw: dict) -> Wording:
    return Wording(
        preferred=tuple(raw.get("preferred", ())),
        required=_compile(raw["required"]) if raw.get("required") else None,
        forbidden=tuple(
            Forbidden(
                _compile(rule["pattern"]), rule["why"], rule["example"], frozenset(rule.get("allow", ()))
            )
            for rule in raw.get("forbidden", ())
        ),
    )


def parse(raw: dict) -> Glossary:
    terms = tuple(
        Term(
            id=item["id"],
            pl=item["pl"],
            en=item["en"],
            note=item.get("note", ""),
            source=item["source"],
            trigger=_compile(item["trigger"]) if item.get("trigger") else None,
            wordings={lang: _wording(item[lang]) for lang in LANGUAGES if isinstance(item.get(lang), dict)},
        )
        for item in raw.get("term", ())
    )
    stages = tuple(
        StageName(item["code"], {lang: item[lang] for lang in LANGUAGES}) for item in raw.get("stage", ())
    )
    return Glossary(terms, stages)


@cache
def load(path: Path = TERMS_FILE) -> Glossary:
    with path.open("rb") as handle:
        return parse(tomllib.load(handle))


def problems(text: Text, glossary: Glossary | None = None) -> list[str]:
    """What ``text`` does against the glossary (empty when nothing)."""
    glossary = glossary or load()
    found = []
    for term in glossary.terms:
        wording = term.wordings.get(text.language)
        if wording is None:
            continue
        for rule in wording.forbidden:
            hit = rule.pattern.search(text.text)
            if hit and (text.source or "") not in rule.allow:
                found.append(
                    f"{text.where} [{text.language}] «{hit.group(0)}»: {rule.why} — {text.text[:120]!r}"
                )
        if (
            wording.required is not None
            and term.trigger is not None
            and text.source
            and term.trigger.search(text.source)
            and not wording.required.search(text.text)
        ):
            found.append(
                f"{text.where} [{text.language}] {term.en!r} is not named «{wording.preferred[0]}»: "
                f"{text.source[:80]!r} → {text.text[:120]!r}"
            )
    return found


# --------------------------------------------------------------------------- where texts live


def catalogues() -> list[Path]:
    return sorted(
        path
        for base in ("platform", "plugins", "cms_content")
        for path in (ROOT / base).rglob("locale/*/LC_MESSAGES/django.po")
    )


def translation_sources() -> list[Path]:
    """The ``translations.json`` tables scripts/fill_translations.py fills catalogues from."""
    return sorted(
        path
        for base in ("platform", "plugins", "cms_content")
        for path in (ROOT / base).rglob("translations.json")
    )


def demo_files() -> list[Path]:
    """Every module that writes demo content or seed rows people read (fee names, letter templates)."""
    files = [
        *(ROOT / "cms_content" / "demo").glob("*.py"),
        *(ROOT / "plugins").glob("*/demo.py"),
        *(ROOT / "plugins").glob("*/demo_*.py"),
        *(ROOT / "plugins").glob("*/defaults.py"),
        *(ROOT / "plugins").rglob("seed.py"),
        *(ROOT / "platform" / "przystan" / "demo").glob("*.py"),
    ]
    return sorted(path for path in files if path.name != "__init__.py")


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def texts_of_catalogue(path: Path) -> Iterator[Text]:
    language = path.parts[-3]
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        where = f"{relative(path)}:{entry.linenum}"
        if entry.msgid_plural:
            for index, value in sorted(entry.msgstr_plural.items()):
                source = entry.msgid if index == 0 else entry.msgid_plural
                yield Text(where, language, source, value)
        elif entry.msgstr:
            yield Text(where, language, entry.msgid, entry.msgstr)


def texts_of_translation_source(path: Path) -> Iterator[Text]:
    table = json.loads(path.read_text(encoding="utf-8"))
    for msgid, translations in table.items():
        for language, value in translations.items():
            for form in [value] if isinstance(value, str) else value:  # a list: the plural forms
                yield Text(f"{relative(path)} {msgid[:40]!r}", language, msgid, form)


# --------------------------------------------------------------------------- demo content (read, not run)

UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _strings(node: ast.AST) -> Iterator[tuple[int, str]]:
    """Every literal text under ``node`` (f-strings give their literal parts), with its line."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.lineno, child.value


def _joined(node: ast.AST) -> str:
    return " ".join(value for _line, value in _strings(node))


def _pairs(source: ast.AST, target: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    """(English text, translated node) pairs of two parallel structures, element by element where the
    shapes agree (lists of the same length, calls with the same arguments), else the whole blocks."""
    if isinstance(source, ast.Constant) and isinstance(target, ast.Constant):
        yield str(source.value), target
    elif (
        isinstance(source, ast.List | ast.Tuple)
        and isinstance(target, ast.List | ast.Tuple)
        and len(source.elts) == len(target.elts)
    ):
        for a, b in zip(source.elts, target.elts, strict=True):
            yield from _pairs(a, b)
    elif (
        isinstance(source, ast.Call)
        and isinstance(target, ast.Call)
        and ast.dump(source.func) == ast.dump(target.func)
        and len(source.args) == len(target.args)
    ):
        for a, b in zip(source.args, target.args, strict=True):
            yield from _pairs(a, b)
    elif (
        isinstance(source, ast.Dict) and isinstance(target, ast.Dict) and len(source.keys) == len(target.keys)
    ):
        for a, b in zip(source.values, target.values, strict=True):
            yield from _pairs(a, b)
    else:
        yield _joined(source), target


def _language_of(value: str) -> tuple[str, ...]:
    if UKRAINIAN_ONLY.search(value) and not RUSSIAN_ONLY.search(value):
        return ("uk",)
    if RUSSIAN_ONLY.search(value) and not UKRAINIAN_ONLY.search(value):
        return ("ru",)
    return ("uk", "ru")


LANGUAGE_KEY = re.compile(r"^(?P<prefix>\w*?)_?(?P<language>pl|en|uk|ru)$")


def _language_groups(node: ast.AST) -> list[dict[str, ast.AST]]:
    """The parallel texts ``node`` holds, each as {language: node}.

    Three shapes: a dictionary keyed by language (``{"en": ..., "uk": ...}``) or by suffixed keys
    (``{"name_en": ..., "name_uk": ...}``); a call with such keywords (``Model(name_en=..., name_uk=...)``);
    a tuple ending in Polish, English, Ukrainian and Russian literals (``("s1", "Stanowisko 1", "Desk 1",
    "Стійка 1", "Стойка 1")``).
    """
    pairs: list[tuple[str, ast.AST]] = []
    if isinstance(node, ast.Dict):
        pairs = [
            (key.value, value)
            for key, value in zip(node.keys, node.values, strict=True)
            if isinstance(key, ast.Constant) and isinstance(key.value, str)
        ]
    elif isinstance(node, ast.Call):
        pairs = [(keyword.arg, keyword.value) for keyword in node.keywords if keyword.arg]
    elif isinstance(node, ast.Tuple | ast.List) and len(node.elts) >= len(LANGUAGES):
        last = node.elts[-len(LANGUAGES) :]
        if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in last):
            cyrillic = [bool(CYRILLIC.search(e.value)) for e in last]  # type: ignore[attr-defined]
            if cyrillic == [False, False, True, True]:
                return [dict(zip(LANGUAGES, last, strict=True))]
        return []
    groups: dict[str, dict[str, ast.AST]] = {}
    for key, value in pairs:
        match = LANGUAGE_KEY.match(key)
        if match:
            groups.setdefault(match["prefix"], {})[match["language"]] = value
    return [group for group in groups.values() if {"uk", "ru"} & set(group)]


def texts_of_demo_file(path: Path) -> Iterator[Text]:
    """The translated texts of a demo or seed module, read from its source (nothing runs).

    Parallel texts (see :func:`_language_groups`) give each text its language and its English source;
    any other Cyrillic literal is Ukrainian or Russian by its letters.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = relative(path)
    claimed: set[int] = set()  # ids of constants already yielded from a group of parallel texts
    for node in ast.walk(tree):
        for group in _language_groups(node):
            english = group.get("en")
            for language in ("uk", "ru"):
                target = group.get(language)
                if target is None:
                    continue
                pairs = _pairs(english, target) if english is not None else [(None, target)]
                for source, translated in pairs:
                    for line, value in _strings(translated):
                        yield Text(f"{name}:{line}", language, source, value)
                claimed.update(id(child) for child in ast.walk(target))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in claimed:
            if CYRILLIC.search(node.value):
                for language in _language_of(node.value):
                    yield Text(f"{name}:{node.lineno}", language, None, node.value)


# --------------------------------------------------------------------------- the translators' page


def render_markdown(glossary: Glossary | None = None) -> str:
    """docs/glossary/README.md: the glossary as tables a translator reads (rendered from terms.toml)."""
    glossary = glossary or load()
    lines = [
        "# Glossary (pl · en · uk · ru)",
        "",
        "<!-- Rendered from terms.toml by `python scripts/render_glossary.py`; edit terms.toml, not this file. -->",
        "",
        "One name per domain term and language. Translators of the catalogues (`locale/*/LC_MESSAGES/django.po`),",
        "of `translations.json` and of the demo content use the preferred words and never the forbidden ones.",
        "`tests/test_glossary.py` checks every catalogue, translation table and demo/seed module against",
        "`terms.toml`: a forbidden word anywhere fails, and so does a text whose English source names a term",
        "(e.g. *residence card*) without the preferred word (*карта побиту*).",
        "",
        "## Terms",
        "",
        "| Polish | English | Ukrainian | Russian |",
        "|---|---|---|---|",
    ]
    for term in glossary.terms:
        uk = " / ".join(f"«{w}»" for w in term.wordings["uk"].preferred)
        ru = " / ".join(f"«{w}»" for w in term.wordings["ru"].preferred)
        lines.append(f"| **{term.pl}** | {term.en} | {uk} | {ru} |")
    lines += ["", "## Do not write", "", "| term | language | not (e.g.) | why |", "|---|---|---|---|"]
    for term in glossary.terms:
        for language in ("uk", "ru"):
            for rule in term.wordings[language].forbidden:
                lines.append(f"| {term.pl} | {language} | ~~{rule.example}~~ | {rule.why} |")
    lines += ["", "## Notes and sources", ""]
    for term in glossary.terms:
        lines.append(f"* **{term.pl}** ({term.en}) — {term.note} Source: {term.source}.")
    lines += [
        "",
        "## Stages of a case",
        "",
        "The names of the stages (`plugins/legalisation/stages.py`); every catalogue uses exactly these.",
        "",
        "| code | Polish | English | Ukrainian | Russian |",
        "|---|---|---|---|---|",
    ]
    for stage in glossary.stages:
        n = stage.names
        lines.append(f"| `{stage.code}` | {n['pl']} | {n['en']} | {n['uk']} | {n['ru']} |")
    return "\n".join(lines) + "\n"
