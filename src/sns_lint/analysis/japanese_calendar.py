"""Japanese calendar facts: eras, weekday names, national holidays (from ``jpholiday``).

``jpholiday`` covers 振替休日 and 国民の休日 and is imported only when a holiday is asked for.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAY_CHARS = "月火水木金土日"  # date.weekday() order
# Era name -> (first day, western year of its first year). Five rows, kept by hand.
ERAS = {
    "令和": (date(2019, 5, 1), 2019),
    "平成": (date(1989, 1, 8), 1989),
    "昭和": (date(1926, 12, 25), 1926),
    "大正": (date(1912, 7, 30), 1912),
    "明治": (date(1868, 10, 23), 1868),
}
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def era_to_western(era: str, year: int) -> int:
    return ERAS[era][1] + year - 1


def parse_number(text: str) -> int | None:
    """ASCII digits or kanji numerals (十二, 二十一, 三十, 二〇二六, 元 = 1)."""
    if text.isdecimal():  # ASCII or full-width digits
        return int(text)
    if text == "元":
        return 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        high = _KANJI_DIGITS.get(tens, None) if tens else 1
        low = _KANJI_DIGITS.get(ones, None) if ones else 0
        if high is None or low is None:
            return None
        return high * 10 + low
    value = 0
    for char in text:
        digit = _KANJI_DIGITS.get(char)
        if digit is None:
            return None
        value = value * 10 + digit
    return value


def holiday_name(day: date) -> str | None:
    """Name of the national holiday on ``day`` (振替休日 and 国民の休日 included), or None.

    Asked of ``jpholiday`` once per day per process, and only for a day that a holiday of the
    law falls on or follows by one or two days: 振替休日 follows a holiday and 国民の休日 lies
    between two, and ``jpholiday`` spends most of its time (0.2 ms a day) on those two."""
    try:
        return _holiday_names[day]
    except KeyError:
        pass
    if len(_holiday_names) >= _MEMO:
        _holiday_names.clear()
    rule_days = _rule_days()
    if rule_days is not None and not any(_on_rule_day(day - timedelta(days=back), rule_days) for back in (0, 1, 2)):
        name = None
    else:
        import jpholiday

        name = jpholiday.is_holiday_name(day)
    _holiday_names[day] = name
    return name


_MEMO = 8192  # days remembered (about 22 years of calendar)
_holiday_names: dict[date, str | None] = {}
_rule_day_memo: dict[date, bool] = {}
_rule_checkers: list = []  # [registry, its list, the list's length, the checkers of holidays fixed by law]


def _on_rule_day(day: date, checkers: tuple) -> bool:
    """Whether a holiday of the law itself (not a 振替休日 or 国民の休日) falls on ``day``."""
    seen = _rule_day_memo.get(day)
    if seen is None:
        if len(_rule_day_memo) >= _MEMO:
            _rule_day_memo.clear()
        seen = _rule_day_memo[day] = any(checker.is_holiday(day) for checker in checkers)
    return seen


def _rule_days() -> tuple | None:
    """``jpholiday``'s checkers of the holidays fixed by law, when its registry is the one this
    shortcut knows (the law's checkers, then 振替休日, then 国民の休日, nothing registered by a
    program); None otherwise, and every day is asked of ``jpholiday`` itself."""
    if _rule_checkers:  # known registry: unchanged unless a program registered a checker since
        registry, listed, size, checkers = _rule_checkers
        current = registry.checkers()
        if current is listed and len(current) == size:
            return checkers
    try:
        from jpholiday.checker.checker import NationalHolidayChecker, TransferHolidayChecker
        from jpholiday.checker.interface import OriginalHolidayCheckerInterface
        from jpholiday.functions import new_api

        registry = new_api.registry
        registered = registry.checkers()
    except (ImportError, AttributeError):  # an older jpholiday: no registry to read
        return None
    law, ends = tuple(registered[:-2]), tuple(registered[-2:])
    transfer, national = ends if len(ends) == 2 else (None, None)
    if not (
        isinstance(transfer, TransferHolidayChecker)
        and isinstance(national, NationalHolidayChecker)
        and not any(isinstance(c, (TransferHolidayChecker, NationalHolidayChecker, OriginalHolidayCheckerInterface)) for c in law)
    ):
        checkers = None
    else:
        checkers = law
    _rule_checkers[:] = [registry, registered, len(registered), checkers]
    _rule_day_memo.clear()
    return checkers
