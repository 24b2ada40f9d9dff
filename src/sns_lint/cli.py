"""Command-line interface: ``sns-lint check | rules | explain``.

Heavy modules are imported inside the commands so ``--help`` and a one-file
pre-commit run start quickly. Every expected failure becomes one Japanese line
on stderr and exit code 2; Ctrl-C exits 130; a closed pipe ends quietly.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import List, Optional

import typer

from sns_lint.cli_help import JapaneseCommand, JapaneseGroup

app = typer.Typer(
    name="sns-lint",
    help="自治体 SNS 投稿の下書きを、運用ガイドラインに照らして点検します。",
    cls=JapaneseGroup,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    rich = "rich"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


class CountFormat(str, Enum):
    rich = "rich"
    json = "json"


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _stderr(message: str) -> None:
    from sns_lint.display_text import printable

    sys.stderr.write(printable(message) + "\n")
    sys.stderr.flush()


def _exit_with_error(error: Exception) -> None:
    _stderr(f"sns-lint: エラー: {error}")
    raise typer.Exit(2)


def _load(config_path: Optional[str]):
    from sns_lint.config.loading import load_config
    from sns_lint.linter import RuleSet
    from sns_lint.rulebook.loading import load_rules

    config = load_config(config_path)
    rules = load_rules(config.rules.paths)
    warnings: list[str] = []
    ruleset = RuleSet.build(rules, config, warnings)
    for message in warnings:
        _stderr(f"sns-lint: 警告: {message}")
    return config, rules, ruleset


def _show_version(value: bool) -> None:
    if value:
        from sns_lint import __version__

        sys.stdout.write(f"sns-lint {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _app_options(
    version: bool = typer.Option(
        False, "--version", "-V", help="バージョンを表示して終了します。", callback=_show_version, is_eager=True
    ),
) -> None:
    """自治体 SNS 投稿の下書きを、運用ガイドラインに照らして点検します。"""


@app.command(cls=JapaneseCommand, epilog="終了コード: 0 問題なし / 1 --fail-on 以上の指摘あり / 2 使い方・設定・入力の誤り")
def check(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="点検するファイルまたはフォルダ（- で標準入力）"),
    output_format: OutputFormat = typer.Option(
        OutputFormat.rich, "--format", "-f", help="出力形式（rich は人が読む形、ほかは CI 向け）"
    ),
    output_file: Optional[str] = typer.Option(
        None, "--output-file", "-o", metavar="FILE", help="レポートをこのファイルに書きます（端末には読みやすい形で表示）"
    ),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="この重大度以上の指摘があれば終了コード 1"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="指摘があっても終了コード 0（入力・設定の誤りは 2）"),
    select: Optional[List[str]] = typer.Option(
        None, "--select", metavar="ID", help="このルール ID・項番だけを点検（カンマ区切り・複数回可）"
    ),
    ignore: Optional[List[str]] = typer.Option(
        None, "--ignore", metavar="ID", help="このルール ID・項番を点検しない（カンマ区切り・複数回可）"
    ),
    platform: Optional[str] = typer.Option(
        None, "--platform", "-p", metavar="NAME", help="x | facebook | instagram | line | threads（フロントマターより優先）"
    ),
    account: Optional[str] = typer.Option(
        None, "--account", "-a", metavar="KEY", help="運用ポリシーの accounts のキー（フロントマターより優先）"
    ),
    config: Optional[str] = typer.Option(
        None, "--config", "-c", metavar="FILE", help="運用ポリシーのファイル（既定: 点検するフォルダから上へ sns-lint.yaml を探します）"
    ),
    force_include: bool = typer.Option(
        False, "--force-include", help="運用ポリシーの exclude に当たるファイルも、指定されれば点検します"
    ),
    stdin_filename: Optional[str] = typer.Option(
        None, "--stdin-filename", metavar="PATH", help="標準入力（-）の指摘に付けるファイル名"
    ),
    statistics: bool = typer.Option(False, "--statistics", help="最後にルールごとの件数を表示します"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="指摘と読めなかったファイルだけを表示します"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="使う運用ポリシーと、読んだ・読み飛ばしたファイルを表示します"),
    color: ColorMode = typer.Option(ColorMode.auto, "--color", help="色付け（auto は端末で NO_COLOR がないとき）"),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="N", help="並列プロセス数（0 = 自動: 合計 1 MB 以上なら全コア）"),
    at: Optional[str] = typer.Option(
        None, "--at", metavar="DATETIME", help="この日時に投稿するとして運用時間を点検（ISO 8601 か now）。年のない日付の「今日」にもなります"
    ),
) -> None:
    """下書きを点検し、指摘をガイドラインの項番つきで表示します。"""
    from sns_lint.check_command import CheckOptions, run_check
    from sns_lint.errors import SnsLintError

    if quiet and verbose:
        _exit_with_error("--quiet と --verbose は同時に使えません。")
    options = CheckOptions(
        paths=list(paths),
        output_format=output_format.value,
        fail_on=fail_on.value,
        config=config,
        jobs=jobs,
        output_file=output_file,
        quiet=quiet,
        verbose=verbose,
        select=list(select or ()),
        ignore=list(ignore or ()),
        exit_zero=exit_zero,
        statistics=statistics,
        color=color.value,
        platform=platform,
        account=account,
        stdin_filename=stdin_filename,
        force_include=force_include,
        at=at,
    )
    try:
        code = run_check(options)
    except SnsLintError as error:
        _exit_with_error(error)
    raise typer.Exit(code)


@app.command("rules", cls=JapaneseCommand)
def list_rules(
    config: Optional[str] = typer.Option(None, "--config", "-c", metavar="FILE", help="運用ポリシーのファイル"),
) -> None:
    """ルールの一覧（ID・項番・重大度・概要）を表示します。"""
    from rich.console import Console
    from rich.table import Table

    from sns_lint.errors import SnsLintError
    from sns_lint.reporters.terminal import sane_width

    try:
        _policy, rules, ruleset = _load(config)
    except SnsLintError as error:
        _exit_with_error(error)
    table = Table(show_lines=False)
    table.add_column("ID", no_wrap=True)
    for column in ("項番", "重大度", "概要"):
        table.add_column(column)
    for rule in sorted(rules, key=lambda r: (_clause_key(r.clause), r.id)):
        active = ruleset.rules.get(rule.id)
        severity = active.severity.label if active else "無効 (disabled)"
        table.add_row(rule.id, rule.clause, severity, rule.summary)
    sane_width(Console(soft_wrap=False, highlight=False), minimum=80).print(table)


def _clause_key(clause: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in clause.split("-"))


@app.command(cls=JapaneseCommand)
def explain(
    target: str = typer.Argument(..., metavar="RULE|WORD", help="ルール ID、項番、または語（例: 6-2, shortened-url, 看護婦）"),
    config: Optional[str] = typer.Option(None, "--config", "-c", metavar="FILE", help="運用ポリシーのファイル"),
) -> None:
    """ルールの趣旨・理由・悪い例とよい例を表示します。語を渡すと、その語を挙げるルールと言い換えを表示します。"""
    from rich.console import Console
    from rich.text import Text

    from sns_lint.errors import SnsLintError
    from sns_lint.reporters.terminal import sane_width

    try:
        policy, rules, _ruleset = _load(config)
    except SnsLintError as error:
        _exit_with_error(error)
    chosen = [r for r in rules if target in (r.id, r.clause)]
    console = sane_width(Console(soft_wrap=True, highlight=False))
    if not chosen:
        from sns_lint.rulebook.word_lookup import find_word, render_matches

        matches = find_word(target, rules, policy)
        if not matches:
            _stderr(f"sns-lint: エラー: 「{target}」に当たるルール・語がありません（sns-lint rules で一覧を確認できます）。")
            raise typer.Exit(2)
        console.print(render_matches(target, matches))
        return
    for rule in chosen:
        out = Text()
        out.append(f"{rule.id}", style="bold")
        out.append(f"  ガイドライン {rule.clause}・{rule.severity.label_ja}\n", style="magenta")
        out.append("概要: ", style="bold")
        out.append(rule.summary + "\n")
        out.append("なぜ: ", style="bold")
        out.append(rule.rationale.strip() + "\n")
        out.append("悪い例:\n", style="bold red")
        for example in rule.bad:
            out.append(f"  ✗ {example.text.strip()}\n")
        out.append("よい例:\n", style="bold green")
        for example in rule.good:
            out.append(f"  ✓ {example.text.strip()}\n")
        console.print(out)


@app.command(cls=JapaneseCommand)
def count(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="数えるファイル（- で標準入力）"),
    platform: Optional[str] = typer.Option(None, "--platform", "-p", metavar="NAME", help="x | facebook | instagram | line | threads（既定: フロントマターかアカウントの設定）"),
    output_format: CountFormat = typer.Option(CountFormat.rich, "--format", "-f", help="出力形式（json は投稿ごとに 1 行の JSON）"),
    config: Optional[str] = typer.Option(None, "--config", "-c", metavar="FILE", help="運用ポリシーのファイル"),
) -> None:
    """投稿の文字数を、プラットフォームの数え方と上限で表示します（X は重み付き）。"""
    import json

    from sns_lint.display_text import printable
    from sns_lint.errors import SnsLintError
    from sns_lint.post_counting import count_posts

    try:
        policy, rules, _ruleset = _load(config)
        counts = count_posts(paths, platform, policy, rules)
    except SnsLintError as error:
        _exit_with_error(error)
    for item in counts:
        m = item.measurement
        if output_format is CountFormat.json:
            sys.stdout.write(json.dumps({"platform": m.platform, "length": m.length, "limit": m.limit}) + "\n")
            continue
        state = f"残り {m.remaining}" if m.remaining >= 0 else f"{-m.remaining} 超過"
        name = item.label
        sys.stdout.write(f"{printable(item.path)}: {name} {m.length} / {m.limit}（{state}）\n")
    sys.stdout.flush()
    raise typer.Exit(1 if any(item.measurement.over for item in counts) else 0)


@app.command(cls=JapaneseCommand)
def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", metavar="ADDRESS", help="待ち受けるアドレス（0.0.0.0 はほかの PC からも接続できるため警告します）"
    ),
    port: int = typer.Option(8765, "--port", min=0, max=65535, metavar="PORT", help="ポート番号"),
    no_browser: bool = typer.Option(False, "--no-browser", help="ブラウザを自動で開かない"),
    config: Optional[str] = typer.Option(
        None, "--config", "-c", metavar="FILE", help="運用ポリシーのファイル（既定: sns-lint.yaml を探します）"
    ),
    max_mb: int = typer.Option(5, "--max-mb", min=1, max=64, metavar="MB", help="1 回に受け付けるデータの上限（MB）"),
) -> None:
    """ブラウザで使う点検ページを開きます（この PC の中だけで動き、下書きは保存しません）。"""
    from sns_lint.errors import SnsLintError
    from sns_lint.web.server import serve as run_server

    try:
        run_server(host, port, config, not no_browser, max_mb)
    except SnsLintError as error:
        _exit_with_error(error)


def _add_places() -> None:
    from sns_lint.places.commands import app as places_app

    app.add_typer(places_app, name="places")


_add_places()


def entry() -> None:
    """The ``sns-lint`` command: ``main()``, then leave without tearing the interpreter down.

    Freeing every token string and finding one by one at exit costs about 0.2 s on a
    10,000-post run; all output is flushed and no file is open for writing by then.
    """
    try:
        main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0
    else:
        code = 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(code)


def main() -> None:
    """Run the Typer app and translate every exit into 0/1/2/130 (raises SystemExit)."""
    _prepare_streams()
    try:
        code = app(prog_name="sns-lint", standalone_mode=False)
        if code == 130:  # Typer turns Ctrl-C into Exit(130) and returns its code
            _stderr("sns-lint: 中断しました。")
    except typer.Exit as done:
        code = done.exit_code
    except typer.Abort as abort:
        if isinstance(abort.__cause__, KeyboardInterrupt) or isinstance(abort.__context__, KeyboardInterrupt):
            _stderr("sns-lint: 中断しました。")
            code = 130
        else:
            code = 2
    except _usage_error_types() as error:  # evaluated only when an exception gets this far
        code = _usage_error(error)
    except KeyboardInterrupt:
        _stderr("sns-lint: 中断しました。")
        code = 130
    except BrokenPipeError:
        code = _quiet_broken_pipe()
    except Exception as error:  # a defect: say so in one line, never a traceback
        if os.environ.get("SNS_LINT_DEBUG"):
            raise
        _stderr(f"sns-lint: 内部エラー: {type(error).__name__}: {error}（SNS_LINT_DEBUG=1 で詳細を表示）")
        code = 2
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _quiet_broken_pipe(code)
    sys.exit(code if isinstance(code, int) else 0)


def _usage_error(error: Exception) -> int:
    """One Japanese line (the whole help when a command was given nothing at all)."""
    from sns_lint.cli_help import is_no_args_help, usage_error_line

    if is_no_args_help(error):
        sys.stderr.write(error.ctx.get_help() + "\n")
    else:
        commands = {info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands}
        given = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
        _stderr(usage_error_line(error, f"sns-lint {given}" if given in commands else "sns-lint"))
    return 2


def _prepare_streams() -> None:
    """Survive the environments CI and hooks provide.

    - A closed stdout or stderr (``>&-``) becomes /dev/null: the run still ends with its
      exit code. A closed stdin stays ``None`` (``check -`` says so), but its descriptor is
      filled so no file opened later takes number 0.
    - An output encoding that cannot hold Japanese (``LC_ALL=C``, ``PYTHONIOENCODING=ascii``)
      writes what it cannot encode as backslash escapes instead of failing.
    """
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
            if name != "stdin":
                setattr(sys, name, open(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False))
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not _holds_japanese(getattr(stream, "encoding", None)):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (AttributeError, ValueError):
                pass


def _holds_japanese(encoding: str | None) -> bool:
    if not encoding:
        return True  # a test capture or an in-memory stream: str in, str out
    try:
        "日本語・看護婦—①".encode(encoding)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def _usage_error_types() -> tuple[type[Exception], ...]:
    """Click's usage errors: newer Typer vendors Click as ``typer._click``, older uses ``click``."""
    found: list[type[Exception]] = []
    try:
        from typer._click.exceptions import ClickException as Vendored

        found.append(Vendored)
    except ImportError:
        pass
    try:
        from click.exceptions import ClickException as Standalone

        found.append(Standalone)
    except ImportError:
        pass
    return tuple(found)


def _quiet_broken_pipe(code: int = 0) -> int:
    """The reader went away (``| head``): stop writing, no traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return code
