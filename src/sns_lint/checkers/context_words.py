"""Word lists from rule data files, and "is one of these words within a few tokens?".

Presidio-style validation: a pattern proposes a candidate, and words near it
decide. "Near" counts Sudachi tokens of the post (shared with every other
rule), never crossing a line break. Lists are plain text files beside the
rules (one entry a line, ``#`` starts a comment), so adding a word never needs
Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sns_lint.analysis.literal_patterns import IGNORECASE_EXTRAS
from sns_lint.checkers import RuleContext


def parse_word_list(text: str) -> tuple[str, ...]:
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return tuple(dict.fromkeys(words))


def read_word_list(raw: dict, key: str, context: RuleContext, required: bool = True) -> tuple[str, ...]:
    if raw.get(key) is None:
        if required:
            context.fail(f"{key} がありません（語リストのファイル名を書いてください）。", raw, None)
        return ()
    if not isinstance(raw[key], str):
        context.fail(f"{key} にはファイル名を 1 つ書いてください。", raw, key)
    text, _path = context.read_data_file(raw, key)
    words = parse_word_list(text)
    if not words:
        context.fail(f"{key}「{raw[key]}」に語がありません。", raw, key)
    return words


@dataclass(frozen=True)
class WordSet:
    """Words found as substrings (longest first), case-insensitive for ASCII."""

    words: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern:
        cached = _patterns.get(self.words)
        if cached is None:
            ordered = sorted(self.words, key=len, reverse=True)
            cached = _patterns[self.words] = re.compile("|".join(map(re.escape, ordered)), re.IGNORECASE)
        return cached

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        if not self.words:
            return None
        end = len(text) if end is None else end
        fast = _fast_patterns.get(self.words)
        if fast is None:
            fast = _fast_patterns[self.words] = _split_by_first_letter(self.words) or (self.pattern,)
        if len(fast) == 1:
            return fast[0].search(text, start, end)
        first, second = fast[0].search(text, start, end), fast[1].search(text, start, end)
        if first is None or (second is not None and second.start() < first.start()):
            return second
        return first

    def in_post(self, analysis: Any) -> bool:
        """Whether the post holds a listed word at all (remembered per post: one search, then
        ``near`` is asked only where it can succeed)."""
        seen = analysis.memo.get(self.words)
        if seen is None:
            seen = analysis.memo[self.words] = self.search(analysis.text) is not None
        return seen

    def near(self, analysis: Any, start: int, end: int, before: int = 6, after: int = 0) -> re.Match | None:
        """A listed word within ``before`` tokens before ``start`` or ``after`` tokens after ``end``,
        on the same line."""
        if not self.words or not self.in_post(analysis):
            return None
        low, high = token_window(analysis, start, end, before, after)
        return self.search(analysis.text, low, high)


_patterns: dict[tuple[str, ...], re.Pattern] = {}
_fast_patterns: dict[tuple[str, ...], tuple[re.Pattern, ...]] = {}
# Latin letters, ASCII and full-width (IGNORECASE_EXTRAS: what else IGNORECASE takes for one).
LATIN_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
)


def _split_by_first_letter(words: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    """The IGNORECASE alternation as two patterns the engine can scan fast (same matches).

    A case-insensitive alternation whose words start with a cased letter (TEL, No.) is tried at
    every character; one whose words all start with an uncased character (電話, 〒) skips in C to
    those characters. So: the words starting with an uncased character stay as they are, and
    each word starting with a Latin letter becomes one alternative per character IGNORECASE
    takes for that letter (``t(?i:el)|T(?i:el)``). The two sets of first characters are
    disjoint, so the earlier of the two matches is the alternation's. None when there is nothing
    to split (or a word starts with another cased character)."""
    ordered = sorted(words, key=len, reverse=True)
    plain = [w for w in ordered if w[0].lower() == w[0] == w[0].upper()]
    lettered = [w for w in ordered if w[0] in LATIN_LETTERS]
    if not lettered or len(plain) + len(lettered) != len(ordered):
        return None
    alternatives = []
    for word in lettered:
        letter = word[0].lower()
        rest = f"(?i:{re.escape(word[1:])})" if len(word) > 1 else ""
        for variant in letter + letter.upper() + IGNORECASE_EXTRAS.get(letter, ""):
            alternatives.append(re.escape(variant) + rest)
    cased = re.compile("|".join(alternatives))
    if not plain:
        return (cased,)
    return re.compile("|".join(map(re.escape, plain)), re.IGNORECASE), cased


def token_window(analysis: Any, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """Character span of ``before`` tokens before ``start`` to ``after`` tokens after ``end``, within the line."""
    text = analysis.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    tokens = analysis.tokens
    first = tokens.index_at(start)  # token holding start
    low = tokens.start(first - before) if first - before >= 0 else 0
    last = tokens.index_at(max(start, end - 1)) + after
    high = tokens.end(last) if 0 <= last < len(tokens) else len(text)
    return max(low, line_start), min(max(high, end), line_end)


_WORD_BEFORE = re.compile(r"\S*$")


def inside_url_word(text: str, start: int, slash: bool = False) -> bool:
    """Whether ``start`` lies inside a whitespace-free word that is (part of) a URL: after ``://``
    (user info https://a.example@b.example/) or, with ``slash``, after any ``/`` (a path)."""
    before = _WORD_BEFORE.search(text, max(0, start - 300), start)
    if before is None:
        return False
    word = before.group()
    return "://" in word or (slash and "/" in word)
