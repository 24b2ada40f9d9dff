"""Moments a post is judged at: its ``scheduled_at`` and "now" (``--at``), in the policy's zone.

Times without an offset are in the policy's ``timezone``; times with one (``Z``, ``+00:00``)
are converted. ``zoneinfo`` reads the ``tzdata`` package where the system has no zone files.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=8)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local(moment: datetime, timezone: str) -> datetime:
    tz = zone(timezone)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz)
    return moment.astimezone(tz)


def now(at: datetime | None, timezone: str) -> datetime:
    """``--at`` when given, else the clock (read per post: a long-running server has no stale "today")."""
    if at is None:
        return datetime.now(zone(timezone)).replace(microsecond=0)
    key = (at, timezone)
    moment = _given.get(key)
    if moment is None:  # one conversion per run, not per post
        if len(_given) >= 64:
            _given.clear()
        moment = _given[key] = local(at, timezone)
    return moment


def today(at: datetime | None, timezone: str) -> date:
    """The day of ``now(at, timezone)``."""
    if at is None:
        return datetime.now(zone(timezone)).date()
    return now(at, timezone).date()


_given: dict[tuple[datetime, str], datetime] = {}
