"""Street addresses down to block and house number, and one normalised form to compare them.

``address_key`` turns every way of writing the same place into one string:
11番1号 = 11-1 = １１－１ = 十一番一号 = 11番地1, and a building name after the
number (``…1-1-3 シティプラザ内``) is cut off. ``find_addresses`` proposes the
spans of a post that end in block and house numbers, with the place written
before them; a rule decides from the place (Sudachi 地名, a town suffix) and
from the allow-lists whether a span is a private address.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = "0-9０-９〇一二三四五六七八九十百千"
_DASH = "\\-‐‑‒–—―−－ー﹣"
_PLACE_CHARS = "\u4e00-\u9fff々〆ヵヶ\u30a1-\u30fa\u30fc"
_BLOCK = rf"[{_NUMERAL}]{{1,4}}"
# number groups joined by 丁目 / 番(地) / 号 / dashes / の: at least two groups, or one 番地
_NUMBERS = (
    rf"(?:{_BLOCK}(?:丁目|番地|番|[{_DASH}]|の)(?:{_BLOCK}(?:番地|番|号|[{_DASH}]|の)?)"
    rf"(?:(?<=[番地{_DASH}の]){_BLOCK}(?:号|番地|番|[{_DASH}](?=[{_NUMERAL}]))?)*"  # 25番1-11号
    rf"(?:(?<=[番地{_DASH}の]){_BLOCK}号?)?"
    rf"|{_BLOCK}番地)"
)
_KANJI_NUMERAL = "〇一二三四五六七八九十百千"
_ZEROS = "0０〇"


@cache
def _patterns() -> dict[str, re.Pattern]:
    """Compiled on first use: the classes over all kanji cost ~40 ms to compile, and most posts never
    get past ``_QUICK``."""
    return {
        "address": re.compile(
            rf"(?P<place>[{_PLACE_CHARS}]{{1,16}}?)(?P<numbers>{_NUMBERS})(?![{_NUMERAL}]|[年月日時分円人名件回歳才%％])"
        ),
        "before_unit": re.compile(rf"[{_KANJI_NUMERAL}]+(?=丁目|番地|番|号|[-])"),
        "after_unit": re.compile(rf"(?<=[目地番\-])[{_KANJI_NUMERAL}]+"),
        "units": re.compile(rf"丁目|番地|番|号|[{_DASH}]|(?<=\d)の(?=\d)"),
        "dashes": re.compile(f"[{_DASH}]"),
        "key": re.compile(r"^(?P<place>.*?)(?P<numbers>\d+(?:-\d+)*)"),
        "spaces": re.compile(r"\s+"),
    }


# A place character, one to four numerals, a unit, a numeral; or a numeral and 番地. Written to
# start on the numeral (the place character is looked behind): the engine then skips in C to
# the numerals instead of trying the pattern at every kanji.
_QUICK = re.compile(
    rf"[{_NUMERAL}](?:(?<=[{_PLACE_CHARS}][{_NUMERAL}])[{_NUMERAL}]{{0,3}}(?:丁目|番地|番|[{_DASH}]|の)[{_NUMERAL}]|番地)"
)


@dataclass(frozen=True, slots=True)
class AddressCandidate:
    start: int  # the place and the numbers
    end: int
    numbers_start: int  # where the block number begins
    place: str  # the characters written before the numbers (may include more than the town)
    key: str  # normalised form of the span, see ``address_key``


def kanji_to_number(text: str) -> int:
    """一 -> 1, 十一 -> 11, 二十三 -> 23, 百五 -> 105, 一〇 -> 10 (digit by digit)."""
    if not any(ch in _KANJI_UNITS for ch in text):
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        else:
            total += (current or 1) * _KANJI_UNITS[ch]
            current = 0
    return total + current


def address_key(text: str) -> str:
    """One form for every spelling of an address: '鹿児島市山下町十一番一号 別館' -> '鹿児島市山下町11-1'."""
    patterns = _patterns()
    text = patterns["spaces"].sub("", unicodedata.normalize("NFKC", text))
    text = patterns["dashes"].sub("-", text)
    text = patterns["before_unit"].sub(lambda m: str(kanji_to_number(m.group())), text)
    text = patterns["after_unit"].sub(lambda m: str(kanji_to_number(m.group())), text)
    text = patterns["units"].sub("-", text)
    match = patterns["key"].match(text)
    if match is None:
        return text
    place = match.group("place")
    numbers = re.sub("-+", "-", match.group("numbers")).strip("-")
    return place + numbers


def split_key(key: str) -> tuple[str, str]:
    """('鹿児島市山下町', '11-1') from a key; the numbers part is empty when there is none."""
    match = _patterns()["key"].match(key)
    if match is None:
        return key, ""
    return match.group("place"), match.group("numbers")


def same_address(first: str, second: str) -> bool:
    """Two keys name the same block and house: equal numbers, and one place ends with the other."""
    place_a, numbers_a = split_key(first)
    place_b, numbers_b = split_key(second)
    if not numbers_a or numbers_a != numbers_b:
        return False
    shorter, longer = sorted((place_a, place_b), key=len)
    return len(shorter) >= 2 and longer.endswith(shorter)


def find_addresses(text: str) -> list[AddressCandidate]:
    if _QUICK.search(text) is None:
        return []
    found = []
    for match in _patterns()["address"].finditer(text):
        numbers = match.group("numbers")
        if not re.search(r"\d|[０-９]|[〇一二三四五六七八九十]", numbers):
            continue
        if numbers[0] in _ZEROS:  # no block number starts with 0; a phone number does (電話099-216-1111)
            continue
        found.append(
            AddressCandidate(
                start=match.start(),
                end=match.end(),
                numbers_start=match.start("numbers"),
                place=match.group("place"),
                key=address_key(match.group()),
            )
        )
    return found
