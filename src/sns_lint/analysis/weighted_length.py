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

Emoji: twitter-text uses twemoji-parser's generated regex.  Here sequences are detected
from Unicode properties instead (Extended_Pictographic table below, emoji modifiers,
VS16, ZWJ sequences, keycaps, regional-indicator flags, tag sequences), which agrees with
twemoji-parser on every conformance case and also covers emoji newer than its list.
"""

from __future__ import annotations

import os
import unicodedata

from .urls import UrlMatch, _extract_raw

TYPE_CHECKING = False  # no ``typing`` import: start-up time matters
if TYPE_CHECKING:
    import re

__all__ = ["weighted_length"]

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


def _load_config() -> dict:
    global _config
    if _config is None:
        import json

        with open(_CONFIG_PATH, encoding="utf-8") as fh:
            _config = json.load(fh)
    return _config


def _emoji_pattern() -> re.Pattern[str]:
    global _emoji_re
    if _emoji_re is None:
        import re

        def rng(a: int, b: int) -> str:
            return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"

        # ©/® are the only Extended_Pictographic characters with weight 100; like
        # twemoji-parser, count them as emoji only with VS16.
        pict = "".join(rng(a, b) for a, b in _EXTENDED_PICTOGRAPHIC if a > 0xFF)
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


def _char_weights(config: dict):
    ranges = [(r["start"], r["end"], r["weight"]) for r in config["ranges"]]
    default = config["defaultWeight"]

    def weight(cp: int) -> int:
        for start, end, w in ranges:
            if start <= cp <= end:
                return w
        return default

    return weight


def _weigh(text: str, url_spans: dict[int, int], config: dict, weight) -> int:
    """Weighted sum (unscaled) of *text*, URLs given as {start: length}."""
    url_weight = config["transformedURLLength"] * config["scale"]
    emoji_weight = config["defaultWeight"]
    emoji: dict[int, int] = {}
    if config.get("emojiParsingEnabled") and not text.isascii():
        emoji = {m.start(): m.end() for m in _emoji_pattern().finditer(text)}
    total = 0
    i = 0
    n = len(text)
    while i < n:
        length = url_spans.get(i)
        if length is not None:
            total += url_weight
            i += max(length, 1)
            continue
        end = emoji.get(i)
        if end is not None:
            total += emoji_weight
            i = end
            continue
        total += weight(ord(text[i]))
        i += 1
    return total


def weighted_length(text: str, urls: list[UrlMatch] | None = None) -> int:
    """Weighted length of *text* in X "characters" (the number X compares with 280).

    With ``urls=None`` the URLs are found exactly as X/twitter-text does (on the
    NFC-normalised text; full-width URLs are *not* URLs for X and count per character).
    If *urls* is given (spans into *text*, e.g. from ``extract_urls``), those spans count
    23 each instead, and the text between them is NFC-normalised piecewise.
    """
    config = _load_config()
    weight = _char_weights(config)
    scale = config["scale"]
    if urls is None:
        normalized = unicodedata.normalize("NFC", text)
        # twitter-text skips len(url) characters from the URL's start index.
        spans = {start: len(url) for start, _end, url, _p in _extract_raw(normalized)}
        return _weigh(normalized, spans, config, weight) // scale

    url_weight = config["transformedURLLength"] * scale
    total = 0
    pos = 0
    for m in sorted(urls, key=lambda u: (u.start, u.end)):
        if m.start < pos:
            continue  # overlapping spans: keep the first
        total += _weigh(unicodedata.normalize("NFC", text[pos : m.start]), {}, config, weight)
        total += url_weight
        pos = m.end
    total += _weigh(unicodedata.normalize("NFC", text[pos:]), {}, config, weight)
    return total // scale
