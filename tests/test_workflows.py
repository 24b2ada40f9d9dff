"""The desk, pre-commit and CI workflows as a user meets them: policy discovery and
built-in defaults, which files a run checks, options known from other linters, exit codes,
and a report that fits the terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from tests.conftest import REPO, write

BAD = "市立病院の看護婦さんにお話を伺いました。\n"
CLEAN = "本日は晴天なり。市役所からのお知らせです。\n"
LONG_X = "市役所からのお知らせです。" * 24 + "\n"  # 312 characters, 624 weighted: over X's 280
POLICY = "own_domains: [city.kagoshima.lg.jp]\n"


def unwrapped(text: str) -> str:
    return "".join(line.strip() for line in text.splitlines())


# ------------------------------------------------------------ no policy: built-in defaults


def test_without_a_policy_length_is_checked_for_x_and_the_first_line_says_so(cli, tmp_path):
    write(tmp_path / "draft.txt", LONG_X)
    result = cli("check", "draft.txt")
    assert result.code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("運用ポリシー（sns-lint.yaml）がないため、既定の設定で点検します")
    assert "README" in unwrapped(result.stdout)
    assert "[5-5]" in result.stdout and "X" in result.stdout


def test_platform_option_chooses_the_limit(cli, tmp_path):
    write(tmp_path / "draft.txt", LONG_X)
    assert cli("check", "draft.txt", "--platform", "facebook").code == 0
    assert cli("check", "draft.txt", "-p", "x").code == 1
    result = cli("check", "draft.txt", "--platform", "myspace")
    assert result.code == 2 and "myspace" in result.stderr


def test_with_a_policy_an_unknown_platform_is_warned_about_not_silently_skipped(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "draft.txt", LONG_X)
    result = cli("check", "draft.txt")
    assert result.code == 0
    assert "プラットフォームが分からないため、文字数（5-5）を点検していません" in result.stderr
    assert "運用ポリシー（sns-lint.yaml）がないため" not in result.stdout


def test_account_option_uses_the_accounts_platform(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "accounts:\n  koho-x: {platform: x}\n  koho-fb: {platform: facebook}\n")
    write(tmp_path / "draft.txt", LONG_X)
    assert cli("check", "draft.txt", "--account", "koho-x").code == 1
    assert cli("check", "draft.txt", "--account", "koho-fb").code == 0
    result = cli("check", "draft.txt", "--account", "nobody")
    assert result.code == 2 and "nobody" in result.stderr and "koho-x" in result.stderr


def test_the_policy_is_found_from_the_checked_folder(cli, tmp_path):
    write(tmp_path / "content" / "sns-lint.yaml", "rules:\n  disable: [\"6-2\"]\n")
    write(tmp_path / "content" / "drafts" / "a.txt", BAD)
    (tmp_path / "elsewhere").mkdir()
    result = cli("check", str(tmp_path / "content" / "drafts"), "-v", cwd=tmp_path / "elsewhere")
    assert result.code == 0
    assert f"運用ポリシー: {tmp_path / 'content' / 'sns-lint.yaml'}" in result.stderr


# ------------------------------------------------------------ which files


def test_readme_changelog_license_and_requirements_are_not_posts(cli, tmp_path):
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "requirements.txt", "requirements-dev.txt", "docs/readme.md"):
        write(tmp_path / "repo" / name, BAD)
    write(tmp_path / "repo" / "drafts" / "a.txt", BAD)
    result = cli("check", "repo", "-f", "json")
    assert [f["path"] for f in result.json()["findings"]] == ["repo/drafts/a.txt"]


def test_a_file_named_on_the_command_line_but_excluded_is_skipped_with_a_note(cli, tmp_path):
    write(tmp_path / "README.md", BAD)
    write(tmp_path / "a.txt", CLEAN)
    result = cli("check", "README.md", "a.txt")  # as pre-commit passes them
    assert result.code == 0
    assert "README.md: 運用ポリシーの include / exclude により点検しません" in result.stderr
    assert "--force-include" in result.stderr
    forced = cli("check", "README.md", "a.txt", "--force-include")
    assert forced.code == 1 and "看護婦" in forced.stdout


def test_policy_include_and_exclude_are_relative_to_the_policy_file(cli, tmp_path):
    write(
        tmp_path / "sns-lint.yaml",
        "include: [\"posts/**/*.txt\"]\nexclude: [\"posts/archive/\", \"*.draft.txt\", \"!README.md\"]\n",
    )
    write(tmp_path / "posts" / "2026" / "a.txt", BAD)
    write(tmp_path / "posts" / "archive" / "old.txt", BAD)
    write(tmp_path / "posts" / "b.draft.txt", BAD)
    write(tmp_path / "posts" / "c.md", BAD)  # not included
    write(tmp_path / "notes" / "d.txt", BAD)  # not under posts/
    result = cli("check", ".", "-f", "json", "-v")
    assert sorted({f["path"] for f in result.json()["findings"]}) == ["posts/2026/a.txt"]
    assert "読み飛ばし（include / exclude）: posts/archive/old.txt" in result.stderr
    # the same from a subfolder: patterns stay relative to the policy file
    sub = cli("check", "2026", "archive", "-f", "json", cwd=tmp_path / "posts")
    assert sorted({f["path"] for f in sub.json()["findings"]}) == ["2026/a.txt"]
    named = cli("check", "posts/c.md", "-f", "json")
    assert named.json()["findings"] == [] and "c.md" in named.stderr


def test_policy_patterns_are_validated(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "exclude: [\"\"]\n")
    write(tmp_path / "a.txt", CLEAN)
    result = cli("check", "a.txt")
    assert result.code == 2 and "sns-lint.yaml:1" in result.stderr and "exclude" in result.stderr


# ------------------------------------------------------------ errors do not stop the run


def test_a_missing_path_is_reported_and_the_rest_is_checked(cli, tmp_path):
    write(tmp_path / "a.txt", BAD)
    result = cli("check", "missing.txt", "a.txt", "-f", "json")
    assert result.code == 2
    document = result.json()
    assert [f["path"] for f in document["findings"]] == ["a.txt"]
    assert document["input_errors"][0]["path"] == "missing.txt"
    assert "missing.txt: ファイルが見つかりません" in result.stderr


def test_a_binary_file_is_counted_in_the_summary_not_called_clean(cli, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "a.txt", CLEAN)
    result = cli("check", "photo.txt", "a.txt", "--platform", "facebook")
    assert result.code == 2
    text = unwrapped(result.stdout)
    assert "問題は見つかりませんでした" not in text
    assert "読めなかったファイル 1" in text and "点検できなかったファイルがあります" in text


@pytest.mark.parametrize("output_format", ["rich", "json"])
def test_piping_into_head_keeps_the_exit_code_of_a_clean_run(tmp_path, output_format):
    write(tmp_path / "sns-lint.yaml", "default_account: a\naccounts:\n  a: {platform: x}\n")
    for index in range(300):  # info-level findings only: the full run exits 0
        write(tmp_path / "drafts" / f"d{index:03}.txt", "国の資料 https://www.mhlw.go.jp/stf/index.html\n" * 3)
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    full = subprocess.run([sys.executable, "-m", "sns_lint", "check", "drafts", "-f", output_format],
                          cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert full.returncode == 0
    script = f'"{sys.executable}" -m sns_lint check drafts -f {output_format} | head -1; exit ${{PIPESTATUS[0]}}'
    piped = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0
    assert "Traceback" not in piped.stderr


# ------------------------------------------------------------ options people know


def test_version(cli):
    for flag in ("--version", "-V"):
        result = cli(flag)
        assert result.code == 0 and re.fullmatch(r"sns-lint \d+\.\d+\.\d+\S*\n", result.stdout)


def test_select_and_ignore_by_rule_id_or_clause(cli, tmp_path):
    write(tmp_path / "a.txt", "看護婦さん https://bit.ly/abc\n")
    rules = lambda *args: sorted({f["rule"] for f in cli("check", "a.txt", "-f", "json", *args).json()["findings"]})
    assert rules() == ["discriminatory-term", "shortened-url"]
    assert rules("--select", "6-2") == ["discriminatory-term"]
    assert rules("--select", "shortened-url,6-2") == ["discriminatory-term", "shortened-url"]
    # without the 5-7 rule that supersedes it, the link is reported as an external link
    assert rules("--ignore", "5-7") == ["discriminatory-term", "external-link"]
    assert rules("--select", "6-2", "--select", "5-7", "--ignore", "discriminatory-term") == ["shortened-url"]
    unknown = cli("check", "a.txt", "--select", "9-9")
    assert unknown.code == 2 and "--select" in unknown.stderr and "9-9" in unknown.stderr


def test_exit_zero_keeps_findings_but_not_input_errors(cli, tmp_path):
    write(tmp_path / "a.txt", BAD)
    result = cli("check", "a.txt", "--exit-zero")
    assert result.code == 0 and "看護婦" in result.stdout
    assert cli("check", "a.txt", "missing.txt", "--exit-zero").code == 2


def test_statistics_counts_by_rule(cli, tmp_path):
    write(tmp_path / "a.txt", "看護婦と看護婦 https://bit.ly/abc\n")
    result = cli("check", "a.txt", "--statistics", "--platform", "facebook")
    tail = result.stdout.splitlines()[-3:]
    assert tail == ["ルールごとの件数:", "2  discriminatory-term [6-2] エラー", "1  shortened-url [5-7] エラー"]
    machine = cli("check", "a.txt", "--statistics", "-f", "json")
    assert machine.json()["summary"]["errors"] == 3  # stdout stays one JSON document
    assert "2  discriminatory-term" in machine.stderr


def test_quiet_prints_findings_only(cli, tmp_path):
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "README.md", BAD)
    result = cli("check", "a.txt", "README.md", "-q")
    assert result.code == 1
    assert "看護婦" in result.stdout and "運用ポリシー" not in result.stdout and "点検しました" not in result.stdout
    assert result.stderr == ""
    write(tmp_path / "b.txt", CLEAN)
    assert cli("check", "b.txt", "-q", "-p", "facebook").stdout == ""


def test_verbose_names_the_policy_and_every_file(cli, tmp_path):
    write(tmp_path / "d" / "a.txt", BAD)
    write(tmp_path / "d" / "README.md", BAD)
    result = cli("check", "d", "--verbose")
    assert "運用ポリシー: （既定の設定）" in result.stderr
    assert "点検: d/a.txt（投稿 1 件" in result.stderr
    assert "読み飛ばし（include / exclude）: d/README.md" in result.stderr
    assert cli("check", "d", "-q", "-v").code == 2


def test_color_always_and_never(cli, tmp_path):
    write(tmp_path / "a.txt", BAD)
    assert "\x1b[" in cli("check", "a.txt", "--color", "always").stdout
    assert "\x1b[" not in cli("check", "a.txt", "--color", "never").stdout


def test_stdin_filename_labels_stdin_findings(cli):
    result = cli("check", "-", "--stdin-filename", "drafts/today.txt", "-f", "json", stdin=BAD.encode("utf-8"))
    assert result.json()["findings"][0]["path"] == "drafts/today.txt"
    sarif = cli("check", "-", "--stdin-filename", "drafts/today.txt", "-f", "sarif", stdin=BAD.encode("utf-8"))
    location = sarif.json()["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/today.txt"
    assert location["region"]["snippet"]["text"]
    misuse = cli("check", "a.txt", "--stdin-filename", "x.txt")
    assert misuse.code == 2 and "--stdin-filename" in misuse.stderr


def test_output_file_with_the_human_format_leaves_the_summary_on_the_terminal(cli, tmp_path):
    write(tmp_path / "a.txt", BAD)
    result = cli("check", "a.txt", "-o", "report.txt")
    assert result.code == 1
    saved = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "看護婦" in saved and "\x1b[" not in saved
    assert "看護婦" not in result.stdout and "修正が必要です" in result.stdout


def test_output_file_never_overwrites_a_draft(cli, tmp_path):
    path = write(tmp_path / "a.txt", BAD)
    result = cli("check", "a.txt", "-o", "a.txt", "-f", "json")
    assert result.code == 2 and "出力ファイルが点検する下書きと同じです" in result.stderr
    assert path.read_text(encoding="utf-8") == BAD


def test_output_file_that_cannot_be_written_is_one_line(cli, tmp_path):
    write(tmp_path / "a.txt", BAD)
    (tmp_path / "dir").mkdir()
    result = cli("check", "a.txt", "-o", "dir", "-f", "json")
    assert result.code == 2 and "出力ファイルに書き込めません" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------ help, usage errors, completion


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("count", "--help"), ("rules", "--help"), ("explain", "--help")])
def test_help_is_japanese_with_real_argument_names(cli, args, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    result = cli(*args)
    assert result.code == 0
    text = result.stdout
    assert text.startswith("使い方: sns-lint")
    for english in ("Usage:", "Options:", "Arguments:", "Show this message", "<str>", "<int", "{paths}", "[required]", "[default"):
        assert english not in text
    assert "この説明を表示して終了します。" in text
    assert all(cell_len(line) <= 60 for line in text.splitlines()), text
    if args[0] == "check":
        assert "使い方: sns-lint check [オプション] PATH..." in text
        for option in ("--format", "--output-file", "--select", "--ignore", "--exit-zero", "--statistics",
                       "--quiet", "--verbose", "--color", "--platform", "--account", "--stdin-filename", "--force-include"):
            assert option in text


@pytest.mark.parametrize(
    "args, expected",
    [
        (("check",), "引数 PATH... を指定してください"),
        (("check", "--format", "xml", "a.txt"), "--format の値「xml」は使えません（使える値: rich, json, sarif, github, gitlab, junit）"),
        (("check", "--no-such-option", "a.txt"), "不明なオプション --no-such-option です"),
        (("chek",), "「chek」というコマンドはありません（もしかして: check）"),
        (("check", "a.txt", "--jobs", "-1"), "--jobs の値「-1」が正しくありません"),
        (("check", "a.txt", "--format"), "--format には値が必要です"),
        (("check", "a.txt", "--select"), "--select には値が必要です（sns-lint check --help"),
    ],
)
def test_usage_errors_are_one_japanese_line(cli, args, expected):
    result = cli(*args)
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sns-lint: エラー: ") and expected in lines[0] and "--help" in lines[0]
    assert not re.search(r"\b(Error|Usage|Try)\b", result.stderr)


def test_shell_completion_completes_commands_and_options(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "_SNS_LINT_COMPLETE": "complete_bash",
           "COMP_WORDS": "sns-lint ch", "COMP_CWORD": "1"}
    code = "import sys; sys.argv[0] = 'sns-lint'; from sns_lint.cli import entry; entry()"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "check" in done.stdout.split()
    env["COMP_WORDS"], env["COMP_CWORD"] = "sns-lint check --stat", "2"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "--statistics" in done.stdout.split()
    shown = subprocess.run([sys.executable, "-c", code, "--show-completion", "bash"],
                           env={**os.environ, "PYTHONPATH": str(REPO / "src")}, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "_SNS_LINT_COMPLETE" in shown.stdout


# ------------------------------------------------------------ the report fits the terminal


WIDE = (
    "---\nplatform: x\n---\n"
    "【お知らせ】" + "市役所からのお知らせです。" * 30 + "詳しくは https://is.gd/Qx7v へ。\n"
    "二行目です。\n三行目で終わり、看護婦さん。\n"
)


@pytest.mark.parametrize("width", [60, 80, 100])
def test_rich_report_fits_the_terminal_width(cli, tmp_path, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", WIDE)
    result = cli("check", "a.txt")
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines), "\n".join(l for l in lines if cell_len(l) > width)
    text = result.stdout
    assert "(shortened-url)" in text and "(post-length)" in text  # rule ids never cut in two
    # the post-length span (line 4 to line 6) is drawn once: its first and its last line
    assert sum(1 for line in lines if set(line.split("│")[-1].strip()) == {"^"}) == 4  # 3 findings, one on two lines
    assert lines[-1] == "✗ 修正が必要です（エラー 3 件）。"


def test_verdict_line_when_only_warnings_remain(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", "詳しくは https://www.example.com/ へ\n")
    result = cli("check", "a.txt")
    assert result.code == 0 and result.stdout.splitlines()[-1] == "✓ 投稿できます（確認をおすすめする指摘 1 件）。"
    failing = cli("check", "a.txt", "--fail-on", "warning")
    assert failing.code == 1 and failing.stdout.splitlines()[-1] == "✗ 修正が必要です（警告 1 件）。"


def test_wrapping_keeps_ascii_words_and_kinsoku():
    from sns_lint.reporters.text_wrapping import wrap

    lines = wrap("短縮 URL（maps.app.goo.gl）は使わないでください。行き先の元の URL を載せてください。 (shortened-url)", 30, 24)
    assert all(cell_len(line) <= 30 for line in lines)
    assert any("(shortened-url)" in line for line in lines) and any("maps.app.goo.gl" in line for line in lines)
    assert not any(line.startswith(("。", "、", "）")) for line in lines)


# ------------------------------------------------------------ progress bar


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "files, output_format, quiet, tty, shown",
    [
        (25, "rich", False, True, True),
        (5, "rich", False, True, False),  # a few files: over before a bar is worth drawing
        (25, "json", False, True, False),  # never with a machine format
        (25, "rich", True, True, False),
        (25, "rich", False, False, False),  # never when stderr is not a terminal
    ],
)
def test_progress_bar_only_in_a_terminal_with_many_files_and_a_human_format(monkeypatch, files, output_format, quiet, tty, shown):
    from sns_lint import check_command

    if tty:
        monkeypatch.setattr(check_command.sys.stderr, "isatty", _Terminal().isatty, raising=False)
    options = check_command.CheckOptions(paths=["."], output_format=output_format, quiet=quiet)
    progress = check_command._progress([f"{n}.txt" for n in range(files)], options)
    assert (progress is not None) == shown


def test_each_checked_file_is_announced_as_it_finishes(tmp_path):
    from sns_lint.checking import check_paths
    from sns_lint.config.model import Config
    from sns_lint.linter import RuleSet
    from sns_lint.rulebook.loading import load_rules

    paths = [str(write(tmp_path / f"{n}.txt", BAD if n % 2 else CLEAN)) for n in range(6)]
    config = Config()
    heard = []
    report = check_paths(paths, RuleSet.build(load_rules(), config), config, 1, on_file=lambda r: heard.append(r.path))
    assert heard == paths == [r.path for r in report.files]


def test_a_policy_without_own_domains_is_warned_about_once(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "timezone: Asia/Tokyo\n")
    write(tmp_path / "a.txt", "市のページ https://www.city.kagoshima.lg.jp/\n")
    result = cli("check", "a.txt", "-p", "x")
    assert result.stderr.count("own_domains（市のドメイン）がないため") == 1
    assert cli("check", "a.txt", "-p", "x", "-q").stderr == ""
