"""Output to a file or pipe is written without Rich's console: it must be what Rich writes there.

Every rule's bad examples (and drafts with tabs, long lines, control characters and a
suppression) are reported through both paths at several widths; the bytes must agree,
and so must the width and the terminal decision under the environment variables Rich reads.
"""

from __future__ import annotations

import io

import pytest

from sns_lint.checking import check_paths
from sns_lint.findings import Severity
from sns_lint.linter import RuleSet
from sns_lint.reporters import rich_text
from sns_lint.rulebook.loading import load_rules
from sns_lint.suppressing import DIRECTIVE_RULES
from tests.conftest import write
from tests.rule_harness import example_config

EXTRA_DRAFTS = {
    "tabs.txt": "\t【お知らせ】\t5月28日（水）に\tきちがい\t開催します。\n",
    "long.txt": "市民文化ホールで防災フェアを開催します。" * 30 + "きちがい" + "参加費は無料です。" * 20 + "\n",
    "spaces.txt": "きちがい" + " " * 200 + "\n\n\n" + "   盲目的に   \n",
    "controls.txt": "お知らせ\x07\x0b\x0cです。きちがい\r\n次の行です。\n",
    "suppressed.txt": "<!-- sns-lint-disable-next-line 6-2 昔の記事の引用 -->\nきちがい\n",
    "narrow-名前 with spaces.txt": "5月28日（水）に開催します。\n",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts")
    paths = []
    rules = load_rules()
    for rule in rules:
        for n, example in enumerate(rule.bad):
            if example.platform is None and example.account is None and example.scheduled_at is None:
                paths.append(str(write(folder / f"{rule.id}-{n}.txt", example.text + "\n")))
    for name, text in EXTRA_DRAFTS.items():
        paths.append(str(write(folder / name, text)))
    config = example_config()
    result = check_paths(sorted(paths), RuleSet.build([*rules, *DIRECTIVE_RULES], config), config)
    assert len(result.findings) > 100 and result.suppressed
    return result


def _through_rich(report, monkeypatch, **options) -> str:
    monkeypatch.setattr(rich_text, "is_plain_output", lambda out, color="auto": False)
    out = io.StringIO()
    rich_text.render(report, out, **options)
    monkeypatch.undo()
    return out.getvalue()


@pytest.mark.parametrize("width", [40, 57, 80, 123, 160])
@pytest.mark.parametrize("show_suppressed", [False, True])
def test_plain_output_is_what_rich_writes_to_a_file(report, monkeypatch, width, show_suppressed):
    options = dict(
        width=width,
        fail_on=Severity.WARNING,
        preamble=("運用ポリシーがないため、既定の設定で点検します。\tタブ入りの長い注意書き" * 3,),
        show_suppressed=show_suppressed,
    )
    expected = _through_rich(report, monkeypatch, **options)
    out = io.StringIO()
    assert rich_text.is_plain_output(out)
    rich_text.render(report, out, **options)
    assert out.getvalue() == expected
    quiet = dict(width=width, summary=False)
    out = io.StringIO()
    rich_text.render(report, out, **quiet)
    assert out.getvalue() == _through_rich(report, monkeypatch, **quiet)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"COLUMNS": "100"},
        {"COLUMNS": "0"},
        {"COLUMNS": "300"},
        {"COLUMNS": "wide"},
        {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": ""},
        {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"},
        {"TTY_COMPATIBLE": "1"},
        {"NO_COLOR": "1", "COLUMNS": "72"},
    ],
)
@pytest.mark.parametrize("color", ["auto", "never", "always"])
@pytest.mark.parametrize("stream", [io.StringIO, _Tty])
def test_width_and_terminal_decision_match_rich(monkeypatch, environ, color, stream):
    from rich.console import Console

    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    out = stream()
    console = rich_text.make_console(out, color)
    plain = rich_text.is_plain_output(out, color)
    if plain:  # Rich writes no escape codes there, at the same width
        assert not console.is_terminal and console.color_system is None
        assert rich_text.PlainConsole(out).width == console.width
    else:
        assert console.is_terminal or color == "always"


def test_check_writes_the_same_text_as_before(cli, tmp_path, monkeypatch):
    write(tmp_path / "draft.txt", "【お知らせ】5月28日（水）に市民文化ホールで防災フェアを開催します。きちがい\n")
    plain = cli("check", "draft.txt")
    monkeypatch.setattr(rich_text, "is_plain_output", lambda out, color="auto": False)
    assert cli("check", "draft.txt") == plain
