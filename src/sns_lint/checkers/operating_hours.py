"""``schedule``: when a post goes out (5-9: inside the account's operating hours).

Rule data ``check`` picks what the rule reports:

- ``hours``: a post scheduled (``scheduled_at``, or ``--at`` for a plain draft) outside the
  account's ``hours``; the suggestion is the next allowed time in ISO form;
- ``past``: a ``scheduled_at`` already before ``--at``/now, which will never go out as planned;
- ``emergency``: records that an ``emergency: true`` post outside the hours was let through.

Posts marked ``published: true`` are history and are not judged. The finding underlines the
line where ``scheduled_at`` is written (front matter, schedule entry, CSV row); for a plain
draft judged with ``--at``, the post's first line: the problem is the time, not a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.operating_hours import judge, moment_label, window_label
from sns_lint.analysis.post_length import body_bounds
from sns_lint.checkers import Hit, RuleContext

KEYS = ("check",)
PLACEHOLDERS = ("window", "when", "reason", "next", "scheduled", "now")
CHECKS = ("hours", "past", "emergency")


@dataclass(frozen=True)
class ScheduleData:
    check: str


def prepare(raw: dict, context: RuleContext) -> ScheduleData:
    check = raw.get("check")
    if check not in CHECKS:
        context.fail(f"check は {', '.join(CHECKS)} のいずれかで書いてください。", raw, "check" if "check" in raw else None)
    return ScheduleData(check)


def _first_line(text: str) -> tuple[int, int]:
    start, end = body_bounds(text)  # the post without its blank edges, without copying it
    newline = text.find("\n", start)
    return start, (end if newline == -1 else newline)


class Checker:
    def __init__(self, rules: list[tuple[Any, ScheduleData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        meta = analysis.post.meta
        if meta.published:
            return
        if meta.scheduled_at is None and analysis.config.at is None:
            return  # a plain draft without --at: no moment to judge
        scheduled = analysis.scheduled_at if meta.scheduled_at is not None else None
        moment = scheduled if scheduled is not None else (analysis.now if analysis.config.at is not None else None)
        if moment is None:
            return
        start, end = _first_line(analysis.text)
        where = meta.scheduled_span if scheduled is not None else None
        for rule, data in self._rules:
            if data.check == "past":
                if scheduled is not None and scheduled < analysis.now:
                    values = {"scheduled": moment_label(scheduled), "now": moment_label(analysis.now)}
                    yield Hit(rule.id, start, end, values, file_span=where)
                continue
            hours = analysis.account.hours if analysis.account is not None else None
            if hours is None or (data.check == "hours") == meta.emergency:
                continue
            verdict = judge(hours, moment)
            if verdict.inside:
                continue
            following = verdict.next_open
            values = {
                "window": window_label(hours),
                "when": moment_label(moment),
                "reason": verdict.reason,
                "next": moment_label(following) if following else "（1 年以内にありません）",
            }
            suggestion = following.isoformat(timespec="minutes") if following and data.check == "hours" else None
            yield Hit(rule.id, start, end, values, suggestion=suggestion, file_span=where)
