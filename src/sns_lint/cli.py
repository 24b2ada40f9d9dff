"""Command-line interface: ``sns-lint check | rules | explain``.

Heavy modules are imported inside the commands so ``--help`` and a one-file
pre-commit run start quickly. Every expected failure becomes one Japanese line
on stderr and exit code 2; Ctrl-C exits 130; a closed pipe ends quietly.
"""

# No "from __future__ import annotations": Typer reads the options from the annotations,
# and real objects save it resolving strings on every start.

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

    from sns_lint.suppressing import DIRECTIVE_RULES

    config = load_config(config_path)
    rules = [*load_rules(config.rules.paths), *DIRECTIVE_RULES]
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
    skip_files_without_posts: bool = typer.Option(
        False,
        "--skip-files-without-posts",
        help="名指しされた YAML・JSON・CSV に投稿がなければ、エラーにせず読み飛ばします（pre-commit 用: 設定ファイルも渡されるため）",
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
    fix: bool = typer.Option(
        False, "--fix", help="言い換え案が 1 つだけの指摘をファイルに書き戻します（文字コード・改行・権限はそのまま、一時ファイルから置き換え）。標準入力なら直した本文を標準出力へ"
    ),
    diff: bool = typer.Option(
        False, "--diff", help="--fix と併用: 直す内容を unified diff で表示し、ファイルは変更しません（差分があれば終了コード 1）"
    ),
    show_suppressed: bool = typer.Option(False, "--show-suppressed", help="抑止した指摘を理由・承認者とともに表示します"),
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
        skip_files_without_posts=skip_files_without_posts,
        at=at,
        fix=fix,
        diff=diff,
        show_suppressed=show_suppressed,
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
    guideline = ruleset.guideline
    table = Table(show_lines=False, title=f"{guideline.name}（guideline: {guideline.id}）")
    table.add_column("ID", no_wrap=True)
    for column in ("項番", "重大度", "概要"):
        table.add_column(column)
    for rule in sorted(rules, key=lambda r: (_clause_key(r.clause), r.id)):
        active = ruleset.rules.get(rule.id)
        severity = active.severity.label if active else "無効 (disabled)"
        table.add_row(rule.id, _cited(guideline, rule.clause), severity, rule.summary)
    sane_width(Console(soft_wrap=False, highlight=False), minimum=80).print(table)


def _cited(guideline, clause: str) -> str:
    """The user's guideline number; sns-lint's own where that guideline has none."""
    if guideline.maps(clause):
        return guideline.cite(clause)
    return f"{clause}（該当なし）"


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
        policy, rules, ruleset = _load(config)
    except SnsLintError as error:
        _exit_with_error(error)
    guideline = ruleset.guideline
    chosen = [r for r in rules if target in (r.id, r.clause, guideline.cite(r.clause))]
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
        if guideline.maps(rule.clause):
            cited = f"{guideline.name} {guideline.cite(rule.clause)}「{guideline.title(rule.clause)}」"
        else:
            cited = f"{guideline.name} に対応する項目なし（sns-lint の項番 {rule.clause}）"
        out.append(f"  {cited}・{rule.severity.label_ja}\n", style="magenta")
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


policy_app = typer.Typer(
    help="運用ポリシー（ガイドライン 3）の点検と、公開用ページの作成。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(policy_app, name="policy")


class PageFormat(str, Enum):
    all = "all"
    md = "md"
    html = "html"


def _load_policy_config(config: Optional[str]):
    from sns_lint.config.loading import load_config
    from sns_lint.errors import SnsLintError
    from sns_lint.guidelines import load_guideline

    try:
        policy = load_config(config)
    except SnsLintError as error:
        _exit_with_error(error)
    if policy.path is None or policy.path.name == "pyproject.toml":
        _stderr("sns-lint: エラー: 運用ポリシーの設定ファイル（sns-lint.yaml）が見つかりません（sns-lint init で作れます）。")
        raise typer.Exit(2)
    return policy, policy.guideline or load_guideline(None)


@policy_app.command("check")
def policy_check(
    config: Optional[str] = typer.Option(None, "--config", "-c", help="設定ファイル（既定: sns-lint.yaml を探します）"),
    output_format: OutputFormat = typer.Option(OutputFormat.rich, "--format", "-f", help="出力形式"),
) -> None:
    """各アカウントの運用ポリシーに、ガイドライン 3-(1) の項目と 7-(2) の問い合わせ先がそろっているか点検します。"""
    import json

    from rich.text import Text

    from sns_lint.findings import Severity
    from sns_lint.operating_policy.audit import audit
    from sns_lint.reporters.json_report import finding_dict
    from sns_lint.reporters.rich_text import make_console, render_finding

    policy, guideline = _load_policy_config(config)
    report = audit(policy, guideline.cite, policy.path.read_text(encoding="utf-8-sig"))
    findings = report.findings
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    if output_format is OutputFormat.json:
        document = {
            "version": 1,
            "findings": [finding_dict(f) for f in findings],
            "summary": {"accounts": len(policy.accounts), "errors": errors, "warnings": warnings},
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif output_format.value in ("sarif", "github", "gitlab", "junit"):  # CI: the same formats as check
        from sns_lint.reporters import reporter

        reporter(output_format.value).render(report, sys.stdout)
    else:
        console = make_console(sys.stdout)
        if findings:
            console.print(Text(str(policy.path), style="bold underline"))
        for finding in findings:
            console.print(render_finding(finding, report, console.width))
        summary = f"{len(policy.accounts)} アカウントの運用ポリシーを点検しました: "
        summary += f"エラー {errors}・警告 {warnings}" if findings else "必要な項目はそろっています。"
        console.print(summary)
    sys.stdout.flush()
    raise typer.Exit(1 if errors else 0)


@policy_app.command("render")
def policy_render(
    config: Optional[str] = typer.Option(None, "--config", "-c", help="設定ファイル（既定: sns-lint.yaml を探します）"),
    account: Optional[List[str]] = typer.Option(None, "--account", "-a", help="載せるアカウント（複数可。既定: すべて）"),
    output: str = typer.Option(".", "--output", "-o", help="書き出すフォルダ（- で標準出力。このときは --format md か html）"),
    page_format: PageFormat = typer.Option(PageFormat.all, "--format", "-f", help="all（Markdown と HTML）・md・html"),
    name: str = typer.Option("sns-policy", "--name", help="書き出すファイル名（拡張子なし）"),
) -> None:
    """運用ポリシーを、市のホームページに載せる Markdown と HTML（単体で表示できるページ）に書き出します。"""
    from pathlib import Path

    from sns_lint.operating_policy import document
    from sns_lint.operating_policy.audit import audit

    policy, guideline = _load_policy_config(config)
    unknown = [key for key in account or [] if key not in policy.accounts]
    if unknown:
        _stderr(f"sns-lint: エラー: アカウント「{'、'.join(unknown)}」は {policy.path} の accounts にありません。")
        raise typer.Exit(2)
    if not policy.accounts:
        _stderr(f"sns-lint: エラー: {policy.path} の accounts にアカウントがありません。")
        raise typer.Exit(2)
    gaps = [f for f in audit(policy, guideline.cite, policy.path.read_text(encoding="utf-8-sig")).findings]
    outline = document.outline(policy, account or None)
    pages = {"md": document.to_markdown(outline), "html": document.to_html(outline)}
    chosen = ["md", "html"] if page_format is PageFormat.all else [page_format.value]
    if output == "-":
        if len(chosen) != 1:
            _stderr("sns-lint: エラー: 標準出力（-o -）には --format md か --format html を指定してください。")
            raise typer.Exit(2)
        sys.stdout.write(pages[chosen[0]])
    else:
        folder = Path(output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for kind in chosen:
                target = folder / f"{name}.{kind}"
                target.write_text(pages[kind], encoding="utf-8", newline="\n")
                _stderr(f"sns-lint: 書き出しました: {target}")
        except OSError as exc:
            _stderr(f"sns-lint: エラー: {output}: 書き出せません（{exc.strerror}）。")
            raise typer.Exit(2)
    if gaps:
        _stderr(f"sns-lint: 警告: 運用ポリシーに未設定の項目が {len(gaps)} 件あります（「（未設定）」と表示）。sns-lint policy check で確認してください。")
    sys.stdout.flush()
    raise typer.Exit(0)


@app.command()
def init(
    output: str = typer.Option("sns-lint.yaml", "--output", "-o", help="作る設定ファイル（既にあれば上書きしません）"),
    organization: Optional[str] = typer.Option(None, "--organization", help="団体名（例: 鹿児島市）"),
    platform: Optional[str] = typer.Option(None, "--platform", "-p", help="x | facebook | instagram | line | threads"),
    name: Optional[str] = typer.Option(None, "--name", help="アカウント名（例: 鹿児島市 広報課）"),
    url: Optional[str] = typer.Option(None, "--url", help="アカウントの URL"),
    department: Optional[str] = typer.Option(None, "--department", help="運用部署"),
    phone: Optional[str] = typer.Option(None, "--phone", help="問い合わせ先の電話番号"),
    email: Optional[str] = typer.Option(None, "--email", help="問い合わせ先のメールアドレス"),
    comments: Optional[str] = typer.Option(None, "--comments", help="コメントへの対応: none（回答しない）| reply（回答する）"),
    key: Optional[str] = typer.Option(None, "--key", help="設定の中でのアカウントの呼び名（既定: プラットフォーム名）"),
) -> None:
    """新しいアカウントの運用ポリシー（sns-lint.yaml）を、ガイドライン 3-(1) の項目をすべて含めて作ります。"""
    from sns_lint.errors import SnsLintError
    from sns_lint.operating_policy import template

    asked = {
        "organization": (organization, "団体名（例: 鹿児島市）", None),
        "platform": (platform, "プラットフォーム（x / facebook / instagram / line / threads）", "x"),
        "name": (name, "アカウント名", None),
        "url": (url, "アカウントの URL", None),
        "department": (department, "運用部署", None),
        "comments": (comments, "コメントに回答しますか（none = 回答しない / reply = 回答する）", "none"),
        "phone": (phone, "問い合わせ先の電話番号", ""),
        "email": (email, "問い合わせ先のメールアドレス", ""),
    }
    values = {}
    missing = [k for k, (given, _q, _d) in asked.items() if given is None]
    if missing and not getattr(sys.stdin, "isatty", lambda: False)():
        options = " ".join(f"--{k}" for k in missing)
        _stderr(f"sns-lint: エラー: 端末から実行するか、次のオプションを指定してください: {options}")
        raise typer.Exit(2)
    for field_name, (given, question, default) in asked.items():
        if given is None:
            given = typer.prompt(question, default=default) if default is not None else typer.prompt(question)
        values[field_name] = str(given).strip()
    values["platform"] = values["platform"].lower()
    values["comments"] = values["comments"].lower()
    answers = template.Answers(key=(key or values["platform"]).strip(), **values)
    found = template.problems(answers)
    if found:
        for problem in found:
            _stderr(f"sns-lint: エラー: {problem}")
        raise typer.Exit(2)
    try:
        template.write_new(output, template.render(answers))
    except SnsLintError as error:
        _exit_with_error(error)
    _stderr(f"sns-lint: 作りました: {output}（sns-lint policy check で漏れを確かめられます）")
    raise typer.Exit(0)


@app.command()
def schema(
    kind: str = typer.Argument(..., help="config | rule | guideline | schedule"),
) -> None:
    """設定・ルール・ガイドラインのプロファイル・予約投稿ファイルの JSON Schema を表示します（エディタの補完用）。"""
    from sns_lint.schemas import SCHEMA_KINDS, schema_text

    if kind not in SCHEMA_KINDS:
        _stderr(f"sns-lint: エラー: 「{kind}」のスキーマはありません（使えるもの: {', '.join(SCHEMA_KINDS)}）。")
        raise typer.Exit(2)
    sys.stdout.write(schema_text(kind))
    sys.stdout.flush()


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
