"""Word lists written as a trie pattern find what the plain alternation (longest word first)
finds: the secret words, confidentiality markers, person-name signals and facility names."""

from __future__ import annotations

import random
import re

from sns_lint.analysis.literal_patterns import longest_first


def plain(words: list[str]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def test_the_longest_word_wins_where_words_share_a_beginning():
    pattern = re.compile(longest_first(["図書館", "中央図書館", "中央", "パスワード", "パス", "PW", "P"]))
    text = "中央図書館のパスワードは中央に。PW と P と中央図"
    assert [m.group() for m in pattern.finditer(text)] == ["中央図書館", "パスワード", "中央", "PW", "P", "中央"]


def test_the_same_spans_as_the_plain_alternation_on_random_word_lists():
    rng = random.Random(7)
    alphabet = "abcあいう方家さん.*("  # regex metacharacters are words' literal text too
    for _ in range(600):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))]
        trie, reference = re.compile(longest_first(words)), plain(words)
        for _ in range(10):
            text = "".join(rng.choice(alphabet + "xyz。") for _ in range(rng.randint(0, 40)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in reference.finditer(text)], (words, text)


def test_no_words_match_nothing():
    assert re.compile(longest_first([])).search("どこにも") is None
