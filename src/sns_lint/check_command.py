"""What ``sns-lint check`` does, from parsed options to exit code.

The CLI module only declares options; this module wires the pipeline: find the
policy, choose the rules, find the files, check them (with a progress bar in a
terminal), tell the user on stderr what was skipped or could not be read, and
write the report where it was asked for.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from sns_lint.checking import FileResult, Report, check_paths
from sns_lint.config.model import Config
from sns_lint.errors import SnsLintError
from sns_lint.findings import Severity
from sns_lint.posts import PLATFORMS
from sns_lint.reporters import HUMAN_FORMATS, reporter
from sns_lint.sources.discovery import STDIN

PROGRESS_MIN_FILES = 20
REPEAT_LIMIT = 3  # the same warning for more files than this is said once (all of them with --verbose)  # below this a run is over before a bar is worth drawing


@dataclass
class CheckOptions:
    paths: list[str]
    output_format: str = "rich"
    fail_on: str = "error"
    config: str | None = None
    jobs: int = 0
    output_file: str | None = None
    quiet: bool = False
    verbose: bool = False
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exit_zero: bool = False
    statistics: bool = False
    color: str = "auto"
    platform: str | None = None
    account: str | None = None
    stdin_filename: str | None = None
    force_include: bool = False
    skip_files_without_posts: bool = False  # named YAML/JSON/CSV without posts: skipped, not an error
    at: str | None = None  # --at DATETIME|now
    fix: bool = False
    diff: bool = False
    show_suppressed: bool = False


def _say(message: str) -> None:
    from sns_lint.display_text import printable

    sys.stderr.write(printable(message) + "\n")
    sys.stderr.flush()


def policy_start(paths: list[str], stdin_filename: str | None) -> Path:
    """Where to look for the policy: the folder the checked files share (then its parents)."""
    folders = []
    for given in paths:
        if given == STDIN:
            given = stdin_filename or ""
            if not given:
                continue
        path = Path(given)
        folders.append(os.path.abspath(path if path.is_dir() else path.parent))
    if not folders:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # different drives on Windows
        return Path.cwd()


def defaults_notice(config: Config) -> tuple[str, ...]:
    if config.path is not None:
        return ()
    platform = config.platform_override or config.default_platform or "x"
    from sns_lint.checkers.post_length import PLATFORM_NAMES

    return (
        f"運用ポリシー（sns-lint.yaml）がないため、既定の設定で点検します（文字数は {PLATFORM_NAMES[platform]} の上限、"
        "市のドメイン・アカウントは未設定）。作り方は README の「運用ポリシー」をご覧ください。",
    )


def _validated(options: CheckOptions) -> CheckOptions:
    if options.platform is not None:
        options.platform = options.platform.lower()
        if options.platform not in PLATFORMS:
            raise SnsLintError(f"--platform「{options.platform}」は不明です（使えるもの: {', '.join(PLATFORMS)}）。")
    if options.stdin_filename is not None and STDIN not in options.paths:
        raise SnsLintError("--stdin-filename は標準入力（-）を点検するときに使います。")
    if options.diff and not options.fix:
        raise SnsLintError("--diff は --fix と一緒に指定してください。")
    if options.fix and STDIN in options.paths and len(options.paths) > 1:
        raise SnsLintError("--fix で標準入力（-）を使うときは、ほかのファイルを指定できません。")
    return options


def load_run(options: CheckOptions):
    """(config, ruleset) for the run, with the command line's overrides applied."""
    from sns_lint.config.loading import load_config
    from sns_lint.linter import RuleSet
    from sns_lint.rulebook.loading import load_rules
    from sns_lint.rulebook.selection import select_rules, split_keys

    config = load_config(options.config, policy_start(options.paths, options.stdin_filename))
    if options.account is not None:
        if config.path is None:
            raise SnsLintError("--account を使うには運用ポリシー（sns-lint.yaml）が必要です。")
        if options.account not in config.accounts:
            known = "、".join(config.accounts) or "なし"
            raise SnsLintError(
                f"--account「{options.account}」は {config.display_path} の accounts にありません（定義済み: {known}）。"
            )
    config = replace(config, platform_override=options.platform, account_override=options.account)
    if config.path is not None and not config.own_domains and not options.quiet:
        _say(
            f"sns-lint: 警告: {config.display_path}: own_domains（市のドメイン）がないため、"
            "市のページへのリンクも市以外へのリンクとして指摘します。"
        )
    from sns_lint.suppressing import DIRECTIVE_RULES

    every_rule = [*load_rules(config.rules.paths), *DIRECTIVE_RULES]
    cite = config.guideline.cite if config.guideline is not None else None
    rules = select_rules(every_rule, split_keys(options.select), split_keys(options.ignore), cite)
    warnings: list[str] = []
    ruleset = RuleSet.build(rules, config, warnings, directives=False)
    for message in warnings:
        _say(f"sns-lint: 警告: {message}")
    return config, ruleset


def _selection(config: Config):
    from sns_lint.sources.path_patterns import FileSelection

    base = config.path.parent if config.path is not None else Path.cwd()
    return FileSelection.build(base, config.include, config.exclude)


def _with_stdin_name(report: Report, name: str | None) -> Report:
    """The report with stdin's findings and errors under ``--stdin-filename``."""
    if not name or not any(result.path == STDIN for result in report.files):
        return report
    files = []
    for result in report.files:
        if result.path == STDIN:
            result = replace(
                result,
                path=name,
                findings=[replace(f, path=name) for f in result.findings],
                suppressed=[replace(s, finding=replace(s.finding, path=name)) for s in result.suppressed],
            )
            if result.error is not None and result.error.path == STDIN:
                result.error.path = name
        files.append(result)
    return Report(files=files, notes=report.notes, rules=report.rules)


def _progress(files: list[str], options: CheckOptions):
    """A transient progress bar on stderr, or None where it would get in the way."""
    if (
        options.quiet
        or options.output_format not in HUMAN_FORMATS
        or len(files) < PROGRESS_MIN_FILES
        or not sys.stderr.isatty()
    ):
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("点検中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _check(files: list[str], ruleset, config: Config, options: CheckOptions) -> Report:
    progress = _progress(files, options)
    if progress is None:
        return check_paths(files, ruleset, config, options.jobs)
    with progress:
        task = progress.add_task("check", total=len(files))

        def advance(_result: FileResult) -> None:
            progress.advance(task)

        return check_paths(files, ruleset, config, options.jobs, on_file=advance)


def _tell(report: Report, notes: list[str], options: CheckOptions) -> None:
    """Warnings, notes and input errors on stderr (errors even with --quiet)."""
    repeated: dict[str, list[str]] = {}  # the same warning about many files is said once
    notes.extend(report.notes)
    for result in report.files:
        if not options.quiet:
            for message in result.warnings:
                prefix = f"{result.path}: "
                text = message[len(prefix) :] if message.startswith(prefix) else message
                repeated.setdefault(text, []).append(result.path)
            notes.extend(result.notes)
        if result.error is not None:
            _say(f"sns-lint: エラー: {result.error}")
    if options.quiet:
        return
    for text, paths in repeated.items():
        if len(paths) <= REPEAT_LIMIT or options.verbose:
            for path in paths:
                _say(f"sns-lint: 警告: {path}: {text}")
        else:
            _say(f"sns-lint: 警告: {paths[0]} ほか {len(paths) - 1} ファイル: {text}")
    for note in notes:
        _say(f"sns-lint: {note}")


def _drop_files_without_posts(report: Report, options: CheckOptions) -> bool:
    """YAML/JSON/CSV files without posts leave the report: a note with --verbose when found in
    a folder, an error when named on the command line (unless --skip-files-without-posts, as
    pre-commit passes every changed YAML file). True when one was named."""
    named = False
    for result in report.files:
        if result.skipped is None:
            continue
        if result.path in options.paths and not options.skip_files_without_posts:
            _say(f"sns-lint: エラー: {result.skipped}")
            named = True
        elif options.verbose:
            _say(f"sns-lint: 読み飛ばし（投稿がありません）: {result.skipped}")
    report.files = [result for result in report.files if result.skipped is None]
    return named


def statistics_lines(report: Report) -> list[str]:
    from collections import Counter

    counts = Counter((f.rule, f.clause, f.severity) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _key, n in rows), default=1)
    lines = [f"{n:>{width}}  {rule} [{clause}] {severity.label_ja}" for (rule, clause, severity), n in rows]
    if report.errors:
        lines.append(f"{len(report.errors):>{width}}  読めなかったファイル")
    return lines


def _render(name: str, report: Report, out: TextIO, options: CheckOptions, preamble: tuple[str, ...], **layout) -> None:
    module = reporter(name)
    if name in HUMAN_FORMATS:
        module.render(
            report, out, fail_on=Severity.parse(options.fail_on), preamble=preamble,
            show_suppressed=options.show_suppressed, **layout,
        )
    elif name == "github":
        module.render(report, out, preamble=preamble)
    else:
        module.render(report, out)


def _refuse_to_overwrite_a_draft(output_file: str | None, files: list[str]) -> None:
    """Drafts are never modified: ``-o draft.txt`` is an error, not a lost draft."""
    if output_file is None or not os.path.exists(output_file):
        return
    for path in files:
        try:
            if path != STDIN and os.path.samefile(path, output_file):
                raise SnsLintError("出力ファイルが点検する下書きと同じです。別のファイル名を指定してください。", output_file)
        except OSError:
            continue


def _write_output_file(report: Report, options: CheckOptions, preamble: tuple[str, ...]) -> None:
    path = options.output_file
    assert path is not None
    try:
        parent = os.path.dirname(os.path.abspath(path))
        os.makedirs(parent, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            _render(options.output_format, report, handle, options, preamble, color="never", width=100)
    except OSError as exc:
        raise SnsLintError(f"出力ファイルに書き込めません（{exc.strerror}）。", path) from None


def write_reports(report: Report, options: CheckOptions, preamble: tuple[str, ...]) -> None:
    human_on_terminal = options.output_file is not None or options.output_format in HUMAN_FORMATS
    if options.output_file is not None:
        _write_output_file(report, options, preamble)
    if human_on_terminal:
        from sns_lint.reporters import rich_text

        if options.quiet:
            if report.findings:
                rich_text.render(report, sys.stdout, color=options.color, summary=False)
        else:
            rich_text.render(
                report,
                sys.stdout,
                fail_on=Severity.parse(options.fail_on),
                color=options.color,
                preamble=preamble,
                show_suppressed=options.show_suppressed,
                # the file has the whole human report: the terminal gets the summary only
                show_findings=not (options.output_file and options.output_format in HUMAN_FORMATS),
            )
    else:
        if preamble and not options.quiet and options.output_format != "github":
            for line in preamble:
                _say(f"sns-lint: 警告: {line}")
        _render(options.output_format, report, sys.stdout, options, preamble)
    if options.statistics:
        lines = statistics_lines(report)
        stream = sys.stdout if human_on_terminal else sys.stderr
        stream.write("\n".join(["", "ルールごとの件数:", *lines]) + "\n")
    sys.stdout.flush()


def run_check(options: CheckOptions) -> int:
    """Run ``sns-lint check``; the exit code (0 clean, 1 findings at --fail-on, 2 errors)."""
    from sns_lint.sources.discovery import discover

    options = _validated(options)
    config, ruleset = load_run(options)
    if options.at is not None:
        from sns_lint.schedule_options import with_at

        config = with_at(config, options.at)
    if options.verbose:
        _say(f"sns-lint: 運用ポリシー: {config.display_path}")
        _say(f"sns-lint: ルール: {len(ruleset.rules)} 件（{', '.join(sorted(ruleset.rules))}）")
    notes: list[str] = []
    skipped: list[str] = []
    files = discover(options.paths, notes, _selection(config), options.force_include, skipped)
    _refuse_to_overwrite_a_draft(options.output_file, files)
    if options.verbose:
        for path in skipped:
            _say(f"sns-lint: 読み飛ばし（include / exclude）: {path}")
    if options.fix and STDIN in files:
        return _fix_stdin(ruleset, config, options)
    report = _check(files, ruleset, config, options)
    fix_failed = False
    if options.fix:
        from sns_lint import fixing

        run = fixing.fix_report(report, ruleset, config, options.jobs, write=not options.diff)
        for refusal in run.refusals:
            _say(f"sns-lint: エラー: {refusal}")
        fix_failed = bool(run.refusals)
        if options.diff:
            for item in run.fixes:
                sys.stdout.write(fixing.unified_diff(item))
            sys.stdout.flush()
            count = sum(len(item.applied) for item in run.fixes)
            _say(f"sns-lint: {len(run.fixes)} ファイル・{count} 件を直せます（--diff のため書き込んでいません）。")
            return 2 if fix_failed else (1 if run.fixes else 0)
        for item in run.fixes:
            _say(f"sns-lint: 修正しました: {item.path}（{len(item.applied)} 件）")
        report = run.report
    report = _with_stdin_name(report, options.stdin_filename)
    named_but_not_posts = _drop_files_without_posts(report, options)
    if options.verbose:
        for result in report.files:
            state = "読めませんでした" if result.error else f"投稿 {result.posts} 件・指摘 {len(result.findings)} 件"
            _say(f"sns-lint: 点検: {result.path}（{state}）")
    _tell(report, notes, options)
    code = 2 if named_but_not_posts else report.exit_code(Severity.parse(options.fail_on))
    if options.exit_zero and code == 1:
        code = 0
    if fix_failed:
        code = 2
    try:
        write_reports(report, options, defaults_notice(config))
    except BrokenPipeError:
        # the reader went away (`| head`): the run's verdict stands
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return code


def _fix_stdin(ruleset, config: Config, options: CheckOptions) -> int:
    """``--fix -``: the fixed text goes to stdout in its own encoding, the report to stderr."""
    from sns_lint import fixing

    fixed, planned, result = fixing.fix_stdin(sys.stdin.buffer.read(), ruleset, config)
    if options.diff:
        if planned is not None:
            sys.stdout.write(fixing.unified_diff(planned))
            sys.stdout.flush()
        return 1 if planned is not None else 0
    sys.stdout.flush()
    sys.stdout.buffer.write(fixed)
    sys.stdout.buffer.flush()
    if planned is not None:
        _say(f"sns-lint: 修正しました: -（{len(planned.applied)} 件）")
    report = _with_stdin_name(Report(files=[result], rules=ruleset.rules), options.stdin_filename)
    _tell(report, [], options)
    _render(options.output_format, report, sys.stderr, options, (), color="never")
    code = report.exit_code(Severity.parse(options.fail_on))
    return 0 if options.exit_zero and code == 1 else code
