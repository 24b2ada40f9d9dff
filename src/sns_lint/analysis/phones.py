"""Telephone numbers of a post: candidates by shape, type from ``phonenumbers``.

The shape step is pure Python over the shared number runs, so a post without a
phone-shaped run never loads ``phonenumbers``: national numbers (0 + 9 or 10
digits), ``+81`` numbers, numbers sharing a written prefix
(``099-216-1213・1513``) and short local numbers without an area code
(``74-8082``; a rule decides from the words before them whether they are
phone numbers). The type (mobile, fixed line, toll-free …) is asked of
``phonenumbers`` only for numbers that are not in an allow-list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from sns_lint.analysis.numbers import DIGIT, NumberRun, run_from_span, to_ascii_digits

_SHARED_SUFFIX = re.compile(f"[・･、，,/／][ \u3000]?([{DIGIT}]{{4}})(?![{DIGIT}])")
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class PhoneCandidate:
    start: int
    end: int
    number: str  # national form with trunk 0 (0992241111); for a local number, its digits only
    local: bool = False  # written without area code (74-8082)
    foreign: bool = False  # a + number of another country


def phone_digits(written: str) -> str:
    """National digits of a number as written in a policy or a gazetteer: '+81 99-224-1111' -> '0992241111'."""
    digits = _NOT_DIGIT.sub("", to_ascii_digits(written))
    if written.strip()[:1] in ("+", "＋") and digits.startswith("81"):
        digits = digits[2:]
        return digits if digits.startswith("0") else "0" + digits
    return digits


def _national(run: NumberRun) -> PhoneCandidate | None:
    digits = run.digits
    if run.international:
        if not digits.startswith("81"):
            return PhoneCandidate(run.start, run.end, "+" + digits, foreign=True) if 8 <= len(digits) <= 15 else None
        rest = digits[2:]
        national = rest if rest.startswith("0") else "0" + rest
        return PhoneCandidate(run.start, run.end, national) if len(national) in (10, 11) else None
    if len(digits) in (10, 11) and digits[0] == "0" and digits[1] != "0" and not digits.startswith("010"):
        if len(run.groups) == 1 or all(len(g) <= 5 for g in run.groups):
            return PhoneCandidate(run.start, run.end, digits)
        return None
    if 5 <= len(digits) <= 8 and len(run.groups) == 2 and len(run.groups[1]) == 4 and run.groups[0][0] != "0":
        return PhoneCandidate(run.start, run.end, digits, local=True)
    return None


def find_phones(text: str, runs: Iterable[NumberRun]) -> list[PhoneCandidate]:
    found: list[PhoneCandidate] = []
    skip_until = -1
    for run in runs:
        if run.start < skip_until or len(run.digits) < 5:
            continue
        pieces = run.space_pieces(text)
        index = 0
        while index < len(pieces):
            for stop in range(min(len(pieces), index + 3), index, -1):
                part = run if len(pieces) == 1 else run_from_span(text, pieces[index][0], pieces[stop - 1][1])
                candidate = _national(part)
                if candidate is not None:
                    found.append(candidate)
                    index = stop
                    if not candidate.local and not candidate.foreign and len(candidate.number) >= 10:
                        skip_until = _shared_suffixes(text, candidate, found)
                    break
            else:
                index += 1
    return found


def _shared_suffixes(text: str, first: PhoneCandidate, found: list[PhoneCandidate]) -> int:
    """``099-216-1213・1513``: the second number keeps the first one's prefix."""
    position = first.end
    while (match := _SHARED_SUFFIX.match(text, position)) is not None:
        number = first.number[:-4] + to_ascii_digits(match.group(1))
        found.append(PhoneCandidate(match.start(1), match.end(1), number))
        position = match.end()
    return position


_TYPES_BY_PREFIX: dict[tuple[str, int], str | None] = {}
KNOWN_PREFIX = 7  # trunk 0 + six digits: Japan's numbering patterns never constrain a digit past these


def phone_type(number: str) -> str | None:
    """'mobile', 'fixed_line', 'toll_free', 'uan', 'voip', 'pager', 'personal_number', 'premium_rate',
    or None when the number is not a valid Japanese number.

    The answer depends only on the first digits and the length (libphonenumber's JP patterns end in
    ``\\d{4}``…), so it is asked once per prefix: a city's thousand numbers cost a few parses."""
    key = (number if number.startswith("+") else number[:KNOWN_PREFIX], len(number))
    if key not in _TYPES_BY_PREFIX:
        _TYPES_BY_PREFIX[key] = _parse_type(number)
    return _TYPES_BY_PREFIX[key]


def _parse_type(number: str) -> str | None:
    import phonenumbers
    from phonenumbers import PhoneNumberType as T

    try:
        parsed = phonenumbers.parse(number, None if number.startswith("+") else "JP")
    except phonenumbers.NumberParseException:
        return None
    # number_type is UNKNOWN exactly when is_valid_number is false (both test the same
    # patterns of the number's own region), so the patterns are read once, not twice
    kind = phonenumbers.number_type(parsed)
    if kind == T.UNKNOWN:
        return None
    names = {
        T.FIXED_LINE: "fixed_line", T.MOBILE: "mobile", T.FIXED_LINE_OR_MOBILE: "fixed_line",
        T.TOLL_FREE: "toll_free", T.PREMIUM_RATE: "premium_rate", T.SHARED_COST: "shared_cost",
        T.VOIP: "voip", T.PERSONAL_NUMBER: "personal_number", T.PAGER: "pager", T.UAN: "uan",
        T.VOICEMAIL: "voicemail",
    }
    return names.get(kind, "unknown")


@dataclass(frozen=True)
class PhoneAllowList:
    """Numbers that are published contacts: exact numbers and prefixes such as ``099-216-``."""

    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    area_codes: tuple[str, ...] = ()  # of the listed numbers, to complete a number written without one

    @classmethod
    def build(cls, exact: Iterable[str], prefixes_or_exact: Iterable[str]) -> "PhoneAllowList":
        numbers, prefixes, areas = set(), [], []
        for written, may_be_prefix in [(w, False) for w in exact] + [(w, True) for w in prefixes_or_exact]:
            digits = phone_digits(written)
            if not digits:
                continue
            stripped = written.strip()
            if may_be_prefix and (stripped[-1:] in "-‐－−ー*＊" or len(digits) < 10):
                prefixes.append(digits)
            else:
                numbers.add(digits)
            area = re.match(f"[(（]?([{DIGIT}]{{2,5}})", stripped)
            if area and to_ascii_digits(area.group(1)).startswith("0") and len(digits) >= 9:
                areas.append(to_ascii_digits(area.group(1)))
        return cls(frozenset(numbers), tuple(prefixes), tuple(dict.fromkeys(areas)))

    def allows(self, candidate: PhoneCandidate) -> bool:
        if candidate.local:
            return any(self._allows(area + candidate.number) for area in self.area_codes) or any(
                n.endswith(candidate.number) for n in self.exact
            )
        return self._allows(candidate.number)

    def _allows(self, number: str) -> bool:
        return number in self.exact or any(number.startswith(p) for p in self.prefixes)
