"""Property tests of SMS length counting (GSM 03.38 basic + extension table, UCS-2 with surrogates)."""

from __future__ import annotations

import math

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from przystan.notifications.sms import GSM7_BASIC, GSM7_EXTENSION, SmsInfo, sms_cost_text, sms_info

BASIC = sorted(GSM7_BASIC)
EXTENSION = sorted(GSM7_EXTENSION)
gsm_text = st.text(alphabet=st.sampled_from(BASIC + EXTENSION), min_size=1, max_size=800)
basic_text = st.text(alphabet=st.sampled_from(BASIC), min_size=1, max_size=800)
non_gsm_char = st.characters(codec="utf-8", exclude_characters="".join(BASIC + EXTENSION)).filter(
    lambda c: not ("\ud800" <= c <= "\udfff")
)
astral_char = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)


def reference_septets(text: str) -> int:
    return sum(2 if ch in "^{}\\[~]|€\f" else 1 for ch in text)


@given(basic_text)
def test_basic_characters_are_one_septet_each(text):
    info = sms_info(text)
    assert info.encoding == "GSM-7"
    assert info.units == len(text)
    if len(text) <= 160:
        assert (info.parts, info.per_part) == (1, 160)
    else:
        assert info.per_part == 153
        assert info.parts == math.ceil(len(text) / 153)  # nothing to keep together: exact


@given(gsm_text)
def test_gsm7_bounds_with_extension_characters(text):
    info = sms_info(text)
    assert info.encoding == "GSM-7"
    assert info.units == reference_septets(text)
    assert info.units <= info.parts * info.per_part
    if info.parts > 1:
        assert info.per_part == 153
        # a part loses at most one septet to an escape pair that did not fit
        assert (info.parts - 1) * 152 < info.units


@given(gsm_text, non_gsm_char, st.data())
def test_one_non_gsm_character_switches_to_ucs2(text, odd, data):
    position = data.draw(st.integers(0, len(text)))
    mixed = text[:position] + odd + text[position:]
    info = sms_info(mixed)
    assert info.encoding == "UCS-2"
    assert info.units == len(mixed.encode("utf-16-le")) // 2
    assert info.units <= info.parts * info.per_part
    assert info.per_part == (70 if info.parts == 1 else 67)
    if info.parts > 1:
        assert (info.parts - 1) * 66 < info.units


@given(st.lists(astral_char, min_size=1, max_size=300))
def test_emoji_take_two_units_and_never_split(chars):
    text = "".join(chars)
    info = sms_info(text)
    assert info.encoding == "UCS-2"
    assert info.units == 2 * len(chars)
    if info.units <= 70:
        assert info.parts == 1
    else:
        # 67 is odd: each part holds 33 surrogate pairs (66 units), the 67th unit stays empty
        assert info.parts == math.ceil(len(chars) / 33)


def test_extension_pair_is_not_split_at_a_part_boundary():
    text = "a" * 152 + "€" + "b" * 10  # € would straddle septets 153/154
    info = sms_info(text)
    assert info.units == 164
    assert info.parts == 2
    at_boundary = (
        "a" * 152 + "€" * 6 + "x"
    )  # 152 + 12 + 1 = 165 septets; one wasted septet at the first boundary
    assert sms_info(at_boundary).parts == 2
    no_waste = "a" * 153 + "b" * 153 + "c"
    assert sms_info(no_waste).parts == 3


def test_known_lengths():
    assert sms_info("a" * 160) == SmsInfo("GSM-7", 160, 1, 160)
    assert (sms_info("a" * 160).parts, sms_info("a" * 161).parts) == (1, 2)
    assert sms_info("{" * 80).units == 160 and sms_info("{" * 80).parts == 1
    assert sms_info("{" * 81).parts == 2
    assert sms_info("ą" * 70).parts == 1 and sms_info("ą" * 71).parts == 2
    assert sms_info("Zażółć gęślą jaźń").encoding == "UCS-2"
    assert sms_info("Ügyfél Ñandù à").encoding == "GSM-7"
    assert sms_info("Ñandú").encoding == "UCS-2"  # ú is not in GSM 03.38 (ù is)
    assert sms_info("").parts == 0


def test_cost_text_is_translated():
    text = "ą" * 100
    with translation.override("en"):
        assert sms_cost_text(text) == "2 SMS parts (UCS-2, 67 characters per part)"
    with translation.override("pl"):
        assert sms_cost_text(text).startswith("2 części SMS")
        assert sms_cost_text("ok").startswith("1 część SMS")
        assert sms_cost_text("a" * 800).startswith("6 części SMS")
    with translation.override("uk"):
        assert "SMS" in sms_cost_text(text) and "частини" in sms_cost_text(text)
    with translation.override("ru"):
        assert "части" in sms_cost_text(text)
