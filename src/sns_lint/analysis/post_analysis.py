"""One analysis per post: every derived fact computed once, on first use."""

from __future__ import annotations

from datetime import date, datetime
from time import monotonic
from typing import TYPE_CHECKING

# every check reads these facts: imported once here, not by an import statement on every post
from sns_lint.analysis import addresses as _addresses, dates as _dates, moments as _moments
from sns_lint.analysis import numbers as _numbers, phones as _phones
from sns_lint.analysis.lazy_property import cached_property
from sns_lint.posts import Post

if TYPE_CHECKING:
    from sns_lint.analysis.dates import DatesAnalysis
    from sns_lint.analysis.addresses import AddressCandidate
    from sns_lint.analysis.numbers import NumberRun
    from sns_lint.analysis.phones import PhoneAllowList, PhoneCandidate
    from sns_lint.analysis.tokens import Tokens
    from sns_lint.places.gazetteer import Gazetteer
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
        self.memo: dict = {}  # small per-post facts rules share (does the post hold a word list at all)
        self.form_gate = None  # set by the rule set: which tokens' normalised forms rules may want

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

        return Tokens(self.text, self.form_gate)

    @cached_property
    def now(self) -> datetime:
        """``--at`` (or the clock, read once per run) in the policy's time zone."""
        return _moments.now(self.config.at, self.config.timezone)

    @cached_property
    def scheduled_at(self) -> datetime | None:
        """The planned publish time in the policy's time zone (offsets converted)."""
        moment = self.post.meta.scheduled_at
        return _moments.local(moment, self.config.timezone) if moment is not None else None

    @cached_property
    def reference_day(self) -> date:
        """The day a date without a year is read against: publish day, else --at, else today."""
        moment = self.post.meta.scheduled_at
        if moment is not None:
            return self.scheduled_at.date()
        return _moments.today(self.config.at, self.config.timezone)

    @cached_property
    def dates(self) -> "DatesAnalysis":
        return _dates.find_dates(self.text, lambda: self.reference_day)

    @cached_property
    def numbers(self) -> "list[NumberRun]":
        """Digit runs (full-width, hyphens of every kind, spaced groups) with offsets into the text."""
        return _numbers.find_numbers(self.text)

    @cached_property
    def phones(self) -> "list[PhoneCandidate]":
        """Phone-shaped numbers among ``numbers``; no phone library is loaded for this."""
        if not _numbers.may_hold_run(self.text, 5):  # a phone number has five digits or more
            return []
        numbers = self.numbers
        return _phones.find_phones(self.text, numbers) if numbers else []

    @cached_property
    def addresses(self) -> "list[AddressCandidate]":
        """Spans ending in block and house numbers, with their normalised form."""
        return _addresses.find_addresses(self.text)

    @cached_property
    def gazetteer(self) -> "Gazetteer | None":
        """The policy's public-facility gazetteer (``places:``): read once, and read again when
        the file changes (a long ``sns-lint serve`` session), looked at no more than once a second."""
        config = self.config
        if config.places is None:
            return None
        key = ("gazetteer", id(config))
        kept = _allow_lists.get(key)
        now = monotonic()
        if kept is None or now - kept[2] > GAZETTEER_RECHECK_S:  # not a file check per post
            from sns_lint.places.gazetteer import read_gazetteer

            kept = _allow_lists[key] = (config, read_gazetteer(config.places), now)
        return kept[1]

    @cached_property
    def published_phones(self) -> "PhoneAllowList":
        """The account's contact numbers, the policy's ``published_phones`` and the gazetteer's numbers."""
        return _phone_allow_list(self.config, self.account, self.gazetteer)

    @cached_property
    def published_address_keys(self) -> tuple[str, ...]:
        """Normalised forms of the account's contact addresses and of every gazetteer facility."""
        key = ("addresses", id(self.config), self.account.key if self.account else None, id(self.gazetteer))
        if key not in _allow_lists:
            from sns_lint.analysis.addresses import address_key

            keys = [address_key(a) for a in (self.account.contacts.addresses if self.account else ())]
            if self.gazetteer is not None:
                keys.extend(f.address_key for f in self.gazetteer.facilities if f.address_key)
            _allow_lists[key] = (self.config, tuple(keys))
        return _allow_lists[key][1]

    def token_index(self, offset: int) -> int:
        """Index of the token that holds ``offset`` (or the next one)."""
        return max(0, self.tokens.index_at(offset))


GAZETTEER_RECHECK_S = 1.0
_allow_lists: dict = {}  # keyed by id(): the config object is kept in the value so the id stays unique


def _phone_allow_list(config: "Config", account: "Account | None", gazetteer: "Gazetteer | None") -> "PhoneAllowList":
    """Built once per (policy, account): every post of a run shares it."""
    from sns_lint.analysis.phones import PhoneAllowList

    key = (id(config), account.key if account else None, id(gazetteer))
    if key not in _allow_lists:
        contacts = account.contacts.phones if account else ()
        listed = list(config.published_phones)
        exact = list(contacts) + ([f.phone_digits for f in gazetteer.facilities if f.phone_digits] if gazetteer else [])
        _allow_lists[key] = (config, PhoneAllowList.build(exact, listed))
    return _allow_lists[key][1]
