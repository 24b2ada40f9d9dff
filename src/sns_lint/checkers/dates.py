"""``dates``: dates written in the post are real and consistent (5-4: accurate information).

Rule data ``problem`` picks what the rule reports, from the shared dates analysis
(``analysis.dates``):

- ``weekday``: the written weekday is not the date's (suggestion: the right weekday, a
  one-character replacement of the written one);
- ``impossible``: 2月30日, 13月1日, 2月29日 outside a leap year;
- ``era``: an era year that disagrees with the western year beside it (令和7(2024)年);
- ``holiday-mark``: 祝 on a day that is not a national holiday;
- ``holiday-unmarked``: a national holiday written with a weekday but without 祝, in a
  sentence that says the office or counter is open (``open_words``);
- ``range-order``: a range whose end is before its start;
- ``weekday-conflict``: two dates with the same written weekday that cannot both be right
  (whatever the year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.japanese_calendar import WEEKDAY_CHARS, holiday_name
from sns_lint.analysis.literal_patterns import longest_first
from sns_lint.checkers import Hit, RuleContext

KEYS = ("problem", "open_words")
PLACEHOLDERS = ("date", "written", "actual", "holiday", "era", "era_year", "west_year", "other")
PROBLEMS = ("weekday", "impossible", "era", "holiday-mark", "holiday-unmarked", "range-order", "weekday-conflict")


@dataclass(frozen=True)
class DatesData:
    problem: str
    open_words: re.Pattern | None = None


def prepare(raw: dict, context: RuleContext) -> DatesData:
    problem = raw.get("problem")
    if problem not in PROBLEMS:
        context.fail(f"problem は {', '.join(PROBLEMS)} のいずれかで書いてください。", raw, "problem" if "problem" in raw else None)
    words = None
    if problem == "holiday-unmarked":
        listed = context.strings(raw, "open_words", required=True)
        words = re.compile(longest_first(listed))
    return DatesData(problem, words)


class Checker:
    def __init__(self, rules: list[tuple[Any, DatesData]]):
        self._rules = rules
        self._handlers = [(getattr(self, "_" + data.problem.replace("-", "_")), rule, data) for rule, data in rules]

    def check(self, analysis: Any) -> Iterator[Hit]:
        dates = analysis.dates
        if not dates.mentions and not dates.era_conflicts:
            return
        for handler, rule, data in self._handlers:
            yield from handler(rule, data, dates, WEEKDAY_CHARS)

    def _weekday(self, rule, data, dates, names) -> Iterator[Hit]:
        for m in dates.mentions:
            value = m.value
            if value is None or m.weekday is None or value.weekday() == m.weekday:
                continue
            start, end = m.weekday_span
            yield Hit(
                rule.id, start, end,
                {"date": m.label, "written": names[m.weekday], "actual": names[value.weekday()]},
                suggestion=names[value.weekday()],
                replacements=(names[value.weekday()],),  # --fix writes the right weekday
            )

    def _impossible(self, rule, data, dates, names) -> Iterator[Hit]:
        for m in dates.mentions:
            if not m.valid:
                yield Hit(rule.id, m.start, m.end, {"date": m.label})

    def _era(self, rule, data, dates, names) -> Iterator[Hit]:
        for c in dates.era_conflicts:
            yield Hit(rule.id, c.start, c.end, {"era": c.era, "era_year": c.era_year, "west_year": c.west_year})

    def _holiday_mark(self, rule, data, dates, names) -> Iterator[Hit]:
        for m in dates.mentions:
            value = m.value
            if value is not None and m.holiday_mark and not holiday_name(value):
                yield Hit(rule.id, *m.mark_span, {"date": m.label, "actual": names[value.weekday()]})

    def _holiday_unmarked(self, rule, data, dates, names) -> Iterator[Hit]:
        if not data.open_words.search(dates.text):  # one search per post before any sentence
            return
        for m in dates.mentions:
            value = m.value
            if value is None or m.weekday is None or m.holiday_mark:
                continue
            if not data.open_words.search(dates.sentence_of(m)):
                continue
            name = holiday_name(value)
            if name:
                yield Hit(rule.id, *m.weekday_span, {"date": m.label, "holiday": name, "written": names[m.weekday]})

    def _range_order(self, rule, data, dates, names) -> Iterator[Hit]:
        for m in dates.mentions:
            first = m.range_start
            if first is None or m.value is None or first.value is None:
                continue
            if m.value < first.value:
                yield Hit(rule.id, m.start, m.end, {"date": m.label, "other": first.label})

    def _weekday_conflict(self, rule, data, dates, names) -> Iterator[Hit]:
        seen: dict[int, Any] = {}
        for m in dates.mentions:
            value = m.value
            if value is None or m.weekday is None:
                continue
            earlier = seen.get(m.weekday)
            if earlier is not None and earlier.value != value and (value - earlier.value).days % 7:
                # underline the one whose weekday is wrong in its year (the later one if both),
                # where date-weekday, which supersedes this rule, usually says the same
                wrong, right = (earlier, m) if value.weekday() == m.weekday else (m, earlier)
                yield Hit(
                    rule.id, *wrong.weekday_span,
                    {"date": wrong.label, "other": right.label, "written": names[m.weekday]},
                )
            else:
                seen[m.weekday] = m
