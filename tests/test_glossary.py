"""The glossary (docs/glossary/terms.toml) holds in every catalogue, translation table and demo/seed text.

One name per term and language: the office is «управління» / «управление», never «уряд» (the government);
the Polish residence card is «карта побиту» / «карта побыту», not Ukraine's «посвідка» or Russia's
«вид на жительство»; a residence permit is about living («проживання» / «проживание»), not a stay;
stamp duty is «гербовий збір» / «гербовый сбор»; the case stages have one name each.
How the checks work: przystan.testing.glossary.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from przystan.testing import glossary
from przystan.testing.glossary import Text, problems

GLOSSARY = glossary.load()
CATALOGUES = [p for p in glossary.catalogues() if p.parts[-3] in ("uk", "ru")]
DEMO_FILES = glossary.demo_files()


def _ids(path: Path) -> str:
    return glossary.relative(path)


# --------------------------------------------------------------------------- the glossary itself


def test_every_term_names_itself_in_ukrainian_and_russian():
    for term in GLOSSARY.terms:
        for language in ("uk", "ru"):
            wording = term.wordings[language]
            assert wording.preferred, f"{term.id}: no {language} word"
            for word in wording.preferred:
                text = Text("terms.toml", language, term.en if term.trigger else None, word)
                assert problems(text) == [], f"{term.id}: its own word «{word}» breaks the glossary"
            if wording.required is not None:
                assert term.trigger is not None, f"{term.id}: a required word without a trigger"
                assert wording.required.search(wording.preferred[0])


@pytest.mark.parametrize(
    ("term_id", "language", "example"),
    [
        (term.id, language, rule.example)
        for term in GLOSSARY.terms
        for language in ("uk", "ru")
        for rule in term.wordings[language].forbidden
    ],
)
def test_every_forbidden_wording_is_caught(term_id, language, example):
    """Each rule catches the wrong wording it gives as its example (so no rule silently matches nothing)."""
    sentence = f"Тут написано: {example}."
    assert problems(Text("example", language, None, sentence)), f"{term_id}: {example!r} passes"


@pytest.mark.parametrize(
    ("language", "source", "text"),
    [
        # the mistakes the first translations made (tests/test_translations.py caught the first two)
        ("uk", "Office", "Уряд"),
        ("uk", "Temporary residence and work", "Тимчасове перебування та робота"),
        ("ru", "Permanent residence", "Постоянное пребывание"),
        ("ru", "Residence applications and cases", "Заявления на пребывание и дела"),
        ("uk", "Residence card pick-up", "Отримання посвідки на проживання"),
        ("ru", "residence card", "вид на жительство"),
        ("uk", "Residence card fee account", "Рахунок для оплати карти побуту"),
        ("uk", "Reconciles stamp duty and fee payments.", "Звіряє сплату державного мита та зборів."),
        ("uk", "The municipality at the seat of the voivode.", "Гміна за місцем перебування воєводи."),
        ("ru", "Write to the office", "Написать в ведомство"),
        ("ru", "Assistance dogs are welcome.", "Можно входить с собакой."),  # the term left out
    ],
)
def test_known_mistakes_are_caught(language, source, text):
    assert problems(Text("example", language, source, text))


def test_the_translators_page_is_rendered_from_the_terms():
    assert glossary.README_FILE.read_text(encoding="utf-8") == glossary.render_markdown(), (
        "run `python scripts/render_glossary.py` after editing docs/glossary/terms.toml"
    )


# --------------------------------------------------------------------------- catalogues and tables


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_ids)
def test_catalogue_follows_the_glossary(po_path):
    found = [problem for text in glossary.texts_of_catalogue(po_path) for problem in problems(text)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("json_path", glossary.translation_sources(), ids=_ids)
def test_translation_table_follows_the_glossary(json_path):
    """The tables scripts/fill_translations.py fills catalogues from: a wrong word here comes back."""
    found = [
        problem for text in glossary.texts_of_translation_source(json_path) for problem in problems(text)
    ]
    assert found == [], "\n".join(found)


def test_there_are_catalogues_and_demo_texts_to_check():
    assert len(CATALOGUES) >= 20
    texts = [t for path in DEMO_FILES for t in glossary.texts_of_demo_file(path)]
    assert len(texts) >= 100
    assert any(t.source for t in texts), "no demo text was paired with its English source"


# --------------------------------------------------------------------------- stages


def test_the_glossary_names_every_stage():
    from django.utils import translation

    from plugins.legalisation.stages import STAGES

    assert [s.code for s in GLOSSARY.stages] == [s.code for s in STAGES]
    with translation.override("en"):
        assert [s.names["en"] for s in GLOSSARY.stages] == [str(s.name) for s in STAGES]


@pytest.mark.parametrize("language", ["pl", "uk", "ru"])
def test_every_catalogue_names_the_stages_the_glossary_way(language):
    expected = {stage.names["en"]: stage.names[language] for stage in GLOSSARY.stages}
    wrong = []
    for path in (p for p in glossary.catalogues() if p.parts[-3] == language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.msgctxt or entry.msgid not in expected:
                continue
            if entry.msgstr != expected[entry.msgid]:
                wrong.append(
                    f"{_ids(path)}:{entry.linenum} {entry.msgid!r}: {entry.msgstr!r} ≠ {expected[entry.msgid]!r}"
                )
    assert wrong == []


# --------------------------------------------------------------------------- demo and seed content


@pytest.mark.parametrize("demo_path", DEMO_FILES, ids=_ids)
def test_demo_content_follows_the_glossary(demo_path):
    """Demo and seed texts (portal pages, fee names, service points, letters) are read from their source.

    cms_content/demo/content.py is rewritten on the "content" branch with these terms; until that merges
    this fails for it (the report of the glossary branch lists what it found).
    """
    found = [problem for text in glossary.texts_of_demo_file(demo_path) for problem in problems(text)]
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


def test_demo_reader_pairs_parallel_texts(tmp_path):
    """The three shapes of parallel texts the demo uses give each translation its English source."""
    module = tmp_path / "sample.py"
    module.write_text(
        'A = {"pl": "Karta pobytu", "en": "Residence card", "uk": "Посвідка", "ru": "Карта побыту"}\n'
        'B = ("code", "Karta pobytu", "Residence card", "Карта побиту", "Вид на жительство")\n'
        'C = dict(name_en="Residence card", name_uk="Карта побиту", name_ru="Разрешение")\n',
        encoding="utf-8",
    )
    found = {(t.language, t.text) for t in glossary.texts_of_demo_file(module) if problems(t)}
    assert found == {("uk", "Посвідка"), ("ru", "Вид на жительство"), ("ru", "Разрешение")}
