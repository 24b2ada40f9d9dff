"""Regular-expression source for a list of literal words, written as a trie.

``longest_first("|".join(sorted(words, key=len, reverse=True)))`` is how rules write "any of
these words" and it finds, at the leftmost position, the longest word. ``re`` tries such an
alternation word by word at every character that can start one. The same words written as a
trie (``パス(?:ワード|コード)|ＰＷ``) match the same spans, and the engine follows one branch per
character instead of trying every word. Every top-level branch starts with a literal character,
so the engine also skips in C to the characters that can start a word.
"""

from __future__ import annotations

import re
from typing import Iterable

_END = ""  # key of a trie node that ends a word
# The characters other than a letter's two ASCII cases that IGNORECASE matches for it (İ ı ſ and
# the Kelvin sign; checked over every code point in tests/test_personal_information.py).
IGNORECASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def longest_first(words: Iterable[str]) -> str:
    """Pattern source matching exactly what the alternation of ``words`` sorted longest first
    matches (no flags; the words are literal text)."""
    unique = sorted(set(words))
    if not unique:
        return "(?!)"
    if "" in unique:  # an empty word matches everywhere: keep the plain alternation
        return "|".join(re.escape(w) for w in sorted(unique, key=len, reverse=True))
    root: dict = {}
    for word in unique:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return "|".join(re.escape(char) + _branch(child) for char, child in root.items())


def _branch(node: dict) -> str:
    """What may follow a trie node: the longer words first (a greedy optional group)."""
    children = [re.escape(char) + _branch(child) for char, child in node.items() if char != _END]
    if not children:
        return ""
    body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    if _END in node:
        return "(?:" + body + ")?"
    return body
