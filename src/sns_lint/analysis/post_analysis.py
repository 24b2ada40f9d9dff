"""One analysis per post: every derived fact computed once, on first use."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from sns_lint.posts import Post

if TYPE_CHECKING:
    from sns_lint.analysis.dates import DatesAnalysis
    from sns_lint.analysis.tokens import Tokens
    from sns_lint.analysis.urls import UrlMatch
    from sns_lint.analysis.weighted_length import Weighing
    from sns_lint.config.model import Account, Config


class PostAnalysis:
    def __init__(self, post: Post, config: "Config", account: "Account | None"):
        self.post = post
        self.text = post.text
        self.config = config
        self.account = account
        self.notes: list[str] = []  # problems met while checking (a pattern that ran out of time)

    @property
    def platform(self) -> str | None:
        """The command line's ``--platform``, the front matter, the account, then the default."""
        config = self.config
        if config.platform_override:
            return config.platform_override
        if self.post.meta.platform:
            return self.post.meta.platform
        if self.account:
            return self.account.platform
        return config.default_platform

    @cached_property
    def urls(self) -> "list[UrlMatch]":
        """URLs as X finds them (twitter-text rules), full-width forms and URLs glued to
        Japanese text included."""
        from sns_lint.analysis.urls import find_urls
        from sns_lint.analysis.visible_hosts import widen_to_visible_hosts

        return widen_to_visible_hosts(self.text, find_urls(self.text, self.x_urls))

    @cached_property
    def x_urls(self) -> "list[UrlMatch]":
        """Only the URLs X itself links (twitter-text exactly: no full-width forms): each
        counts 23 in X's length. ``urls`` starts from these."""
        from sns_lint.analysis.urls import extract_urls

        return extract_urls(self.text, normalize_width=False)

    @cached_property
    def x_weighing(self) -> "Weighing":
        """X's weight of every character of the post (twitter-text v3), counted once."""
        from sns_lint.analysis.weighted_length import weigh_post

        return weigh_post(self.text, self.x_urls)

    @cached_property
    def tokens(self) -> "Tokens":
        from sns_lint.analysis.tokens import Tokens

        return Tokens(self.text)

    @cached_property
    def now(self) -> datetime:
        """``--at`` (or the clock, read once per run) in the policy's time zone."""
        from sns_lint.analysis.moments import now

        return now(self.config.at, self.config.timezone)

    @cached_property
    def scheduled_at(self) -> datetime | None:
        """The planned publish time in the policy's time zone (offsets converted)."""
        from sns_lint.analysis.moments import local

        moment = self.post.meta.scheduled_at
        return local(moment, self.config.timezone) if moment is not None else None

    @cached_property
    def reference_day(self) -> date:
        """The day a date without a year is read against: publish day, else --at, else today."""
        return (self.scheduled_at or self.now).date()

    @cached_property
    def dates(self) -> "DatesAnalysis":
        from sns_lint.analysis.dates import find_dates

        return find_dates(self.text, lambda: self.reference_day)
