"""What a user sees from `sns-lint check`, `rules` and `explain`: output, JSON contract, exit codes."""

from __future__ import annotations

import pytest

from tests.conftest import write

BAD = "市立病院の看護婦さんにお話を伺いました。\n"
CLEAN = "本日は晴天なり。市役所からのお知らせです。\n"


def test_clean_draft_exits_0_and_says_so(cli, tmp_path):
    write(tmp_path / "ok.txt", CLEAN)
    result = cli("check", "ok.txt")
    assert result.code == 0
    assert "問題は見つかりませんでした" in result.stdout


def test_finding_exits_1_and_shows_line_span_and_suggestion(cli, tmp_path):
    write(tmp_path / "bad.txt", BAD)
    result = cli("check", "bad.txt")
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("運用ポリシー（sns-lint.yaml）がないため、既定の設定で点検します")
    lines = lines[lines.index("bad.txt") :]
    assert "1:6" in lines[1] and "[6-2]" in lines[1] and "看護婦" in lines[1]
    source = next(i for i, line in enumerate(lines) if " │ " in line)
    assert lines[source].endswith("市立病院の看護婦さんにお話を伺いました。")
    # the carets sit under 看護婦: 5 full-width characters before it = 10 cells
    source_col = lines[source].index("市")
    caret_line = lines[source + 1]
    assert caret_line[source_col:] == " " * 10 + "^" * 6
    assert "提案: 看護師" in result.stdout
    assert "エラー 1" in lines[-2] and lines[-1] == "✗ 修正が必要です（エラー 1 件）。"


def test_json_contract(cli, tmp_path):
    write(tmp_path / "drafts" / "a.txt", "病院の看護婦です")
    result = cli("check", "drafts", "--format", "json")
    assert result.code == 1
    document = result.json()
    assert document == {
        "version": 1,
        "findings": [
            {
                "path": "drafts/a.txt",
                "post": 0,
                "rule": "discriminatory-term",
                "clause": "6-2",
                "severity": "error",
                "message": document["findings"][0]["message"],
                "line": 1,
                "column": 4,
                "end_line": 1,
                "end_column": 7,
                "text": "看護婦",
                "suggestion": "看護師",
                "replacements": ["看護師"],
            }
        ],
        "suppressed": [],
        "summary": {"files": 1, "posts": 1, "errors": 1, "warnings": 0, "infos": 0, "suppressed": 0},
    }
    assert "看護婦" in document["findings"][0]["message"]


def test_json_on_clean_input_is_one_document(cli, tmp_path):
    write(tmp_path / "ok.txt", CLEAN)
    result = cli("check", "ok.txt", "-f", "json")
    assert result.code == 0
    assert result.json()["findings"] == []


def test_stdin_is_read_and_reported_as_dash(cli):
    result = cli("check", "-", "--format", "json", stdin=BAD.encode("utf-8"))
    assert result.code == 1
    assert result.json()["findings"][0]["path"] == "-"


def test_fail_on_controls_exit_code(cli, tmp_path):
    config = write(tmp_path / "sns-lint.yaml", "rules:\n  severity: {discriminatory-term: warning}\n")
    write(tmp_path / "bad.txt", BAD)
    assert cli("check", "bad.txt").code == 0  # a warning is below the default --fail-on error
    assert cli("check", "bad.txt", "--fail-on", "warning").code == 1
    assert config.exists()


def test_disable_by_clause(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  disable: [\"6-2\"]\n")
    write(tmp_path / "bad.txt", BAD)
    assert cli("check", "bad.txt").code == 0


def test_missing_path_exits_2_naming_it(cli):
    result = cli("check", "nothing-here.txt")
    assert result.code == 2
    assert "nothing-here.txt" in result.stderr and "見つかりません" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error(cli):
    assert cli("check", "--no-such-option", "x.txt").code == 2


@pytest.mark.parametrize("args", [("check",), ("count",), ("explain",), ("no-such-command",)])
def test_usage_errors_exit_2_with_a_japanese_line(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert "使い方" in result.stderr and "内部エラー" not in result.stderr


def test_directory_is_walked_recursively_for_txt_and_md(cli, tmp_path):
    write(tmp_path / "d" / "a.txt", CLEAN)
    write(tmp_path / "d" / "sub" / "b.md", BAD)
    write(tmp_path / "d" / "sub" / "c.csv", BAD)
    write(tmp_path / "d" / ".git" / "x.txt", BAD)
    result = cli("check", "d", "-f", "json")
    assert result.json()["summary"]["files"] == 2
    assert [f["path"] for f in result.json()["findings"]] == ["d/sub/b.md"]


def test_empty_directory_exits_0_and_says_so(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("check", "empty")
    assert result.code == 0
    assert "投稿ファイル" in result.stderr


def test_empty_file_exits_0_with_a_note(cli, tmp_path):
    write(tmp_path / "empty.txt", "")
    result = cli("check", "empty.txt")
    assert result.code == 0
    assert "空のファイル" in result.stderr


def test_rules_lists_id_clause_severity(cli):
    result = cli("rules")
    assert result.code == 0
    assert "discriminatory-term" in result.stdout and "6-2" in result.stdout and "error" in result.stdout


def test_explain_by_clause_shows_examples(cli):
    result = cli("explain", "6-2")
    assert result.code == 0
    assert "悪い例" in result.stdout and "よい例" in result.stdout and "看護婦" in result.stdout


def test_explain_reads_folded_rationale_without_gaps_between_japanese_lines(cli):
    """A rule's rationale is folded YAML (``>``): line breaks must not leave 「、 相手」 gaps."""
    import re

    from sns_lint.rulebook.loading import load_rules

    for rule in load_rules():
        assert not re.search(r"[^\x00-\x7f] [^\x00-\x7f]", rule.rationale), (rule.id, rule.rationale)
    shown = cli("explain", "abusive-language").stdout
    assert "言葉は、相手の名誉" in shown.replace("\n", "")


def test_explain_unknown_exits_2(cli):
    result = cli("explain", "99-9")
    assert result.code == 2 and "99-9" in result.stderr


def test_check_does_not_modify_the_file(cli, tmp_path):
    path = write(tmp_path / "bad.txt", BAD)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    cli("check", "bad.txt")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_pre_commit_hook_runs_sns_lint_check_on_drafts(cli, tmp_path):
    import yaml

    from tests.conftest import REPO

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "sns-lint" and hook["entry"].split() == ["sns-lint", "check", "--skip-files-without-posts"]
    # pre-commit appends the changed file names to the entry
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "b.md", CLEAN)
    write(tmp_path / "ci.yml", "on: [push]\n")
    assert cli(*hook["entry"].split()[1:], "a.txt", "b.md", "ci.yml").code == 1
    assert cli(*hook["entry"].split()[1:], "b.md", "ci.yml").code == 0


def test_named_yaml_without_posts_is_an_error_unless_told_to_skip_it(cli, tmp_path):
    write(tmp_path / "ci.yml", "on: [push]\n")
    write(tmp_path / "a.txt", "市立病院の看護婦さんです。\n")
    assert cli("check", "ci.yml", "a.txt").code == 2
    skipped = cli("check", "--skip-files-without-posts", "ci.yml", "a.txt", "-f", "json")
    assert skipped.code == 1 and [f["path"] for f in skipped.json()["findings"]] == ["a.txt"]
    assert "ci.yml" not in skipped.stderr
