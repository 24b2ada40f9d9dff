"""Clause 5-5 (platform length) and `sns-lint count`."""

from __future__ import annotations

import json

import pytest

from sns_lint.analysis.post_length import hashtags
from sns_lint.rulebook.loading import load_rules
from sns_lint.rulebook.model import Example
from tests.conftest import write
from tests.rule_harness import findings_for_example

RULE = next(r for r in load_rules() if r.id == "post-length")


def fired(text: str, platform: str) -> list:
    return findings_for_example(RULE, Example(text=text, platform=platform))


def test_x_counts_cjk_as_two_and_urls_as_23():
    fits = "あ" * 140
    assert fired(fits, "x") == []
    [finding] = fired(fits + "い", "x")
    assert "282" in finding.message and "280" in finding.message and "2 超え" in finding.message
    assert finding.text == "い"  # the part that does not fit is underlined
    [finding] = fired("あ" * 139 + "abc", "x")  # 278 + 3 = 281: only "c" is over
    assert finding.text == "c" and "1 超え" in finding.message


def test_url_counts_23_whatever_its_length():
    long_url = "https://www.city.kagoshima.lg.jp/" + "a" * 500
    assert fired("あ" * 128 + " " + long_url, "x") == []  # 256 + 1 + 23 = 280


def test_emoji_sequence_counts_two():
    assert fired("あ" * 139 + "👨‍👩‍👧‍👦", "x") == []
    assert len(fired("あ" * 139 + "👨‍👩‍👧‍👦a", "x")) == 1


@pytest.mark.parametrize("platform, limit", [("instagram", 2200), ("facebook", 63206), ("threads", 500), ("line", 500)])
def test_character_limits(platform, limit):
    assert fired("a" * limit, platform) == []
    [finding] = fired("a" * (limit + 3), platform)
    assert f"{limit + 3}" in finding.message and "3 超え" in finding.message


def test_instagram_hashtag_limit():
    tags = " ".join(f"#タグ{i}" for i in range(31))
    [finding] = fired(tags, "instagram")
    assert "31" in finding.message and "30" in finding.message
    assert len(hashtags("#a #b ＃ｃ #123 a#b")) == 3


def test_no_platform_no_length_check():
    assert findings_for_example(RULE, Example(text="あ" * 1000, platform=None, account="none")) == []


def test_account_max_length_overrides(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "accounts:\n  short:\n    platform: x\n    max_length: 100\n")
    write(tmp_path / "a.txt", "---\naccount: short\n---\n" + "あ" * 60 + "\n")
    result = cli("check", "a.txt", "-f", "json")
    assert result.code == 1
    assert "上限 100" in result.json()["findings"][0]["message"]


def test_trailing_newlines_of_the_file_do_not_count(cli, tmp_path):
    write(tmp_path / "a.txt", "---\nplatform: x\n---\n\n" + "あ" * 140 + "\n\n\n")
    assert cli("check", "a.txt").code == 0


def test_count_command_text_and_json(cli, tmp_path):
    write(tmp_path / "a.txt", "お知らせです。https://www.city.kagoshima.lg.jp/ をご覧ください😀\n")
    result = cli("count", "a.txt", "--platform", "x")
    assert result.code == 0
    assert "54 / 280" in result.stdout and "残り 226" in result.stdout
    result = cli("count", "a.txt", "--platform", "x", "--format", "json")
    assert json.loads(result.stdout) == {"platform": "x", "length": 54, "limit": 280}


def test_count_uses_the_account_from_front_matter_and_config(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "default_account: ig\naccounts:\n  ig: {platform: instagram}\n  line: {platform: line}\n")
    write(tmp_path / "a.txt", "こんにちは\n")
    write(tmp_path / "b.txt", "---\naccount: line\n---\nこんにちは\n")
    result = cli("count", "a.txt", "b.txt", "-f", "json")
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"platform": "instagram", "length": 5, "limit": 2200},
        {"platform": "line", "length": 5, "limit": 500},
    ]


def test_count_reads_stdin_and_reports_over_limit(cli):
    result = cli("count", "-", "-p", "threads", stdin=("あ" * 510).encode())
    assert result.code == 1 and "10 超過" in result.stdout


def test_count_without_platform_is_a_clear_error(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "timezone: Asia/Tokyo\n")  # a policy that names no account
    write(tmp_path / "a.txt", "こんにちは\n")
    result = cli("count", "a.txt")
    assert result.code == 2 and "--platform" in result.stderr


def test_count_without_a_policy_counts_for_x_like_check(cli, tmp_path):
    write(tmp_path / "a.txt", "こんにちは\n")
    result = cli("count", "a.txt")
    assert result.code == 0 and "X 10 / 280" in result.stdout
