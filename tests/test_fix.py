"""``--fix``: each promise it makes, proved on real files."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest

from sns_lint import fixing
from tests.conftest import write

BEFORE = "市立病院の看護婦さんと婦警さんに聞きました。\n"
AFTER = "市立病院の看護師さんと婦警さんに聞きました。\n"  # 婦警 has two suggestions: left alone


def test_single_suggestion_is_applied_and_several_stay_reported(cli, tmp_path):
    path = write(tmp_path / "a.txt", BEFORE)
    result = cli("check", "a.txt", "--fix")
    assert path.read_text(encoding="utf-8") == AFTER
    assert "修正しました: a.txt（1 件）" in result.stderr
    assert result.code == 1  # 婦警 is still there, reported at its place in the fixed file
    assert "婦警" in result.stdout and "看護婦" not in result.stdout.split("婦警")[0].split("\n", 1)[1]


def test_fixed_file_is_checked_again_so_positions_are_current(cli, tmp_path):
    write(tmp_path / "a.txt", "保母さんと婦警さん\n")  # 保母 -> 保育士 moves 婦警 one column right
    document = cli("check", "a.txt", "--fix", "-f", "json").json()
    [left] = document["findings"]
    assert (left["text"], left["column"]) == ("婦警", 7)


@pytest.mark.parametrize(
    "encoding, prefix",
    [("cp932", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"")],
    ids=["cp932", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-8"],
)
def test_encoding_and_bom_are_kept(cli, tmp_path, encoding, prefix):
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + BEFORE.encode(encoding))
    cli("check", "a.txt", "--fix")
    assert path.read_bytes() == prefix + AFTER.encode(encoding)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_newline_style_is_kept(cli, tmp_path, newline):
    text = "お知らせ\n看護婦と保母\n最後の行"
    path = tmp_path / "a.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    cli("check", "a.txt", "--fix")
    expected = "お知らせ\n看護師と保育士\n最後の行".replace("\n", newline)
    assert path.read_bytes() == expected.encode("utf-8")


def test_mixed_newlines_and_everything_else_untouched(cli, tmp_path):
    data = "一行目\r\n二行目\n看護婦\r\n\t字下げ  \r\n末尾に改行なし".encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    cli("check", "a.txt", "--fix")
    assert path.read_bytes() == data.replace("看護婦".encode("utf-8"), "看護師".encode("utf-8"))


def test_front_matter_and_directive_lines_survive(cli, tmp_path):
    text = "---\naccount: koho\n---\n<!-- sns-lint-disable-next-line 5-7 県の案内 -->\nhttps://bit.ly/x 看護婦\n"
    write(tmp_path / "sns-lint.yaml", "accounts:\n  koho: {platform: x}\n")
    path = write(tmp_path / "a.md", text)
    cli("check", "a.md", "--fix")
    assert path.read_text(encoding="utf-8") == text.replace("看護婦", "看護師")


def test_suppressed_findings_are_not_fixed(cli, tmp_path):
    text = "<!-- sns-lint-disable-next-line 6-2 法令上の名称 -->\n看護婦\n"
    path = write(tmp_path / "a.md", text)
    result = cli("check", "a.md", "--fix")
    assert path.read_text(encoding="utf-8") == text
    assert "修正しました" not in result.stderr


def test_permissions_are_kept(cli, tmp_path):
    path = write(tmp_path / "a.txt", BEFORE)
    os.chmod(path, 0o640)
    cli("check", "a.txt", "--fix")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == AFTER


def test_write_is_a_rename_of_a_temporary_file_in_the_same_folder(cli, tmp_path, monkeypatch):
    path = write(tmp_path / "drafts" / "a.txt", BEFORE)
    renames = []
    real_replace = os.replace

    def spy(source, target):
        renames.append((os.path.dirname(source), os.path.basename(source), target))
        real_replace(source, target)

    monkeypatch.setattr(fixing.os, "replace", spy)
    cli("check", "drafts/a.txt", "--fix")
    [(folder, name, target)] = renames
    assert folder == str(path.parent.resolve()) and target == str(path.resolve())
    assert name.startswith(".a.txt.")
    assert sorted(os.listdir(path.parent)) == ["a.txt"]  # no temporary file left behind


def test_a_failed_write_leaves_the_original_and_no_temporary_file(cli, tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", BEFORE)

    def broken(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixing.os, "replace", broken)
    result = cli("check", "a.txt", "--fix")
    assert result.code == 2 and "a.txt: 書き込めなかった" in result.stderr and "No space" in result.stderr
    assert path.read_text(encoding="utf-8") == BEFORE
    assert os.listdir(tmp_path) == ["a.txt"]


def test_file_changed_after_checking_is_refused(tmp_path):
    from sns_lint.checking import check_paths
    from sns_lint.config.model import Config
    from sns_lint.linter import RuleSet
    from sns_lint.rulebook.loading import load_rules

    path = write(tmp_path / "a.txt", BEFORE)
    report = check_paths([str(path)], RuleSet.build(load_rules(), Config()), Config())
    path.write_text("担当者が書き直しました。看護婦\n", encoding="utf-8")
    fixes, refusals = fixing.fix_results(report.files, write=True)
    assert fixes == [] and "変更された" in str(refusals[0])
    assert path.read_text(encoding="utf-8") == "担当者が書き直しました。看護婦\n"


def test_file_changed_while_writing_is_refused(cli, tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", BEFORE)
    real_mkstemp = tempfile.mkstemp

    def edit_meanwhile(*args, **kwargs):  # someone saves the draft while sns-lint writes
        path.write_text("編集中の別の内容\n", encoding="utf-8")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(fixing.tempfile, "mkstemp", edit_meanwhile)
    result = cli("check", "a.txt", "--fix")
    assert result.code == 2 and "変更された" in result.stderr
    assert path.read_text(encoding="utf-8") == "編集中の別の内容\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_read_only_file_is_a_clear_error_and_untouched(cli, tmp_path):
    path = write(tmp_path / "a.txt", BEFORE)
    os.chmod(path, 0o444)
    result = cli("check", "a.txt", "--fix")
    assert result.code == 2
    assert "a.txt: 読み取り専用" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == BEFORE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444


def test_one_refused_file_does_not_stop_the_others(cli, tmp_path):
    locked = write(tmp_path / "a.txt", BEFORE)
    other = write(tmp_path / "b.txt", BEFORE)
    os.chmod(locked, 0o444)
    result = cli("check", "a.txt", "b.txt", "--fix")
    assert result.code == 2
    assert locked.read_text(encoding="utf-8") == BEFORE and other.read_text(encoding="utf-8") == AFTER


def test_symlinked_draft_stays_a_symlink(cli, tmp_path):
    target = write(tmp_path / "real" / "a.txt", BEFORE)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    cli("check", "link.txt", "--fix")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == AFTER


def test_unencodable_replacement_is_refused(tmp_path):
    data = "看護婦".encode("utf-8")
    from sns_lint.findings import Finding, Severity

    finding = Finding("a.txt", 0, "r", "6-2", Severity.ERROR, "m", 0, 3, 1, 1, 1, 4, "看護婦", None, ("𠮷",))
    with pytest.raises(fixing.FixError, match="cp932"):
        fixing.plan_fix("a.txt", "看護婦".encode("cp932"), "cp932", [finding])
    assert fixing.plan_fix("a.txt", data, "utf-8", [finding]).data == "𠮷".encode("utf-8")


def test_diff_prints_unified_diff_and_writes_nothing(cli, tmp_path):
    path = write(tmp_path / "a.txt", BEFORE)
    before = os.stat(path)
    result = cli("check", "a.txt", "--fix", "--diff")
    assert result.code == 1
    assert result.stdout.splitlines()[:3] == ["--- a/a.txt", "+++ b/a.txt", "@@ -1 +1 @@"]
    assert "-" + BEFORE.rstrip() in result.stdout and "+" + AFTER.rstrip() in result.stdout
    assert path.read_text(encoding="utf-8") == BEFORE
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_diff_with_nothing_to_fix_is_empty_and_exits_0(cli, tmp_path):
    write(tmp_path / "a.txt", "婦警さんに聞きました。\n")
    result = cli("check", "a.txt", "--fix", "--diff")
    assert result.code == 0 and result.stdout == ""


def test_diff_without_fix_is_a_usage_error(cli, tmp_path):
    write(tmp_path / "a.txt", BEFORE)
    assert cli("check", "a.txt", "--diff").code == 2


def test_stdin_fixed_text_goes_to_stdout_report_to_stderr(cli):
    result = cli("check", "-", "--fix", stdin=BEFORE.encode("utf-8"))
    assert result.stdout == AFTER
    assert result.code == 1
    assert "婦警" in result.stderr  # what is left is reported on stderr


def test_stdin_fix_writes_the_same_encoding(capfdbinary, monkeypatch):
    import io
    import sys

    from sns_lint.cli import main

    class Stdin:
        buffer = io.BytesIO(("看護婦\r\n").encode("cp932"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    monkeypatch.setattr(sys, "argv", ["sns-lint", "check", "-", "--fix"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0
    assert capfdbinary.readouterr().out == "看護師\r\n".encode("cp932")


def test_stdin_with_other_files_is_refused(cli, tmp_path):
    write(tmp_path / "a.txt", BEFORE)
    assert cli("check", "-", "a.txt", "--fix", stdin=b"x").code == 2


def test_stdin_diff_prints_only_the_diff(cli):
    result = cli("check", "-", "--fix", "--diff", stdin=BEFORE.encode("utf-8"))
    assert result.code == 1
    assert result.stdout.startswith("--- a/-\n+++ b/-\n") and "+" + AFTER in result.stdout


def test_a_wrong_weekday_is_corrected(cli, tmp_path):
    path = write(tmp_path / "a.txt", "説明会は2026年12月8日（月）と12月9日（水）です。\n")
    cli("check", "a.txt", "--fix")
    assert path.read_text(encoding="utf-8") == "説明会は2026年12月8日（火）と12月9日（水）です。\n"
