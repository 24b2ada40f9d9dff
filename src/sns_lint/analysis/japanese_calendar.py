"""Japanese calendar facts: eras, weekday names, national holidays (from ``jpholiday``).

``jpholiday`` covers 振替休日 and 国民の休日 and is imported only when a holiday is asked for.
"""

from __future__ import annotations

from datetime import date

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

    Asked of ``jpholiday`` once per day per process: a corpus names the same days again and again."""
    try:
        return _holiday_names[day]
    except KeyError:
        pass
    import jpholiday

    if len(_holiday_names) >= _HOLIDAY_MEMO:
        _holiday_names.clear()
    name = _holiday_names[day] = jpholiday.is_holiday_name(day)
    return name


_HOLIDAY_MEMO = 8192  # days remembered (about 22 years of calendar)
_holiday_names: dict[date, str | None] = {}
