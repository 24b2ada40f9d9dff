"""Suppressions with a reason: front matter ``allow:``, directive comments, and their trace."""

from __future__ import annotations

import pytest

from sns_lint.checking import check_source
from sns_lint.config.model import Config
from sns_lint.linter import RuleSet
from sns_lint.posts import SourceFile
from sns_lint.rulebook.loading import load_rules
from sns_lint.suppressing import DIRECTIVE_RULES
from tests.conftest import write

BAD_LINE = "市立病院の看護婦さんです。"


@pytest.fixture(scope="module")
def ruleset():
    return RuleSet.build(load_rules(), Config())


def run(ruleset, text: str):
    return check_source(SourceFile(path="d.md", text=text, encoding="utf-8"), ruleset, Config())


def rules_of(findings):
    return [(f.rule, f.line) for f in findings]


def test_disable_next_line_with_reason_suppresses_only_the_next_line(ruleset):
    result = run(ruleset, f"<!-- sns-lint-disable-next-line 6-2 昔の記事の引用 -->\n{BAD_LINE}\n{BAD_LINE}\n")
    assert rules_of(result.findings) == [("discriminatory-term", 3)]
    [item] = result.suppressed
    assert (item.finding.line, item.reason, item.kind, item.line) == (2, "昔の記事の引用", "disable-next-line", 1)


def test_rule_id_and_clause_both_name_a_rule(ruleset):
    by_id = run(ruleset, f"<!-- sns-lint-disable-next-line discriminatory-term 引用 -->\n{BAD_LINE}\n")
    by_clause = run(ruleset, f"<!-- sns-lint-disable-next-line 6-2 引用 -->\n{BAD_LINE}\n")
    assert by_id.findings == by_clause.findings == []
    assert len(by_id.suppressed) == len(by_clause.suppressed) == 1


def test_other_rules_on_the_suppressed_line_are_still_reported(ruleset):
    text = "<!-- sns-lint-disable-next-line 5-7 県の案内のため -->\n看護婦さん https://bit.ly/abc\n"
    result = run(ruleset, text)
    assert [f.rule for f in result.findings] == ["discriminatory-term"]
    assert [s.finding.rule for s in result.suppressed] == ["shortened-url"]


def test_disable_enable_pair_covers_the_lines_between(ruleset):
    text = (
        f"{BAD_LINE}\n<!-- sns-lint-disable 6-2 資料の原文のまま掲載 -->\n{BAD_LINE}\n{BAD_LINE}\n"
        f"<!-- sns-lint-enable 6-2 -->\n{BAD_LINE}\n"
    )
    result = run(ruleset, text)
    assert rules_of(result.findings) == [("discriminatory-term", 1), ("discriminatory-term", 6)]
    assert [s.finding.line for s in result.suppressed] == [3, 4]


def test_unclosed_disable_runs_to_the_end_of_the_post(ruleset):
    result = run(ruleset, f"<!-- sns-lint-disable 6-2 原文のまま -->\n{BAD_LINE}\n\n{BAD_LINE}\n")
    assert result.findings == [] and len(result.suppressed) == 2


def test_front_matter_allow_covers_the_whole_post_and_carries_approver(ruleset):
    text = (
        "---\napproved_by: 広報課長\nallow:\n  - {rule: 6-2, reason: 県の公式発表の引用のため}\n---\n"
        f"{BAD_LINE}\n\n保母さんに聞きました。\n"
    )
    result = run(ruleset, text)
    assert result.findings == []
    assert [(s.finding.line, s.reason, s.approved_by, s.kind, s.line) for s in result.suppressed] == [
        (6, "県の公式発表の引用のため", "広報課長", "allow", 4),
        (8, "県の公式発表の引用のため", "広報課長", "allow", 4),
    ]


def test_missing_reason_is_a_warning_at_the_suppression(ruleset):
    text = f"---\nallow: [6-2]\n---\n<!-- sns-lint-disable-next-line 6-2 -->\n{BAD_LINE}\n保母さん\n"
    result = run(ruleset, text)
    warnings = [(f.rule, f.line, f.severity.label) for f in result.findings]
    assert ("suppression-without-reason", 2, "warning") in warnings
    assert ("suppression-without-reason", 4, "warning") in warnings
    assert len(result.suppressed) == 2  # still suppresses: the missing reason is reported, not ignored


def test_stale_suppression_is_a_warning_like_unused_noqa(ruleset):
    result = run(ruleset, "<!-- sns-lint-disable-next-line 6-2 念のため -->\n今日は良い天気です。\n")
    [finding] = result.findings
    assert (finding.rule, finding.line, finding.clause) == ("unused-suppression", 1, "5-2")
    assert "当たる指摘がありません" in finding.message


def test_misspelt_rule_is_named_in_the_warning(ruleset):
    result = run(ruleset, f"<!-- sns-lint-disable-next-line discriminatory-terms 引用 -->\n{BAD_LINE}\n")
    assert {f.rule for f in result.findings} == {"discriminatory-term", "unused-suppression"}
    stale = next(f for f in result.findings if f.rule == "unused-suppression")
    assert "discriminatory-terms" in stale.message and "ありません" in stale.message


def test_directive_without_rule_and_enable_without_disable_are_reported(ruleset):
    result = run(ruleset, f"<!-- sns-lint-disable-next-line -->\n{BAD_LINE}\n<!-- sns-lint-enable -->\n")
    assert rules_of(result.findings) == [
        ("unused-suppression", 1),
        ("discriminatory-term", 2),
        ("unused-suppression", 3),
    ]


def test_directive_lines_are_not_part_of_the_post(ruleset, cli, tmp_path):
    # 140 full-width characters fill an X post exactly; the directive line must not count
    body = "あ" * 140
    write(tmp_path / "sns-lint.yaml", "accounts:\n  x:\n    platform: x\ndefault_account: x\n")
    write(tmp_path / "long.md", f"<!-- sns-lint-disable-next-line 6-2 ここは長い理由を書いても文字数に入らない -->\n{body}\n")
    result = cli("check", "long.md", "-f", "json")
    rules = [f["rule"] for f in result.json()["findings"]]
    assert "post-length" not in rules
    assert rules == ["unused-suppression"]  # and the directive itself is never checked for 6-2 words
    counted = cli("count", "long.md")
    assert "280 / 280" in counted.stdout


def test_findings_after_directive_lines_keep_their_file_position(ruleset):
    text = "一行目\n<!-- sns-lint-disable-next-line 5-7 理由 -->\n短縮 https://bit.ly/x\n二つ目は看護婦です\n"
    result = run(ruleset, text)
    [finding] = result.findings
    assert (finding.line, finding.column, finding.end_column) == (4, 5, 8)
    assert text[finding.start : finding.end] == "看護婦"


def test_directive_inside_text_is_not_a_directive(ruleset):
    result = run(ruleset, f"{BAD_LINE} <!-- sns-lint-disable-next-line 6-2 理由 -->\n")
    assert rules_of(result.findings) == [("discriminatory-term", 1)]


def test_policy_can_disable_the_suppression_diagnostics(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  disable: [unused-suppression]\n")
    write(tmp_path / "a.md", "<!-- sns-lint-disable-next-line 6-2 念のため -->\n良い天気です。\n")
    result = cli("check", "a.md")
    assert result.code == 0 and "問題は見つかりませんでした" in result.stdout
    assert "unused-suppression" not in result.stdout and "ルール ID・項番はありません" not in result.stderr


def test_summary_counts_and_show_suppressed_lists_reason_and_approver(cli, tmp_path):
    write(
        tmp_path / "a.md",
        f"---\napproved_by: 健康づくり推進課長\n---\n<!-- sns-lint-disable-next-line 6-2 法令上の職名のため -->\n{BAD_LINE}\n",
    )
    plain = cli("check", "a.md")
    assert plain.code == 0
    assert "抑止 1 件" in plain.stdout and "法令上の職名のため" not in plain.stdout
    shown = cli("check", "a.md", "--show-suppressed")
    assert "法令上の職名のため" in shown.stdout and "健康づくり推進課長" in shown.stdout
    assert "看護婦" in shown.stdout


def test_json_carries_suppressed_findings_with_their_trace(cli, tmp_path):
    write(tmp_path / "a.md", f"---\napproved_by: 課長\nallow: [{{rule: 6-2, reason: 引用}}]\n---\n{BAD_LINE}\n")
    document = cli("check", "a.md", "-f", "json").json()
    assert document["findings"] == []
    assert document["summary"]["suppressed"] == 1
    [item] = document["suppressed"]
    assert item["rule"] == "discriminatory-term" and item["line"] == 5
    assert item["suppression"] == {"kind": "allow", "line": 3, "reason": "引用", "approved_by": "課長"}


@pytest.mark.parametrize(
    "front, words",
    [
        ("allow: {rule: 6-2, reason: 1, extra: x}", "不明なキー"),
        ("allow: [{reason: 理由だけ}]", "rule:"),
        ("allow: true", "allow"),
        ("allow: [{rule: 6-2, reason: [a]}]", "reason"),
    ],
)
def test_malformed_allow_is_an_input_error_with_its_line(cli, tmp_path, front, words):
    write(tmp_path / "a.md", f"---\n{front}\n---\n本文\n")
    result = cli("check", "a.md")
    assert result.code == 2
    assert "a.md:2" in result.stderr and words in result.stderr


def test_suppression_rules_are_listed_and_explained(cli):
    listed = cli("rules").stdout
    assert "suppression-without-reason" in listed and "unused-suppression" in listed
    explained = cli("explain", "unused-suppression")
    assert explained.code == 0 and "抑止" in explained.stdout


@pytest.mark.parametrize("rule", DIRECTIVE_RULES, ids=lambda r: r.id)
def test_directive_rule_examples(ruleset, rule):
    for example in rule.bad:
        assert rule.id in [f.rule for f in run(ruleset, example.text).findings], example.text
    for example in rule.good:
        assert rule.id not in [f.rule for f in run(ruleset, example.text).findings], example.text


def test_suppression_of_a_rule_the_run_does_not_use_is_not_called_stale(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  disable: [6-2]\n")
    write(tmp_path / "a.md", "---\nallow: [{rule: 6-2, reason: 引用}]\n---\n良い天気です。\n")
    result = cli("check", "a.md", "-f", "json")
    assert result.json()["findings"] == []
    write(tmp_path / "a.md", "---\nallow: [{rule: 6-22, reason: 引用}]\n---\n良い天気です。\n")
    [finding] = cli("check", "a.md", "-f", "json").json()["findings"]
    assert finding["rule"] == "unused-suppression" and "6-22" in finding["message"]


def test_allow_string_item_carries_its_reason_like_a_comment(ruleset):
    result = run(ruleset, f"---\nallow: [\"6-2 県の資料名のまま\"]\n---\n{BAD_LINE}\n")
    assert result.findings == []
    assert [(s.reason, s.line) for s in result.suppressed] == [("県の資料名のまま", 2)]


# ------------------------------------------------------------------ machine formats

SUPPRESSED_DRAFT = (
    "---\napproved_by: 広報課長\nallow:\n  - {rule: 5-7, reason: 県が発行した QR コードの短縮 URL}\n---\n"
    "<!-- sns-lint-disable-next-line 6-2 展示資料の原題 -->\n企画展「看護婦養成所」\nhttps://bit.ly/abc\n保母さん\n"
)


def suppressed_run(cli, tmp_path, fmt: str):
    write(tmp_path / "sns-lint.yaml", "own_domains: [city.kagoshima.lg.jp]\ndefault_account: x\naccounts:\n  x: {platform: x}\n")
    write(tmp_path / "a.md", SUPPRESSED_DRAFT)
    return cli("check", "a.md", "-f", fmt)


def test_sarif_carries_suppressions_with_justification(cli, tmp_path):
    import json

    import jsonschema

    from tests.test_ci_formats import SCHEMA

    result = suppressed_run(cli, tmp_path, "sarif")
    document = result.json()
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")), cls=jsonschema.Draft7Validator)
    results = document["runs"][0]["results"]
    open_results = [r for r in results if "suppressions" not in r]
    assert [r["ruleId"] for r in open_results] == ["discriminatory-term"]  # 保母, not suppressed
    suppressed = {r["ruleId"]: r["suppressions"] for r in results if "suppressions" in r}
    assert suppressed["shortened-url"] == [
        {
            "kind": "inSource",
            "justification": "県が発行した QR コードの短縮 URL",
            "location": {"physicalLocation": {"artifactLocation": {"uri": "a.md"}, "region": {"startLine": 4}}},
            "properties": {"directive": "allow", "approvedBy": "広報課長"},
        }
    ]
    assert suppressed["discriminatory-term"][0]["justification"] == "展示資料の原題"
    assert suppressed["discriminatory-term"][0]["properties"]["directive"] == "disable-next-line"
    prints = [r["partialFingerprints"]["snsLintFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_junit_lists_suppressed_findings_as_skipped_with_reason(cli, tmp_path):
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.fromstring(suppressed_run(cli, tmp_path, "junit").stdout)
    assert (root.get("failures"), root.get("skipped")) == ("1", "2")
    skipped = [case.find("skipped").get("message") for case in root.iter("testcase") if case.find("skipped") is not None]
    assert "抑止: 県が発行した QR コードの短縮 URL（承認: 広報課長）" in skipped


def test_json_github_and_gitlab_on_suppressions(cli, tmp_path):
    document = suppressed_run(cli, tmp_path, "json").json()
    assert document["summary"]["suppressed"] == 2 and len(document["suppressed"]) == 2
    github = suppressed_run(cli, tmp_path, "github").stdout
    assert "抑止 2 件" in github.splitlines()[-1] and "bit.ly" not in github
    gitlab = suppressed_run(cli, tmp_path, "gitlab").json()
    assert [issue["check_name"] for issue in gitlab] == ["discriminatory-term"]


def test_schedule_entries_carry_allow_with_their_lines(cli, tmp_path):
    write(
        tmp_path / "week.yaml",
        "posts:\n"
        "  - id: a\n    approved_by: 広報課長\n    allow:\n      - {rule: 6-2, reason: 資料名の引用}\n"
        "    text: 企画展「看護婦養成所」\n"
        "  - id: b\n    text: 保母さん\n",
    )
    document = cli("check", "week.yaml", "-f", "json").json()
    assert [(f["rule"], f["line"]) for f in document["findings"]] == [("discriminatory-term", 8)]
    [item] = document["suppressed"]
    assert (item["line"], item["suppression"]) == (
        6, {"kind": "allow", "line": 5, "reason": "資料名の引用", "approved_by": "広報課長"},
    )


def test_schedule_csv_allow_column(cli, tmp_path):
    write(tmp_path / "week.csv", "scheduled_at,text,allow\n2026-12-07T09:00,看護婦の資料,6-2 資料名の引用\n")
    document = cli("check", "week.csv", "-f", "json").json()
    assert document["findings"] == [] and document["suppressed"][0]["suppression"]["reason"] == "資料名の引用"
