"""Moments a post is judged at: its ``scheduled_at`` and "now" (``--at``), in the policy's zone.

Times without an offset are in the policy's ``timezone``; times with one (``Z``, ``+00:00``)
are converted. ``zoneinfo`` reads the ``tzdata`` package where the system has no zone files.
"""

from __future__ import annotations

from datetime import datetime
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
    return local(at, timezone) if at is not None else datetime.now(zone(timezone)).replace(microsecond=0)
