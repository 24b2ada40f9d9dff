"""The one way to turn code-point offsets into 1-based line and column numbers."""

from __future__ import annotations

from array import array
from bisect import bisect_right


class LineIndex:
    """Line starts of a text whose newlines are LF."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str):
        self.text = text
        # 4 bytes a line (8 past 4 G characters): a draft of a million short lines stays small
        starts = array("I" if len(text) <= 0xFFFF_FFFF else "q", [0])
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1

    def content_span(self, line: int) -> tuple[int, int]:
        """Offsets of a line's text without its leading and trailing blanks."""
        whole = self.line_text(line)
        start = self.offset(line, 1) + len(whole) - len(whole.lstrip())
        return start, start + len(whole.strip())

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]


class OffsetMap:
    """Offsets in a value read out of a file (a YAML scalar, a JSON string, a CSV cell) back
    to offsets in the file's text.

    ``anchors`` are (value offset, file offset) pairs, sorted; between two anchors the value
    runs verbatim in the file. Characters an escape produced map to the escape's start.
    """

    __slots__ = ("_values", "_files")

    def __init__(self, anchors: list[tuple[int, int]]):
        anchors = anchors or [(0, 0)]
        self._values = [value for value, _file in anchors]
        self._files = [file for _value, file in anchors]

    def to_file(self, offset: int) -> int:
        index = bisect_right(self._values, offset) - 1
        if index < 0:
            return self._files[0]
        return self._files[index] + offset - self._values[index]
