"""Reading drafts: encodings, newlines, front matter and where findings point."""

from __future__ import annotations

import pytest

from sns_lint.analysis.tokens import Tokens, segments
from sns_lint.errors import InputError
from sns_lint.sources.decoding import decode_bytes
from tests.conftest import write

TEXT = "お知らせ\n市立病院の看護婦さんです。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp932"), "cp932"),
        (TEXT.encode("shift_jis"), "cp932"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.replace("\n", "\r\n").encode("cp932"), "cp932"),
    ],
)
def test_supported_encodings_decode_to_the_same_text(data, encoding):
    assert decode_bytes(data, "x.txt") == (TEXT, encoding)


def test_cp932_only_characters_are_read():
    text = "①～③の会場：髙島屋前（NEC特殊文字 ㈱）\n"
    assert decode_bytes(text.encode("cp932"), "x.txt")[0] == text


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "バイナリ"),
        ("ありがとう".encode("utf-8") + b"\xff\xfe\xfa" + "ございます".encode("utf-8"), "UTF-8"),
        (b"\x81", "文字コード"),
    ],
)
def test_undecodable_bytes_are_an_input_error(data, words):
    with pytest.raises(InputError) as error:
        decode_bytes(data, "bad.txt")
    assert words in str(error.value) and "bad.txt" in str(error.value)


def test_cp932_file_through_cli_gives_right_position(cli, tmp_path):
    write(tmp_path / "sjis.txt", TEXT.replace("\n", "\r\n"), encoding="cp932")
    result = cli("check", "sjis.txt", "-f", "json")
    finding = result.json()["findings"][0]
    assert (finding["line"], finding["column"], finding["end_column"], finding["text"]) == (2, 6, 9, "看護婦")


def test_bom_and_crlf_keep_columns(cli, tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "一行目\r\n二行目の看護婦\r\n".encode("utf-8"))
    finding = cli("check", "bom.txt", "-f", "json").json()["findings"][0]
    assert (finding["line"], finding["column"]) == (2, 5)


def test_invalid_utf8_exits_2_naming_file_and_line(cli, tmp_path):
    (tmp_path / "broken.txt").write_bytes("一行目\n二行目".encode("utf-8") + b"\xff\n")
    result = cli("check", "broken.txt")
    assert result.code == 2
    assert "broken.txt:2" in result.stderr and "Traceback" not in result.stderr


def test_front_matter_lines_count_in_positions(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "accounts: {koho-x: {platform: x}}\n")
    write(
        tmp_path / "post.md",
        "---\naccount: koho-x\nplatform: x\nscheduled_at: 2026-12-01T09:00:00+09:00\nemergency: false\n"
        "approved_by: 広報課長\n---\n本文です。看護婦さん\n",
    )
    finding = cli("check", "post.md", "-f", "json").json()["findings"][0]
    assert (finding["line"], finding["column"]) == (8, 6)


def test_unknown_front_matter_key_is_a_warning(cli, tmp_path):
    write(tmp_path / "a.txt", "---\nauthor: 山田\n---\nこんにちは\n")
    result = cli("check", "a.txt")
    assert result.code == 0
    assert "a.txt:2" in result.stderr and "author" in result.stderr


@pytest.mark.parametrize(
    "front, line, words",
    [
        ("---\naccount: a\n", 1, "閉じられていません"),
        ("---\naccount: [a\n---\n", 3, "YAML"),
        ("---\nscheduled_at: 2026-02-30T10:00\n---\n", 2, "2026-02-30T10:00"),
        ("---\nscheduled_at: 明日の朝\n---\n", 2, "明日の朝"),
        ("---\nplatform: myspace\n---\n", 2, "myspace"),
        ("---\nemergency: maybe\n---\n", 2, "emergency"),
        ("---\n- a\n- b\n---\n", 2, "キー"),
        ("---\nx: !!python/object/apply:os.system [ls]\n---\n", 2, "タグ"),
    ],
)
def test_broken_front_matter_exits_2_with_line(cli, tmp_path, front, line, words):
    write(tmp_path / "a.txt", front + "本文\n")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert f"a.txt:{line}:" in result.stderr and words in result.stderr


def test_full_width_columns_are_code_points(cli, tmp_path):
    write(tmp_path / "a.txt", "😀ｱｲｳ　ＡＢＣ看護婦\n")
    finding = cli("check", "a.txt", "-f", "json").json()["findings"][0]
    assert (finding["column"], finding["end_column"]) == (9, 12)


def test_long_input_over_sudachi_limit_keeps_offsets():
    sentence = "市役所からのお知らせです。"
    line = sentence * 8_000  # one 104,000-character line: ~312 KB of UTF-8
    text = "前置き\n" + line + "看護婦\n"
    assert len(text.encode("utf-8")) > 49_149 * 5
    tokens = Tokens(text)
    assert all(len(piece.encode("utf-8")) < 49_149 for _offset, piece in segments(text))
    for i in range(0, len(tokens), 997):
        assert text[tokens.starts[i] : tokens.end(i)] == tokens.surfaces[i]
    assert tokens.surfaces[-1] == "看護婦"
    assert text[tokens.starts[-1] :].startswith("看護婦")


def test_long_draft_through_cli(cli, tmp_path):
    write(tmp_path / "long.txt", "お知らせです。" * 20_000 + "\n看護婦\n")
    finding = cli("check", "long.txt", "-f", "json", "--select", "6-2").json()["findings"][0]
    assert (finding["line"], finding["column"]) == (2, 1)


def test_every_schedule_readers_suffix_is_a_schedule_suffix():
    """post_files imports the schedule readers only for these suffixes: a reader's own must be among them."""
    from sns_lint.sources import discovery, schedule_csv, schedule_yaml

    readers = {*schedule_yaml.YAML_SUFFIXES, *schedule_yaml.JSON_SUFFIXES, *schedule_csv.CSV_SUFFIXES}
    assert readers == set(discovery.SCHEDULE_SUFFIXES)
