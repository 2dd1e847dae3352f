"""The demo content is complete and really translated (checked on the data, without a database)."""

from cms_content.application_types import APPLICATION_TYPES, FEE_CODES
from cms_content.demo import content as c

LANGS = ("pl", "en", "uk", "ru")


def test_a_procedure_for_every_application_type():
    codes = {code for code, _label in APPLICATION_TYPES}
    assert {procedure["code"] for procedure in c.PROCEDURES} == codes
    for procedure in c.PROCEDURES:
        assert procedure["code"] in codes
        assert set(procedure["fees"]) <= FEE_CODES


def test_every_text_differs_between_languages():
    for procedure in c.PROCEDURES:
        for index in range(4):
            texts = [str(procedure[lang][index]) for lang in LANGS]
            assert len(set(texts)) == 4, (procedure["code"], texts)
    for language_table in (c.FAQ, c.CONTACT, c.ACCESSIBILITY, c.PAYMENTS):
        assert len({str(language_table[lang]) for lang in LANGS}) == 4


def test_three_locations_with_hours():
    assert len(c.LOCATIONS) == 3
    for location in c.LOCATIONS:
        assert all(hours for _name, _services, _room, hours in location["points"])
