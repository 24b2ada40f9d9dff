"""Guideline profiles: findings, ``rules`` and ``explain`` cite the user's own guideline."""

from __future__ import annotations

import pytest

from sns_lint.guidelines import builtin_names, builtin_path, load_guideline
from sns_lint.rulebook.loading import load_rules
from sns_lint.suppressing import DIRECTIVE_RULES
from tests.conftest import write

BAD = "市立病院の看護婦さんです。https://bit.ly/abc\n"


def test_kagoshima_is_the_default_and_maps_every_rule_clause():
    profile = load_guideline(None)
    assert profile.id == "kagoshima"
    for rule in [*load_rules(), *DIRECTIVE_RULES]:
        assert profile.maps(rule.clause), f"{rule.id}: clause {rule.clause} missing from kagoshima.yaml"
        assert profile.cite(rule.clause) == rule.clause


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_profiles_only_use_clause_ids_sns_lint_knows(name):
    ours = load_guideline("kagoshima").clauses
    profile = load_guideline(name)
    assert profile.id == name and profile.source.get("title")
    assert set(profile.clauses) <= set(ours)


def test_another_city_is_cited_in_findings(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "guideline: yazu\n")
    write(tmp_path / "a.txt", BAD)
    document = cli("check", "a.txt", "-f", "json").json()
    clauses = {f["rule"]: f["clause"] for f in document["findings"]}
    assert clauses["discriminatory-term"] == "4(5)③"
    assert clauses["shortened-url"] == "5-7"  # the town's guideline has no such clause
    shown = cli("check", "a.txt").stdout
    assert "[4(5)③]" in shown


def test_rules_lists_the_cited_numbers(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "guideline: yazu\n")
    listed = cli("rules").stdout
    assert "八頭町" in listed and "4(5)③" in listed and "5-7（該当なし）" in listed


def test_explain_accepts_the_cited_number(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "guideline: yazu\n")
    result = cli("explain", "4(5)③")
    assert result.code == 0
    assert "discriminatory-term" in result.stdout and "八頭町" in result.stdout and "差別" in result.stdout
    unmapped = cli("explain", "shortened-url")
    assert "対応する項目なし" in unmapped.stdout


def test_suppressions_and_policy_settings_may_use_the_cited_number(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "guideline: yazu\nrules:\n  severity: {\"4(5)③\": warning}\n")
    write(tmp_path / "a.md", "<!-- sns-lint-disable-next-line 4(5)③ 町の資料の原文 -->\n看護婦\n保母\n")
    document = cli("check", "a.md", "-f", "json").json()
    assert [(f["rule"], f["severity"]) for f in document["findings"]] == [("discriminatory-term", "warning")]
    assert document["summary"]["suppressed"] == 1
    result = cli("check", "a.md")
    assert "4(5)③" not in result.stderr  # a known key in rules.severity: no warning about it


def _my_city_profile(tmp_path) -> None:
    """A policy citing its own guideline profile (6-2 is its 第5条第2号), and a draft that breaks 6-2."""
    write(
        tmp_path / "guides" / "mycity.yaml",
        "id: mycity\nname: わが市SNSガイドライン\norganization: わが市\nsource: {title: わが市SNSガイドライン}\n"
        "clauses:\n  \"6-2\": {number: 第5条第2号, title: 差別の禁止}\n",
    )
    write(tmp_path / "sns-lint.yaml", "guideline: guides/mycity.yaml\n")
    write(tmp_path / "a.txt", BAD)


def test_profile_file_next_to_the_config(cli, tmp_path):
    _my_city_profile(tmp_path)
    document = cli("check", "a.txt", "-f", "json").json()
    assert "第5条第2号" in [f["clause"] for f in document["findings"]]


def test_select_and_ignore_take_the_profiles_clause_numbers(cli, tmp_path):
    """A city that cites its own guideline names its own clauses on the command line too."""
    _my_city_profile(tmp_path)
    selected = cli("check", "a.txt", "-f", "json", "--select", "第5条第2号").json()
    assert {f["rule"] for f in selected["findings"]} == {"discriminatory-term"}
    ignored = cli("check", "a.txt", "-f", "json", "--ignore", "第5条第2号").json()
    assert "discriminatory-term" not in {f["rule"] for f in ignored["findings"]}
    assert cli("check", "a.txt", "--select", "6-2").code == 1  # our own numbers still work
    unknown = cli("check", "a.txt", "--select", "第9条")
    assert unknown.code == 2 and "第9条" in unknown.stderr


@pytest.mark.parametrize(
    "profile, line, words",
    [
        ("id: x\nname: n\norganization: o\nclauses:\n  \"6-2\": {number: \"1\", titel: t}\n", 5, "titel"),
        ("id: x\nname: n\norganization: o\nclauses:\n  six: {number: \"1\", title: t}\n", 5, "項番"),
        ("id: x\nname: n\norganization: o\nclauses: {}\n", 4, "clauses"),
        ("id: x\norganization: o\nclauses:\n  \"6-2\": {number: \"1\", title: t}\n", None, "name"),
    ],
)
def test_broken_profile_names_file_and_line(cli, tmp_path, profile, line, words):
    write(tmp_path / "p.yaml", profile)
    write(tmp_path / "sns-lint.yaml", "guideline: p.yaml\n")
    write(tmp_path / "a.txt", BAD)
    result = cli("check", "a.txt")
    assert result.code == 2 and words in result.stderr
    assert f"p.yaml:{line}:" in result.stderr if line else "p.yaml" in result.stderr


def test_unknown_profile_name_is_a_config_error(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "\nguideline: sapporo\n")
    write(tmp_path / "a.txt", BAD)
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "sns-lint.yaml:2:" in result.stderr and "kagoshima" in result.stderr and "yazu" in result.stderr


def test_builtin_profile_files_ship_in_the_package():
    for name in builtin_names():
        assert builtin_path(name).is_file()
    assert {"kagoshima", "yazu"} <= set(builtin_names())
