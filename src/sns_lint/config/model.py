"""What an operating policy says, as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Fields of a scheduled post; ``date`` + ``time`` may stand in for ``scheduled_at``.
SCHEDULE_FIELDS = (
    "scheduled_at", "date", "time", "account", "platform", "text", "id", "emergency", "approved_by", "published",
    "allow",  # suppressions: "5-8 理由" in one cell
)


@dataclass(frozen=True)
class OperatingHours:
    """運用時間 (clause 5-9)."""

    days: tuple[str, ...] = DAY_NAMES[:5]
    start: time = time(8, 30)
    end: time = time(17, 15)
    holidays_closed: bool = True
    closed_dates: tuple[tuple[int, int], ...] = ()  # (month, day)
    closed_days: tuple[date, ...] = ()  # one-off closed dates (2027-05-06)


@dataclass(frozen=True)
class Contacts:
    """Published contact points (clause 7-2); these are not personal information."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True)
class PolicyTexts:
    """What an operating policy states for readers (clause 3-1), beside hours and contacts.

    On an account these are its own; at the top level (``policy:``) they are shared by every
    account that leaves them out.
    """

    url: str | None = None
    department: str | None = None
    purpose: str | None = None
    content: str | None = None
    comments: str | None = None  # "reply" or "none": whether comments are answered (7-1, 7-2)
    interactions: str | None = None  # follow / repost / like / share (7-1)
    prohibited: tuple[str, ...] = ()
    intellectual_property: str | None = None
    disclaimer: str | None = None


@dataclass(frozen=True)
class Account:
    key: str
    platform: str
    name: str | None = None
    max_length: int | None = None
    hours: OperatingHours | None = None
    contacts: Contacts = field(default_factory=Contacts)
    speaker: str | None = None  # mayor: the mayor's own account, first-person views are expected
    policy: PolicyTexts = field(default_factory=PolicyTexts)
    line: int | None = None  # where the account is defined in the config
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)  # its keys' lines


@dataclass(frozen=True)
class ScheduleCsv:
    """How to read a scheduling tool's CSV export: our field name -> the file's column name."""

    columns: dict[str, str] = field(default_factory=dict)
    date_format: str | None = None  # strptime format of the date-time cell(s)


@dataclass(frozen=True)
class RuleSettings:
    paths: tuple[Path, ...] = ()
    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)  # rule id or clause -> severity name


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None for built-in defaults
    timezone: str = "Asia/Tokyo"
    default_account: str | None = None
    own_domains: tuple[str, ...] = ()
    trusted_domains: tuple[str, ...] = ("go.jp", "lg.jp")
    own_accounts: tuple[str, ...] = ()
    places: Path | None = None  # the public-facility gazetteer (GeoPackage from `sns-lint places import`)
    published_phones: tuple[str, ...] = ()  # the city's published numbers or prefixes such as "099-216-"
    accounts: dict[str, Account] = field(default_factory=dict)
    rules: RuleSettings = field(default_factory=RuleSettings)
    include: tuple[str, ...] = ()  # gitignore-style, relative to the policy file (empty: posts and schedule files)
    exclude: tuple[str, ...] = ()  # added to the built-in excludes (README, LICENSE, ...)
    default_platform: str | None = "x"  # when neither front matter nor account names one; None with a policy
    platform_override: str | None = None  # check --platform
    account_override: str | None = None  # check --account
    schedule_csv: ScheduleCsv = field(default_factory=ScheduleCsv)
    at: datetime | None = None  # --at: the moment posts are judged at, and "today" (aware)
    guideline: Any = None  # GuidelineProfile named by ``guideline:``; None: the built-in default
    organization: str | None = None  # the city, for the published policy
    policy: PolicyTexts = field(default_factory=PolicyTexts)  # shared by all accounts

    @property
    def display_path(self) -> str:
        return str(self.path) if self.path else "（既定の設定）"
