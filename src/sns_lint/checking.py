"""The pipeline for one run: sources → posts → analysis → rules → findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from functools import cached_property

from sns_lint.analysis.post_analysis import PostAnalysis
from sns_lint.config.model import Account, Config
from sns_lint.errors import InputError, NotASchedule, SnsLintError
from sns_lint.findings import Finding, Severity, Suppressed
from sns_lint.linter import FindingLimit, RuleSet
from sns_lint.posts import Post, PostMeta, SourceFile
from sns_lint.rulebook.model import Rule
from sns_lint.sources.discovery import STDIN
from sns_lint.sources.post_files import posts_from_source
from sns_lint.sources.text_files import read_source


@dataclass
class FileResult:
    path: str
    posts: int = 0
    findings: list[Finding] = field(default_factory=list)
    error: SnsLintError | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: NotASchedule | None = None  # a YAML/JSON/CSV file without posts
    source_lines: dict[int, str] = field(default_factory=dict)  # line number -> text, lines with findings
    suppressed: list[Suppressed] = field(default_factory=list)
    digest: str | None = None  # of the bytes checked, so --fix can refuse a file changed since
    encoding: str | None = None


@dataclass
class Report:
    files: list[FileResult]
    notes: list[str] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)  # the rules that ran, for reporters that describe them

    @cached_property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @cached_property
    def suppressed(self) -> list[Suppressed]:
        return [s for result in self.files for s in result.suppressed]

    @property
    def errors(self) -> list[SnsLintError]:
        return [r.error for r in self.files if r.error is not None]

    @property
    def post_count(self) -> int:
        return sum(r.posts for r in self.files)

    @cached_property
    def _source_lines(self) -> dict[str, dict[int, str]]:
        return {result.path: result.source_lines for result in self.files}

    def line_text(self, finding: Finding) -> str:
        return self.text_of_line(finding.path, finding.line)

    def text_of_line(self, path: str, line: int) -> str:
        """A line that holds the start or the end of a finding (other lines are not kept)."""
        return self._source_lines.get(path, {}).get(line, "")

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, fail_on: Severity) -> int:
        if self.errors:
            return 2
        return 1 if any(f.severity >= fail_on for f in self.findings) else 0


def resolve_account(post: Post, config: Config, warnings: list[str]) -> Account | None:
    key = config.account_override or post.meta.account or config.default_account
    if key is None:
        return None
    if config.path is None:  # the run's first line already says no policy is in use
        return None
    account = config.accounts.get(key)
    if account is None:
        known = "、".join(config.accounts) or "なし"
        raise InputError(
            f"アカウント「{key}」は {config.display_path} の accounts にありません（定義済み: {known}）。",
            post.source.path,
            post.meta_line + 1,
        )
    return account


def check_file(path: str, ruleset: RuleSet, config: Config) -> FileResult:
    try:
        source = read_source(path)
    except SnsLintError as exc:
        return FileResult(path=path, error=exc)
    return check_source(source, ruleset, config)


def read_posts(
    source: SourceFile, config: Config, warnings: list[str], defaults: PostMeta | None = None
) -> list[Post]:
    """The posts of a decoded file that have text. ``defaults`` fill the metadata a post leaves
    unset (the account and platform chosen on the web page); a post's own metadata wins."""
    posts = [p for p in posts_from_source(source, config, warnings) if p.text.strip()]
    if defaults is not None:
        posts = [replace(p, meta=_with_defaults(p.meta, defaults)) for p in posts]
    return posts


def _with_defaults(meta: PostMeta, defaults: PostMeta) -> PostMeta:
    unset = {
        f.name: getattr(defaults, f.name)
        for f in fields(meta)
        if not getattr(meta, f.name) and getattr(defaults, f.name)
    }
    return replace(meta, **unset) if unset else meta


def check_source(
    source: SourceFile, ruleset: RuleSet, config: Config, defaults: PostMeta | None = None
) -> FileResult:
    """Every post of one decoded file through every rule."""
    path = source.path
    result = FileResult(path=path, digest=source.digest, encoding=source.encoding)
    try:
        posts = read_posts(source, config, result.warnings, defaults)
        if not posts:
            result.notes.append(f"{path}: 空のファイルです（点検する本文がありません）。")
        analyses = [PostAnalysis(p, config, resolve_account(p, config, result.warnings)) for p in posts]
        limit = FindingLimit()  # per rule per file: a draft full of one word is not a million findings
        for analysis in analyses:
            outcome = ruleset.check_post(analysis, limit)
            result.findings.extend(outcome.findings)
            result.suppressed.extend(outcome.suppressed)
            result.warnings.extend(f"{path}: {note}" for note in analysis.notes)
        summaries = limit.summaries(ruleset)
        if summaries:
            result.findings.extend(summaries)
            result.findings.sort(key=Finding.sort_key)
        # only the lines a reporter shows travel back from a worker process, not the file
        shown = [*result.findings, *(s.finding for s in result.suppressed)]
        lines = {line for f in shown for line in (f.line, f.end_line)}
        result.source_lines = {line: source.lines.line_text(line) for line in lines}
        result.posts = len(posts)
    except NotASchedule as exc:
        result.skipped = exc
    except SnsLintError as exc:
        result.error = exc
        result.findings.clear()
        result.suppressed.clear()
    return result


AUTO_PARALLEL_MIN_BYTES = 1_000_000  # below this, starting workers costs more than it saves

_worker_state: tuple[RuleSet, Config] | None = None


def _init_worker(rules: "RuleSet | list", config: Config) -> None:
    global _worker_state
    ruleset = rules if isinstance(rules, RuleSet) else RuleSet.build(rules, config, directives=False)
    _worker_state = (ruleset, config)


def _check_in_worker(path: str) -> FileResult:
    assert _worker_state is not None
    ruleset, config = _worker_state
    return check_file(path, ruleset, config)


def _total_bytes(files: list[str]) -> int:
    import os

    total = 0
    for path in files:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
    return total


def usable_cpus() -> int:
    import os

    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def effective_jobs(requested: int | None, files: list[str], notes: list[str] | None = None) -> int:
    """``None`` or 0 means automatic: every core, once there is enough text to pay for the workers.

    More workers than usable CPUs only cost memory and start-up time: a larger request is
    capped, with a note."""
    cpus = usable_cpus()
    if requested:
        jobs = requested
        if jobs > cpus:
            jobs = cpus
            if notes is not None:
                notes.append(f"--jobs {requested} は使える CPU の数（{cpus}）に合わせました。")
    elif STDIN in files or _total_bytes(files) < AUTO_PARALLEL_MIN_BYTES:
        jobs = 1
    else:
        jobs = cpus
    return max(1, min(jobs, len(files)))


def check_paths(
    files: list[str],
    ruleset: RuleSet,
    config: Config,
    jobs: int | None = 1,
    on_file: "Callable[[FileResult], None] | None" = None,
) -> Report:
    """Check every file; ``on_file`` hears about each result as it arrives (a progress bar)."""
    notes: list[str] = []
    jobs = effective_jobs(jobs, files, notes)
    if jobs == 1 or STDIN in files:
        results = (check_file(path, ruleset, config) for path in files)
        return Report(files=_collect(results, on_file), rules=ruleset.rules, notes=notes)
    return Report(files=_check_in_pool(files, ruleset, config, jobs, on_file), rules=ruleset.rules, notes=notes)


def _check_in_pool(
    files: list[str], ruleset: RuleSet, config: Config, jobs: int, on_file: "Callable[[FileResult], None] | None"
) -> list[FileResult]:
    """Workers ignore SIGINT: Ctrl-C (to the parent or to the whole group) is the parent's to
    handle, which stops the workers at once and leaves with KeyboardInterrupt."""
    import multiprocessing
    import signal
    import threading

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # forked workers inherit the built rule set (word indexes included) as it is; spawned ones rebuild it
    built = ruleset if "fork" in methods else list(ruleset.rules.values())
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
    try:  # the workers start here and inherit the ignored SIGINT
        pool = context.Pool(jobs, initializer=_init_worker, initargs=(built, config))
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)
    try:
        results = _collect(pool.imap(_check_in_worker, files, chunksize=chunk), on_file)
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()
    return results


def _collect(results: "Iterable[FileResult]", on_file: "Callable[[FileResult], None] | None") -> list[FileResult]:
    collected = []
    for result in results:
        collected.append(result)
        if on_file is not None:
            on_file(result)
    return collected
