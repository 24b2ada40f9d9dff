"""Properties of the whole in-process pipeline on arbitrary text (Hypothesis).

Text → front matter → posts → analysis → every built-in rule → findings → both
reporters. The reader never produces lone surrogates or control characters,
but the pipeline must survive them anyway.
"""

from __future__ import annotations

import io
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from sns_lint import linter
from sns_lint.checking import Report, check_source
from sns_lint.errors import InputError
from sns_lint.findings import MAX_FINDING_TEXT
from sns_lint.linter import RuleSet
from sns_lint.posts import SourceFile
from sns_lint.reporters import json_report, rich_text
from sns_lint.rulebook.loading import load_rules, parse_rule
from sns_lint.sources.decoding import decode_bytes
from sns_lint.text_positions import LineIndex
from tests.rule_harness import example_config

CONFIG = example_config()
# every built-in rule, plus a user pattern rule so the pattern kind runs too
EXTRA = parse_rule(
    {
        "id": "test-laughing-w",
        "clause": "5-5",
        "severity": "warning",
        "kind": "pattern",
        "summary": "試験用",
        "rationale": "試験用のルールです。",
        "message": "「{text}」",
        "patterns": ["[wｗ]{3,}", r"\p{Han}婦"],
        "examples": {"bad": ["楽しいwww"], "good": ["楽しい"]},
    },
    path=__import__("pathlib").Path("test-laughing-w.yaml"),
)
RULESET = RuleSet.build([*load_rules(), EXTRA], CONFIG)

LISTED = ["看護婦", "片手落ち", "保母さん", "かんごふ", "ｶﾝｺﾞﾌ", "カンゴフ", "女々しく", "キチガイ", "ｷﾁｶﾞｲ"]
HARMLESS = ["片手で持てる", "土方歳三", "盲導犬", "障害者手帳", "看護師", "ほぼ完成"]
URLS = [
    "https://www.city.kagoshima.lg.jp/kankyo/",
    "https://example.com/a?b=c",
    "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ",
    "bit.ly/abc",
    "https://x.com/kagoshima_koho/status/1",
    "http://xn--eckwd4c7c.xn--zckzah/",
    "www.go.jp",
]
SPECIAL = [
    "\n", "\r\n", "\r", "\t", " ", "\u3000", "---\n", "---", "。", "！", "？", "\u200d", "\ufe0f", "\ufeff",
    "👨\u200d👩\u200d👧", "🇯🇵", "👍🏽", "か\u3099", "e\u0301", "\u0301", "ﾊﾟ", "Ａ１２", "①", "㈱", "〜", "～",
    "\u2028", "\x85", "\x0b", "\x00", "\ud800", "\udfff", "\udbff\udc00", "@kagoshima_koho", "#鹿児島", "www",
]

pieces = st.one_of(
    st.sampled_from(LISTED),
    st.sampled_from(HARMLESS),
    st.sampled_from(URLS),
    st.sampled_from(SPECIAL),
    st.text(max_size=6),  # any code point but surrogates
    st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF),  # kana, CJK
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),  # full-width and half-width forms
    st.characters(categories=["Cs"]),  # lone surrogates
    st.characters(categories=["Mn", "Me"]),  # combining marks
)
texts = st.lists(pieces, max_size=30).map("".join)
front_matters = st.sampled_from(
    [
        "",
        "---\naccount: koho-x\n---\n",
        "---\nplatform: instagram\nemergency: true\n---\n",
        "---\r\naccount: koho-fb\r\n---\r\n",
        "---\n---\n",
    ]
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run_pipeline(text: str, path: str = "post.txt") -> tuple[Report, list[str]]:
    """``checking.check_source`` on a text that skipped the reader, then both reporters."""
    report = Report(files=[check_source(SourceFile(path=path, text=text, encoding="utf-8"), RULESET, CONFIG)])
    rendered = []
    for reporter in (json_report, rich_text):
        out = io.StringIO()
        reporter.render(report, out)
        rendered.append(out.getvalue())
    return report, rendered


def check_spans(text: str, report: Report) -> None:
    lines = LineIndex(text)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text), finding
        if finding.end - finding.start > MAX_FINDING_TEXT:  # a very long span is quoted by its start
            assert finding.text == text[finding.start : finding.start + MAX_FINDING_TEXT] + "…", finding
        else:
            assert finding.text == text[finding.start : finding.end], finding
        assert (finding.line, finding.column) == lines.position(finding.start)
        assert (finding.end_line, finding.end_column) == lines.position(finding.end)
        assert lines.offset(finding.line, finding.column) == finding.start
        assert lines.offset(finding.end_line, finding.end_column) == finding.end


@SETTINGS
@given(front=front_matters, body=texts)
def test_pipeline_survives_and_spans_are_exact(front, body):
    text = front + body
    report, rendered = run_pipeline(text)
    event("input error" if report.errors else "with findings" if report.findings else "no findings")
    for rule in sorted({f.rule for f in report.findings}):
        event(f"rule {rule}")
    check_spans(text, report)
    again, rendered_again = run_pipeline(text)
    assert again.findings == report.findings
    assert rendered_again == rendered


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(LISTED + HARMLESS + ["お知らせ", "さんが来ました。"]), min_size=1, max_size=20))
def test_listed_terms_alone_on_a_line_are_found_where_they_are(words):
    # one word a line: next to each other, words can merge into one unknown token (ｶﾝｺﾞﾌカンゴフ)
    text = "\n".join(words)
    report, _ = run_pipeline(text)
    check_spans(text, report)
    found = {(f.start, f.end) for f in report.findings if f.rule == "discriminatory-term"}
    position = 0
    for word in words:
        if word in ("看護婦", "片手落ち", "カンゴフ", "かんごふ", "ｶﾝｺﾞﾌ", "ｷﾁｶﾞｲ", "キチガイ"):
            assert (position, position + len(word)) in found, (word, position, text)
        if word in HARMLESS:
            assert not any(position <= start < position + len(word) for start, _ in found), (word, text)
        position += len(word) + 1


FILLERS = ["あ", "ア", "ｱ", "漢", "a", "😀", "市役所からのお知らせです、本日は晴天なり、", "かんごふ", "看護"]


@settings(max_examples=80, deadline=None)
@given(
    filler=st.sampled_from(FILLERS),
    where=st.integers(min_value=1_900, max_value=2_100) | st.integers(min_value=3_950, max_value=4_050),
    term=st.sampled_from(["看護婦", "片手落ち", "カンゴフ"]),
)
def test_terms_in_long_lines_are_found_wherever_sudachi_input_is_cut(filler, where, term):
    # Lines over 2,000 characters are tokenised in pieces: the cut must not split a word
    # that the same line, read in one piece, would give as one token.
    # A katakana word inside a 2,000-character katakana run has no one-piece reading to
    # compare with: Sudachi splits such runs of unknown words by their length, so the
    # 80-character window below and the long line disagree whatever the cut does.
    assume(not (filler in ("ア", "ｱ") and term == "カンゴフ"))
    before = (filler * (where // len(filler) + 1))[:where]
    text = before + term + "さん" + filler * (600 // len(filler))
    with patch.object(linter, "MAX_FINDINGS_PER_RULE", 10**9):  # a filler such as かんごふ fires thousands of times
        report, _ = run_pipeline(text)
    check_spans(text, report)
    near = text[where - 40 : where + len(term) + 40]
    short, _ = run_pipeline(near)
    in_long = [f.text for f in report.findings if f.rule == "discriminatory-term" and f.start == where]
    in_short = [f.text for f in short.findings if f.rule == "discriminatory-term" and f.start == 40]
    assert in_long == in_short


@SETTINGS
@given(front=front_matters, body=texts)
def test_crlf_and_lf_give_the_same_findings(front, body):
    lf = (front + body).replace("\r\n", "\n").replace("\r", "")
    lf = "".join(c for c in lf if not "\ud800" <= c <= "\udfff")  # no file can hold these
    crlf = lf.replace("\n", "\r\n")
    outcomes = []
    for data in (lf.encode("utf-8"), crlf.encode("utf-8")):
        try:
            text, encoding = decode_bytes(data, "post.txt")
        except InputError as error:
            outcomes.append(("error", str(error)))
            continue
        report, _ = run_pipeline(text)
        check_spans(text, report)
        outcomes.append((text, encoding, report.findings, [str(e) for e in report.errors]))
    assert outcomes[0] == outcomes[1]
    if outcomes[0][0] != "error":
        assert outcomes[0][0] == lf.removeprefix("\ufeff")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp932"])
def test_a_sample_gives_the_same_findings_in_every_encoding(codec):
    text = "---\naccount: koho-x\n---\n市立病院の看護婦さんです。\nそれは片手落ちだ。\n"
    expected, _ = run_pipeline(text)
    assert [f.text for f in expected.findings if f.rule == "discriminatory-term"] == ["看護婦", "片手落ち"]
    for newline in ("\n", "\r\n"):
        decoded, _ = decode_bytes(text.replace("\n", newline).encode(codec), "post.txt")
        assert run_pipeline(decoded)[0].findings == expected.findings


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(value=_JSON_VALUES, ascii_only=st.booleans(), level=st.integers(0, 3))
def test_the_json_report_writes_exactly_what_json_dumps_writes(value, ascii_only, level):
    """The report's own indented writer (fast path for findings) is byte-for-byte json.dumps(indent=2),
    in UTF-8 and in an ASCII-only locale alike."""
    from json import dumps
    from json.encoder import encode_basestring, encode_basestring_ascii

    quote = encode_basestring_ascii if ascii_only else encode_basestring
    expected = dumps(value, ensure_ascii=ascii_only, indent=2).replace("\n", "\n" + "  " * level)
    assert json_report._indented(value, "\n" + "  " * level, quote) == expected
