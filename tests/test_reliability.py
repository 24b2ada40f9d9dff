"""Bad input and hostile environments: what a user sees when things go wrong.

Every case checks what a user would notice: the exit code (0 clean, 1 findings,
2 usage/config/input error), a Japanese message on stderr that names the file
(and line where it makes sense), and never a traceback.
"""

from __future__ import annotations

import builtins
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, write

KANGOFU = "市立病院の看護婦さんにお話を伺いました。\n"
CLEAN = "本日は晴天なり。市役所からのお知らせです。\n"


def assert_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr
    assert "内部エラー" not in stderr  # cli.main's catch-all for defects


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("sns-lint: エラー: ")]


def run_subprocess(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    env.pop("SNS_LINT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "sns_lint", *args], cwd=cwd, env=env, capture_output=True, **kwargs
    )


def json_findings(result, rule: str = "discriminatory-term") -> list[tuple]:
    """Positions of one rule's findings (other rules may fire on the same text)."""
    return [
        (f["line"], f["column"], f["end_line"], f["end_column"], f["text"])
        for f in result.json()["findings"]
        if f["rule"] == rule
    ]


# ----------------------------------------------------------------- paths


def test_missing_path_exits_2_and_names_it(cli):
    result = cli("check", "no-such-draft.txt")
    assert result.code == 2
    assert error_lines(result.stderr) == ["sns-lint: エラー: no-such-draft.txt: ファイルが見つかりません。"]
    unwrapped = "".join(line.strip() for line in result.stdout.splitlines())
    assert "読めなかったファイル 1" in unwrapped and "問題は見つかりませんでした" not in unwrapped
    assert_no_traceback(result.stderr)


def test_directory_without_posts_exits_0_and_says_so(cli, tmp_path):
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "drafts" / "memo.docx", "not a post")
    result = cli("check", "drafts")
    assert result.code == 0
    assert "drafts" in result.stderr and "点検する投稿ファイル" in result.stderr
    assert "0 ファイル" in result.stdout
    assert_no_traceback(result.stderr)


def test_empty_file_exits_0_with_a_note(cli, tmp_path):
    write(tmp_path / "empty.txt", "")
    result = cli("check", "empty.txt", "-f", "json")
    assert result.code == 0
    assert "empty.txt" in result.stderr and "空のファイル" in result.stderr
    assert result.json()["summary"]["posts"] == 0
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- bytes and encodings

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def test_png_bytes_are_an_input_error_naming_the_file(cli, tmp_path):
    (tmp_path / "photo.txt").write_bytes(PNG)
    write(tmp_path / "ok.txt", KANGOFU)
    result = cli("check", "photo.txt", "ok.txt", "-f", "json")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: photo.txt:") and "バイナリ" in message
    document = result.json()
    assert [e["path"] for e in document["input_errors"]] == ["photo.txt"]
    assert {f["path"] for f in document["findings"]} == {"ok.txt"}  # the good file is still checked
    assert_no_traceback(result.stderr)


def test_invalid_utf8_in_japanese_text_names_file_and_line(cli, tmp_path):
    data = "お知らせ\n".encode() + "看護".encode() + b"\xe5\xa9" + "\n三行目\n".encode()  # 婦 cut short
    (tmp_path / "broken.txt").write_bytes(data)
    result = cli("check", "broken.txt")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: broken.txt:2: ") and "UTF-8" in message
    assert_no_traceback(result.stderr)


def test_invalid_utf8_in_ascii_text_is_not_silently_read_as_cp932(cli, tmp_path):
    # 0xFF / 0xFE / 0xFD / 0xA0 are not Shift_JIS characters; CP932 in Python maps them to
    # private-use code points, which used to make this file "clean" (exit 0).
    (tmp_path / "latin.txt").write_bytes(b"Event info\nDate: 12/1 \xff\xfe venue TBA\n")
    result = cli("check", "latin.txt")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: latin.txt:2: ") and "文字コード" in message
    assert_no_traceback(result.stderr)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_utf16_with_bom_is_read_and_positions_are_right(cli, tmp_path, codec, newline):
    text = "一行目\n二行目の看護婦さん\n三行目".replace("\n", newline)
    (tmp_path / "u16.txt").write_bytes(("\ufeff" + text).encode(codec))
    result = cli("check", "u16.txt", "-f", "json")
    assert result.code == 1
    assert json_findings(result) == [(2, 5, 2, 8, "看護婦")]
    assert_no_traceback(result.stderr)


def test_cp932_is_read_with_right_positions(cli, tmp_path):
    text = "①～③の会場：髙島屋前\r\n市立病院の看護婦さん\r\n"
    (tmp_path / "sjis.txt").write_bytes(text.encode("cp932"))
    result = cli("check", "sjis.txt", "-f", "json")
    assert result.code == 1
    assert json_findings(result) == [(2, 6, 2, 9, "看護婦")]
    assert_no_traceback(result.stderr)


def test_nul_bytes_are_an_input_error_with_the_line(cli, tmp_path):
    (tmp_path / "nul.txt").write_bytes("一行目\n二行目\x00です\n".encode())
    result = cli("check", "nul.txt")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: nul.txt:2: ") and "NUL" in message
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- size

REALISTIC_LINES = [
    "【お知らせ】年末年始のごみ収集日程についてご案内します。",
    "12月31日（水）から1月3日（土）まではごみ収集をお休みします。",
    "詳しくは市ホームページ https://www.city.kagoshima.lg.jp/kankyo/gomi/ をご覧ください。",
    "桜島の降灰に備えましょう。克灰袋は各支所で受け取れます。",
    "子育て支援センターの利用時間が変わります（平日9時〜17時）。",
    "市民文化ホールで第40回市民音楽祭を開催します。入場無料です。",
    "インフルエンザの予防接種は、かかりつけの医療機関にご予約ください。",
    "問い合わせ先：広報課（電話 099-224-1111）",
    "#鹿児島市 #桜島 #防災",
    "図書館は11月25日（火）から12月1日（月）まで蔵書点検のため休館します。",
    "障害者手帳をお持ちの方は、窓口で提示すると入館料が無料になります。",
    "雨の日も、片手で持てるサイズの防災ラジオが役立ちます。",
]
SOMETIMES_BAD = "保健センターで看護婦さんが健康相談に応じます。"


def big_draft(size: int) -> tuple[str, int]:
    """About ``size`` bytes of municipal Japanese; one line in 50 has a listed term."""
    lines, total, bad = [], 0, 0
    index = 0
    while total < size:
        if index % 50 == 49:
            line = SOMETIMES_BAD
            bad += 1
        else:
            line = REALISTIC_LINES[(index * 7) % len(REALISTIC_LINES)]
        lines.append(line)
        total += len(line.encode()) + 1
        index += 1
    return "\n".join(lines) + "\n", bad


MEASURE_CHILD = textwrap.dedent(
    """\
    import resource, subprocess, sys
    # the realistic lines' dates carry 2025's weekdays: judge them in 2025
    done = subprocess.run([sys.executable, "-m", "sns_lint", "check", "big.txt", "-f", "json", "--at", "2025-11-20T09:00"],
                          stdout=open("out.json", "wb"), stderr=open("err.txt", "wb"))
    print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """
)


@pytest.fixture(scope="module")
def ten_megabyte_run(tmp_path_factory):
    """``sns-lint check big.txt -f json`` on ~10 MB of drafts, in a subprocess (about 12 s)."""
    tmp_path = tmp_path_factory.mktemp("big")
    text, bad = big_draft(10 * 1024 * 1024)
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    # Measure in a fresh intermediate process so RUSAGE_CHILDREN sees only sns-lint.
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_CHILD], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180
    )
    elapsed = time.monotonic() - started
    code, max_rss_kb = map(int, done.stdout.split())
    return {
        "code": code,
        "max_rss_mb": max_rss_kb / 1024,
        "elapsed": elapsed,
        "bad": bad,
        "stderr": (tmp_path / "err.txt").read_text(encoding="utf-8"),
        "stdout": (tmp_path / "out.json").read_text(encoding="utf-8"),
    }


def test_ten_megabyte_draft_is_checked(ten_megabyte_run):
    run = ten_megabyte_run
    assert run["code"] == 1, run["stderr"]
    assert_no_traceback(run["stderr"])
    document = json.loads(run["stdout"])
    terms = [f for f in document["findings"] if f["rule"] == "discriminatory-term"]
    # one rule reports at most 1,000 findings per file, then one finding says how many more
    assert run["bad"] > 1_000 and len(terms) == 1_001
    assert (terms[0]["line"], terms[0]["column"], terms[0]["text"]) == (50, 8, "看護婦")
    assert (terms[999]["line"], terms[999]["text"]) == (50 * 1_000, "看護婦")
    assert terms[1_000]["line"] == 50 * 1_001 and f"{run['bad'] - 1_000:,} 件" in terms[1_000]["message"]
    assert run["elapsed"] < 60


def test_ten_megabyte_draft_peak_memory_is_at_most_350_mb(ten_megabyte_run):
    assert ten_megabyte_run["max_rss_mb"] <= 350, f"peak RSS {ten_megabyte_run['max_rss_mb']:.0f} MB"


def test_one_line_of_100000_characters_has_right_positions(cli, tmp_path):
    filler = "市役所からのお知らせです。本日は晴天なり、"
    line, expected = "", []
    index = 0
    while len(line) < 100_000:
        if index % 37 == 5:
            expected.append((2, len(line) + 1, 2, len(line) + 4, "看護婦"))
            line += "看護婦"
        else:
            line += filler
        index += 1
    write(tmp_path / "long.txt", "見出し\n" + line + "\n")
    result = cli("check", "long.txt", "-f", "json")
    assert result.code == 1
    assert len(line) >= 100_000 and len(expected) > 50
    assert json_findings(result) == expected
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    "draft, line, words",
    [
        ("---\naccount: koho-x\n本文です。\n", 1, "閉じられていません"),
        ("---", 1, "閉じられていません"),
        ("---\naccount: [koho-x\n---\n本文です。\n", 3, "YAML"),
        ("---\naccount: koho-x\n  platform: x\n---\n本文です。\n", 3, "YAML"),
        ("---\nemergency: maybe\n---\n本文です。\n", 2, "emergency"),
        ("---\naccount: koho-x\nplatform: [x, facebook]\n---\n本文です。\n", 3, "platform"),
        ("---\n- account\n- platform\n---\n本文です。\n", 2, "キー: 値"),
        ("---\napproved_by: {name: 課長}\n---\n本文です。\n", 2, "approved_by"),
    ],
    ids=["unclosed", "only-opening", "bad-flow", "bad-indent", "bool-type", "list-type", "not-mapping", "map-type"],
)
def test_broken_front_matter_names_file_and_line(cli, tmp_path, draft, line, words):
    write(tmp_path / "post.md", draft)
    write(tmp_path / "other.md", KANGOFU)
    result = cli("check", "post.md", "other.md")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith(f"sns-lint: エラー: post.md:{line}: ") and words in message
    assert "other.md" in result.stdout  # the other file is still checked and shown
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- hostile YAML

PWN_TAG = '!!python/object/apply:os.system ["touch {marker}"]'


def rule_yaml(rule_id: str, patterns: list[str], extra: str = "") -> str:
    quoted = "\n".join(f"  - '{p}'" for p in patterns)
    return (
        f'id: {rule_id}\nclause: "5-5"\nseverity: warning\nkind: pattern\nsummary: 試験用\n'
        f"rationale: 試験用のルールです。\nmessage: \"「{{text}}」\"\npatterns:\n{quoted}\n{extra}"
        "examples:\n  bad: [x]\n  good: [y]\n"
    )


@pytest.mark.parametrize("where", ["config", "rule-file", "front-matter"])
def test_python_tags_are_refused_everywhere(cli, tmp_path, where):
    marker = tmp_path / "PWNED"
    tag = PWN_TAG.format(marker=marker)
    write(tmp_path / "a.md", CLEAN)
    if where == "config":
        write(tmp_path / "sns-lint.yaml", f"timezone: {tag}\n")
        expected = f"{tmp_path / 'sns-lint.yaml'}:1: "
    elif where == "rule-file":
        write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
        write(tmp_path / "my-rules" / "evil.yaml", f"id: evil\nclause: \"5-5\"\nseverity: {tag}\n")
        expected = f"{tmp_path / 'my-rules' / 'evil.yaml'}:3: "
    else:
        write(tmp_path / "a.md", f"---\naccount: koho-x\napproved_by: {tag}\n---\n{CLEAN}")
        expected = "a.md:3: "
    result = cli("check", "a.md")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: " + expected), message
    assert "タグ" in message
    assert not marker.exists()
    assert_no_traceback(result.stderr)


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["config", "rule-file", "front-matter"])
def test_alias_bomb_is_rejected_quickly(cli, tmp_path, where):
    bomb = billion_laughs()
    write(tmp_path / "a.md", CLEAN)
    if where == "config":
        write(tmp_path / "sns-lint.yaml", bomb)
        expected = f"{tmp_path / 'sns-lint.yaml'}:1: "
    elif where == "rule-file":
        write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
        write(tmp_path / "my-rules" / "bomb.yaml", bomb)
        expected = f"{tmp_path / 'my-rules' / 'bomb.yaml'}:1: "
    else:
        write(tmp_path / "a.md", "---\n" + bomb + "---\n" + CLEAN)
        expected = "a.md:2: "
    started = time.monotonic()
    result = cli("check", "a.md")
    elapsed = time.monotonic() - started
    assert elapsed < 2, f"{elapsed:.2f} s"
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: " + expected) and "エイリアス" in message
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- metadata values


@pytest.mark.parametrize(
    "value, shown",
    [
        ("2026-02-30T10:00", "2026-02-30T10:00"),
        ("2026-13-01", "2026-13-01"),
        ("2026-12-01T25:00", "2026-12-01T25:00"),
        ('"25:00"', "25:00"),
        ("25:00", "25:00"),  # unquoted: YAML 1.1 would read a sexagesimal 1500
        ("明日", "明日"),
    ],
)
def test_impossible_datetimes_name_file_line_and_value(cli, tmp_path, value, shown):
    write(tmp_path / "a.md", f"---\napproved_by: 広報課長\nscheduled_at: {value}\n---\n{CLEAN}")
    result = cli("check", "a.md")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: a.md:3: ") and f"「{shown}」" in message
    assert_no_traceback(result.stderr)


POLICY = """\
accounts:
  koho-x: {platform: x, name: 鹿児島市 広報課}
  koho-fb: {platform: facebook, name: 鹿児島市}
"""


def test_unknown_account_names_file_line_and_known_accounts(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.md", f"---\naccount: koho-tiktok\n---\n{CLEAN}")
    result = cli("check", "a.md")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: a.md:2: ")
    assert "koho-tiktok" in message and "koho-x" in message and "koho-fb" in message
    assert_no_traceback(result.stderr)


def test_unknown_platform_names_file_line_and_platforms(cli, tmp_path):
    write(tmp_path / "a.md", f"---\nplatform: tiktok\n---\n{CLEAN}")
    result = cli("check", "a.md")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message.startswith("sns-lint: エラー: a.md:2: ") and "tiktok" in message and "instagram" in message
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- user rules


def test_invalid_regex_in_user_rule_names_rule_file_and_line(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
    rule = write(tmp_path / "my-rules" / "broken.yaml", rule_yaml("broken-regex", ["www", "(unclosed"]))
    write(tmp_path / "a.txt", CLEAN)
    result = cli("check", "a.txt")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    line = rule.read_text(encoding="utf-8").splitlines().index("  - '(unclosed'") + 1
    assert message.startswith(f"sns-lint: エラー: {rule}:{line}: ") and "正規表現" in message
    assert_no_traceback(result.stderr)


def test_catastrophic_backtracking_patterns_are_cut_off_with_a_warning(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "rules:\n  paths: [my-rules]\n")
    patterns = ["(a+)+$", "(x|x)*y", r"(\w+\s?)+$"]
    write(tmp_path / "my-rules" / "slow.yaml", rule_yaml("slow-regex", patterns))
    adversarial = "a" * 5_000 + "!\n" + "x" * 5_000 + "\n" + "あいう " * 3_000 + "!\n"
    write(tmp_path / "a.txt", adversarial + KANGOFU)
    started = time.monotonic()
    result = cli("check", "a.txt", "-f", "json")
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"{elapsed:.2f} s"  # a guard against a hang, not a benchmark
    # What actually happens: `regex` defuses (x|x)*y itself; the two others run into the
    # 1 s limit and are skipped for this post, with a warning naming the file, rule and pattern.
    # (The policy names no platform, so a separate warning says length was not checked.)
    warnings = [
        line for line in result.stderr.splitlines() if line.startswith("sns-lint: 警告: a.txt: ") and "slow-regex" in line
    ]
    assert len(warnings) == 2
    assert all("1 秒" in w for w in warnings)
    assert "(a+)+$" in warnings[0] and r"(\w+\s?)+$" in warnings[1]
    # the other rules still ran
    assert result.code == 1
    assert json_findings(result) == [(4, 6, 4, 9, "看護婦")]
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- file system


def test_symlink_loop_in_a_folder_finishes_and_checks_the_rest(cli, tmp_path):
    write(tmp_path / "drafts" / "sub" / "a.txt", KANGOFU)
    write(tmp_path / "drafts" / "b.txt", KANGOFU)
    os.symlink("..", tmp_path / "drafts" / "sub" / "up")
    os.symlink(".", tmp_path / "drafts" / "self")
    result = cli("check", "drafts", "-f", "json")
    assert result.code == 1
    assert sorted({f["path"] for f in result.json()["findings"]}) == ["drafts/b.txt", "drafts/sub/a.txt"]
    assert "シンボリックリンクの循環" in result.stderr
    assert "drafts/sub/up" in result.stderr and "drafts/self" in result.stderr
    assert_no_traceback(result.stderr)


def test_looping_and_dangling_file_symlinks_are_reported_and_the_rest_checked(cli, tmp_path):
    write(tmp_path / "drafts" / "a.txt", KANGOFU)
    os.symlink("loop.txt", tmp_path / "drafts" / "loop.txt")
    os.symlink("gone.md", tmp_path / "drafts" / "dangling.md")
    result = cli("check", "drafts", "-f", "json")
    assert result.code == 2
    assert error_lines(result.stderr) == [
        "sns-lint: エラー: drafts/dangling.md: ファイルが見つかりません。",
        "sns-lint: エラー: drafts/loop.txt: 読み込めません（Too many levels of symbolic links）。",
    ]
    assert {f["path"] for f in result.json()["findings"]} == {"drafts/a.txt"}
    assert_no_traceback(result.stderr)


def test_unreadable_file_is_reported_and_the_others_are_still_checked(cli, tmp_path, monkeypatch):
    write(tmp_path / "drafts" / "a.txt", KANGOFU)
    write(tmp_path / "drafts" / "b-secret.txt", KANGOFU)
    write(tmp_path / "drafts" / "c.txt", KANGOFU)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file).endswith("b-secret.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    result = cli("check", "drafts", "-f", "json")
    assert result.code == 2
    [message] = error_lines(result.stderr)
    assert message == "sns-lint: エラー: drafts/b-secret.txt: 読み取り権限がありません。"
    document = result.json()
    assert sorted({f["path"] for f in document["findings"]}) == ["drafts/a.txt", "drafts/c.txt"]
    assert document["input_errors"][0]["path"] == "drafts/b-secret.txt"
    assert_no_traceback(result.stderr)


# ----------------------------------------------------------------- processes


@pytest.mark.parametrize("output_format", ["rich", "json"])
def test_output_piped_into_head_ends_quietly(tmp_path, output_format):
    for index in range(200):
        write(tmp_path / "drafts" / f"d{index:03}.txt", KANGOFU * 20)
    # a policy, so the report starts with the first file (no built-in-defaults line)
    write(tmp_path / "sns-lint.yaml", "own_domains: [city.example.lg.jp]\ndefault_account: a\naccounts:\n  a: {platform: x}\n")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    script = (
        f'"{sys.executable}" -m sns_lint check drafts -f {output_format} | head -1; '
        'echo "sns-lint exit: ${PIPESTATUS[0]}" >&2'
    )
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout in ("drafts/d000.txt\n", "{\n")
    assert_no_traceback(done.stderr)
    assert done.stderr.strip().splitlines() == ["sns-lint exit: 1"]


def interrupt_while_reading_stdin(tmp_path: Path) -> tuple[int, str, str]:
    """Start ``sns-lint check -`` on a pipe nobody writes to, wait, then press Ctrl-C."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "sns_lint", "check", "-"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(1.5)
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=10)
        return code, process.stdout.read().decode(), process.stderr.read().decode()
    finally:
        process.stdin.close()
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def test_ctrl_c_while_reading_stdin_exits_130_without_traceback(tmp_path):
    code, stdout, stderr = interrupt_while_reading_stdin(tmp_path)
    assert code == 130
    assert stdout == ""
    assert_no_traceback(stderr)


def test_ctrl_c_says_it_was_interrupted(tmp_path):
    code, _stdout, stderr = interrupt_while_reading_stdin(tmp_path)
    assert code == 130
    assert stderr == "sns-lint: 中断しました。\n"
