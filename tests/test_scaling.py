"""Per-token work must stay linear: a 10× larger draft may cost at most 12× as much.

Both with the built-in defaults and with the example policy (an X account: the
weighted length, its overflow offset and every other built-in rule run too; rules
added later are loaded the same way and so are covered without a change here).

Cost is counted, not timed: the number of Python-level calls ('call' and
'c_call' profile events) made by the whole in-process pipeline
(``check_file`` → read → posts → analysis → every rule → findings) on one text
and on the same kind of text ten times larger. Both sizes are checked once
before counting, so one-time work (dictionary load, rule index, regex
compilation, lazy imports) is left out. Wall time plays no part, so the test
is stable on a loaded machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sns_lint.checking import check_file
from sns_lint.config.loading import load_config
from sns_lint.config.model import Config
from sns_lint.linter import RuleSet
from sns_lint.rulebook.loading import load_rules
from tests.rule_harness import EXAMPLE_POLICY

GROWTH = 10
MAX_COST_RATIO = 12.0

# Drafts in the style of a city's posts: dates with full-width parentheses, URLs
# (official and shortened), phone numbers, kana-heavy sentences, and words the
# built-in rules flag (看護婦, 片手落ち, 保母, かんごふ).
SENTENCES = (
    "{m}月{d}日（土）に中央公園で「秋の市民音楽祭」を開催します。",
    "入場は無料です。詳しくは市ホームページをご覧ください。https://www.city.kagoshima.lg.jp/shise/koho/event/{m}.html",
    "燃やせるごみは収集日の朝8時30分までに、決められた場所に出してください。",
    "市立病院の看護婦さんにお話を伺いました。",
    "お問い合わせは資源政策課（099-216-{n}）まで。",
    "桜島の降灰予報では、谷山地域で多量の降灰が予想されています。車の運転にご注意ください。",
    "一部の地域だけを支援するのは片手落ちだという声もいただきました。",
    "固定資産税の第{d}期の納期限は{m}月末日です。コンビニやスマートフォン決済アプリでも納付できます。",
    "動画で紹介しています。bit.ly/3xYz{n}",
    "保育園の保母さんを募集しています。",
    "熱中症に注意しましょう。こまめな水分補給と、室内ではエアコンを上手に使ってください。",
    "病院のかんごふさんに聞きました。",
    "ハザードマップで、自宅周辺の危険な場所と避難経路を確認しておきましょう。#防災 #鹿児島市",
)


def sentence(i: int) -> str:
    template = SENTENCES[(i * 5 + i // len(SENTENCES)) % len(SENTENCES)]
    return template.format(m=i % 12 + 1, d=i % 28 + 1, n=1000 + i % 9000)


def multi_line_text(lines: int) -> str:
    """``lines`` lines of two or three sentences each."""
    out = []
    for i in range(lines):
        count = 2 + i % 2
        out.append("".join(sentence(i * 3 + k) for k in range(count)))
    return "\n".join(out) + "\n"


def long_line_text(sentences: int) -> str:
    """One line with no newline at all: the path that cuts long lines into segments."""
    return "".join(sentence(i) for i in range(sentences)) + "\n"


@pytest.fixture(scope="module", params=["defaults", "policy"])
def pipeline(request):
    if request.param == "defaults":
        config = Config()
    else:
        config = load_config(str(EXAMPLE_POLICY))
        assert config.accounts[config.default_account].platform == "x"
    ruleset = RuleSet.build(load_rules(config.rules.paths), config)
    assert not config.rules.disable  # every built-in rule runs
    return ruleset, config


class _OverBudget(BaseException):
    """Raised from the profiler to stop a run that has already made too many calls."""


def count_calls(function, limit: float = float("inf")) -> tuple[int, object]:
    """Python-level calls made while ``function()`` runs, and its result.

    Past ``limit`` calls the run is stopped (a superlinear defect could otherwise
    make the test run for minutes) and ``(calls, None)`` is returned.
    """
    calls = 0

    def profiler(frame, event, arg):
        nonlocal calls
        if event == "call" or event == "c_call":
            calls += 1
            if calls > limit:
                sys.setprofile(None)
                raise _OverBudget

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        result = function()
    except _OverBudget:
        result = None
    finally:
        sys.setprofile(previous)
    return calls, result


def cost_ratio(tmp_path: Path, pipeline, small_text: str, large_text: str) -> tuple[float, str]:
    """(large calls / small calls, a description of the counts for the failure message)."""
    ruleset, config = pipeline
    small = tmp_path / "small.txt"
    large = tmp_path / "large.txt"
    small.write_text(small_text, encoding="utf-8")
    large.write_text(large_text, encoding="utf-8")
    # Warm-up: dictionary, tokenizer, rule indexes, regex caches, lazy imports.
    for path in (small, large):
        warm = check_file(str(path), ruleset, config)
        assert warm.error is None, warm.error
    small_calls, small_result = count_calls(lambda: check_file(str(small), ruleset, config))
    limit = small_calls * MAX_COST_RATIO * 1.5
    large_calls, large_result = count_calls(lambda: check_file(str(large), ruleset, config), limit)
    if large_result is None:  # stopped early: clearly over budget
        return large_calls / small_calls, f"{small_calls:,} → over {large_calls:,} calls, stopped early"
    assert small_result.error is None and large_result.error is None
    assert small_result.findings, "the small text should have findings (看護婦, 片手落ち, 保母 ...)"
    assert len(large_result.findings) >= len(small_result.findings)
    if config.default_account:  # the policy: X counts the draft as one post, far over 280
        assert any(f.rule == "post-length" for f in large_result.findings)
    return large_calls / small_calls, f"{small_calls:,} → {large_calls:,} calls"


def test_many_lines_cost_grows_linearly(tmp_path, pipeline):
    small_text = multi_line_text(100)
    large_text = multi_line_text(100 * GROWTH)
    ratio, counts = cost_ratio(tmp_path, pipeline, small_text, large_text)
    assert ratio <= MAX_COST_RATIO, (
        f"{GROWTH}× more text ({len(small_text):,} → {len(large_text):,} chars) cost {ratio:.2f}× "
        f"as many calls ({counts}); budget {MAX_COST_RATIO}×"
    )


def test_one_long_line_cost_grows_linearly(tmp_path, pipeline):
    # Even the small line is several segments long, so both sizes take the splitting path.
    small_text = long_line_text(160)
    large_text = long_line_text(160 * GROWTH)
    assert "\n" not in small_text.rstrip("\n") and len(small_text) > 5_000
    ratio, counts = cost_ratio(tmp_path, pipeline, small_text, large_text)
    assert ratio <= MAX_COST_RATIO, (
        f"a {GROWTH}× longer line ({len(small_text):,} → {len(large_text):,} chars) cost {ratio:.2f}× "
        f"as many calls ({counts}); budget {MAX_COST_RATIO}×"
    )


# ----------------------------------------------------------------- URL extraction (issue 9, items 5 and 6)
#
# The URL regex runs in C, so counting Python calls cannot see a quadratic scan. What is
# counted instead is how much text each attempt of the URL regex may have to read: from
# its start position to the end of the run of host characters there (a domain cannot go
# further). Linear extraction keeps the sum within a small multiple of the text length.

from sns_lint.analysis import urls as url_extraction  # noqa: E402

PARAGRAPH = "桜島の噴火警戒レベルは3で、火口から2km以内は立入禁止です。風向きによって降灰の地域が異なります。"


class _ScanCounter:
    """Stands in for the compiled URL regex and adds up the reach of every attempt."""

    def __init__(self, pattern, host_run):
        self.pattern, self.host_run, self.reach, self.attempts = pattern, host_run, 0, 0

    def match(self, text, pos=0, *args):
        self.attempts += 1
        run = self.host_run.search(text, pos)
        self.reach += (run.end() - pos) if run else 0
        return self.pattern.match(text, pos, *args)

    def finditer(self, text, *args):
        return self.pattern.finditer(text, *args)


@pytest.fixture
def scan_counter(monkeypatch):
    patterns = url_extraction._patterns()
    counter = _ScanCounter(patterns.extract, patterns.host_run)
    monkeypatch.setattr(patterns, "extract", counter)
    url_extraction._label_to_ascii.cache_clear()
    return counter


@pytest.mark.parametrize(
    "text",
    [
        "あ" * 10_000 + "..com",
        "あ" * 10_000 + "_.com",
        "あ" * 10_000 + "-.jp",
        "あ" * 10_000 + "...co",
        "あ" * 10_000 + ".com",  # one long label: one attempt that reads it once
        PARAGRAPH * 400 + "楽しかった...みんなで行こう",  # 58 KB, no spaces; みんな is a TLD
        (PARAGRAPH + "詳しくはbit.ly/abcへ。") * 400,
        "a." * 20_000 + "a",
        "ab-" * 10_000 + ".jp",
    ],
    ids=["dot-dot-com", "underscore", "hyphen", "dots-co", "long-label", "paragraph", "glued-urls", "a-dot", "hyphens"],
)
def test_url_scan_reads_each_character_a_bounded_number_of_times(scan_counter, text):
    found = url_extraction.find_urls(text)
    assert scan_counter.reach <= 20 * len(text), (
        f"URL regex attempts read {scan_counter.reach:,} characters of a {len(text):,}-character text "
        f"({scan_counter.attempts:,} attempts)"
    )
    if "bit.ly" in text:
        assert len(found) == 400


def test_url_scan_is_the_same_as_twitter_texts_regex(monkeypatch):
    """The linear scan finds exactly what ``finditer`` over the whole text finds."""
    import random

    patterns = url_extraction._patterns()
    pieces = list("aB.-_/:@ 。#?=()") + [".com", ".jp", "co", ".ly", "bit", "https://", "http://", "xn--",
                                          ".みんな", "1", "あ", ".co.jp", "$"]
    generator = random.Random(9)
    for _ in range(3_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 40)))
        expected = [(m.span(), m.groups()) for m in patterns.extract.finditer(text)]
        assert [(m.span(), m.groups()) for m in url_extraction._url_matches(text, patterns)] == expected, text


def test_punycode_is_decoded_only_for_labels_of_dns_length(monkeypatch, pipeline, tmp_path):
    import encodings.punycode

    decoded: list[int] = []
    real = encodings.punycode.punycode_decode

    def recording(text, errors):
        decoded.append(len(text))
        return real(text, errors)

    monkeypatch.setattr(encodings.punycode, "punycode_decode", recording)
    url_extraction._normalized_and_host.cache_clear()  # hosts are remembered across posts
    ruleset, config = pipeline
    path = tmp_path / "a.txt"
    path.write_text("https://xn---" + "ba" * 20_000 + ".com/\nhttps://xn--80ak6aa92e.com/\n", encoding="utf-8")
    result = check_file(str(path), ruleset, config)
    assert result.error is None
    assert decoded and max(decoded) <= 63  # the short label is still decoded (and read as Cyrillic)
