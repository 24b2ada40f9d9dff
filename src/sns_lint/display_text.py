"""Text from outside (file names, user strings) made safe to print.

A file name can hold bytes that are not UTF-8 (Python keeps them as lone
surrogates), an ESC that would drive the terminal, a newline that would split a
one-line message, or a bidi override that would show it reversed. ``printable``
writes each such character as a visible escape (``\\xff``, ``\\x1b``,
``\\u202e``), so JSON stays valid UTF-8 and the terminal shows what is there.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control, bidi and undecodable characters shown as escapes."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


_FOLDED_BREAK = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def unfold(text: str) -> str:
    """Prose from a folded YAML scalar (``>``): each line break became a space, which between two
    Japanese characters is a stray gap (「言葉は、 相手の」); those spaces are removed."""
    return _FOLDED_BREAK.sub("", text)
