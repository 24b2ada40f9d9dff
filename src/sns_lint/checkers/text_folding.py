"""Fold the spelling variants a term list should treat as one word."""

from __future__ import annotations

import re
import unicodedata

_HIRA_TO_KATA = {code: code + 0x60 for code in range(0x3041, 0x3097)}
_KATA_TO_HIRA = {code + 0x60: code for code in range(0x3041, 0x3097)}
# Full-width letters and digits and half-width katakana: the width variants a listed word
# can be typed in. Full-width punctuation （）！ is everywhere in Japanese and needs no folding.
WIDTH_FORMS = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f]")
_KANA_ONLY = re.compile(r"^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u30fd\u30fe\uff66-\uff9f]+$")


def to_katakana(text: str) -> str:
    return text.translate(_HIRA_TO_KATA)


def to_hiragana(text: str) -> str:
    return text.translate(_KATA_TO_HIRA)


def fold_width(text: str) -> str:
    """Full-width ASCII and half-width katakana to their ordinary forms."""
    return unicodedata.normalize("NFKC", text) if WIDTH_FORMS.search(text) else text


def is_kana(text: str) -> bool:
    return bool(_KANA_ONLY.match(text))


_FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_ASCII[0x3000] = 0x20


def fold_ascii_width(text: str) -> str:
    """Full-width ASCII to ASCII, one character for one: offsets stay valid."""
    return text.translate(_FULLWIDTH_ASCII)
