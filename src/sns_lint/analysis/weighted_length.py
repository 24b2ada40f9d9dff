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

How it is computed: one pass at C speed, never a Python loop per character. A
translation table built once from the config gives every code point its weight in
small units (``str.translate``, then a byte array); each URL and emoji sequence then
gets its whole weight on its first code point and 0 on the rest (one slice
assignment each). The length is ``sum()`` of that array, and the first code point
that no longer fits a limit comes from running sums over the same array
(``Weighing.overflow_offset``), so nothing is counted twice.

Emoji: twitter-text uses twemoji-parser's generated regex.  Here sequences are detected
from Unicode properties instead (Extended_Pictographic table below, emoji modifiers,
VS16, ZWJ sequences, keycaps, regional-indicator flags, tag sequences), which agrees with
twemoji-parser on every conformance case and also covers emoji newer than its list.
"""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_left
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


def _load_config() -> dict:
    global _config
    if _config is None:
        import json

        with open(_CONFIG_PATH, encoding="utf-8") as fh:
            _config = json.load(fh)
    return _config


def _emoji_start() -> re.Pattern[str]:
    """One character class that every emoji sequence holds: scanning a post with it is
    much faster than trying the full pattern at each position, and the full pattern is
    compiled only for a post that has one (most have none)."""
    global _emoji_start_re
    if _emoji_start_re is None:
        import re

        _emoji_start_re = re.compile(rf"[\u00A9\u00AE\u20E3{_pictographic()}\U0001F3FB-\U0001F3FF\U0001F1E6-\U0001F1FF]")
    return _emoji_start_re


def _pictographic() -> str:
    """Extended_Pictographic above U+00FF as the inside of a character class. ©/® are the
    only ones with weight 100; like twemoji-parser, they count as emoji only with VS16."""
    import re

    def rng(a: int, b: int) -> str:
        return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"

    return "".join(rng(a, b) for a, b in _EXTENDED_PICTOGRAPHIC if a > 0xFF)


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
    in v3), a translation table giving each code point its weight as one character."""

    __slots__ = ("unit", "scale", "url", "emoji", "table", "emoji_on")

    def __init__(self, config: dict):
        from math import gcd

        scale = config["scale"]
        default = config["defaultWeight"]
        url = config["transformedURLLength"] * scale
        ranges = sorted((r["start"], r["end"], r["weight"]) for r in config["ranges"])
        unit = gcd(scale, default, url, *(w for _s, _e, w in ranges))
        if max(default, url, *(w for _s, _e, w in ranges)) // unit > 255:
            raise ValueError(f"{_CONFIG_PATH}: weights too far apart for one byte per code point")
        pieces, next_code = [], 0
        for start, end, weight in ranges:
            start = max(start, next_code)  # overlapping ranges: the first one wins, as in parseTweet
            if end < start:
                continue
            pieces.append(chr(default // unit) * (start - next_code))
            pieces.append(chr(weight // unit) * (end + 1 - start))
            next_code = end + 1
        pieces.append(chr(default // unit) * (0x110000 - next_code))
        self.unit = unit
        self.scale = scale
        self.url = url // unit
        self.emoji = default // unit
        self.emoji_on = bool(config.get("emojiParsingEnabled"))
        self.table = "".join(pieces)  # index = code point (str.translate looks up table[ord(c)])


def _compiled() -> _Units:
    global _units
    if _units is None:
        _units = _Units(_load_config())
    return _units


class Weighing:
    """The weight of every code point of one text (in ``_Units.unit``), its total, and
    where a running total first passes a limit."""

    __slots__ = ("_weights", "_unit", "_scale", "length")

    def __init__(self, weights: bytearray, units: _Units):
        self._weights = weights
        self._unit = units.unit
        self._scale = units.scale
        self.length = sum(weights) * units.unit // units.scale  # what X compares with 280

    def part(self, start: int, end: int) -> "Weighing":
        """The weighing of ``text[start:end]`` (the same weights, no recount)."""
        if start == 0 and end >= len(self._weights):
            return self
        part = Weighing.__new__(Weighing)
        part._weights = self._weights[start:end]
        part._unit, part._scale = self._unit, self._scale
        part.length = sum(part._weights) * self._unit // self._scale
        return part

    def overflow_offset(self, limit: int) -> int | None:
        """Offset of the first code point with which the length exceeds *limit*; None if it fits."""
        if self.length <= limit:
            return None
        # length of a prefix > limit  <=>  its units reach ceil((limit + 1) * scale / unit)
        threshold = -(-(limit + 1) * self._scale // self._unit)
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


def _raw_weights(text: str, spans: "Iterable[tuple[int, int]]", units: _Units) -> bytearray:
    """Weights of *text* read as it is (no normalisation); *spans* are URLs."""
    weights = bytearray(text.translate(units.table), "latin-1")
    marks = [(start, end, units.url) for start, end in spans if end > start]
    if units.emoji_on and not text.isascii():
        marks.extend((start, end, units.emoji) for start, end in _emoji_spans(text))
        marks.sort(key=lambda mark: (mark[0], mark[2] != units.url))  # at one position a URL comes first
    elif marks:
        marks.sort()
    position = 0
    for start, end, weight in marks:
        if start < position:
            continue  # inside the previous URL or emoji (overlapping URL spans: the first wins)
        weights[start] = weight
        if end - start > 1:
            weights[start + 1 : end] = bytes(end - start - 1)
        position = end
    return weights


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
    weights = _raw_weights(text, spans, units)
    if not unicodedata.is_normalized("NFC", text):
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
