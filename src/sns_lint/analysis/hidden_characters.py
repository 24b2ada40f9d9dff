"""Characters that show nothing: found, removed before matching, and mapped back.

A zero-width space, a soft hyphen, a word joiner or a variation selector inside a
word hides it from a search for the word (and from this linter) while the reader
sees the word. Tokens and URLs are therefore computed on the text without them;
``Removal`` turns offsets in that text back into offsets in the original, so
every finding still points at what the user wrote (the hidden characters
included in its span).
"""

from __future__ import annotations

import re
from bisect import bisect_right

# soft hyphen, Mongolian vowel separator, ZWSP, ZWNJ, word joiner and invisible operators,
# BOM used as ZWNBSP, variation selectors (also the supplementary ones, VS17-VS256)
INVISIBLE_CHARS = "\u00ad\u180e\u200b\u200c\u2060-\u2064\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


class Removal:
    """``text`` is the original without the removed characters; offsets map back."""

    __slots__ = ("text", "_at")

    def __init__(self, original: str, pattern: re.Pattern[str]):
        removed = [match.start() for match in pattern.finditer(original)]
        self.text = pattern.sub("", original)
        # where each removed character sat, counted in the shorter text
        self._at = [position - index for index, position in enumerate(removed)]

    def start(self, offset: int) -> int:
        """Original offset of the character at ``offset`` of the shorter text."""
        return offset + bisect_right(self._at, offset)

    def end(self, offset: int) -> int:
        """Original offset just after the character before ``offset`` (an exclusive end)."""
        return self.start(offset - 1) + 1 if offset > 0 else 0


def remove(text: str, pattern: re.Pattern[str] = INVISIBLE) -> Removal | None:
    """The text without ``pattern``'s characters, or None when it has none (the usual case)."""
    return Removal(text, pattern) if pattern.search(text) else None
