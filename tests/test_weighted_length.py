"""X weighted length in one pass: totals, the first character over a limit, decomposed text.

The totals are checked against a plain reference (twitter-text's per-character loop,
written out here); the conformance suite (test_twitter_text_conformance.py) checks
them against twitter-text's own cases.
"""

from __future__ import annotations

import random
import unicodedata

import pytest

from sns_lint.analysis.post_length import PlatformLimit, measure
from sns_lint.analysis.urls import extract_urls
from sns_lint.analysis.weighted_length import weigh, weigh_post, weighted_length

X = PlatformLimit(280, "weighted")


def reference_length(text: str) -> int:
    """twitter-text's count for texts without URLs or emoji: 1 for the light ranges, else 2."""
    light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
    text = unicodedata.normalize("NFC", text)
    return sum(1 if any(a <= ord(c) <= b for a, b in light) else 2 for c in text)


def first_over(text: str, limit: int) -> int | None:
    for end in range(1, len(text) + 1):
        if reference_length(text[:end]) > limit:
            return end - 1
    return None


@pytest.mark.parametrize("seed", range(5))
def test_total_and_offset_match_a_character_by_character_count(seed):
    rng = random.Random(seed)
    alphabet = "あいう漢字。、abc 123\u2014\u2020\u2033ｱｲ"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(100, 400)))
    weighing = weigh(text)
    assert weighing.length == reference_length(text)
    for limit in (0, 1, 50, 279, 280, 281, 500):
        assert weighing.overflow_offset(limit) == first_over(text, limit)


def test_offset_far_into_a_long_text():
    # running sums are built a block at a time: the limit is passed far past the first block
    text = "a" * 9_000 + "あ" * 10
    weighing = weigh(text)
    assert weighing.length == 9_020
    assert weighing.overflow_offset(9_000) == 9_000  # the first "あ" brings it to 9,002
    assert weighing.overflow_offset(9_001) == 9_000
    assert weighing.overflow_offset(9_002) == 9_001
    assert weighing.overflow_offset(9_020) is None


def test_the_url_that_does_not_fit_is_where_the_overflow_starts():
    url = "https://www.city.kagoshima.lg.jp/bunka/hall/schedule.html"
    text = "あ" * 130 + url + "をご覧ください。"
    measured = measure(text, "x", X)
    assert measured.length == 260 + 23 + 16
    assert text[measured.cut :].startswith(url)  # 260 + 23 > 280: the URL as a whole is over


def test_emoji_sequence_weighs_two_on_its_first_character():
    family = "👨\u200d👩\u200d👧\u200d👦"
    weighing = weigh("あ" * 139 + family + "a")
    assert weighing.length == 281
    assert weighing.overflow_offset(280) == 139 + len(family)  # the "a", not a piece of the emoji


def test_decomposed_text_counts_as_nfc_with_offsets_into_the_text_as_written():
    # "が" typed as か + U+3099 (as some Mac applications save it): NFC makes it one character
    decomposed = "か\u3099" * 141
    assert not unicodedata.is_normalized("NFC", decomposed)
    measured = measure(decomposed, "x", X)
    assert measured.length == 282
    assert measured.cut == 280  # the 141st "が" starts at offset 280 of the text as written
    assert weighted_length(decomposed) == 282


def test_decomposed_text_next_to_a_url():
    text = "e\u0301" * 3 + " https://example.com/cafe\u0301 " + "e\u0301"
    urls = extract_urls(text, normalize_width=False)
    assert [u.url for u in urls] == ["https://example.com/cafe\u0301"]  # the accent is part of the path
    assert weigh_post(text).length == weighted_length(text, urls) == weighted_length(text) == 3 + 1 + 23 + 1 + 1


def test_characters_that_nfc_makes_longer():
    # U+FB2C (Hebrew presentation form) is excluded from composition: NFC gives 3 characters
    text = "\ufb2c" * 5
    assert len(unicodedata.normalize("NFC", text)) == 15
    assert weighted_length(text) == weigh(text).length == 15


def test_measure_without_a_weighing_finds_urls_itself():
    text = "\n  お知らせです。https://www.city.kagoshima.lg.jp/ をご覧ください😀\n\n"
    measured = measure(text, "x", X)
    assert measured.length == 54 and measured.cut is None
    assert measured.body_start == 3
    assert measure(text, "x", X, weighing=weigh_post(text)) == measured
