"""Config discovery and the errors a broken operating policy produces."""

from __future__ import annotations

from datetime import time

import pytest

from sns_lint.config.loading import load_config
from sns_lint.errors import ConfigError
from tests.conftest import write

FULL = """\
timezone: Asia/Tokyo
default_account: koho-x
own_domains: [city.kagoshima.lg.jp]
trusted_domains: [go.jp, lg.jp]
own_accounts: ["@Kagoshima_Koho"]
places: places.gpkg
accounts:
  koho-x:
    platform: x
    name: 鹿児島市 広報課
    max_length: 280
    hours:
      days: [mon, tue, wed, thu, fri]
      start: "08:30"
      end: "17:15"
      holidays: closed
      closed: ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"]
    contacts:
      phones: ["099-224-1111"]
      emails: ["koho@city.kagoshima.lg.jp"]
      addresses: ["鹿児島市山下町11番1号"]
rules:
  paths: [my-rules/]
  disable: [6-3]
  severity: {external-link: info}
"""


def test_every_documented_key_loads(tmp_path):
    path = write(tmp_path / "sns-lint.yaml", FULL)
    config = load_config(str(path))
    account = config.accounts["koho-x"]
    assert config.default_account == "koho-x"
    assert config.own_accounts == ("kagoshima_koho",)
    assert config.places == tmp_path / "places.gpkg"
    assert account.max_length == 280
    assert account.hours.start == time(8, 30) and account.hours.end == time(17, 15)
    assert (12, 29) in account.hours.closed_dates
    assert account.contacts.phones == ("099-224-1111",)
    assert config.rules.paths == (tmp_path / "my-rules/",)
    assert config.rules.severity == {"external-link": "info"}


def test_discovery_prefers_nearest_parent(tmp_path):
    write(tmp_path / "sns-lint.yaml", "default_account: a\naccounts: {a: {platform: x}}\n")
    nested = tmp_path / "posts" / "2026"
    nested.mkdir(parents=True)
    assert load_config(cwd=nested).default_account == "a"
    write(tmp_path / "posts" / ".sns-lint.yaml", "default_account: b\naccounts: {b: {platform: line}}\n")
    assert load_config(cwd=nested).default_account == "b"


def test_discovery_falls_back_to_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.sns-lint]\nown_domains = ["city.example.lg.jp"]\n')
    assert load_config(cwd=tmp_path).own_domains == ("city.example.lg.jp",)


def test_no_config_gives_defaults(tmp_path):
    config = load_config(cwd=tmp_path)
    assert config.path is None and config.timezone == "Asia/Tokyo"


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("accounts: [1, 2\n", 2, "YAML"),
        ("own_domains: 5\n", 1, "own_domains"),
        ("accounts:\n  a:\n    platform: myspace\n", 3, "platform"),
        ("accounts:\n  a:\n    platform: x\n    hours:\n      days: [mon, funday]\n", 5, "funday"),
        ("accounts:\n  a:\n    platform: x\n    hours:\n      start: \"25:00\"\n", 5, "25:00"),
        ("accounts:\n  a:\n    platform: x\n    hours:\n      closed: [\"02-30\"]\n", 5, "02-30"),
        ("default_account: ghost\n", 1, "ghost"),
        ("timezone: Mars/Olympus\n", 1, "Mars/Olympus"),
        ("colour: blue\n", 1, "colour"),
        ("rules:\n  severity: {x: loud}\n", 2, "loud"),
        ("x: !!python/object/apply:os.system [ls]\n", 1, "タグ"),
    ],
)
def test_broken_config_names_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path / "sns-lint.yaml", text)
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    assert error.value.line == line
    assert words in str(error.value)
    assert str(path) in str(error.value)


def test_broken_config_exits_2_through_cli(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "accounts:\n  a:\n    platform: x\n    hours: {days: [someday]}\n")
    write(tmp_path / "a.txt", "こんにちは")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "sns-lint.yaml:4" in result.stderr and "someday" in result.stderr


def test_unknown_rule_in_disable_is_warned_about(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  disable: [no-such-rule]\n")
    write(tmp_path / "a.txt", "こんにちは")
    result = cli("check", "a.txt")
    assert result.code == 0 and "no-such-rule" in result.stderr and "警告" in result.stderr


def test_post_naming_unknown_account_exits_2(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", FULL.replace("  paths: [my-rules/]\n", ""))
    write(tmp_path / "a.txt", "---\naccount: koho-tiktok\n---\nこんにちは\n")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "a.txt:2" in result.stderr and "koho-tiktok" in result.stderr


def test_user_rule_folder_is_loaded(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
    write(
        tmp_path / "my-rules" / "no-kusa.yaml",
        """\
id: no-laughing-w
clause: "5-5"
severity: warning
kind: pattern
summary: 「www」を使わない
rationale: 公式アカウントの品位のため。
message: "「{text}」は公式の投稿に向きません。"
patterns: ["w{3,}"]
examples:
  bad: [楽しいwww]
  good: [www.city.kagoshima.lg.jp]
""",
    )
    write(tmp_path / "a.txt", "楽しかったwwww\n")
    result = cli("check", "a.txt", "-f", "json")
    assert [f["rule"] for f in result.json()["findings"]] == ["no-laughing-w"]


def test_broken_rule_file_names_file_and_line(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
    write(tmp_path / "my-rules" / "bad.yaml", "id: x\nclause: \"5-5\"\nseverity: loud\n")
    write(tmp_path / "a.txt", "こんにちは")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "bad.yaml:3" in result.stderr and "severity" in result.stderr


def test_each_accounts_page_names_one_of_the_citys_own_handles(tmp_path, cli):
    """An Instagram account in the policy (its url) is the city's own: a link to it is no external link."""
    policy = (
        "own_domains: [city.kagoshima.lg.jp]\nown_accounts: [kagoshima_koho]\naccounts:\n"
        "  koho-x: {platform: x, url: 'https://x.com/kagoshima_koho'}\n"
        "  kanko-ig: {platform: instagram, url: 'https://www.instagram.com/Kagoshima_Kanko/'}\n"
        "  koho-line: {platform: line, url: 'https://page.line.me/@kagoshimacity'}\n"
    )
    write(tmp_path / "sns-lint.yaml", policy)
    config = load_config(str(tmp_path / "sns-lint.yaml"))
    assert config.own_accounts == ("kagoshima_koho", "kagoshima_kanko", "kagoshimacity")
    write(tmp_path / "a.txt", "観光情報は https://www.instagram.com/kagoshima_kanko と https://page.line.me/kagoshimacity へ\n")
    assert [f["rule"] for f in cli("check", "a.txt", "-f", "json").json()["findings"]] == []
    write(tmp_path / "b.txt", "県の観光情報は https://www.instagram.com/kagoshima_pref_kanko へ\n")
    assert [f["rule"] for f in cli("check", "b.txt", "-f", "json").json()["findings"]] == ["external-link"]
