"""X (Twitter) weighted post length, as twitter-text v3 ``parseTweet`` computes it.

Port of twitter-text's ``parseTweet`` (https://github.com/twitter/twitter-text,
Apache-2.0, Copyright 2011 Twitter, Inc.) with config ``data/twitter-text-v3.json``
(verbatim copy of twitter-text ``config/v3.json``):

* the text is NFC-normalised first;
* every URL twitter-text extracts counts ``transformedURLLength`` (23) whatever its length;
* every emoji sequence counts ``defaultWeight`` (200, i.e. 2 characters) in total
  (``emojiParsingEnabled``);
* every other code point weighs by the configured ranges (100 = 1 character),
  ``defaultWeight`` (200) otherwise — CJK, kana, astral characters, directional
  markers and invalid characters such as U+FFFF all count 2.

The result is ``sum // scale``, the number X compares against 280.

How it is computed: at C speed, never a Python loop per character. The length is
the default weight per code point, corrected for the code points of other weights,
which are counted by regex scans (and a Latin-1 encode for the ASCII/Latin-1 block);
each URL and emoji sequence then replaces the weight of its code points by its own
(``Weighing``). Only a post that passes a limit needs each code point's weight: a
translation table built once from the config gives every code point its weight in small
units (``str.translate``, then a byte array); each URL and emoji sequence gets its whole
weight on its first code point and 0 on the rest (one slice assignment each), and the
first code point that no longer fits comes from running sums over that array
(``Weighing.overflow_offset``). A text that NFC changes is weighed that way from the
start, piece by piece.

Emoji: twitter-text uses twemoji-parser's generated regex.  Here sequences are detected
from Unicode properties instead (Extended_Pictographic table below, emoji modifiers,
VS16, ZWJ sequences, keycaps, regional-indicator flags, tag sequences), which agrees with
twemoji-parser on every conformance case and also covers emoji newer than its list.
"""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate

from .urls import UrlMatch, _extract_raw, extract_urls

TYPE_CHECKING = False  # no ``typing`` import: start-up time matters
if TYPE_CHECKING:
    import re
    from collections.abc import Iterable

__all__ = ["Weighing", "weigh", "weigh_post", "weighted_length"]

_CONFIG_PATH = os.path.join(os.path.dirname(__file__), "data", "twitter-text-v3.json")

# Extended_Pictographic=Yes, from Unicode emoji-data.txt (Unicode 15.1; the property
# reserves whole future-emoji blocks, so it has not needed to change since 13.0).
_EXTENDED_PICTOGRAPHIC = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049),
    (0x2122, 0x2122), (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA),
    (0x231A, 0x231B), (0x2328, 0x2328), (0x2388, 0x2388), (0x23CF, 0x23CF),
    (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2605),
    (0x2607, 0x2612), (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712),
    (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747),
    (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757),
    (0x2763, 0x2767), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0),
    (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299),
    (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F), (0x1F12F, 0x1F12F), (0x1F16C, 0x1F171),
    (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AD, 0x1F1E5),
    (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A),
    (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA), (0x1F400, 0x1F53D), (0x1F546, 0x1F64F),
    (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D5, 0x1F7FF), (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8FF),
    (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1FAFF), (0x1FC00, 0x1FFFD),
)

_config: dict | None = None
_emoji_re: re.Pattern[str] | None = None
_emoji_start_re: re.Pattern[str] | None = None  # a character every emoji sequence holds
_units: _Units | None = None

# Characters that NFC leaves alone and that never combine with the character before
# them (canonical combining class 0, no canonical mapping, never the second half of a
# composition): ASCII, Latin-1, kana (not the combining sound marks U+3099/U+309A), CJK
# punctuation (not the tone marks U+302A-302F), CJK ideographs, half- and full-width forms.
# In a text that is not NFC, only the runs of other characters (with the character
# before each run) can change, so only those are normalised. © and ® are left out: they
# can stand inside an emoji ZWJ sequence, which must not be cut into pieces.
_NFC_STABLE = (
    "\t\n\r\x20-\x7e\xa0-\xa8\xaa-\xad\xaf-\xff"
    "\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uffef"
)
_nfc_unstable_re: re.Pattern[str] | None = None

_CHUNK = 4096  # running sums are built this many code points at a time
_WINDOW = 64  # overflow_offset weighs at most this many code points one by one


def _mark_start(mark: "tuple[int, int, int]") -> int:
    return mark[0]


def _mark_end(mark: "tuple[int, int, int]") -> int:
    return mark[1]


def _load_config() -> dict:
    global _config
    if _config is None:
        import json

        with open(_CONFIG_PATH, encoding="utf-8") as fh:
            _config = json.load(fh)
    return _config


def _emoji_start() -> re.Pattern[str]:
    """One character class that every emoji sequence starts with or holds: scanning a post
    with it is much faster than trying the full pattern at each position, and the full
    pattern is compiled only for a post that has one (most have none).

    Exact below U+10000 (a bitmap for ``re``); above, the whole U+1F000-U+1FFFF plane block
    (one range test instead of thirty): the full pattern simply does not match at the few
    astral characters there that cannot start a sequence."""
    global _emoji_start_re
    if _emoji_start_re is None:
        import re

        _emoji_start_re = re.compile(rf"[\u00A9\u00AE\u20E3{_pictographic(bmp_only=True)}\U0001F000-\U0001FFFF]")
    return _emoji_start_re


def _pictographic(bmp_only: bool = False) -> str:
    """Extended_Pictographic above U+00FF as the inside of a character class. ©/® are the
    only ones with weight 100; like twemoji-parser, they count as emoji only with VS16."""
    import re

    def rng(a: int, b: int) -> str:
        return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"

    return "".join(rng(a, b) for a, b in _EXTENDED_PICTOGRAPHIC if a > 0xFF and not (bmp_only and b > 0xFFFF))


def _emoji_pattern() -> re.Pattern[str]:
    global _emoji_re
    if _emoji_re is None:
        import re

        pict = _pictographic()
        mod = "\U0001F3FB-\U0001F3FF"
        ri = "[\U0001F1E6-\U0001F1FF]"
        element = (
            rf"(?:[\u00A9\u00AE]\uFE0F"
            rf"|[{pict}](?:[{mod}]\uFE0F?|\uFE0F|(?!\uFE0E)))"
        )
        _emoji_re = re.compile(
            r"[#*0-9]\uFE0F?\u20E3"  # keycap
            r"|\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"  # tag sequence (subdivision flags)
            rf"|{ri}{ri}"  # flag
            rf"|{element}(?:\u200D{element})*"  # ZWJ sequence / modified / VS16 / single
            rf"|[{mod}]"  # lone modifier
        )
    return _emoji_re


def _emoji_spans(text: str) -> "list[tuple[int, int]]":
    """Spans of the emoji sequences, as ``finditer`` of the full pattern would give them.

    The full pattern is tried only where a sequence can start: at each character of
    ``_emoji_start`` (a keycap also one and two characters before its U+20E3), never
    at the other characters of the text.
    """
    pattern = None
    spans: list[tuple[int, int]] = []
    position = 0  # the end of the last sequence found
    for mark in _emoji_start().finditer(text):
        at = mark.start()
        if at < position:
            continue
        if pattern is None:
            pattern = _emoji_pattern().match
        starts = (at - 2, at - 1) if text[at] == "\u20e3" else (at,)
        for start in starts:
            if start < position:
                continue
            found = pattern(text, start)
            if found is not None:
                spans.append(found.span())
                position = found.end()
                break
    return spans


class _Units:
    """The config compiled: weights in units of their greatest common divisor (1 unit = 100
    in v3), a translation table giving each code point its weight as one character, and
    the code points whose weight is not the default as regex classes, to count a text's
    weight without weighing each code point (``count``)."""

    __slots__ = ("unit", "scale", "url", "emoji", "table", "emoji_on", "default", "classes", "ascii")

    def __init__(self, config: dict):
        import re
        from math import gcd

        scale = config["scale"]
        default = config["defaultWeight"]
        url = config["transformedURLLength"] * scale
        ranges = sorted((r["start"], r["end"], r["weight"]) for r in config["ranges"])
        unit = gcd(scale, default, url, *(w for _s, _e, w in ranges))
        if max(default, url, *(w for _s, _e, w in ranges)) // unit > 255:
            raise ValueError(f"{_CONFIG_PATH}: weights too far apart for one byte per code point")
        pieces, next_code = [], 0
        by_weight: dict[int, list[tuple[int, int]]] = {}
        for start, end, weight in ranges:
            start = max(start, next_code)  # overlapping ranges: the first one wins, as in parseTweet
            if end < start:
                continue
            pieces.append(chr(default // unit) * (start - next_code))
            pieces.append(chr(weight // unit) * (end + 1 - start))
            if weight != default:
                by_weight.setdefault(weight // unit, []).append((start, end))
            next_code = end + 1
        pieces.append(chr(default // unit) * (0x110000 - next_code))
        self.unit = unit
        self.scale = scale
        self.url = url // unit
        self.emoji = default // unit
        self.default = default // unit
        self.emoji_on = bool(config.get("emojiParsingEnabled"))
        self.table = "".join(pieces)  # index = code point (str.translate looks up table[ord(c)])
        # (weight, covers all of U+0000-U+00FF, runs of the class's other code points)
        classes = []
        for weight, spans in by_weight.items():
            latin1 = _covers(spans, 0, 0xFF)
            rest = [(max(a, 0x100), b) for a, b in spans if b >= 0x100] if latin1 else spans
            inside = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in rest)
            classes.append((weight, latin1, re.compile(f"[{inside}]+").findall if inside else None))
        self.classes = tuple(classes)
        ascii_weights = set(self.table[:0x80])
        self.ascii = ord(ascii_weights.pop()) if len(ascii_weights) == 1 else None  # one weight for all ASCII

    def count(self, text: str) -> int:
        """The weight of *text* read code point by code point (no URL, emoji or NFC), the sum
        of ``text.translate(self.table)``: the default weight per code point, corrected for
        the code points of each other weight, counted by C-level scans."""
        if self.ascii is not None and text.isascii():
            return self.ascii * len(text)
        total = self.default * len(text)
        for weight, latin1, runs in self.classes:
            found = len(text.encode("latin-1", "ignore")) if latin1 else 0
            if runs is not None:
                found += sum(map(len, runs(text)))
            total += (weight - self.default) * found
        return total


def _covers(spans: "list[tuple[int, int]]", low: int, high: int) -> bool:
    """Do the sorted, disjoint *spans* hold every code point from *low* to *high*?"""
    need = low
    for a, b in spans:
        if a > need:
            return False
        need = max(need, b + 1)
        if need > high:
            return True
    return False


def _compiled() -> _Units:
    global _units
    if _units is None:
        _units = _Units(_load_config())
    return _units


class Weighing:
    """The weight of every code point of one text (in ``_Units.unit``), its total, and
    where a running total first passes a limit.

    Usually kept as the text and its marks (URL and emoji sequences: their whole weight on
    their first code point, 0 on the rest), with the total counted without weighing each
    code point; the weights themselves are built only when a limit is passed. A text that
    NFC changes keeps its weights from the start (its pieces are reweighed)."""

    __slots__ = ("_text", "_marks", "_weights", "_units", "_total", "length")

    def __init__(self, weights: bytearray, units: _Units):
        self._text = None
        self._marks = None
        self._weights = weights
        self._units = units
        self._total = sum(weights)
        self.length = self._total * units.unit // units.scale  # what X compares with 280

    @classmethod
    def _of_text(cls, text: str, marks: "list[tuple[int, int, int]]", units: _Units, total: int | None = None) -> "Weighing":
        """*marks*: non-overlapping ``(start, end, weight)`` in text order; *total*: the sum
        of the weights when the caller knows it."""
        self = cls.__new__(cls)
        self._text = text
        self._marks = marks
        self._weights = None
        self._units = units
        if total is None:
            total = self._units_in(0, len(text))
        self._total = total
        self.length = total * units.unit // units.scale
        return self

    def _units_in(self, start: int, end: int) -> int:
        """Sum of the weights of ``text[start:end]`` (0 <= start <= end <= len)."""
        if end <= start:
            return 0
        count = self._units.count
        text = self._text
        total = count(text[start:end])
        marks = self._marks
        if not marks:
            return total
        # marks are in order and do not overlap: their ends are in order too
        at = bisect_right(marks, start, key=_mark_end) if len(marks) > 8 else 0
        for index in range(at, len(marks)):
            mark_start, mark_end, weight = marks[index]
            if mark_start >= end:
                break
            if mark_end <= start:
                continue
            if mark_start >= start:
                total += weight
            total -= count(text[max(start, mark_start) : min(end, mark_end)])
        return total

    @property
    def weights(self) -> bytearray:
        if self._weights is None:
            self._weights = _apply_marks(bytearray(self._text.translate(self._units.table), "latin-1"), self._marks)
        return self._weights

    def part(self, start: int, end: int) -> "Weighing":
        """The weighing of ``text[start:end]`` (the same weights, no recount)."""
        if self._text is None:
            weights = self._weights
            if start == 0 and end >= len(weights):
                return self
            return Weighing(weights[start:end], self._units)
        text = self._text
        if start == 0 and end >= len(text):
            return self
        start, end, _ = slice(start, end).indices(len(text))
        end = max(start, end)
        # the few code points cut off (blank space around a post) are counted, not the part
        total = self._total - self._units_in(0, start) - self._units_in(end, len(text))
        return Weighing._of_text(text[start:end], self._marks_in(start, end), self._units, total)

    def _marks_in(self, start: int, end: int) -> "list[tuple[int, int, int]]":
        """The marks of ``text[start:end]``, with offsets into it."""
        marks = []
        for mark_start, mark_end, weight in self._marks:
            if mark_end <= start or mark_start >= end:
                continue
            if mark_start >= start:
                marks.append((mark_start - start, min(mark_end, end) - start, weight))
            else:  # begun before the part: its code points here weigh 0
                marks.append((0, min(mark_end, end) - start, 0))
        return marks

    def _units_before(self, offset: int) -> int:
        """Sum of the weights of the first *offset* code points."""
        if offset <= 0:
            return 0
        if self._text is None:
            return sum(self._weights[:offset])
        return self._units_in(0, min(offset, len(self._text)))

    def span_length(self, start: int, end: int) -> int:
        """X's length of ``text[start:end]`` where no mark straddles *start* (a post without the
        blank space around it): ``part(start, end).length`` without copying the text."""
        size = len(self._text) if self._text is not None else len(self._weights)
        end = max(start, min(end, size))
        if self._text is None:
            units = self._total - sum(self._weights[:start]) - sum(self._weights[end:])
        else:
            units = self._total - self._units_in(0, start) - self._units_in(end, size)
        return units * self._units.unit // self._units.scale

    def overflow_offset(self, limit: int, start: int = 0) -> int | None:
        """Offset (from *start*) of the first code point with which the length counted from
        *start* exceeds *limit*; None if it fits. Code points before *start* (blank space
        before a post) only shift the running total. With a *start*, ask only when the span
        is known to be over the limit (``span_length``)."""
        if start == 0 and self.length <= limit:
            return None
        # length of a prefix > limit  <=>  its units reach ceil((limit + 1) * scale / unit)
        threshold = -(-(limit + 1) * self._units.scale // self._units.unit)
        if start:
            threshold += self._units_before(start)
            if self._total < threshold:
                return None
            found = self._first_reaching(threshold)
            return found - start
        return self._first_reaching(threshold)

    def _first_reaching(self, threshold: int) -> int:
        """Offset of the first code point at which the running total of units reaches *threshold*."""
        if self._weights is None:
            # halve the text (sums counted by C-level scans) down to a short window,
            # then weigh only that window code point by code point
            low, high, below = 0, len(self._text), 0  # sum of text[:low] < threshold <= sum of text[:high]
            while high - low > _WINDOW:
                middle = (low + high) // 2
                upto = below + self._units_in(low, middle)
                if upto >= threshold:
                    high = middle
                else:
                    low, below = middle, upto
            window = bytearray(self._text[low:high].translate(self._units.table), "latin-1")
            sums = list(accumulate(_apply_marks(window, self._marks_in(low, high)), initial=below))
            return low + bisect_left(sums, threshold, 1) - 1
        weights = self._weights
        total = 0
        for start in range(0, len(weights), _CHUNK):
            chunk = weights[start : start + _CHUNK]
            chunk_total = sum(chunk)
            if total + chunk_total >= threshold:
                sums = list(accumulate(chunk, initial=total))
                return start + bisect_left(sums, threshold, 1) - 1
            total += chunk_total
        return len(weights)  # not reached: the length exceeds the limit


def _marks(text: str, spans: "Iterable[tuple[int, int]]", units: _Units) -> "list[tuple[int, int, int]]":
    """URL *spans* and the emoji sequences of *text* as ``(start, end, weight)``, in text
    order, without overlaps (a mark that starts inside an earlier one is dropped; at one
    position a URL comes first)."""
    marks = [(start, end, units.url) for start, end in spans if end > start]
    emoji = _emoji_spans(text) if units.emoji_on and not text.isascii() else None
    if emoji:
        marks.extend((start, end, units.emoji) for start, end in emoji)
        marks.sort(key=lambda mark: (mark[0], mark[2] != units.url))  # at one position a URL comes first
    elif emoji is not None:
        if len(marks) < 2:
            return marks
        marks.sort(key=_mark_start)  # URLs only: by start, as given at one start
    elif len(marks) < 2:
        return marks
    else:
        marks.sort()
    kept = []
    position = 0
    for mark in marks:
        if mark[0] < position:
            continue  # inside the previous URL or emoji (overlapping URL spans: the first wins)
        kept.append(mark)
        position = mark[1]
    return kept


def _apply_marks(weights: bytearray, marks: "list[tuple[int, int, int]]") -> bytearray:
    for start, end, weight in marks:
        weights[start] = weight
        if end - start > 1:
            weights[start + 1 : end] = bytes(end - start - 1)
    return weights


def _raw_weights(text: str, spans: "Iterable[tuple[int, int]]", units: _Units) -> bytearray:
    """Weights of *text* read as it is (no normalisation); *spans* are URLs."""
    return _apply_marks(bytearray(text.translate(units.table), "latin-1"), _marks(text, spans, units))


def _nfc_unstable() -> re.Pattern[str]:
    global _nfc_unstable_re
    if _nfc_unstable_re is None:
        import re

        _nfc_unstable_re = re.compile(f"[^{_NFC_STABLE}]+")
    return _nfc_unstable_re


def _normalise_pieces(text: str, spans: list[tuple[int, int]], weights: bytearray, units: _Units) -> None:
    """For a text that is not NFC: reweigh, in NFC form, each piece that NFC changes.

    A piece is a run of characters outside ``_NFC_STABLE`` with the character before it,
    cut at URL spans (the text between URLs is normalised piecewise). Its NFC weight goes
    on its own code points (first ones first), so offsets stay offsets into *text*.
    """
    gaps, position = [], 0
    for start, end in sorted(spans):
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    gaps.append((position, len(text)))
    for gap_start, gap_end in gaps:
        for run in _nfc_unstable().finditer(text, gap_start, gap_end):
            start, end = max(gap_start, run.start() - 1), run.end()
            piece = text[start:end]
            normal = unicodedata.normalize("NFC", piece)
            if normal == piece:
                continue
            normal_weights = _raw_weights(normal, (), units)
            size = end - start
            if len(normal_weights) <= size:
                weights[start:end] = normal_weights + bytes(size - len(normal_weights))
            else:  # NFC made it longer (composition exclusions, at most 3 for 1): group the surplus
                step = -(-len(normal_weights) // size)
                grouped = [sum(normal_weights[i * step : (i + 1) * step]) for i in range(size)]
                weights[start:end] = bytes(grouped)


def weigh(text: str, urls: "Iterable[tuple[int, int]]" = ()) -> Weighing:
    """Weighing of *text* where the given URL spans ``(start, end)`` into *text* count 23
    each; the text between them counts in its NFC form, with offsets into *text*."""
    units = _compiled()
    spans = list(urls)
    if unicodedata.is_normalized("NFC", text):
        return Weighing._of_text(text, _marks(text, spans, units), units)
    weights = _raw_weights(text, spans, units)
    _normalise_pieces(text, spans, weights, units)
    return Weighing(weights, units)


def weigh_post(text: str, urls: "list[UrlMatch] | None" = None) -> Weighing:
    """Weighing of a post the way X counts it: *urls* are the URLs X links in it
    (``extract_urls(text, normalize_width=False)``, e.g. ``PostAnalysis.x_urls``)."""
    if urls is None:
        urls = extract_urls(text, normalize_width=False)
    return weigh(text, [(u.start, u.end) for u in urls])


def weighted_length(text: str, urls: list[UrlMatch] | None = None) -> int:
    """Weighted length of *text* in X "characters" (the number X compares with 280).

    With ``urls=None`` the URLs are found exactly as X/twitter-text does (on the
    NFC-normalised text; full-width URLs are *not* URLs for X and count per character).
    If *urls* is given (spans into *text*, e.g. from ``extract_urls``), those spans count
    23 each instead, and the text between them is NFC-normalised piecewise.
    """
    if urls is None:
        normalized = unicodedata.normalize("NFC", text)
        # twitter-text skips len(url) characters from the URL's start index.
        spans = [(start, start + len(url)) for start, _end, url, _p in _extract_raw(normalized)]
        return weigh(normalized, spans).length
    return weigh(text, [(u.start, u.end) for u in urls]).length
