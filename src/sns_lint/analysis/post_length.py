"""How long a post is for its platform, the way the platform counts.

X counts with twitter-text v3 weights (CJK 2, each URL 23, an emoji sequence
2); the other platforms count characters (code points). Leading and trailing
blank space of the draft file is not part of the post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sns_lint.config.model import Account

COUNT_METHODS = ("weighted", "characters")
_HASHTAG = re.compile(r"(?:^|(?<=[^\w&]))[#＃](?![\d０-９]+(?:\W|$))[\w\u30fc\u3005]+")


@dataclass(frozen=True)
class PlatformLimit:
    limit: int
    count: str = "characters"
    max_hashtags: int | None = None


@dataclass(frozen=True)
class Measurement:
    platform: str
    length: int
    limit: int
    body_start: int  # offset of the counted text in the post
    body: str

    @property
    def remaining(self) -> int:
        return self.limit - self.length

    @property
    def over(self) -> int:
        return max(0, self.length - self.limit)


def body_of(text: str) -> tuple[int, str]:
    stripped = text.strip()
    return (text.find(stripped) if stripped else 0), stripped


def count(body: str, method: str) -> int:
    if method == "weighted":
        from sns_lint.analysis.weighted_length import weighted_length

        return weighted_length(body)
    return len(body)


def measure(text: str, platform: str, rule: PlatformLimit, account: "Account | None" = None) -> Measurement:
    """The account's ``max_length`` replaces the platform's limit when it posts there."""
    start, body = body_of(text)
    override = account.max_length if account is not None and account.platform == platform else None
    return Measurement(platform, count(body, rule.count), override or rule.limit, start, body)


def overflow_offset(body: str, method: str, limit: int) -> int:
    """Offset in ``body`` of the first character that no longer fits.

    The cut is near the start of an over-long post, so the search first doubles a prefix
    until it no longer fits, then bisects it: a 10 MB draft costs a few short counts,
    not two dozen counts of the whole text."""
    low, high = 0, len(body)
    probe = limit + 1
    while probe < high:
        if count(body[:probe], method) > limit:
            high = probe
            break
        low, probe = probe, probe * 2
    while low < high:
        middle = (low + high) // 2
        if count(body[: middle + 1], method) > limit:
            high = middle
        else:
            low = middle + 1
    return low


def hashtags(text: str) -> list[re.Match]:
    return list(_HASHTAG.finditer(text))
