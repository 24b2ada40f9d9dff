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


@lru_cache(maxsize=8)
def _process_now(name: str) -> datetime:
    """Read the clock once per process, so every post of a run shares one "today"."""
    return datetime.now(zone(name)).replace(microsecond=0)


def local(moment: datetime, timezone: str) -> datetime:
    tz = zone(timezone)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz)
    return moment.astimezone(tz)


def now(at: datetime | None, timezone: str) -> datetime:
    return local(at, timezone) if at is not None else _process_now(timezone)
