"""Operating hours (clause 5-9): is a moment inside an account's window, and when is the next one.

A day is open when its weekday is listed, it is not a national holiday (``holidays: closed``;
振替休日 and 国民の休日 included, from ``jpholiday``), not a closed month-day (12-29 … 01-03)
and not one of the extra closed dates. Inside means start <= time <= end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sns_lint.analysis.japanese_calendar import WEEKDAY_CHARS, holiday_name
from sns_lint.config.model import DAY_NAMES, OperatingHours

SEARCH_DAYS = 400  # a window with no open day within a year and a month is not a window


@dataclass(frozen=True)
class Verdict:
    inside: bool
    reason: str  # why it is outside: 土曜日, 祝日（勤労感謝の日）, 年末年始などの休業日, 時間外
    next_open: datetime | None  # the next moment inside the window (None when inside)


def closed_reason(hours: OperatingHours, day: date) -> str | None:
    """Why ``day`` is not an operating day, or None when it is one."""
    if DAY_NAMES[day.weekday()] not in hours.days:
        return f"{WEEKDAY_CHARS[day.weekday()]}曜日"
    if (day.month, day.day) in hours.closed_dates or day in hours.closed_days:
        return "休業日（運用ポリシーの closed）"
    if hours.holidays_closed:
        name = holiday_name(day)
        if name:
            return f"祝日（{name}）"
    return None


def judge(hours: OperatingHours, moment: datetime) -> Verdict:
    """``moment`` is local to the policy's time zone."""
    day, clock = moment.date(), moment.time().replace(tzinfo=None)
    reason = closed_reason(hours, day)
    if reason is None and hours.start <= clock <= hours.end:
        return Verdict(True, "", None)
    if reason is None:
        reason = "運用時間外の時刻"
    return Verdict(False, reason, next_open(hours, moment))


def next_open(hours: OperatingHours, moment: datetime) -> datetime | None:
    day, clock = moment.date(), moment.time().replace(tzinfo=None)
    if closed_reason(hours, day) is None and clock < hours.start:
        return _at(moment, day, hours)
    for offset in range(1, SEARCH_DAYS):
        candidate = day + timedelta(days=offset)
        if closed_reason(hours, candidate) is None:
            return _at(moment, candidate, hours)
    return None


def _at(moment: datetime, day: date, hours: OperatingHours) -> datetime:
    naive = datetime.combine(day, hours.start)
    tz = moment.tzinfo
    return naive.replace(tzinfo=tz) if tz is not None else naive


def window_label(hours: OperatingHours) -> str:
    days = tuple(hours.days)
    if set(days) == set(DAY_NAMES[:5]):
        label = "平日"
    elif set(days) == set(DAY_NAMES):
        label = "毎日"
    else:
        label = "・".join(WEEKDAY_CHARS[DAY_NAMES.index(d)] for d in DAY_NAMES if d in days)
    return f"{label} {clock_label(hours.start)}〜{clock_label(hours.end)}"


def clock_label(value) -> str:
    if (value.hour, value.minute, value.second) == (23, 59, 59):
        return "24:00"
    return f"{value.hour}:{value.minute:02d}"


def moment_label(moment: datetime) -> str:
    """12月2日（水）8:30"""
    return f"{moment.month}月{moment.day}日（{WEEKDAY_CHARS[moment.weekday()]}）{clock_label(moment.time())}"
