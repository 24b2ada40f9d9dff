"""The shortcuts that make URL and length analysis cheap give the same answers as the
straightforward computations they replace (random texts, fixed seeds)."""

from __future__ import annotations

import random
import re

import pytest

from sns_lint.analysis import urls as url_extraction
from sns_lint.analysis.post_length import hashtags
from sns_lint.analysis.weighted_length import _compiled, weigh

LABEL_POOLS = [
    "abcXYZ019-_\x7f",
    "あいうえおかきくけこ漢字東京鹿児島市役所ー・",
    "ÀÁÂäöüßéèñ",
    "абвгдеёжз",
    "😀👍🏽🇯🇵",
    "\u0301\u3099",
    "中国嘉里大酒店ไทยभारत",
]


def test_punycode_length_is_the_codecs():
    generator = random.Random(11)
    for _ in range(5_000):
        pool = "".join(generator.sample(LABEL_POOLS, generator.randint(1, 3)))
        label = "".join(generator.choice(pool) for _ in range(generator.randint(0, 70)))
        assert url_extraction._punycode_length(label) == len(label.encode("punycode")), label


def test_a_japanese_label_glued_to_a_short_link_is_measured_in_punycode():
    # 37 kana/kanji: too long for a DNS label once encoded, so X does not link the whole run
    glued = "健康づくりポイントの対象事業が増えました健康づくりポイントの対象事業"
    assert url_extraction._label_to_ascii(glued) == len("xn--") + len(glued.encode("punycode")) > 63
    assert url_extraction.extract_urls(glued + "bit.ly/abc", normalize_width=False) == []
    assert [u.url for u in url_extraction.find_urls(glued + "bit.ly/abc")] == ["bit.ly/abc"]


def _weights_one_by_one(text: str) -> list[int]:
    units = _compiled()
    return [ord(units.table[ord(char)]) for char in text]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_length_and_overflow_agree_with_weighing_each_character(seed):
    """No URL, no emoji, NFC: every character weighs on its own, so the length is the sum
    and the overflow is the first prefix that passes the limit."""
    units = _compiled()
    generator = random.Random(seed)
    pool = "aZ9 .#\nあ漢ー、。ＡＢ１é‐“”…→\u2010\u2032"
    for _ in range(300):
        text = "".join(generator.choice(pool) for _ in range(generator.randint(0, 400)))
        weights = _weights_one_by_one(text)
        weighing = weigh(text)
        assert weighing.length == sum(weights) * units.unit // units.scale
        for limit in (0, 10, 140, 280):
            expected = None
            running = 0
            for offset, weight in enumerate(weights):
                running += weight
                if running * units.unit // units.scale > limit:
                    expected = offset
                    break
            assert weighing.overflow_offset(limit) == expected, (text, limit)
        start, end = generator.randint(0, len(text)), generator.randint(0, len(text))
        part = weighing.part(start, end)
        assert part.length == sum(weights[start:end]) * units.unit // units.scale


def test_url_and_emoji_weights_stay_with_their_first_character_in_a_part():
    text = " 見て https://example.com/abc 😀👍🏽 \n"
    url = text.index("https")
    weighing = weigh(text, [(url, url + len("https://example.com/abc"))])
    body = weighing.part(1, len(text) - 2)
    assert body.length == 4 + 1 + 23 + 1 + 2 + 2
    assert weighing.part(url + 1, len(text)).length == 1 + 2 + 2 + 1 + 1  # the URL's weight sits on its "h"


def test_a_post_inside_blank_space_is_measured_without_copying_as_its_part_is():
    """``span_length`` and ``overflow_offset(limit, start)`` (used for the post without the blank
    space around it) answer as ``part(start, end)`` does, decomposed text (NFC weights) included."""
    from sns_lint.analysis.post_length import body_bounds

    generator = random.Random(5)
    blanks = [" ", "\n", "\t", "\u3000", "\u2028", "\r\n"]
    for _ in range(2_000):
        pool = "".join(generator.sample(LABEL_POOLS, generator.randint(1, 3)))
        core = "".join(generator.choice(pool) for _ in range(generator.randint(1, 300))).strip() or "あ"
        before = "".join(generator.choice(blanks) for _ in range(generator.randint(0, 5)))
        after = "".join(generator.choice(blanks) for _ in range(generator.randint(0, 5)))
        text = before + core + after
        assert body_bounds(text) == (len(before), len(before) + len(core))
        start, end = body_bounds(text)
        weighing = weigh(text)
        part = weighing.part(start, end)
        assert weighing.span_length(start, end) == part.length
        for limit in (0, 10, 140, 280):
            if part.length > limit:
                assert weighing.overflow_offset(limit, start) == part.overflow_offset(limit), (text, limit)
    assert body_bounds(" \n\u3000 ") == (0, 0) and body_bounds("") == (0, 0)
    assert body_bounds(" " * 10_000 + "あ" + "\n" * 9_000) == (10_000, 10_001)


HASHTAG_BEFORE = re.compile(r"(?:^|(?<=[^\w&]))[#＃](?![\d０-９]+(?:\W|$))[\w\u30fc\u3005]+")


def test_hashtags_are_found_as_before():
    generator = random.Random(5)
    pieces = ["#", "＃", "&", "a", "あ", "1", "１", " ", "\n", "ー", "々", "_", "。", "#1a", "＃１２"]
    for _ in range(3_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        assert [m.span() for m in hashtags(text)] == [m.span() for m in HASHTAG_BEFORE.finditer(text)], text


HIDDEN_BEFORE = re.compile(
    "[\u00ad\u180e\u200b\u200c\u2060-\u2064\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]|(?<=[A-Za-z])[.．](?=[/／])"
)


def test_hidden_characters_in_urls_are_found_as_before():
    generator = random.Random(6)
    pieces = ["a", "Z", "1", ".", "．", "/", "／", "\u200b", "\u00ad", "あ", " "]
    for _ in range(3_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        found = [m.span() for m in url_extraction._HIDDEN_IN_URL.finditer(text)]
        assert found == [m.span() for m in HIDDEN_BEFORE.finditer(text)], text


def test_dots_before_a_tld_are_found_as_by_the_tld_regex():
    patterns = url_extraction._patterns()
    assert patterns.ascii_tlds is not None  # the data holds no TLD letter that folds to ASCII
    generator = random.Random(7)
    pieces = [".", ".com", ".COM", ".jp", "co", "m", "@", "+", "-", "xn--", "XN--", "xn-", "xn--a", "K", "\u212a",
              "ſ", "ı", "İ", ".みんな", "みんな", "あ", ".中国", " ", "/", "1", ".1", "a", ".ελ", "\u0301", ".city",
              "ly", "bit", ".рф", "Рф", ".онлайн", "\u1c82"]
    for _ in range(5_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 12)))
        expected = {match.start() for match in patterns.anchor.finditer(text)}
        assert url_extraction._anchors(text, patterns) == expected, text


def test_the_letters_that_fold_to_ascii_are_listed():
    """``_anchors`` looks a TLD up directly unless the letters after the dot run on into one
    of these: every other character ends an ASCII TLD for the TLD regex too."""
    folding = {
        chr(code)
        for code in range(0x80, 0x110000)
        if not 0xD800 <= code <= 0xDFFF and re.match("[0-9A-Za-z]", chr(code), re.IGNORECASE)
    }
    assert folding == set(url_extraction._FOLDS_TO_ASCII)


def test_a_url_glued_to_japanese_text_needs_no_tld_regex(monkeypatch):
    patterns = url_extraction._Patterns()
    monkeypatch.setattr(url_extraction, "_compiled", patterns)
    text = "詳しくは https://www.city.kagoshima.lg.jp/kenko/gan.htmlをご覧ください。bit.ly/abc"
    assert [u.url for u in url_extraction.extract_urls(text, normalize_width=False)] == [
        "https://www.city.kagoshima.lg.jp/kenko/gan.html",
        "bit.ly/abc",
    ]
    assert not _has(patterns, "anchor")  # the TLD regex was not compiled for the dots here


def _has(patterns, name) -> bool:
    try:
        object.__getattribute__(patterns, name)  # without compiling it
        return True
    except AttributeError:
        return False


def test_the_punycode_character_class_is_the_ignore_case_one():
    ignoring_case = re.compile(r"[\-0-9a-z]", re.IGNORECASE)
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF:
            char = chr(code)
            assert bool(url_extraction._PUNYCODE_CHAR.match(char)) == bool(ignoring_case.match(char)), hex(code)
