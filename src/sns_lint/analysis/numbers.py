"""Numbers and number-like runs of a post, found once and shared by every rule.

A run is a stretch of digits (ASCII or full-width) with the separators real
notices put inside numbers: hyphens of every kind (``-`` ``‐`` ``–`` ``−``
``－`` and the long-vowel mark ``ー`` written between digits), one space
between groups, and parentheses around an area code (``(099)224-1111``).
Each run keeps its offsets into the original text and its digits as ASCII, so
a detector validates the digits (phone parser, check digits) and reports the
span the user wrote. Kanji numerals are not digits here; the address parser
reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGIT = "0-9０-９"
HYPHENS = "\\-‐‑‒–—―−－ー﹣"
_RUN = re.compile(
    rf"(?=[+＋(（{DIGIT}])"  # lets the engine skip other characters fast
    rf"(?:[+＋][{DIGIT}]{{1,3}}[ \u3000]?[{HYPHENS}]?[ \u3000]?)?"  # +81-
    rf"(?:[(（][{DIGIT}]{{1,5}}[)）][ \u3000]?)?"  # (099)
    rf"[{DIGIT}]+"
    rf"(?:(?:[ \u3000]?[{HYPHENS}][ \u3000]?|[ \u3000])[{DIGIT}]+|[(（][{DIGIT}]{{1,5}}[)）][{DIGIT}]+)*"
)
_GROUP = re.compile(f"[{DIGIT}]+")
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
_ANY_DIGIT = re.compile(f"[{DIGIT}]")
_BARE_SPACE = re.compile(f"(?<=[{DIGIT}])[ \u3000](?=[{DIGIT}(（])")


# Pre-filters: a run with at least N digits has N digits with at most four separator characters
# between neighbours ("+81 - (099)"), so a post without this shape has no such run.
_GAP = rf"[{HYPHENS} \u3000()（）]{{0,4}}"
_LONG_RUNS = {n: re.compile(rf"[{DIGIT}](?:{_GAP}[{DIGIT}]){{{n - 1}}}") for n in (4, 5)}


def may_hold_run(text: str, digits: int) -> bool:
    """Whether ``text`` may hold a run of at least ``digits`` (4 or 5) digits: one C-level search."""
    return _LONG_RUNS[digits].search(text) is not None


@dataclass(frozen=True, slots=True)
class NumberRun:
    start: int  # code-point offsets into the post text
    end: int
    digits: str  # every digit of the run, ASCII
    groups: tuple[str, ...]  # digit groups as the text separates them, ASCII
    international: bool  # written with a leading + (country code first)
    spaced: bool  # some groups are separated by a bare space (no hyphen)

    @property
    def grouping(self) -> tuple[int, ...]:
        return tuple(len(g) for g in self.groups)

    def space_pieces(self, text: str) -> list[tuple[int, int]]:
        """Spans of the run cut at bare spaces: two numbers written side by side are two pieces."""
        if not self.spaced:
            return [(self.start, self.end)]
        pieces = []
        position = self.start
        for match in _BARE_SPACE.finditer(text, self.start, self.end):
            pieces.append((position, match.start()))
            position = match.end()
        pieces.append((position, self.end))
        return pieces


def to_ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII)


def find_numbers(text: str) -> list[NumberRun]:
    """Every digit run of the text, left to right."""
    if _ANY_DIGIT.search(text) is None:
        return []
    runs = []
    for match in _RUN.finditer(text):
        raw = match.group()
        start, end = match.start(), match.end()
        if raw.isascii() and raw.isdigit():  # most runs: 12, 2024, 30
            runs.append(NumberRun(start, end, raw, (raw,), False, False))
            continue
        groups = tuple(to_ascii_digits(g) for g in _GROUP.findall(raw))
        international = raw[0] in "+＋"
        spaced = _BARE_SPACE.search(raw) is not None
        runs.append(NumberRun(start, end, "".join(groups), groups, international, spaced))
    return runs


def run_from_span(text: str, start: int, end: int) -> NumberRun:
    """A run for one piece of a longer run (see ``NumberRun.space_pieces``)."""
    raw = text[start:end]
    groups = tuple(to_ascii_digits(g) for g in _GROUP.findall(raw))
    return NumberRun(start, end, "".join(groups), groups, raw[:1] in ("+", "＋"), False)
