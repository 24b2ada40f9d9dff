"""The CLI's pipeline, run for the web page on a few worker threads.

A Sudachi tokenizer must not be shared between threads, and checkers keep
per-surface caches, so every worker thread has its own tokenizer (made by
``analysis.tokens`` per thread) and its own ``RuleSet``. The pool is small and
fixed: each worker holds a tokenizer for the life of the server.
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from sns_lint.analysis.post_length import PlatformLimit
from sns_lint.checking import FileResult, Report, check_source, read_posts
from sns_lint.config.model import Config
from sns_lint.errors import SnsLintError
from sns_lint.linter import RuleSet
from sns_lint.post_counting import measure_post, platform_limits
from sns_lint.posts import Post, PostMeta, SourceFile
from sns_lint.rulebook.model import Rule
from sns_lint.sources.decoding import decode_bytes

DRAFT_PATH = "下書き"  # the "file name" of text typed on the page, as reports show it
_WARM_TEXT = "市立病院の看護婦さんにお話を伺いました。詳しくは https://bit.ly/abc123 をご覧ください。#鹿児島市\n"


class CheckFailed(Exception):
    """A defect while checking; carries the exception's type name only."""


@dataclass
class FileCheck:
    """A checked file, with its posts for the page's expandable list."""

    report: Report
    source: SourceFile | None
    posts: list[Post]


def source_from_bytes(data: bytes, path: str) -> SourceFile:
    """Decode as the CLI decodes a file (UTF-8, UTF-16 with BOM, CP932 from Excel)."""
    text, encoding = decode_bytes(data, path)
    return SourceFile(path=path, text=text, encoding=encoding)


class CheckPool:
    def __init__(self, rules: list[Rule], config: Config, workers: int | None = None):
        self.rules = rules
        self.config = config
        try:
            self.limits: dict[str, PlatformLimit] = platform_limits(rules)
        except SnsLintError:
            self.limits = {}  # a rule set without a length rule: the page shows no counter
        # one person types at a time: two workers let a dropped file and the typed draft overlap
        self.workers = workers or min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2)
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sns-lint-check")

    def _ruleset(self) -> RuleSet:
        ruleset = getattr(self._local, "ruleset", None)
        if ruleset is None:
            ruleset = self._local.ruleset = RuleSet.build(self.rules, self.config)
        return ruleset

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run ``function(*args)`` on a worker thread and wait for it without blocking the server.

        A defect surfaces as ``CheckFailed`` naming only the exception's type: its message or
        traceback could quote the draft, and nothing typed may reach a log."""
        import asyncio

        try:
            return await asyncio.wrap_future(self._executor.submit(function, *args))
        except Exception as error:
            sys.stderr.write(f"sns-lint: 内部エラー: 点検中に {type(error).__name__} が起きました。\n")
            raise CheckFailed(type(error).__name__) from None

    def warm(self) -> None:
        """Load the dictionary and every checker on each worker, so the first draft is fast too."""
        barrier = threading.Barrier(self.workers)

        def warm_one() -> None:
            self.check_bytes(_WARM_TEXT.encode("utf-8"), DRAFT_PATH, PostMeta(platform="x"))
            self.measure_bytes(_WARM_TEXT.encode("utf-8"), PostMeta(platform="x"))
            barrier.wait(timeout=60)  # keeps this thread busy so each warm-up lands on its own

        for future in [self._executor.submit(warm_one) for _ in range(self.workers)]:
            future.result()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- work done on a worker thread -------------------------------------------------------

    def check_bytes(self, data: bytes, path: str, defaults: PostMeta) -> FileCheck:
        try:
            source = source_from_bytes(data, path)
        except SnsLintError as error:
            return FileCheck(Report(files=[FileResult(path=path, error=error)]), None, [])
        result = check_source(source, self._ruleset(), self.config, defaults)
        if result.skipped is not None:  # chosen by the user, as if named on the command line
            result.error, result.skipped = result.skipped, None
        posts: list[Post] = []
        if result.error is None:
            posts = read_posts(source, self.config, [], defaults)
        return FileCheck(Report(files=[result]), source, posts)

    def lookup_word(self, word: str) -> list[Any]:
        """``sns-lint explain WORD`` for the page: the rules that list the word (in any script
        or width, or a variant Sudachi reads as it) and what to write instead."""
        from sns_lint.rulebook.word_lookup import find_word

        return find_word(word, self.rules, self.config)

    def measure_bytes(self, data: bytes, defaults: PostMeta) -> dict:
        """The live counter: the draft's length the way its platform counts (X weighted)."""
        from sns_lint.checkers.post_length import PLATFORM_NAMES

        try:
            source = source_from_bytes(data, DRAFT_PATH)
            posts = read_posts(source, self.config, [], defaults) or [
                Post(source=source, index=0, offset=0, text="", meta=defaults)
            ]
            measured = measure_post(posts[0], None, self.config, self.limits, [])
        except SnsLintError as error:
            return {"platform": None, "error": error.message}
        if measured is None:
            return {"platform": None}
        return {
            "platform": measured.platform,
            "platform_name": PLATFORM_NAMES.get(measured.platform, measured.platform),
            "method": self.limits[measured.platform].count,
            "length": measured.length,
            "limit": measured.limit,
            "remaining": measured.remaining,
            "over": measured.over,
        }
