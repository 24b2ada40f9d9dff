"""Dates in the text (5-4): the forms the detector reads, the year rule, and precision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sns_lint.analysis.dates import find_dates, infer_year
from sns_lint.rulebook.loading import load_rules
from sns_lint.rulebook.model import Example
from tests.rule_harness import findings_for_example

DATA = Path(__file__).parent / "data"
REFERENCE = date(2026, 11, 20)
RULES = {rule.id: rule for rule in load_rules()}
DATE_AND_HOURS_RULES = [rule for rule in RULES.values() if rule.clause in ("5-4", "5-9")]


def labels(text: str, reference: date = REFERENCE) -> list[tuple[str, str | None]]:
    weekdays = "月火水木金土日"
    return [
        (m.label, weekdays[m.weekday] if m.weekday is not None else None)
        for m in find_dates(text, reference).mentions
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12月1日（火）", [("2026年12月1日", "火")]),
        ("12/1(火)", [("2026年12月1日", "火")]),
        ("１２／１（火）", [("2026年12月1日", "火")]),
        ("申込は12/1(火)まで", [("2026年12月1日", "火")]),
        ("番号A12/1(火)", []),
        ("2026年12月1日（火曜日）", [("2026年12月1日", "火")]),
        ("令和8年12月1日（火）", [("2026年12月1日", "火")]),
        ("令和元年5月1日(水)", [("2019年5月1日", "水")]),
        ("令和6(2024)年12月28日", [("2024年12月28日", None)]),
        ("1月11日（月・祝）", [("2027年1月11日", "月")]),
        ("2月 8日(月)", [("2027年2月8日", "月")]),
        ("１２月　１日 (火)", [("2026年12月1日", "火")]),
        ("十二月一日（火）", [("2026年12月1日", "火")]),
        ("二十一日", []),
        ("12月1日火曜日", [("2026年12月1日", "火")]),
        ("12月1日（火）〜3日（木）", [("2026年12月1日", "火"), ("2026年12月3日", "木")]),
        ("12月1日（火）から12月3日（木）まで", [("2026年12月1日", "火"), ("2026年12月3日", "木")]),
        ("9月24日(水)、25日(木)", [("2026年9月24日", "水"), ("2026年9月25日", "木")]),
        ("第2月曜日と第4水曜日", []),
        ("約3/4の方", []),
        ("https://example.jp/2024/12/01/a.html", []),
    ],
)
def test_date_forms(text, expected):
    assert labels(text) == expected


def test_range_end_takes_the_start_year_across_the_year_boundary():
    found = find_dates("2026年12月28日（月）～1月4日（月）", date(2026, 6, 1)).mentions
    assert [m.value for m in found] == [date(2026, 12, 28), date(2027, 1, 4)]
    assert found[1].range_start is found[0]


def test_a_written_year_carries_to_later_dates_of_the_post():
    found = find_dates("2024年12月1日（日）に始め、2月1日（土）に終えました。", date(2026, 11, 20)).mentions
    assert [m.value for m in found] == [date(2024, 12, 1), date(2025, 2, 1)]


# The year rule (README 「年の補い方」): a yearless date is read in the year that puts it from
# 3 months before to 9 months after the reference day.
@pytest.mark.parametrize(
    "reference, month, day, year",
    [
        (date(2026, 11, 20), 12, 1, 2026),  # 12月 written in November: this year
        (date(2026, 12, 20), 1, 5, 2027),  # 1月 written in December: next year
        (date(2026, 12, 31), 1, 1, 2027),  # the boundary itself
        (date(2027, 1, 1), 12, 31, 2026),  # the day after: last December is the past, close by
        (date(2027, 1, 10), 12, 20, 2026),
        (date(2026, 11, 20), 8, 20, 2026),  # 92 days back is still the recent past
        (date(2026, 11, 20), 8, 19, 2027),  # 93 days back: read as next year's
    ],
)
def test_year_inference_at_the_boundary(reference, month, day, year):
    assert infer_year(month, day, reference) == year


def test_weekday_is_judged_in_the_inferred_year_at_the_boundary():
    rule = RULES["date-weekday"]
    december = Example(text="1月5日（火）から受け付けます。", at="2026-12-20T09:00")  # 2027-01-05: Tuesday
    assert not findings_for_example(rule, december)
    wrong = Example(text="1月5日（月）から受け付けます。", at="2026-12-20T09:00")
    [finding] = findings_for_example(rule, wrong)
    assert finding.text == "月" and finding.suggestion == "火"
    assert "2027年1月5日" in finding.message


def test_scheduled_at_comes_before_at_for_the_year():
    rule = RULES["date-weekday"]
    # published in December 2025: 1月5日 is 2026-01-05, a Monday
    example = Example(text="1月5日（月）から受け付けます。", scheduled_at="2025-12-20T10:00", at="2025-12-01T09:00")
    assert not findings_for_example(rule, example)


def test_wrong_weekday_suggestion_is_one_replacement_of_the_written_weekday():
    rule = RULES["date-weekday"]
    text = "説明会は令和8年12月1日（水曜日）です。"
    [finding] = findings_for_example(rule, Example(text=text))
    assert text[finding.start : finding.end] == "水"
    fixed = text[: finding.start] + finding.suggestion + text[finding.end :]
    assert not findings_for_example(rule, Example(text=fixed))


def test_each_problem_names_what_is_wrong():
    cases = {
        "date-impossible": ("2月30日に開催します。", "2月30日"),
        "date-era-mismatch": ("令和7(2024)年に開催しました。", "2025"),
        "date-holiday-mark": ("12月1日（火・祝）に開催します。", "祝日ではありません"),
        "date-holiday-unmarked": ("11月23日（月）は窓口を開けます。", "勤労感謝の日"),
        "date-range-order": ("12月3日～12月1日に開催します。", "より前"),
        "date-weekday-conflict": ("12月1日（水）と12月2日（水）です。", "同じ水曜日"),
    }
    for rule_id, (text, expected) in cases.items():
        found = findings_for_example(RULES[rule_id], Example(text=text, at="2026-11-01T09:00"))
        assert [expected in f.message for f in found] == [True], (rule_id, [f.message for f in found])


def ordinary_sentences() -> list[str]:
    lines = (DATA / "dates-ordinary-sentences.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_there_are_at_least_100_ordinary_sentences_with_most_carrying_a_weekday():
    sentences = ordinary_sentences()
    assert len(sentences) >= 100
    with_weekday = [s for s in sentences if any(m.weekday is not None for m in find_dates(s, REFERENCE).mentions)]
    assert len(with_weekday) >= 90


@pytest.mark.parametrize("sentence", ordinary_sentences())
def test_ordinary_sentences_produce_no_date_or_hours_finding(sentence):
    example = Example(text=sentence, at="2026-11-20T09:00")
    for rule in DATE_AND_HOURS_RULES:
        fired = findings_for_example(rule, example)
        assert not fired, f"{rule.id}: {[f.message for f in fired]}"


def test_holiday_names_agree_with_jpholiday_on_every_day_of_2018_to_2021():
    """The shortcut that asks ``jpholiday`` only near a holiday of the law still finds every
    振替休日 and 国民の休日, and the one-off days of 2019 (accession, enthronement)."""
    import jpholiday
    from datetime import timedelta

    from sns_lint.analysis.japanese_calendar import holiday_name

    day, differ = date(2018, 1, 1), []
    while day.year < 2022:
        if holiday_name(day) != jpholiday.is_holiday_name(day):
            differ.append(day)
        day += timedelta(days=1)
    assert differ == []
    assert holiday_name(date(2019, 4, 30)) == "国民の休日"
    assert holiday_name(date(2019, 5, 6)) == "こどもの日 振替休日"
    assert holiday_name(date(2019, 5, 1)) is not None and holiday_name(date(2019, 5, 7)) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("１２　月１日（火）に開きます", [("2026年12月1日", 0, 9)]),
        ("12 \t月1日(火)", [("2026年12月1日", 0, 10)]),
        ("令和8年 十二月 一日（火）", [("2026年12月1日", 0, 14)]),
        ("2026年1月2月3日", [("2027年2月3日", 7, 11)]),  # the year belongs to 1月, which has no day
    ],
)
def test_spaces_before_month_and_full_width_digits_keep_the_whole_date(text, expected):
    found = find_dates(text, REFERENCE).mentions
    assert [(m.label, m.start, m.end) for m in found] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026/12/1(火)と12/3(木)", [("2026年12月1日", 0, 12), ("2026年12月3日", 13, 20)]),
        ("https://example.jp/2026/12/1/ は 12／4（金）", [("2026年12月4日", 32, 39)]),
        ("1/2/3 と 3/4 は日付ではありません", []),
    ],
)
def test_slashed_dates_are_read_and_paths_and_fractions_are_not(text, expected):
    found = find_dates(text, REFERENCE).mentions
    assert [(m.label, m.start, m.end) for m in found] == expected


@pytest.mark.parametrize(
    "text, reference, years",
    [
        # a fiscal year runs April to March: its January is in the next calendar year
        ("令和8年度の説明会は1月15日（金）です。", date(2026, 3, 1), [2027]),
        ("2026年度は4月5日（日）と3月7日（日）に開催します。", date(2026, 3, 1), [2026, 2027]),
        ("令和 8 年度　納期限：1月31日（日）", date(2026, 6, 1), [2027]),
        # a fiscal year in an earlier sentence says nothing about this one
        ("令和8年度の予算が決まりました。説明会は1月15日（木）です。", date(2026, 1, 5), [2026]),
        # nor does one after the date
        ("1月15日（木）に令和8年度の説明会を開きます。", date(2026, 1, 5), [2026]),
    ],
)
def test_a_fiscal_year_gives_its_year_to_the_dates_after_it_in_the_sentence(text, reference, years):
    found = find_dates(text, reference).mentions
    assert [m.year for m in found] == years
    assert all(m.weekday is None or m.weekday == date(m.year, m.month, m.day).weekday() for m in found)



@pytest.mark.parametrize("text", ["9999年度の1月7日（土）に開催", "0000年度の4月7日（土）", "9999年12月31日（金）〜1月1日（土）"])
def test_a_year_past_the_calendar_is_an_impossible_date_not_a_crash(text):
    found = find_dates(text, REFERENCE).mentions
    assert found and not all(m.valid for m in found)


def test_a_birth_date_range_gives_no_year_to_a_deadline_in_the_next_sentence():
    """Vaccination notices name who is eligible by birth date, then a deadline: the deadline is
    read against the reference day, not decades back (2027-02-28 is a Sunday)."""
    text = "対象は昭和37年4月2日～昭和54年4月1日生まれの男性です。有効期限は2月28日（日）です。"
    found = find_dates(text, date(2026, 12, 1)).mentions
    assert [m.value for m in found] == [date(1962, 4, 2), date(1979, 4, 1), date(2027, 2, 28)]
    assert found[-1].weekday == found[-1].value.weekday()  # 日 is right: no finding
    # a recent year still carries across sentences, and an old one within its own sentence
    recent = find_dates("2026年12月25日（金）に締め切ります。結果は1月8日（金）に送ります。", date(2026, 12, 1)).mentions
    assert recent[-1].value == date(2027, 1, 8)


def test_the_written_weekday_decides_between_the_fiscal_year_and_the_reference_day():
    """Tax notices name the fiscal year the tax belongs to and a filing period before it starts."""
    text = "令和9年度の市県民税の申告期間は2月16日（火）～3月15日（月）です。"
    found = find_dates(text, date(2026, 12, 1)).mentions
    assert [m.value for m in found] == [date(2027, 2, 16), date(2027, 3, 15)]
    # both readings give the same year: a wrong weekday is still wrong (2027-01-15 is a Friday)
    [wrong] = find_dates("令和8年度の講座は1月15日（木）に開きます。", date(2026, 12, 1)).mentions
    assert wrong.value == date(2027, 1, 15) and wrong.weekday != wrong.value.weekday()
    # without a weekday the fiscal year rules: January of 令和8年度 is January 2027
    [plain] = find_dates("令和8年度の講座は1月15日に開きます。", date(2026, 6, 1)).mentions
    assert plain.value == date(2027, 1, 15)
