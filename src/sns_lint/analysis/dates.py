"""Dates written in a post, found once and shared by every date rule (clause 5-4).

Forms: ``12月1日（火）``, ``12/1(火)``, ``2026年12月1日（火曜日）``, ``令和8年12月1日（火）``,
``令和6(2024)年12月28日``, ``1月11日（月・祝）``, spaces inside (``2月 8日(日)``), half- and
full-width digits and brackets, kanji numerals (``十二月一日``), ranges with 〜 ～ ~ – and
「から…まで」 (``12月1日（火）〜3日（木）``), lists (``9月24日(水)、25日(木)``).

The year comes from the text (western or era year), else from the previous date in the post
that had a year written (one over a year before the reference day, history or a birth date, only
within its sentence), else from the reference day (the post's ``scheduled_at``, else
``--at``, else today): a date without a year is taken in the year that puts it between
3 months before and 9 months after the reference day (README: "年の補い方").

One regex pass finds candidates (a plain ``in`` test skips posts without 月 or a slash);
nothing runs per character in Python.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Callable, Iterable

from sns_lint.analysis.japanese_calendar import ERAS, WEEKDAY_CHARS, era_to_western, parse_number

# \d takes full-width digits too (int() reads them); brackets and slashes in both widths.
_NUM = r"[\d〇一二三四五六七八九十]{1,3}"  # an era year
_MONTH_NUM = r"(?:\d{1,2}|[〇一二三四五六七八九十]{1,2})"  # "911月" is no month
_DAY_NUM = r"(?:\d{1,2}|[〇一二三四五六七八九十]{1,3})"
_OPEN, _CLOSE, _SLASH = "[(（]", "[)）]", "[/／]"
_SP = r"[ \t\u3000]*"
_ERA = "|".join(ERAS)
# the other calendar's year may stand in brackets before 年 (令和8(2026)年) or after it (令和8年（2026年）)
_WEST_IN = rf"{_OPEN}{_SP}(?:西暦)?{_SP}\d{{4}}{_SP}年?{_SP}{_CLOSE}"
_ERA_IN = rf"{_OPEN}{_SP}(?:{_ERA}){_SP}(?:元|{_NUM}){_SP}年?{_SP}{_CLOSE}"
_YEAR = (
    rf"(?:(?P<era>{_ERA}){_SP}(?P<era_year>元|{_NUM}){_SP}(?:{_WEST_IN}{_SP})?年(?!度)(?:{_SP}{_WEST_IN})?"
    rf"|(?P<west>\d{{4}}|[〇一二三四五六七八九]{{4}}){_SP}(?:{_ERA_IN}{_SP})?年(?!度)(?:{_SP}{_ERA_IN})?)"
)
_WEEKDAY = (
    rf"(?:{_SP}{_OPEN}{_SP}(?:(?P<wd>[月火水木金土日])(?:曜日?)?)?{_SP}[・･,、]?{_SP}(?P<mark>祝日?|休日|振休)?{_SP}{_CLOSE}"
    rf"|{_SP}(?P<wd_plain>[月火水木金土日])曜日?)"
)
_KANJI_DATE = re.compile(
    rf"(?<![\d〇一二三四五六七八九十])(?:{_YEAR}{_SP})?(?P<month>{_MONTH_NUM}){_SP}月{_SP}(?P<day>{_DAY_NUM}){_SP}日(?:{_WEEKDAY})?"
)
_SLASH_DATE = re.compile(
    rf"(?<![/／\dA-Za-z_.:%-])(?:(?P<s_year>\d{{4}}){_SLASH})?(?P<s_month>\d{{1,2}}){_SLASH}(?P<s_day>\d{{1,2}})(?![/／\d])(?:{_WEEKDAY})?"
)
# Cheap pre-filters: a date is searched for only around these (a digit then 月; digit/digit).
_MONTH_NUMERALS = "〇一二三四五六七八九十"  # and every decimal digit (str.isdecimal, what \d matches)
# A digit, a slash and a digit, written to start on the slash (the digit before it is looked
# behind): the engine skips in C to the slashes, fewer in a post than the digits.
_SLASH_HINT = re.compile(r"[/／](?<=\d[/／])\d")
_REACH_BEFORE = 24  # room for 令和 8 ( 2026 ) 年 before the month
_REACH_AFTER = 64  # room for the day and the weekday bracket after it
# A day-only item after a date: "〜3日（木）", "、25日(木)", "から3日まで".
_CONTINUATION = re.compile(
    rf"{_SP}(?P<sep>[~〜～–—]|から|、|,|・|･|及び|および|と){_SP}(?P<day>{_DAY_NUM}){_SP}日(?![本曜中間])(?:{_WEEKDAY})?"
)
# An era year with the western year beside it, in either order (年, 年度 or nothing after).
_ERA_PAIR = re.compile(  # 令和8(2026)年, 令和8年（2026年）, 令和8年（西暦2026年）, 2026年（令和8年）
    rf"(?P<era>{_ERA}){_SP}(?P<era_year>元|{_NUM}){_SP}年?{_SP}{_OPEN}{_SP}(?:西暦)?{_SP}(?P<west_in>\d{{4}}){_SP}年?{_SP}{_CLOSE}"
    rf"|(?P<west>\d{{4}}){_SP}年?{_SP}{_OPEN}{_SP}(?P<era_in>{_ERA}){_SP}(?P<era_in_year>元|{_NUM}){_SP}年?{_SP}{_CLOSE}"
)
_ERA_HINT = re.compile(_ERA)
# A fiscal year (年度, April to March): a yearless date after it in the same sentence is in it.
_FISCAL_YEAR = re.compile(
    rf"(?:(?P<era>{_ERA}){_SP}(?P<era_year>元|{_NUM})|(?<!\d)(?P<west>\d{{4}})){_SP}年度"
)
FISCAL_YEAR_START = 4  # the month a Japanese fiscal year starts
_RANGE_GAP = re.compile(rf"^{_SP}(?:[~〜～–—]|から){_SP}$")
_RANGE_SEPARATORS = frozenset("~〜～–—") | {"から"}
SENTENCE_MARKS = "。！!？?\n"
_SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}]")
SENTENCE_REACH = 300
WINDOW_BEFORE = 92  # days: a yearless date is at most ~3 months before the reference day
WINDOW_AFTER = 273  # ... and less than ~9 months after it
CONTEXT_MONTHS_BEFORE = 12  # an earlier written date older than this gives no year to later ones


@dataclass(slots=True)
class DateMention:
    start: int  # span of the whole written date (weekday bracket included)
    end: int
    month: int
    day: int
    year: int | None = None  # resolved year (None only when the date is impossible in every year)
    year_written: bool = False
    weekday: int | None = None  # written weekday, 0 = Monday
    weekday_span: tuple[int, int] | None = None
    holiday_mark: bool = False
    mark_span: tuple[int, int] | None = None
    range_start: "DateMention | None" = None  # set on the end of a range
    valid: bool = True

    value: date | None = None  # the date, once its year is known and it exists

    def settle(self) -> None:
        self.value = date(self.year, self.month, self.day) if self.valid and self.year is not None else None

    @property
    def label(self) -> str:
        year = f"{self.year}年" if self.year is not None else ""
        return f"{year}{self.month}月{self.day}日"


@dataclass(frozen=True, slots=True)
class EraConflict:
    """令和7(2024)年: the era year and the western year beside it disagree."""

    start: int
    end: int
    era: str  # as written: 令和7
    era_year: int  # western year of the era year
    west_year: int  # western year as written


@dataclass
class DatesAnalysis:
    mentions: list[DateMention] = field(default_factory=list)
    text: str = ""
    era_conflicts: list[EraConflict] = field(default_factory=list)

    def sentence_of(self, mention: DateMention) -> str:
        """The sentence around a date (at most ``SENTENCE_REACH`` characters either side)."""
        text = self.text
        floor = max(0, mention.start - SENTENCE_REACH)
        before = max(text.rfind(mark, floor, mention.start) for mark in SENTENCE_MARKS) + 1
        after = _SENTENCE_END.search(text, mention.end, mention.end + SENTENCE_REACH)
        return text[max(before, floor) : after.start() if after else min(len(text), mention.end + SENTENCE_REACH)]


def find_dates(text: str, reference: "date | Callable[[], date]") -> DatesAnalysis:
    """Dates in ``text``. ``reference`` (or a function giving it, called only when a date
    without a year needs it) is the day yearless dates are read against."""
    # an era year with the western year beside it needs a bracket
    conflicts = _era_conflicts(text) if ("(" in text or "（" in text) and _ERA_HINT.search(text) else []
    if "月" not in text and "/" not in text and "／" not in text:
        return DatesAnalysis(text=text, era_conflicts=conflicts)
    mentions: list[DateMention] = []
    context_year: DateMention | None = None  # last date with a year written
    fiscal = _fiscal_years(text) if "年度" in text else []
    if not isinstance(reference, date):
        reference = _Lazy(reference)
    found = _around(_KANJI_DATE, _month_hints(text), text, years_before=True) if "月" in text else []
    if "/" in text or "／" in text:
        found.extend(_around(_SLASH_DATE, _slash_hints(text), text))
        found.sort(key=lambda m: m.start())
    for match in found:
        mention = _mention(match)
        if mention is None:
            continue
        previous = mentions[-1] if mentions else None
        if previous is not None and _RANGE_GAP.match(text[previous.end : mention.start]):
            mention.range_start = previous
        context = context_year
        if context is not None and _SENTENCE_END.search(text, context.end, mention.start) and _long_before(context, reference):
            context = None
        _resolve_year(mention, context, reference, _fiscal_year_before(fiscal, mention, context_year, text))
        mention.settle()
        mentions.append(mention)
        if mention.year_written:
            context_year = mention
        position = match.end()
        anchor = mention
        while True:
            more = _CONTINUATION.match(text, position)
            if more is None:
                break
            day = parse_number(more.group("day"))
            if day is None or day == 0:
                break
            item = DateMention(start=more.start("day"), end=more.end(), month=anchor.month, day=day)
            _weekday(item, more)
            if more.group("sep") in _RANGE_SEPARATORS:
                item.range_start = anchor
            _continue_month(item, anchor)
            item.settle()
            mentions.append(item)
            anchor = item
            position = more.end()
    return DatesAnalysis(mentions=mentions, text=text, era_conflicts=conflicts)


def _era_conflicts(text: str) -> list[EraConflict]:
    found = []
    for match in _ERA_PAIR.finditer(text):
        if match.group("era"):
            era, number, west = match.group("era"), match.group("era_year"), match.group("west_in")
        else:
            era, number, west = match.group("era_in"), match.group("era_in_year"), match.group("west")
        era_year = era_to_western(era, parse_number(number) or 0)
        if era_year != int(west):
            found.append(EraConflict(match.start(), match.end(), era + number, era_year, int(west)))
    return found


def _month_hints(text: str) -> list[tuple[int, int]]:
    """Spans of a numeral (a decimal digit or 〇…十), spaces or tabs, and 月, left to right: found
    from each 月 backwards, as 月 is rarer in a post than the numerals."""
    hints = []
    month = text.find("月")
    while month >= 0:
        last = month - 1
        while last >= 0 and text[last] in " \t\u3000":
            last -= 1
        if last >= 0 and (text[last].isdecimal() or text[last] in _MONTH_NUMERALS):
            hints.append((last, month + 1))
        month = text.find("月", month + 1)
    return hints


def _slash_hints(text: str) -> list[tuple[int, int]]:
    """Spans of a digit, a slash and a digit (``\\d[/／]\\d``), left to right, not overlapping."""
    hints: list[tuple[int, int]] = []
    for match in _SLASH_HINT.finditer(text):
        start = match.start() - 1
        if not hints or start >= hints[-1][1]:  # 1/2/3: the second slash's digit is taken
            hints.append((start, match.end()))
    return hints


def _around(pattern: re.Pattern, hints: Iterable[tuple[int, int]], text: str, years_before: bool = False) -> list[re.Match]:
    """Matches of ``pattern`` near each hint (start, end): the full pattern never scans the whole text.

    With ``years_before`` (a written date: the hint is the month's last numeral and 月), a date
    can start further back than the month's first numeral only with a year (年) or another
    month (月) written there: without either, the search starts at the month."""
    found: list[re.Match] = []
    position = 0
    for start, end in hints:
        if start < position:
            continue
        low = max(position, start - _REACH_BEFORE)
        if years_before and text.find("年", low, start) < 0 and text.find("月", low, start) < 0:
            low = max(low, start - 1)  # a two-numeral month begins one character back
        match = pattern.search(text, low, end + _REACH_AFTER)
        if match is not None:
            found.append(match)
            position = match.end()
    return found


class _Lazy:
    """The reference day, asked for once and only when a yearless date needs it."""

    __slots__ = ("_get", "_day")

    def __init__(self, get: Callable[[], date]):
        self._get, self._day = get, None

    def __call__(self) -> date:
        if self._day is None:
            self._day = self._get()
        return self._day


def _mention(match: re.Match) -> DateMention | None:
    slashed = match.re is _SLASH_DATE
    if slashed:
        # "3/4" alone is a fraction; a slashed date needs a year or a weekday
        if match.group("s_year") is None and match.group("wd") is None and match.group("wd_plain") is None:
            return None
        month, day = int(match.group("s_month")), int(match.group("s_day"))
    else:
        month, day = parse_number(match.group("month")), parse_number(match.group("day"))
        if month is None or day is None:
            return None
    if month == 0 or day == 0:
        return None
    mention = DateMention(start=match.start(), end=match.end(), month=month, day=day)
    _weekday(mention, match)
    year = None
    if slashed and match.group("s_year"):
        year = int(match.group("s_year"))
    elif not slashed and match.group("era"):
        year = era_to_western(match.group("era"), parse_number(match.group("era_year")) or 0)
    elif not slashed and match.group("west"):
        year = parse_number(match.group("west"))
    if year is not None:
        mention.year, mention.year_written = year, True
        mention.valid = _exists(year, month, day)
    else:
        mention.valid = _exists(2000, month, day)  # possible in some year (2000 was a leap year)
    return mention


def _weekday(mention: DateMention, match: re.Match) -> None:
    for group in ("wd", "wd_plain"):
        if match.group(group):
            mention.weekday = WEEKDAY_CHARS.index(match.group(group))
            mention.weekday_span = (match.start(group), match.end(group))
    if match.group("mark") and match.group("mark") != "休日":
        mention.holiday_mark = True
        mention.mark_span = (match.start("mark"), match.end("mark"))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _exists(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1 or not MINYEAR <= year <= MAXYEAR:  # 9999年度の1月 is no date
        return False
    return day <= (29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1])


def _fiscal_years(text: str) -> list[tuple[int, int]]:
    """(end offset, first calendar year) of every fiscal year written (令和8年度, 2026年度)."""
    found = []
    for match in _FISCAL_YEAR.finditer(text):
        if match.group("era"):
            year = era_to_western(match.group("era"), parse_number(match.group("era_year")) or 0)
        else:
            year = int(match.group("west"))
        found.append((match.end(), year))
    return found


def _fiscal_year_before(
    fiscal: list[tuple[int, int]], mention: DateMention, context: DateMention | None, text: str
) -> int | None:
    """The fiscal year written last before ``mention`` in its sentence, unless a date with a
    year comes after it (that date's year is the nearer context)."""
    chosen = None
    for end, year in fiscal:
        if end > mention.start:
            break
        chosen = (end, year)
    if chosen is None or (context is not None and context.end > chosen[0]):
        return None
    if _SENTENCE_END.search(text, chosen[0], mention.start):
        return None
    return chosen[1]


def _resolve_year(
    mention: DateMention, context: DateMention | None, reference: "date | _Lazy", fiscal_year: int | None = None
) -> None:
    if mention.year_written or not mention.valid:
        return
    start = mention.range_start
    if start is not None and start.year is not None:
        # a range's end takes its start's year, the next one across the year boundary
        mention.year = start.year + (1 if mention.month < start.month else 0)
    elif fiscal_year is not None or (context is not None and context.year is not None):
        if fiscal_year is not None:  # 令和8年度の1月 is January 2027
            mention.year = fiscal_year + (1 if mention.month < FISCAL_YEAR_START else 0)
        else:
            mention.year = context.year + (1 if mention.month < context.month else 0)
        _prefer_the_weekdays_year(mention, reference)
    else:
        mention.year = infer_year(mention.month, mention.day, reference if isinstance(reference, date) else reference())
    mention.valid = _exists(mention.year, mention.month, mention.day)


def _prefer_the_weekdays_year(mention: DateMention, reference: "date | _Lazy") -> None:
    """A year taken from the fiscal year or an earlier date disagrees with the reference day's
    reading: the written weekday decides between the two. 令和9年度の市県民税の申告は2月16日（火）
    is February 2027 (filed before that fiscal year starts), not 2028."""
    if mention.weekday is None:
        return
    month, day = mention.month, mention.day
    if _exists(mention.year, month, day) and date(mention.year, month, day).weekday() == mention.weekday:
        return
    other = infer_year(month, day, reference if isinstance(reference, date) else reference())
    if other != mention.year and _exists(other, month, day) and date(other, month, day).weekday() == mention.weekday:
        mention.year = other


def _long_before(context: DateMention, reference: "date | _Lazy") -> bool:
    """A written date more than a year before the reference day is history or a birth date
    (「昭和37年4月2日～昭和54年4月1日生まれ。期限は2月28日（日）」): it gives its year to the
    dates of its own sentence only."""
    day = reference if isinstance(reference, date) else reference()
    return (context.year or 0) * 12 + context.month < day.year * 12 + day.month - CONTEXT_MONTHS_BEFORE


def infer_year(month: int, day: int, reference: date) -> int:
    """The year that puts month/day from 3 months before to 9 months after ``reference``."""
    for year in (reference.year, reference.year + 1, reference.year - 1):
        if not _exists(year, month, day):
            continue
        delta = (date(year, month, day) - reference).days
        if -WINDOW_BEFORE <= delta < WINDOW_AFTER:
            return year
    # 2月29日 outside a leap year's window: the nearest year, where it is impossible
    return reference.year + (1 if (month, day) < (reference.month, reference.day) else 0)


def _continue_month(item: DateMention, anchor: DateMention) -> None:
    """A day-only item after ``anchor``: same month, or the next one when the day is smaller
    and the written weekday (if any) fits the next month."""
    item.year = anchor.year
    if anchor.year is None or not anchor.valid:
        item.valid = False
        return
    month, year = anchor.month, anchor.year
    if item.day < anchor.day:
        next_month, next_year = (1, year + 1) if month == 12 else (month + 1, year)
        fits = _exists(next_year, next_month, item.day) and (
            item.weekday is None or date(next_year, next_month, item.day).weekday() == item.weekday
        )
        if fits or item.range_start is None:
            month, year = next_month, next_year
    item.month, item.year = month, year
    item.valid = _exists(year, month, item.day)


def next_weekday_char(day: date) -> str:
    return WEEKDAY_CHARS[day.weekday()]


__all__ = ["DateMention", "DatesAnalysis", "find_dates", "infer_year", "timedelta"]
