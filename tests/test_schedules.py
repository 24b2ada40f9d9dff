"""Schedule files (YAML, JSON, CSV) and operating hours (5-9) through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write

POLICY = """\
timezone: Asia/Tokyo
default_account: koho-x
own_domains: [city.kagoshima.lg.jp]
accounts:
  koho-x:
    platform: x
    hours:
      days: [mon, tue, wed, thu, fri]
      start: "08:30"
      end: "17:15"
      holidays: closed
      closed: ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03", "2026-12-18"]
"""
AT = ("--at", "2026-11-20T09:00")


def policy(tmp_path: Path, extra: str = "") -> None:
    write(tmp_path / "sns-lint.yaml", POLICY + extra)


def findings(result, rule: str | None = None) -> list[dict]:
    found = result.json()["findings"]
    return [f for f in found if rule is None or f["rule"] == rule]


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ----------------------------------------------------------------------------- YAML / JSON

YAML_SCHEDULE = """\
# 12月第1週の予約投稿
posts:
  - id: gomi-1201
    account: koho-x
    platform: x
    scheduled_at: "2026-12-01T10:00"
    text: |
      【ごみ収集】年末年始の収集日のお知らせです。
      12月29日（火）から1月3日（日）までは収集を休みます。
      初回は1月4日（水）です。
  - id: event-1205
    scheduled_at: "2026-12-05T10:00"
    text: >
      市民文化ホールで
      12月5日（土）に音楽祭を開きます。
  - id: quoted
    scheduled_at: "2026-12-02T23:30+09:00"
    text: "防災メール \\"登録\\" のお願い。12月2日（木）まで"
"""


def test_yaml_findings_point_inside_block_scalars(cli, tmp_path):
    policy(tmp_path)
    write(tmp_path / "week.yaml", YAML_SCHEDULE)
    result = cli("check", "week.yaml", "-f", "json", *AT)
    assert result.code == 1, result.stderr
    weekday = findings(result, "date-weekday")
    # the literal block: 1月4日 is a Monday in 2027
    literal = next(f for f in weekday if f["post"] == 0)
    assert (literal["line"], literal["column"]) == position(YAML_SCHEDULE, "水）です")
    assert literal["text"] == "水" and literal["suggestion"] == "月"
    # the double-quoted scalar with escapes: 12月2日 is a Wednesday
    quoted = next(f for f in weekday if f["post"] == 2)
    assert (quoted["line"], quoted["column"]) == position(YAML_SCHEDULE, "木）まで")
    hours = findings(result, "operating-hours")
    assert {f["post"] for f in hours} == {1, 2}  # Saturday 10:00 and Wednesday 23:30
    saturday = next(f for f in hours if f["post"] == 1)
    # the time is the problem: the finding underlines the entry's scheduled_at line (a CI
    # annotation lands there), not the text
    assert (saturday["line"], saturday["column"]) == position(YAML_SCHEDULE, 'scheduled_at: "2026-12-05T10:00"')
    assert saturday["text"] == 'scheduled_at: "2026-12-05T10:00"'
    assert (saturday["end_line"], saturday["end_column"]) == (saturday["line"], saturday["column"] + len(saturday["text"]))
    assert "平日 8:30〜17:15" in saturday["message"]
    assert "12月7日（月）8:30" in saturday["message"]
    assert saturday["suggestion"] == "2026-12-07T08:30+09:00"


def test_json_schedule_post_is_the_list_index_and_columns_survive_escapes(cli, tmp_path):
    policy(tmp_path)
    document = {
        "posts": [
            {"id": "a", "scheduled_at": "2026-12-01T10:00", "text": "平日の投稿です。"},
            {"id": "b", "scheduled_at": "2026-12-06T01:00:00Z", "text": "改行\nと \"引用\" 🌋 の後の 12月8日（水）"},
        ]
    }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    write(tmp_path / "week.json", text)
    result = cli("check", "week.json", "-f", "json", *AT)
    [weekday] = findings(result, "date-weekday")
    assert weekday["post"] == 1 and weekday["text"] == "水" and weekday["suggestion"] == "火"
    assert (weekday["line"], weekday["column"]) == position(text, "水）")
    [hours] = findings(result, "operating-hours")
    assert hours["post"] == 1  # 01:00 UTC on Sunday is 10:00 Sunday in Tokyo
    assert "日曜日" in hours["message"]
    assert (hours["line"], hours["column"]) == position(text, '"scheduled_at": "2026-12-06T01:00:00Z"')


def test_a_schedule_entry_without_text_names_its_line(cli, tmp_path):
    write(tmp_path / "bad.yaml", "posts:\n  - id: a\n    scheduled_at: \"2026-12-01T10:00\"\n")
    result = cli("check", "bad.yaml")
    assert result.code == 2
    assert "bad.yaml:2" in result.stderr and "text" in result.stderr


def test_yaml_without_posts_is_skipped_in_a_folder_and_an_error_when_named(cli, tmp_path):
    policy(tmp_path)
    write(tmp_path / "content" / "config.yaml", "title: サイトの設定\n")
    write(tmp_path / "content" / "list.csv", "氏名,電話\n山田,099\n")
    write(tmp_path / "content" / "draft.txt", "市からのお知らせです。\n")
    quiet = cli("check", "content", "-f", "json")
    assert quiet.code == 0 and quiet.json()["summary"]["files"] == 1
    assert "config.yaml" not in quiet.stderr
    verbose = cli("check", "content", "-f", "json", "--verbose")
    assert "config.yaml" in verbose.stderr and "読み飛ばし" in verbose.stderr
    assert "list.csv" in verbose.stderr
    named = cli("check", "content/config.yaml")
    assert named.code == 2 and "posts:" in named.stderr


# ----------------------------------------------------------------------------- CSV

def test_csv_with_header_in_any_order_points_at_the_row_and_the_column_in_the_cell(cli, tmp_path):
    policy(tmp_path)
    text = (
        "text,platform,scheduled_at,account\n"
        "平日の投稿です。,x,2026-12-01 10:00,koho-x\n"
        "\"1行目\n\"\"引用\"\", 12月9日（木）の催し\",x,2026-12-02 10:00,koho-x\n"
        "夜の投稿です。,x,2026-12-02 20:00,koho-x\n"
    )
    write(tmp_path / "bulk.csv", text)
    result = cli("check", "bulk.csv", "-f", "json", *AT)
    [weekday] = findings(result, "date-weekday")
    assert weekday["post"] == 1
    assert (weekday["line"], weekday["column"]) == position(text, "木）の催し")
    [hours] = findings(result, "operating-hours")
    assert hours["post"] == 2 and hours["line"] == 5


def test_cp932_csv_from_excel_with_bom_less_crlf(cli, tmp_path):
    policy(tmp_path)
    text = "scheduled_at,account,text\r\n2026/12/05 10:00,koho-x,土曜の朝の投稿です。12月5日（土）\r\n"
    (tmp_path / "excel.csv").write_bytes(text.encode("cp932"))
    result = cli("check", "excel.csv", "-f", "json", *AT)
    [hours] = findings(result, "operating-hours")
    # the finding underlines the cell holding the time (CRLF counts as one line break)
    assert (hours["line"], hours["column"]) == position(text.replace("\r\n", "\n"), "2026/12/05 10:00")
    assert hours["text"] == "2026/12/05 10:00"
    assert "土曜日" in hours["message"]


def test_utf8_bom_csv(cli, tmp_path):
    policy(tmp_path)
    text = "\ufefftext,scheduled_at\n日曜の投稿です。,2026-12-06T10:00\n"
    write(tmp_path / "bom.csv", text)
    result = cli("check", "bom.csv", "-f", "json", *AT)
    assert [f["rule"] for f in findings(result)] == ["operating-hours"]


@pytest.mark.parametrize(
    "rows, expected",
    [
        # month/day, Sprout's default; an extra column (link) is ignored
        ("date,time_24hr,message_text,link\n12/01/2026,10:00,平日の投稿です。,\n12/05/2026,10:00,土曜の投稿です。,\n",
         "12月5日（土）10:00"),
        # day/month, recognised by a first number above 12 in the file
        ("date,time_24hr,message_text\n01/12/2026,10:00,平日の投稿です。\n13/12/2026,10:00,日曜の投稿です。\n",
         "12月13日（日）10:00"),
    ],
)
def test_sprout_social_layout(cli, tmp_path, rows, expected):
    policy(tmp_path)
    write(tmp_path / "sprout.csv", rows)
    result = cli("check", "sprout.csv", "-f", "json", *AT)
    [hours] = findings(result, "operating-hours")
    assert hours["post"] == 1 and hours["line"] == 3
    assert expected in hours["message"]
    # date and time sit in two cells: the finding spans both, not the message
    assert hours["text"] == rows.splitlines()[2][: len(hours["text"])] and "投稿" not in hours["text"]
    assert hours["column"] == 1 and "10:00" in hours["text"]


def test_hootsuite_headerless_layout_with_url_column(cli, tmp_path):
    policy(tmp_path)
    text = (
        "12/01/2026 10:00,平日の投稿です。,https://www.city.kagoshima.lg.jp/a.html\n"
        "12/01/2026 18:00,夕方の投稿です。,https://bit.ly/3abcde\n"
    )
    write(tmp_path / "hootsuite.csv", text)
    result = cli("check", "hootsuite.csv", "-f", "json", *AT)
    [hours] = findings(result, "operating-hours")
    assert hours["post"] == 1 and hours["line"] == 2
    # the URL cell is part of the post: the shortened URL is found in its own cell
    [short] = findings(result, "shortened-url")
    assert (short["line"], short["column"]) == position(text, "https://bit.ly")


def test_policy_maps_other_column_names_and_date_format(cli, tmp_path):
    policy(tmp_path, 'schedule_csv:\n  columns: {text: 本文, scheduled_at: 投稿日時, account: アカウント}\n  date_format: "%Y年%m月%d日 %H時%M分"\n')
    text = "投稿日時,アカウント,本文\n2026年12月01日 10時00分,koho-x,平日です。\n2026年12月01日 22時00分,koho-x,夜です。\n"
    write(tmp_path / "export.csv", text)
    result = cli("check", "export.csv", "-f", "json", *AT)
    [hours] = findings(result, "operating-hours")
    assert hours["post"] == 1 and hours["text"] == "2026年12月01日 22時00分"


def test_unreadable_csv_time_is_a_clear_error(cli, tmp_path):
    write(tmp_path / "bad.csv", "text,scheduled_at\n投稿です。,来週の月曜\n")
    result = cli("check", "bad.csv")
    assert result.code == 2
    assert "bad.csv:2" in result.stderr and "来週の月曜" in result.stderr
    assert "Traceback" not in result.stderr


# ----------------------------------------------------------------------------- --at and the hours

def test_plain_draft_is_judged_only_with_at(cli, tmp_path):
    policy(tmp_path)
    write(tmp_path / "draft.txt", "市からのお知らせです。\n")
    assert cli("check", "draft.txt").code == 0
    late = cli("check", "draft.txt", "-f", "json", "--at", "2026-12-01T22:00")
    [hours] = findings(late, "operating-hours")
    assert hours["suggestion"] == "2026-12-02T08:30+09:00"
    assert "12月2日（水）8:30" in hours["message"]
    # no time written in the file: the finding underlines the post's first line
    assert (hours["line"], hours["column"], hours["text"]) == (1, 1, "市からのお知らせです。")
    assert cli("check", "draft.txt", "--at", "now").code in (0, 1)


def test_front_matter_time_is_where_the_finding_points(cli, tmp_path):
    policy(tmp_path)
    text = "---\naccount: koho-x\nscheduled_at: 2026-12-05T10:00  \n---\n土曜日のお知らせです。\n"
    write(tmp_path / "draft.md", text)
    [hours] = findings(cli("check", "draft.md", "-f", "json", *AT), "operating-hours")
    assert (hours["line"], hours["column"], hours["text"]) == (3, 1, "scheduled_at: 2026-12-05T10:00")
    assert hours["end_line"] == 3 and hours["end_column"] == 1 + len(hours["text"])


def test_at_in_utc_is_converted_to_the_policy_zone(cli, tmp_path):
    policy(tmp_path)
    write(tmp_path / "draft.txt", "市からのお知らせです。\n")
    # 01:00 UTC is 10:00 in Tokyo: inside
    assert cli("check", "draft.txt", "--at", "2026-12-01T01:00Z").code == 0
    assert cli("check", "draft.txt", "--at", "2026-12-01T09:00Z").code == 1  # 18:00 Tokyo


def test_bad_at_is_a_usage_error(cli, tmp_path):
    write(tmp_path / "draft.txt", "市からのお知らせです。\n")
    result = cli("check", "draft.txt", "--at", "あした")
    assert result.code == 2 and "--at" in result.stderr and "Traceback" not in result.stderr


def test_past_schedule_warns_and_published_posts_are_history(cli, tmp_path):
    policy(tmp_path)
    write(
        tmp_path / "old.yaml",
        "posts:\n"
        "  - {scheduled_at: \"2026-11-02T10:00\", text: 先月の予約です。}\n"
        "  - {scheduled_at: \"2026-11-01T10:00\", published: true, text: 日曜に送信済みの投稿です。}\n",
    )
    result = cli("check", "old.yaml", "-f", "json", *AT)
    rules = [(f["rule"], f["post"]) for f in findings(result)]
    assert rules == [("scheduled-in-past", 0)]


def test_emergency_post_at_night_is_exempt_and_recorded(cli, tmp_path):
    policy(tmp_path)
    write(
        tmp_path / "bosai.md",
        "---\nscheduled_at: 2026-12-01T22:20\nemergency: true\n---\n【緊急】避難指示を発令しました。\n",
    )
    result = cli("check", "bosai.md", "-f", "json", *AT)
    assert result.code == 0
    [info] = findings(result)
    assert info["rule"] == "emergency-exemption" and info["severity"] == "info"


def test_year_end_closure_and_extra_closed_date(cli, tmp_path):
    policy(tmp_path)
    for day in ("2026-12-29", "2027-01-04", "2026-12-18"):
        write(tmp_path / "d.md", f"---\nscheduled_at: {day}T10:00\n---\nお知らせです。\n")
        result = cli("check", "d.md", "-f", "json", *AT)
        if day == "2027-01-04":
            assert result.code == 0
        else:
            [hours] = findings(result, "operating-hours")
            assert "休業日" in hours["message"]


def test_count_reads_each_post_of_a_schedule_and_skips_other_yaml(cli, tmp_path):
    policy(tmp_path)
    write(tmp_path / "c" / "week.yaml", YAML_SCHEDULE)
    write(tmp_path / "c" / "other.yaml", "title: 設定\n")
    result = cli("count", "c", "-f", "json")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3 and all(item["platform"] == "x" for item in lines)
