"""Line breaking for a terminal that shows full-width characters in two cells.

Japanese text breaks between any two characters, except that closing brackets
and punctuation never start a line and opening brackets never end one (a
simple 禁則処理). Runs of ASCII letters, digits and symbols — rule ids, URLs,
numbers — are kept whole unless a run alone is wider than the line.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

# what must not start a line / must not end a line
_NO_START = "、。，．,.)）]］}｝」』】〕〉》〙〗・：:；;！!？?ー〜～々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ％%"
_NO_END = "(（[［{｛「『【〔〈《〘〖"
_UNITS = re.compile(
    rf"[{re.escape(_NO_END)}]*(?:[\x21-\x7e]+|\s+|.)[{re.escape(_NO_START)}]*",
    re.DOTALL,
)


_GOOD_BREAK_AFTER = frozenset("、。・，．： ")
PREFERRED_REACH = 0.25  # look back this share of a line for a break after punctuation


def break_offsets(text: str, first_width: int, width: int) -> list[int]:
    """Offsets in ``text`` where new lines start: the first line holds ``first_width``
    cells, the following ones ``width`` cells (the caller adds the hanging indent).

    A line preferably ends after punctuation (、。・) or a space when one is
    near the end of the line, so words like ファイル are not cut in the middle."""
    offsets: list[int] = []
    room = max(1, first_width)
    used = 0
    good: tuple[int, int] | None = None  # (offset after punctuation, cells used up to it)

    def new_line(at: int) -> None:
        nonlocal room, used, good
        offsets.append(at)
        room, used, good = max(1, width), 0, None

    for match in _UNITS.finditer(text):
        unit = match.group()
        cells = cell_len(unit)
        if unit.isspace():
            if used + cells > room:
                new_line(match.end())  # a break at a space: the space is dropped
            else:
                used += cells
                good = (match.end(), used)
            continue
        if used and used + cells > room:
            if good is not None and used - good[1] <= room * PREFERRED_REACH and good[0] > (offsets[-1] if offsets else 0):
                carried = used - good[1]
                new_line(good[0])
                used = carried
            else:
                new_line(match.start())
        if cells > room:  # a run wider than a whole line: cut it where it overflows
            position = match.start()
            for char in unit:
                char_cells = cell_len(char)
                if used and used + char_cells > room:
                    new_line(position)
                used += char_cells
                position += 1
            continue
        used += cells
        if unit[-1] in _GOOD_BREAK_AFTER:
            good = (match.end(), used)
    return [o for o in offsets if 0 < o < len(text)]


def wrap(text: str, first_width: int, width: int) -> list[str]:
    """``text`` as lines; spaces at the start of a continuation line are dropped."""
    lines = []
    start = 0
    for offset in [*break_offsets(text, first_width, width), len(text)]:
        piece = text[start:offset]
        lines.append(piece.rstrip() if lines else piece.rstrip())
        start = offset
    return [line.lstrip() if index else line for index, line in enumerate(lines)]
