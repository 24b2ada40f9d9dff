"""Find, read and validate the operating-policy config.

Search order: ``--config PATH``; ``sns-lint.yaml`` or ``.sns-lint.yaml`` in the
current directory or the nearest parent; ``[tool.sns-lint]`` in the nearest
``pyproject.toml``; otherwise built-in defaults.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

from sns_lint.config.model import (
    DAY_NAMES,
    SCHEDULE_FIELDS,
    Account,
    Config,
    Contacts,
    OperatingHours,
    PolicyTexts,
    RuleSettings,
    ScheduleCsv,
)
from sns_lint.errors import ConfigError
from sns_lint.findings import SEVERITY_NAMES
from sns_lint.posts import PLATFORMS, SPEAKERS
from sns_lint.yaml_loading import LineDict, line_in, load_yaml

CONFIG_NAMES = ("sns-lint.yaml", ".sns-lint.yaml")
TOP_KEYS = (
    "timezone", "default_account", "own_domains", "trusted_domains", "own_accounts",
    "places", "accounts", "rules", "include", "exclude", "schedule_csv", "published_phones",
    "guideline", "organization", "policy",
)
POLICY_KEYS = (
    "url", "department", "purpose", "content", "comments", "interactions", "prohibited",
    "intellectual_property", "disclaimer",
)
SHARED_POLICY_KEYS = POLICY_KEYS[2:]  # the url and department belong to one account
COMMENT_MODES = ("reply", "none")
ACCOUNT_KEYS = ("platform", "name", "max_length", "hours", "contacts", "speaker", *POLICY_KEYS)
HOURS_KEYS = ("days", "start", "end", "holidays", "closed")
CONTACT_KEYS = ("phones", "emails", "addresses")
RULES_KEYS = ("paths", "disable", "severity")
_TIME = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_FULL_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")


def find_config_file(start: Path) -> tuple[Path, str] | None:
    """(file, kind) of the nearest config, kind being 'yaml' or 'pyproject'."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate, "yaml"
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _pyproject_has_section(pyproject):
            return pyproject, "pyproject"
    return None


def _pyproject_has_section(path: Path) -> bool:
    try:
        return "[tool.sns-lint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def load_config(explicit: str | None = None, cwd: Path | None = None) -> Config:
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("設定ファイルが見つかりません。", explicit)
        kind = "pyproject" if path.name == "pyproject.toml" else "yaml"
    else:
        found = find_config_file((cwd or Path.cwd()).resolve())
        if found is None:
            return Config()
        path, kind = found
    return parse_config(_read_config_data(path, kind), path)


def _read_config_data(path: Path, kind: str) -> Any:
    from sns_lint.bounded_read import read_file

    try:
        raw = read_file(path)
    except OSError as exc:
        raise ConfigError(f"設定ファイルを読めません（{exc.strerror}）。", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("設定ファイルは UTF-8 で保存してください。", path) from None
    if kind == "pyproject":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"TOML を読めません: {exc}", path) from None
        section = data.get("tool", {}).get("sns-lint")
        if section is None:
            raise ConfigError("[tool.sns-lint] の節がありません。", path)
        from sns_lint.config.toml_lines import key_lines, with_lines

        return with_lines(section, key_lines(text), ("tool", "sns-lint"), 1)
    return load_yaml(text, path, ConfigError)


class _Validator:
    """Checks types while remembering where each value came from."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, message: str, mapping: Any = None, key: Any = None) -> None:
        raise ConfigError(message, self.path, line_in(mapping, key))

    def mapping(self, value: Any, what: str, parent: Any = None, key: Any = None) -> dict:
        if value is None:  # `accounts: {koho: null}`: errors about it still name its line
            empty = LineDict()
            empty.key_lines = {}
            empty.line = parent.line_of(key) if isinstance(parent, LineDict) and key is not None else None
            return empty
        if not isinstance(value, dict):
            self.fail(f"{what} は「キー: 値」の形で書いてください。", parent, key)
        return value

    def known_keys(self, data: dict, allowed: tuple[str, ...], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.fail(
                    f"{what} に不明なキー「{key}」があります（使えるキー: {', '.join(allowed)}）。",
                    data,
                    key,
                )

    def string(self, data: dict, key: str, what: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{what} は空でない文字列で書いてください。", data, key)
        return value.strip()

    def strings(self, data: dict, key: str, what: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.fail(f"{what} は文字列のリストで書いてください。", data, key)
        return tuple(str(v).strip() for v in value)


def parse_config(data: Any, path: Path) -> Config:
    v = _Validator(path)
    if data is None:
        data = LineDict()
        data.key_lines = {}
    if not isinstance(data, dict):
        v.fail("設定ファイルの最上位は「キー: 値」の形で書いてください。")
    v.known_keys(data, TOP_KEYS, "設定")
    base = path.parent

    timezone = v.string(data, "timezone", "timezone") or "Asia/Tokyo"
    _check_timezone(v, timezone, data)

    domains = {}
    for key in ("own_domains", "trusted_domains"):
        values = tuple(d.lower().lstrip(".") for d in v.strings(data, key, key))
        for domain in values:
            if not _DOMAIN.match(domain):
                v.fail(f"{key} の「{domain}」はドメイン名ではありません（例: city.kagoshima.lg.jp）。", data, key)
        domains[key] = values
    own_accounts = tuple(a.lstrip("@").lower() for a in v.strings(data, "own_accounts", "own_accounts"))

    places = v.string(data, "places", "places")
    accounts_data = v.mapping(data.get("accounts"), "accounts", data, "accounts")
    accounts = {
        str(key): replace(
            _parse_account(v, str(key), v.mapping(value, f"accounts.{key}", accounts_data, key)),
            line=accounts_data.line_of(key) if isinstance(accounts_data, LineDict) else None,
        )
        for key, value in accounts_data.items()
    }
    # an account's own page (accounts.*.url: https://www.instagram.com/kagoshima_kanko) names a handle
    # of the city's as surely as own_accounts does
    own_accounts += tuple(
        handle for handle in (_url_handle(a.policy.url) for a in accounts.values()) if handle and handle not in own_accounts
    )
    default_account = v.string(data, "default_account", "default_account")
    if default_account is not None and default_account not in accounts:
        v.fail(f"default_account「{default_account}」が accounts に定義されていません。", data, "default_account")

    guideline = None
    if "guideline" in data:
        from sns_lint.guidelines import load_guideline

        reference = v.string(data, "guideline", "guideline")
        try:
            guideline = load_guideline(reference, base)
        except ConfigError as error:
            if error.path is None:
                v.fail(error.message, data, "guideline")
            raise
    shared = v.mapping(data.get("policy"), "policy", data, "policy")
    v.known_keys(shared, SHARED_POLICY_KEYS, "policy")
    return Config(
        guideline=guideline,
        organization=v.string(data, "organization", "organization"),
        policy=_parse_policy_texts(v, "policy", shared),
        path=path,
        timezone=timezone,
        default_account=default_account,
        own_domains=domains["own_domains"],
        trusted_domains=domains["trusted_domains"] if "trusted_domains" in data else Config.trusted_domains,
        own_accounts=own_accounts,
        places=(base / places) if places else None,
        published_phones=_published_phones(v, data),
        accounts=accounts,
        rules=_parse_rule_settings(v, v.mapping(data.get("rules"), "rules", data, "rules"), base),
        include=_patterns(v, data, "include"),
        exclude=_patterns(v, data, "exclude"),
        default_platform=None,
        schedule_csv=_parse_schedule_csv(v, v.mapping(data.get("schedule_csv"), "schedule_csv", data, "schedule_csv")),
    )


_HANDLE = re.compile(r"^(?:@|%40)?([A-Za-z0-9_.\-]{1,40})$")


def _url_handle(url: str | None) -> str | None:
    """The last path segment of an account's page (x.com/kagoshima_koho, page.line.me/@id)."""
    if not url:
        return None
    from urllib.parse import urlsplit

    segments = [s for s in urlsplit(url).path.split("/") if s]
    match = _HANDLE.match(segments[-1]) if segments else None
    return match.group(1).lower() if match else None


def _patterns(v: _Validator, data: dict, key: str) -> tuple[str, ...]:
    values = v.strings(data, key, key)
    for value in values:
        if not value or value == "!":
            v.fail(f"{key} に空のパターンがあります（例: \"drafts/**/*.md\"）。", data, key)
    return values


def _published_phones(v: _Validator, data: dict) -> tuple[str, ...]:
    """Numbers or prefixes (``099-216-``) of the city's departments: not personal information."""
    values = v.strings(data, "published_phones", "published_phones")
    for value in values:
        digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", value))
        if len(digits) < 2 or not re.fullmatch(r"[+＋]?[\d０-９()（）\-‐－−ー \u3000]+[*＊]?", value):
            v.fail(f"published_phones の「{value}」は電話番号またはその先頭部分ではありません（例: \"099-216-\"）。", data, "published_phones")
    return values


def _check_timezone(v: _Validator, name: str, data: dict) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        v.fail(f"timezone「{name}」は不明なタイムゾーンです（例: Asia/Tokyo）。", data, "timezone")


def _parse_account(v: _Validator, key: str, data: dict) -> Account:
    what = f"accounts.{key}"
    v.known_keys(data, ACCOUNT_KEYS, what)
    platform = (v.string(data, "platform", f"{what}.platform") or "").lower()
    if platform not in PLATFORMS:
        v.fail(f"{what}.platform は {', '.join(PLATFORMS)} のいずれかで書いてください。", data, "platform" if "platform" in data else None)
    max_length = data.get("max_length")
    if max_length is not None and (isinstance(max_length, bool) or not isinstance(max_length, int) or max_length <= 0):
        v.fail(f"{what}.max_length は正の整数で書いてください。", data, "max_length")
    speaker = v.string(data, "speaker", f"{what}.speaker")
    if speaker is not None and speaker not in SPEAKERS:
        v.fail(f"{what}.speaker は {', '.join(SPEAKERS)} のいずれかで書いてください（mayor: 市長本人のアカウント）。", data, "speaker")
    hours = None
    if data.get("hours") is not None:
        hours = _parse_hours(v, what + ".hours", v.mapping(data["hours"], what + ".hours", data, "hours"))
    contacts_data = v.mapping(data.get("contacts"), what + ".contacts", data, "contacts")
    v.known_keys(contacts_data, CONTACT_KEYS, what + ".contacts")
    contacts = Contacts(
        phones=v.strings(contacts_data, "phones", what + ".contacts.phones"),
        emails=tuple(e.lower() for e in v.strings(contacts_data, "emails", what + ".contacts.emails")),
        addresses=v.strings(contacts_data, "addresses", what + ".contacts.addresses"),
    )
    return Account(
        key=key,
        platform=platform,
        name=v.string(data, "name", what + ".name"),
        max_length=max_length,
        hours=hours,
        contacts=contacts,
        speaker=speaker,
        policy=_parse_policy_texts(v, what, data),
        key_lines=dict(getattr(data, "key_lines", {})),
    )


def _parse_policy_texts(v: _Validator, what: str, data: dict) -> PolicyTexts:
    comments = v.string(data, "comments", f"{what}.comments")
    if comments is not None and comments.lower() not in COMMENT_MODES:
        v.fail(f"{what}.comments は reply（回答する）か none（回答しない）で書いてください。", data, "comments")
    url = v.string(data, "url", f"{what}.url")
    if url is not None and not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
        v.fail(f"{what}.url「{url}」は URL ではありません（例: https://x.com/kagoshima_koho）。", data, "url")
    return PolicyTexts(
        url=url,
        department=v.string(data, "department", f"{what}.department"),
        purpose=v.string(data, "purpose", f"{what}.purpose"),
        content=v.string(data, "content", f"{what}.content"),
        comments=comments.lower() if comments else None,
        interactions=v.string(data, "interactions", f"{what}.interactions"),
        prohibited=tuple(p for p in v.strings(data, "prohibited", f"{what}.prohibited") if p),
        intellectual_property=v.string(data, "intellectual_property", f"{what}.intellectual_property"),
        disclaimer=v.string(data, "disclaimer", f"{what}.disclaimer"),
    )


def _parse_hours(v: _Validator, what: str, data: dict) -> OperatingHours:
    v.known_keys(data, HOURS_KEYS, what)
    days = tuple(d.lower() for d in v.strings(data, "days", what + ".days")) or OperatingHours.days
    for day in days:
        if day not in DAY_NAMES:
            v.fail(f"{what}.days の「{day}」は曜日名ではありません（使えるもの: {', '.join(DAY_NAMES)}）。", data, "days")

    def clock(key: str, default: time) -> time:
        value = data.get(key)
        if value is None:
            return default
        match = _TIME.match(str(value).strip())
        if not match or (int(match.group(1)) == 24 and match.group(2) != "00"):
            v.fail(f"{what}.{key}「{value}」は時刻ではありません（例: \"08:30\"）。", data, key)
        hour, minute = int(match.group(1)), int(match.group(2))
        return time(23, 59, 59) if hour == 24 else time(hour, minute)

    start, end = clock("start", OperatingHours.start), clock("end", OperatingHours.end)
    if end <= start:
        v.fail(f"{what} の end は start より後の時刻にしてください。", data, "end")
    holidays = data.get("holidays", "closed")
    if holidays not in ("closed", "open"):
        v.fail(f"{what}.holidays は closed か open で書いてください。", data, "holidays")
    closed, closed_days = [], []
    for item in v.strings(data, "closed", what + ".closed"):
        full = _FULL_DATE.match(item)
        if full:  # a one-off closed day: "2027-05-06"
            try:
                closed_days.append(date(int(full.group(1)), int(full.group(2)), int(full.group(3))))
            except ValueError:
                v.fail(f"{what}.closed の「{item}」は存在しない日付です。", data, "closed")
            continue
        match = _MONTH_DAY.match(item)
        if not match or not _valid_month_day(int(match.group(1)), int(match.group(2))):
            v.fail(f"{what}.closed の「{item}」は月日か日付ではありません（例: \"12-29\"、\"2027-05-06\"）。", data, "closed")
        closed.append((int(match.group(1)), int(match.group(2))))
    return OperatingHours(
        days=days, start=start, end=end, holidays_closed=holidays == "closed", closed_dates=tuple(closed),
        closed_days=tuple(closed_days),
    )


def _valid_month_day(month: int, day: int) -> bool:
    from calendar import monthrange

    return 1 <= month <= 12 and 1 <= day <= monthrange(2024, month)[1]


def _parse_rule_settings(v: _Validator, data: dict, base: Path) -> RuleSettings:
    v.known_keys(data, RULES_KEYS, "rules")
    severity_data = v.mapping(data.get("severity"), "rules.severity", data, "severity")
    severity = {}
    for key, value in severity_data.items():
        if not isinstance(value, str) or value.lower() not in SEVERITY_NAMES:
            v.fail(f"rules.severity の「{key}: {value}」は {', '.join(SEVERITY_NAMES)} のいずれかにしてください。", severity_data, key)
        severity[str(key)] = value.lower()
    return RuleSettings(
        paths=tuple(base / p for p in v.strings(data, "paths", "rules.paths")),
        disable=frozenset(v.strings(data, "disable", "rules.disable")),
        severity=severity,
    )


def _parse_schedule_csv(v: _Validator, data: dict) -> ScheduleCsv:
    v.known_keys(data, ("columns", "date_format"), "schedule_csv")
    columns_data = v.mapping(data.get("columns"), "schedule_csv.columns", data, "columns")
    columns = {}
    for key, value in columns_data.items():
        if key not in SCHEDULE_FIELDS:
            v.fail(f"schedule_csv.columns の「{key}」は使えません（使えるもの: {', '.join(SCHEDULE_FIELDS)}）。", columns_data, key)
        if not isinstance(value, str) or not value.strip():
            v.fail(f"schedule_csv.columns.{key} には CSV の列名を書いてください。", columns_data, key)
        columns[str(key)] = value.strip()
    date_format = v.string(data, "date_format", "schedule_csv.date_format")
    if date_format is not None and "%" not in date_format:
        v.fail("schedule_csv.date_format は strftime の書式で書いてください（例: \"%Y/%m/%d %H:%M\"）。", data, "date_format")
    return ScheduleCsv(columns=columns, date_format=date_format)
