"""``--at DATETIME|now``: the moment posts are judged at, and "today" for dates without a year."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sns_lint.config.model import Config
from sns_lint.errors import SnsLintError


class UsageError(SnsLintError):
    """A command-line option with a value sns-lint cannot use."""


def with_at(config: Config, value: str) -> Config:
    from sns_lint.analysis.moments import local, zone

    text = value.strip()
    if text.lower() == "now":
        moment = datetime.now(zone(config.timezone)).replace(second=0, microsecond=0)
    else:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise UsageError(
                f"--at「{value}」を読めません。ISO 8601（例: 2026-12-01T09:00、2026-12-01T00:00Z）か now で指定してください。"
            ) from None
    return replace(config, at=local(moment, config.timezone))
