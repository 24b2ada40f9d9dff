"""Hardening, round 2 (issue 9): what a hostile or careless user, CI or pre-commit hook can do.

None of these may hang, exhaust memory, print a traceback or lose other files'
findings. Runs that could eat the machine's memory before the fix are made in a
subprocess with an address-space limit and a timeout.
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sns_lint.errors import ConfigError
from tests.conftest import REPO, write

KANGOFU = "市立病院の看護婦さんにお話を伺いました。\n"
CLEAN = "本日は晴天なり。市役所からのお知らせです。\n"


def assert_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "内部エラー" not in stderr
    assert "Error" not in stderr.replace("MemoryError", "Error")  # no Python exception names at all


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("sns-lint: エラー: ")]


def the_error(cli, *args: str) -> str:
    """The one error line of a run that must end with exit code 2."""
    result = cli(*args)
    assert result.code == 2, result.stderr
    [message] = error_lines(result.stderr)
    assert_no_traceback(result.stderr)
    return message


def env_for(**extra: str) -> dict:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src"), **extra}
    env.pop("SNS_LINT_DEBUG", None)
    return env


def _limit_memory() -> None:
    limit = 3 * 1024**3  # enough for Sudachi and the workers; an unbounded read fails fast
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_sns_lint(args: list[str], cwd: Path, timeout: float = 60, env: dict | None = None, **kwargs):
    """``sns-lint ARGS`` in a subprocess with at most 3 GB of address space."""
    return subprocess.run(
        [sys.executable, "-m", "sns_lint", *args],
        cwd=cwd,
        env=env or env_for(),
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
        **kwargs,
    )


def rule_file(rule_id: str, kind_data: str, *, kind: str = "pattern", message: str = "「{text}」",
              clause: str = '"5-5"', extra: str = "") -> str:
    return (
        f"id: {rule_id}\nclause: {clause}\nseverity: warning\nkind: {kind}\nsummary: 試験用\n"
        f"rationale: 試験用のルールです。\nmessage: '{message}'\n{kind_data}{extra}"
        "examples:\n  bad: [x]\n  good: [y]\n"
    )


def use_rules(tmp_path: Path) -> Path:
    write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
    return tmp_path / "my-rules"


class _EndlessStdin:
    """``yes あ |``: a stdin that never ends; reading it all is a MemoryError."""

    class _Buffer(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            chunk = ("あ\n" * (len(buffer) // 4 + 1)).encode()[: len(buffer)]
            buffer[: len(chunk)] = chunk
            return len(chunk)

        def read(self, size: int = -1) -> bytes:
            if size is None or size < 0:
                raise MemoryError("read() without a size on an endless stream")
            return super().read(size)

        def readall(self) -> bytes:
            raise MemoryError("readall() on an endless stream")

    def __init__(self):
        self.buffer = self._Buffer()


# =================================================================== 1. bounded reads


def test_1_device_given_on_the_command_line_is_skipped_with_a_note(tmp_path):
    write(tmp_path / "a.txt", KANGOFU)
    done = run_sns_lint(["check", "/dev/zero", "a.txt"], tmp_path)
    stderr = done.stderr.decode()
    assert "/dev/zero: 通常のファイルではないため読み飛ばしました" in stderr
    assert done.returncode == 1  # a.txt is still checked
    assert_no_traceback(stderr)


def test_1_symlink_to_a_device_inside_a_folder_is_skipped_with_a_note(tmp_path):
    write(tmp_path / "d" / "a.txt", KANGOFU)
    os.symlink("/dev/zero", tmp_path / "d" / "zero.txt")
    done = run_sns_lint(["check", "d", "-f", "json"], tmp_path)
    stderr = done.stderr.decode()
    assert "d/zero.txt: 通常のファイルではないため読み飛ばしました" in stderr
    assert done.returncode == 1
    assert {f["path"] for f in json.loads(done.stdout)["findings"]} == {"d/a.txt"}
    assert_no_traceback(stderr)


def test_1_fifo_inside_a_folder_does_not_hang(tmp_path):
    write(tmp_path / "d" / "a.txt", KANGOFU)
    os.mkfifo(tmp_path / "d" / "pipe.txt")
    done = run_sns_lint(["check", "d"], tmp_path, timeout=30)
    stderr = done.stderr.decode()
    assert "d/pipe.txt: 通常のファイルではないため読み飛ばしました" in stderr
    assert done.returncode == 1
    assert_no_traceback(stderr)


def test_1_endless_stdin_stops_at_the_limit(cli, monkeypatch):
    from sns_lint.sources import text_files

    monkeypatch.setattr(text_files, "MAX_BYTES", 1024 * 1024)
    monkeypatch.setattr(sys, "stdin", _EndlessStdin())
    result = cli("check", "-")
    assert result.code == 2
    assert error_lines(result.stderr) == ["sns-lint: エラー: -: 1 MB を超えるファイルは点検しません。"]


def test_1_terms_file_pointing_at_a_device_is_a_rule_error(tmp_path):
    rules = use_rules(tmp_path)
    write(rules / "zero.yaml", rule_file("zero-terms", "terms_file: /dev/zero\n", kind="terms"))
    write(tmp_path / "a.txt", CLEAN)
    done = run_sns_lint(["check", "a.txt"], tmp_path)
    stderr = done.stderr.decode()
    assert done.returncode == 2
    [message] = error_lines(stderr)
    assert message.startswith(f"sns-lint: エラー: {rules / 'zero.yaml'}:") and "通常のファイルではありません" in message
    assert_no_traceback(stderr)


def test_1_data_file_over_the_limit_is_a_rule_error(cli, tmp_path, monkeypatch):
    from sns_lint import bounded_read

    monkeypatch.setattr(bounded_read, "MAX_BYTES", 1024 * 1024)  # the built-in rules are far smaller
    rules = use_rules(tmp_path)
    write(rules / "data" / "hosts.txt", "example.com\n" * 100_000)
    write(rules / "hosts.yaml", rule_file("many-hosts", "domains_file: data/hosts.txt\n", kind="url_hosts"))
    write(tmp_path / "a.txt", CLEAN)
    result = cli("check", "a.txt")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert "hosts.txt" in message and "1 MB を超えて" in message


# =================================================================== 2. findings per rule per file


def test_2_findings_are_capped_per_rule_per_file_with_a_summary(cli, tmp_path):
    write(tmp_path / "many.txt", "看護婦\n" * 3_000)
    write(tmp_path / "few.txt", KANGOFU)
    result = cli("check", "many.txt", "few.txt", "-f", "json")
    assert result.code == 1
    document = result.json()
    many = [f for f in document["findings"] if f["path"] == "many.txt" and f["rule"] == "discriminatory-term"]
    assert len(many) == 1_001
    assert [f["line"] for f in many[:1_000]] == list(range(1, 1_001))
    summary = many[-1]
    assert summary["line"] == 1_001 and "2,000" in summary["message"] and "省略" in summary["message"]
    assert summary["severity"] == "error"  # the run still fails as it should
    assert [f["path"] for f in document["findings"]].count("few.txt") == 1
    assert document["summary"]["errors"] == 1_003  # and one post-length error: 12,000 characters


def _peak_rss_mb(cwd: Path, draft: str) -> tuple[int, float]:
    """Exit code and peak RSS (MB) of ``sns-lint check DRAFT -f json`` (report in out.json)."""
    child = textwrap.dedent(
        f"""\
        import resource, subprocess, sys
        done = subprocess.run([sys.executable, "-m", "sns_lint", "check", {draft!r}, "-f", "json"],
                              stdout=open("out.json", "wb"), stderr=open("err.txt", "wb"))
        print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
    )
    done = subprocess.run([sys.executable, "-c", child], cwd=cwd, env=env_for(), capture_output=True,
                          text=True, timeout=300, preexec_fn=_limit_memory)
    code, max_rss_kb = map(int, done.stdout.split())
    return code, max_rss_kb / 1024


def test_2_ten_megabytes_of_findings_stay_in_the_memory_budget(tmp_path):
    (tmp_path / "one.txt").write_text("看護婦\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("看護婦\n" * (10 * 1024 * 1024 // 10), encoding="utf-8")
    code, one_line = _peak_rss_mb(tmp_path, "one.txt")
    assert code == 1, (tmp_path / "err.txt").read_text()
    code, big = _peak_rss_mb(tmp_path, "big.txt")
    assert code == 1, (tmp_path / "err.txt").read_text()
    # What the draft adds over a one-line draft in the same environment. Most of a run's RSS is
    # the Sudachi dictionary's mapped file: 130 to 180 MB of its 202 MB depending on how the page
    # cache holds the file (a freshly installed copy maps larger pieces), which no code here
    # controls; the absolute budget (300 MB) is the benchmark's row. Before the finding cap and
    # batched JSON this draft added about 540 MB; now it adds about 60 MB (4-byte offset arrays,
    # forms only for the tokens rules may ask about, each distinct form stored once).
    assert big - one_line <= 100, f"peak RSS {big:.0f} MB, {big - one_line:.0f} MB over a one-line draft"
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len([f for f in document["findings"] if f["rule"] == "discriminatory-term"]) == 1_001


def test_2_a_finding_over_a_long_stretch_quotes_its_start_not_all_of_it(cli, tmp_path):
    """A draft far over the length limit: the finding spans the whole overflow (its end line and
    column say so), but quotes only its first 2,000 characters (a 10 MB draft's overflow is not
    copied into the report)."""
    write(tmp_path / "long.txt", "お知らせです。" * 2_000)
    document = cli("check", "long.txt", "-f", "json").json()
    [length] = [f for f in document["findings"] if f["rule"] == "post-length"]
    assert length["text"].endswith("…") and len(length["text"]) == 2_001
    assert (length["end_line"], length["end_column"]) == (1, 14_001)
    assert "お知らせです。" * 2_000 in (tmp_path / "long.txt").read_text(encoding="utf-8")


def test_2_json_is_written_in_pieces_and_stays_the_same_document(tmp_path):
    from sns_lint.checking import FileResult, Report
    from sns_lint.findings import Finding, Severity
    from sns_lint.reporters import json_report

    findings = [
        Finding("a.txt", 0, "r", "6-2", Severity.ERROR, "「看護婦」", i, i + 3, i + 1, 1, i + 1, 4, "看護婦", None)
        for i in range(5)
    ]
    report = Report(files=[FileResult(path="a.txt", posts=1, findings=findings), FileResult(path="b.txt", posts=1)])

    class Recorder(io.StringIO):
        writes = 0

        def write(self, text):
            Recorder.writes += 1
            return super().write(text)

    out = Recorder()
    json_report.render(report, out)
    assert Recorder.writes > 2  # not one giant string
    document = json.loads(out.getvalue())
    assert len(document["findings"]) == 5 and document["summary"]["files"] == 2
    expected = {
        "version": 1,
        "findings": [json_report.finding_dict(f) for f in findings],
        "suppressed": [],
        "summary": document["summary"],
    }
    assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


# =================================================================== 3. --jobs


def test_3_jobs_are_capped_at_the_usable_cpus_with_a_note(cli, tmp_path, monkeypatch):
    from sns_lint import checking

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    notes: list[str] = []
    files = [str(tmp_path / f"{i}.txt") for i in range(1_200)]
    assert checking.effective_jobs(500, files, notes) == 2
    assert notes == ["--jobs 500 は使える CPU の数（2）に合わせました。"]
    for i in range(3):
        write(tmp_path / f"d{i}.txt", KANGOFU)
    result = cli("check", "d0.txt", "d1.txt", "d2.txt", "--jobs", "500", "-f", "json")
    assert result.code == 1
    assert "sns-lint: --jobs 500 は使える CPU の数（2）に合わせました。" in result.stderr
    assert len(result.json()["findings"]) == 3


# =================================================================== 4. Ctrl-C with workers


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _interrupt_parallel_run(tmp_path: Path, to_group: bool) -> tuple[int, str, str]:
    # one big draft keeps one worker busy; the tiny one leaves the other worker idle
    write(tmp_path / "d" / "big.txt", "市役所からのお知らせです。本日は晴天なり。\n" * 400_000)
    write(tmp_path / "d" / "small.txt", KANGOFU)
    process = subprocess.Popen(
        [sys.executable, "-m", "sns_lint", "check", "d", "--jobs", "2"],
        cwd=tmp_path, env=env_for(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        time.sleep(1.0)
        assert process.poll() is None, "finished before the interrupt"
        if to_group:
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(signal.SIGINT)
        try:
            stdout, stderr = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            return -999, stdout.decode(), stderr.decode()
        return process.returncode, stdout.decode(), stderr.decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.mark.parametrize("to_group", [False, True], ids=["parent-only", "whole-group"])
def test_4_ctrl_c_with_workers_exits_130_quietly(tmp_path, to_group):
    code, stdout, stderr = _interrupt_parallel_run(tmp_path, to_group)
    assert code == 130, stderr
    assert stderr == "sns-lint: 中断しました。\n"
    assert stdout == ""


# =================================================================== 7. user regexes in platform tables


PLATFORM_TABLE = """\
platforms:
  - name: Slow
    hosts: [slow.jp]
    posts: ['^/(a+)+$', '^/(a|aa)+$']
"""


def test_7_platform_table_regex_gets_a_time_limit(tmp_path):
    rules = use_rules(tmp_path)
    write(rules / "data" / "platforms.yaml", PLATFORM_TABLE)
    write(rules / "slow.yaml", rule_file("slow-quote", "platforms_file: data/platforms.yaml\n", kind="quote"))
    write(tmp_path / "a.txt", "https://slow.jp/" + "a" * 40 + "-b\n" + KANGOFU)
    done = run_sns_lint(["check", "a.txt", "-f", "json"], tmp_path, timeout=40)
    stderr = done.stderr.decode()
    assert done.returncode == 1
    warnings = [line for line in stderr.splitlines() if line.startswith("sns-lint: 警告: a.txt: ") and "正規表現" in line]
    # the engine defuses (a+)+ itself; (a|aa)+ runs into the limit and is skipped for this URL
    assert len(warnings) == 1 and "slow-quote" in warnings[0] and "^/(a|aa)+$" in warnings[0] and "1 秒" in warnings[0]
    assert any(f["rule"] == "discriminatory-term" for f in json.loads(done.stdout)["findings"])
    assert_no_traceback(stderr)


# =================================================================== 8. YAML values


BAD_VALUES = [
    "0x_", "0b_", "!!int abc", "!!float abc", "!!timestamp 2026-02-30", "!!bool maybe", '!!int ""',
    "1" * 4_400,
]


@pytest.mark.parametrize("value", BAD_VALUES, ids=lambda v: v[:20])
def test_8_bad_front_matter_values_are_input_errors_and_other_files_are_checked(cli, tmp_path, value):
    write(tmp_path / "a.md", f"---\napproved_by: 広報課長\nfoo: {value}\n---\n{CLEAN}")
    write(tmp_path / "b.txt", KANGOFU)
    result = cli("check", "a.md", "b.txt", "-f", "json")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: a.md:3: ") and "値" in message, message
    document = result.json()
    assert [f["path"] for f in document["findings"]] == ["b.txt"]
    assert document["input_errors"][0]["path"] == "a.md" and document["input_errors"][0]["line"] == 3
    assert_no_traceback(result.stderr)


@pytest.mark.parametrize("value", BAD_VALUES[:6], ids=lambda v: v[:20])
def test_8_bad_values_in_config_and_rule_files_name_file_and_line(cli, tmp_path, value):
    write(tmp_path / "a.txt", CLEAN)
    write(tmp_path / "sns-lint.yaml", f"timezone: Asia/Tokyo\nplaces: {value}\n")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert error_lines(result.stderr)[0].startswith(f"sns-lint: エラー: {tmp_path / 'sns-lint.yaml'}:2: ")
    rules = use_rules(tmp_path)
    write(rules / "r.yaml", rule_file("bad-value", f"patterns: [x]\nignore_case: {value}\n"))
    result = cli("check", "a.txt")
    assert result.code == 2
    assert error_lines(result.stderr)[0].startswith(f"sns-lint: エラー: {rules / 'r.yaml'}:9: ")
    assert_no_traceback(result.stderr)


# =================================================================== 9. deep folders


def _make_deep(tmp_path: Path, depth: int) -> None:
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for name in ["d"] + ["x"] * depth:  # one level at a time: the full path is long
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        draft = os.open("a.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(draft, KANGOFU.encode())
        os.close(draft)
    finally:
        os.close(fd)


def _remove_deep(tmp_path: Path, depth: int) -> None:
    """Bottom-up, so pytest's recursive clean-up of old temporary folders never meets it."""
    fds = [os.open(tmp_path, os.O_RDONLY)]
    names = ["d"] + ["x"] * depth
    for name in names:
        fds.append(os.open(name, os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("a.txt", dir_fd=fds[-1])
    for name, parent in zip(reversed(names), reversed(fds[:-1])):
        for entry in os.listdir(fds[fds.index(parent) + 1]):
            os.unlink(entry, dir_fd=fds[fds.index(parent) + 1])
        os.rmdir(name, dir_fd=parent)
    for fd in fds:
        os.close(fd)


def test_9_folders_nested_1100_deep_are_walked(cli, tmp_path):
    _make_deep(tmp_path, 1_100)
    try:
        write(tmp_path / "d" / "b.txt", KANGOFU)
        result = cli("check", "d", "-f", "json")
        assert result.code == 1, result.stderr[:300]
        assert len(result.json()["findings"]) == 2
        assert_no_traceback(result.stderr)
    finally:
        _remove_deep(tmp_path, 1_100)


# =================================================================== 10. file names


def test_10_non_utf8_file_name_gives_valid_utf8_json(tmp_path):
    (tmp_path / "d").mkdir()
    with open(os.path.join(os.fsencode(tmp_path / "d"), b"\xff.txt"), "wb") as handle:
        handle.write(KANGOFU.encode())
    for extra in ({"PYTHONIOENCODING": "utf-8"}, {}):
        done = run_sns_lint(["check", "d", "-f", "json"], tmp_path, env=env_for(**extra))
        assert done.returncode == 1, done.stderr.decode()
        document = json.loads(done.stdout.decode("utf-8"))  # strict: valid UTF-8
        assert document["findings"][0]["path"] == "d/\\xff.txt"
        assert_no_traceback(done.stderr.decode())


def test_10_control_characters_in_file_names_are_escaped_in_the_terminal(tmp_path):
    name = "a\x1b[2J\x07.txt"
    write(tmp_path / "d" / name, KANGOFU)
    write(tmp_path / "e" / name, "---\nplatform: tiktok\n---\n本文\n")
    done = run_sns_lint(["check", "d", "e"], tmp_path)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "d/a\\x1b[2J\\x07.txt" in out
    assert "e/a\\x1b[2J\\x07.txt:2: " in err
    done = run_sns_lint(["check", "d", "-f", "json"], tmp_path)
    assert json.loads(done.stdout)["findings"][0]["path"] == "d/a\\x1b[2J\\x07.txt"


# =================================================================== 11. ASCII locales


@pytest.mark.parametrize(
    "locale_env", [{"LC_ALL": "C", "PYTHONUTF8": "0"}, {"PYTHONIOENCODING": "ascii"}], ids=["LC_ALL=C", "ascii-io"]
)
def test_11_ascii_locale_survives_every_command(tmp_path, locale_env):
    write(tmp_path / "a.txt", KANGOFU)
    env = env_for(**locale_env)
    env.pop("LANG", None)
    done = run_sns_lint(["check", "a.txt"], tmp_path, env=env)
    assert done.returncode == 1 and b"a.txt" in done.stdout
    assert_no_traceback(done.stderr.decode("ascii"))
    done = run_sns_lint(["check", "a.txt", "-f", "json"], tmp_path, env=env)
    assert done.returncode == 1
    document = json.loads(done.stdout.decode("ascii"))
    assert document["findings"][0]["text"] == "看護婦"
    for args in (["rules"], ["explain", "6-2"], ["count", "a.txt"], ["check", "missing.txt"]):
        done = run_sns_lint(args, tmp_path, env=env)
        assert done.returncode in (0, 2), (args, done.stderr)
        assert_no_traceback(done.stderr.decode("ascii"))
        assert done.stdout or done.stderr


# =================================================================== 12. closed streams


def test_12_closed_stdout_ends_quietly_with_the_right_code(tmp_path):
    write(tmp_path / "a.txt", KANGOFU)
    script = f'"{sys.executable}" -m sns_lint check a.txt >&-; echo "code $?" >&2'
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env_for(), capture_output=True, text=True,
                          timeout=60)
    assert done.stderr.splitlines()[-1] == "code 1"
    assert_no_traceback(done.stderr)


def test_12_closed_stdin_is_an_input_error(tmp_path):
    script = f'"{sys.executable}" -m sns_lint check - <&-; echo "code $?" >&2'
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env_for(), capture_output=True, text=True,
                          timeout=60)
    lines = done.stderr.splitlines()
    assert lines[-1] == "code 2"
    assert lines[0] == "sns-lint: エラー: -: 標準入力が閉じています。"
    assert_no_traceback(done.stderr)


# =================================================================== 13. absurd widths


@pytest.mark.parametrize("columns", ["0", "1", "5"])
def test_13_absurd_terminal_widths_still_print_everything(cli, tmp_path, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    write(tmp_path / "a.txt", KANGOFU)
    result = cli("check", "a.txt")
    assert result.code == 1
    assert "看護婦" in result.stdout and "1 ファイル" in result.stdout
    result = cli("rules")
    assert result.code == 0
    for rule_id in ("shortened-url", "discriminatory-term", "obscured-url"):
        assert rule_id in result.stdout


def test_13_huge_terminal_width_is_bounded(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000000000")
    result = cli("rules")
    assert result.code == 0 and "shortened-url" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) < 10_000


# =================================================================== 14. message format specs


@pytest.mark.parametrize("template", ["{text:d}", "{text!x}", "{text:{foo}}", "{text:>300000000}", "{text!r}",
                                      "{text.upper}", "{text[0]}", "{}", "{0}"])
def test_14_message_format_specs_are_refused_at_load(cli, tmp_path, template):
    rules = use_rules(tmp_path)
    for key in ("message", "suggestion"):
        if key == "message":
            text = rule_file("fmt", "patterns: [看護婦]\n", message=template)
        else:
            text = rule_file("fmt", "patterns: [看護婦]\n", extra=f"suggestion: '{template}'\n")
        path = write(rules / "fmt.yaml", text)
        write(tmp_path / "a.txt", KANGOFU)
        result = cli("check", "a.txt")
        assert result.code == 2, (key, template)
        [message] = error_lines(result.stderr)
        line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith(key + ":"))
        assert message.startswith(f"sns-lint: エラー: {path}:{line}: "), message
        assert_no_traceback(result.stderr)


# =================================================================== 15. load-time crashes


PLATFORMS_OK = "platforms:\n  - name: Ex\n    hosts: [e.com]\n    posts: ['^/p/']\n"


@pytest.mark.parametrize(
    "kind, data, extra_files, line",
    [
        ("pattern", "patterns: ['(?V1)[[a-z]--[aeiou]]']\n", {}, 8),
        ("pattern", "patterns:\n  - '" + "(" * 5_000 + "a" + ")" * 5_000 + "'\n", {}, 9),
        ("url_hosts", "domains_file: 5\n", {}, 8),
        ("url_hosts", "domains: [5]\n", {}, 8),
        ("quote", "platforms_file: data/p.yaml\n", {"p.yaml": "platforms:\n  - name: Ex\n    hosts: [5]\n"}, 3),
        ("quote", "platforms_file: data/p.yaml\n", {"p.yaml": "platforms:\n  - name: Ex\n    hosts: [null]\n"}, 3),
        ("quote", "platforms_file: data/p.yaml\n", {"p.yaml": "platforms:\n  - name: Ex\n    hosts: [[e.com]]\n"}, 3),
        ("quote", "platforms_file: data/p.yaml\n", {"p.yaml": "platforms:\n  - name: Ex\n    hosts: [e.com]\n    posts: 5\n"}, 4),
        ("quote", "platforms_file: data/p.yaml\n", {"p.yaml": "platforms:\n  - name: Ex\n    hosts: [e.com]\n    posts: ['(?V1)[[a]--[b]]']\n"}, 4),
        ("link_target", "target: external\nplatforms_file: data/p.yaml\n", {"p.yaml": "platforms:\n  - name: Ex\n    hosts: [e.com]\n    profiles: [5]\n"}, 4),
        ("terms", "terms:\n  - words: [" + "あ" * 20_000 + "]\n", {}, 9),
    ],
    ids=["regex-v0-v1", "regex-deep", "domains_file-int", "domains-int", "hosts-int", "hosts-null",
         "hosts-nested", "posts-int", "posts-v1", "profiles-int", "terms-huge-word"],
)
def test_15_rule_data_crashes_become_errors_with_file_and_line(cli, tmp_path, kind, data, extra_files, line):
    rules = use_rules(tmp_path)
    path = write(rules / "r.yaml", rule_file("bad-data", data, kind=kind))
    for name, text in extra_files.items():
        path = write(rules / "data" / name, text)
    write(tmp_path / "a.txt", CLEAN)
    result = cli("check", "a.txt")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith(f"sns-lint: エラー: {path}:{line}: "), message
    assert_no_traceback(result.stderr)


def test_15_huge_clause_is_refused_and_rules_still_lists(cli, tmp_path):
    rules = use_rules(tmp_path)
    path = write(rules / "r.yaml", rule_file("big-clause", "patterns: [x]\n", clause='"' + "9" * 5_000 + '"'))
    result = cli("rules")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith(f"sns-lint: エラー: {path}:2: ") and "clause" in message
    assert_no_traceback(result.stderr)


# =================================================================== 16. plain size vs aliases


def test_16_large_plain_rule_file_is_not_a_billion_laughs(cli, tmp_path):
    rules = use_rules(tmp_path)
    domains = "".join(f"  - host{i}.jp\n" for i in range(55_000))
    write(rules / "hosts.yaml", rule_file("many-hosts", "domains:\n" + domains, kind="url_hosts"))
    write(tmp_path / "a.txt", "詳しくは https://host54999.jp/x を見てください。\n")
    result = cli("check", "a.txt", "-f", "json")
    assert result.code in (0, 1), result.stderr
    assert any(f["rule"] == "many-hosts" for f in result.json()["findings"])


def test_16_large_plain_front_matter_is_not_a_billion_laughs(cli, tmp_path):
    numbers = ", ".join(["1"] * 250_000)
    write(tmp_path / "a.md", f"---\napproved_by: 広報課長\nnumbers: [{numbers}]\n---\n{KANGOFU}")
    result = cli("check", "a.md")
    assert result.code == 1, result.stderr
    assert "エイリアス" not in result.stderr


def test_16_plain_size_has_its_own_larger_limit_and_message(monkeypatch):
    from sns_lint import yaml_loading

    assert yaml_loading.MAX_PLAIN_NODES >= 10 * yaml_loading.MAX_ALIAS_NODES
    monkeypatch.setattr(yaml_loading, "MAX_PLAIN_NODES", 1_000)
    with pytest.raises(ConfigError) as caught:
        yaml_loading.load_yaml("items: [" + ", ".join(["1"] * 2_000) + "]\n", "big.yaml", ConfigError)
    assert "大きすぎます" in caught.value.message and "エイリアス" not in caught.value.message
    assert caught.value.line == 1


# =================================================================== 17. duplicate keys


def test_17_duplicate_keys_in_config_name_both_lines(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", 'rules:\n  disable: ["6-2"]\ntimezone: Asia/Tokyo\nrules:\n  severity: {}\n')
    write(tmp_path / "a.txt", KANGOFU)
    message = the_error(cli, "check", "a.txt")
    assert message.startswith(f"sns-lint: エラー: {tmp_path / 'sns-lint.yaml'}:4: ")
    assert "rules" in message and "1 行目" in message


def test_17_duplicate_keys_in_rule_files_and_front_matter(cli, tmp_path):
    write(tmp_path / "a.md", "---\nplatform: x\napproved_by: 課長\nplatform: facebook\n---\n本文\n")
    message = the_error(cli, "check", "a.md")
    assert message.startswith("sns-lint: エラー: a.md:4: ") and "platform" in message and "2 行目" in message
    rules = use_rules(tmp_path)
    path = write(rules / "r.yaml", rule_file("dup", "patterns: [x]\n", extra="severity: error\n"))
    message = the_error(cli, "check", "a.md")
    assert message.startswith(f"sns-lint: エラー: {path}:9: ") and "3 行目" in message


def test_17_merge_keys_are_not_duplicates(tmp_path):
    from sns_lint.yaml_loading import load_yaml

    data = load_yaml("base: &b {a: 1, b: 2}\nother:\n  <<: *b\n  b: 3\n", "x.yaml", ConfigError)
    assert data["other"] == {"a": 1, "b": 3}


# =================================================================== 18. smaller


def test_18_the_same_file_given_twice_is_checked_once(cli, tmp_path):
    write(tmp_path / "d" / "a.txt", KANGOFU)
    for args in (["d/a.txt", "d/a.txt"], ["d", "d/a.txt"], ["d/a.txt", "./d/a.txt"]):
        result = cli("check", *args, "-f", "json")
        document = result.json()
        assert document["summary"]["files"] == 1 and len(document["findings"]) == 1, args


def test_18_pyproject_errors_carry_a_line(cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.sns-lint]\ntimezone = "Asia/Tokyo"\nowndomains = ["a.jp"]\n\n[tool.sns-lint.accounts.main]\nplatform = "tiktok"\n')
    write(tmp_path / "a.txt", CLEAN)
    message = the_error(cli, "check", "a.txt")
    assert message.startswith(f"sns-lint: エラー: {tmp_path / 'pyproject.toml'}:6: ")
    write(tmp_path / "pyproject.toml", '[tool.sns-lint]\ntimezone = "Asia/Tokyo"\n\n[tool.sns-lint.accounts.main]\nplatform = "tiktok"\n')
    message = the_error(cli, "check", "a.txt")
    assert message.startswith(f"sns-lint: エラー: {tmp_path / 'pyproject.toml'}:5: ")


def test_18_null_account_has_a_line(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "timezone: Asia/Tokyo\naccounts:\n  koho: null\n")
    write(tmp_path / "a.txt", CLEAN)
    message = the_error(cli, "check", "a.txt")
    assert message.startswith(f"sns-lint: エラー: {tmp_path / 'sns-lint.yaml'}:3: ")


# =================================================================== 19. evasion


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\ufe0f", "\ufe00", "\U000e0100", "\u200b\u200b"])
def test_19_invisible_characters_do_not_hide_a_listed_word(cli, tmp_path, hidden):
    text = f"市立病院の看{hidden}護婦さんにお話を伺いました。\n"
    write(tmp_path / "a.txt", text)
    result = cli("check", "a.txt", "-f", "json")
    assert result.code == 1
    findings = {f["rule"]: f for f in result.json()["findings"]}
    term = findings["discriminatory-term"]
    assert term["text"] == f"看{hidden}護婦"  # the span is in the original text
    assert (term["column"], term["end_column"]) == (6, 9 + len(hidden))
    if hidden in ("\ufe00", "\U000e0100"):  # after a kanji: a glyph choice (葛󠄀), not hiding
        assert "hidden-characters" not in findings
    else:
        hidden_finding = findings["hidden-characters"]
        assert hidden_finding["severity"] == "warning" and hidden_finding["column"] == 7


@pytest.mark.parametrize(
    "text, span",
    [
        ("詳細は https://bit．ly/abc です", "https://bit．ly/abc"),
        ("詳細は bit．ly/abc です", "bit．ly/abc"),
        ("詳細はbit．ly/abcへ", "bit．ly/abc"),
        ("詳細は https://bit.ly./abc です", "https://bit.ly./abc"),
        ("詳細は bit.ly./abc です", "bit.ly./abc"),
        ("詳細は https://bit\u200b.ly/abc です", "https://bit\u200b.ly/abc"),
    ],
)
def test_19_full_width_dots_root_dots_and_invisibles_do_not_hide_a_short_link(cli, tmp_path, text, span):
    write(tmp_path / "a.txt", text + "\n")
    result = cli("check", "a.txt", "-f", "json")
    assert result.code == 1
    shortened = [f for f in result.json()["findings"] if f["rule"] == "shortened-url"]
    assert [f["text"] for f in shortened] == [span]
    assert not [f for f in result.json()["findings"] if f["rule"] == "external-link"]


def test_19_invisible_characters_outside_words_are_not_flagged(cli, tmp_path):
    write(tmp_path / "a.txt", "ありがとうございました❤️ 1️⃣ 葛󠄀城市の皆さん👨\u200d👩\u200d👧\n")
    result = cli("check", "a.txt", "-f", "json")
    assert result.code == 0, result.stdout
