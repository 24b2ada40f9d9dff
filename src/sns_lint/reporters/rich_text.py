"""``--format rich`` (default): findings grouped by file, with the source line underlined.

Everything fits the terminal's width, counted in cells (a full-width character
takes two): messages wrap with a hanging indent, source lines are cropped to a
window around the span, and a span over several lines is drawn once — its first
and its last line. Colour only on a terminal and when NO_COLOR is unset (Rich
decides, unless ``--color`` says otherwise); the layout is the same either way,
so the plain text reads well in logs.

Where Rich would not colour anyway (output to a file or pipe: CI logs, pre-commit, ``>``),
the same ``Text`` objects are written as their plain text at the width Rich would choose,
without importing Rich's console (a fifth of a one-draft run's start-up).
"""

from __future__ import annotations

import os
import sys
from itertools import groupby
from typing import TYPE_CHECKING, Any, TextIO

from rich.cells import cell_len
from rich.text import Text

from sns_lint.checking import Report
from sns_lint.display_text import printable
from sns_lint.findings import Finding, Severity, Suppressed
from sns_lint.reporters.text_wrapping import break_offsets

if TYPE_CHECKING:
    from rich.console import Console

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MIN_WIDTH = 40
MAX_WIDTH = 160
ELLIPSIS = "…"


def _display(text: str) -> str:
    return text.replace("\t", " ")


def _cells(text: str) -> int:
    return cell_len(_display(text))


def crop(line_text: str, start_column: int, end_column: int | None, max_cells: int) -> tuple[str, int, int | None]:
    """Cut a source line to at most ``max_cells`` around the span (cut ends marked with …).

    Returns the shown text and the span's columns within it (``end_column`` None: to the end)."""
    if _cells(line_text) <= max_cells:
        return line_text, start_column, end_column
    first = start_column - 1
    stop_span = len(line_text) if end_column is None else max(first + 1, end_column - 1)
    budget = max_cells - 2  # room for an ellipsis at each end
    # context before the span: about a third of the window, less if the span is wide
    span_cells = _cells(line_text[first:stop_span])
    before_budget = max(0, min(budget // 3, max(budget - span_cells, budget // 5)))
    left, used = first, 0
    while left > 0 and used + _cells(line_text[left - 1]) <= before_budget:
        left -= 1
        used += _cells(line_text[left])
    right, used = left, 0
    while right < len(line_text) and used + _cells(line_text[right]) <= budget:
        used += _cells(line_text[right])
        right += 1
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(line_text) else ""
    window = prefix + line_text[left:right] + suffix
    shift = left - len(prefix)
    new_start = start_column - shift
    if end_column is None or end_column - 1 > right:
        new_end = right - shift + 1 if suffix else None
    else:
        new_end = end_column - shift
    return window, new_start, new_end


def underline(line_text: str, start_column: int, end_column: int | None) -> tuple[str, str]:
    """(padding, carets) so the carets sit under the span in a terminal, full-width aware."""
    before = line_text[: start_column - 1]
    stop = len(line_text) + 1 if end_column is None else end_column
    span = line_text[start_column - 1 : stop - 1]
    return " " * _cells(before), "^" * max(1, _cells(span))


def _wrapped(text: Text, width: int, indent: int) -> Text:
    """``text`` broken to ``width`` cells, continuation lines indented by ``indent`` cells."""
    plain = text.plain
    offsets = break_offsets(plain, width, max(10, width - indent))
    if not offsets:
        return text
    pieces = text.divide(offsets)
    out = Text()
    for number, piece in enumerate(pieces):
        piece.rstrip()
        if number:
            out.append("\n" + " " * indent)
            while piece.plain.startswith(" "):
                piece = piece[1:]
        out.append_text(piece)
    return out


def _source_row(gutter: str, width: int, line_text: str, start: int, end: int | None, style: str) -> Text:
    """One source line, cropped to the width, and the carets under the span."""
    prefix = f"  {gutter} │ "
    shown, start, end = crop(line_text, start, end, max(10, width - cell_len(prefix)))
    out = Text()
    out.append(prefix, style="dim")
    out.append(_display(shown))
    out.append("\n")
    padding, carets = underline(shown, start, end)
    out.append("  " + " " * len(gutter) + " │ ", style="dim")
    out.append(padding)
    out.append(carets, style=style)
    return out


def render_finding(finding: Finding, report: Report, width: int, gutter_width: int = 1) -> Text:
    """One finding: the wrapped message, then its span drawn under the source (once)."""
    style = STYLES[finding.severity]
    location = f"  {finding.line}:{finding.column}  "
    header = Text()
    header.append(location, style="bold")
    header.append(finding.severity.label_ja, style=style)
    header.append(f" [{finding.clause}] ", style="magenta")
    header.append(finding.message)
    header.append(f" ({finding.rule})", style="dim")
    out = _wrapped(header, width, min(cell_len(location), 12))
    out.append("\n")
    multi_line = finding.end_line > finding.line
    gutter_width = max(gutter_width, len(str(finding.end_line)))
    first_text = report.text_of_line(finding.path, finding.line)
    out.append_text(
        _source_row(
            str(finding.line).rjust(gutter_width), width, first_text, finding.column,
            None if multi_line else finding.end_column, style,
        )
    )
    if multi_line:
        if finding.end_line > finding.line + 1:
            out.append("\n" + "  " + " " * gutter_width + " ┆", style="dim")
        last_text = report.text_of_line(finding.path, finding.end_line)
        if finding.end_column > 1:
            out.append("\n")
            out.append_text(
                _source_row(str(finding.end_line).rjust(gutter_width), width, last_text, 1, finding.end_column, style)
            )
    if finding.suggestion:
        out.append("\n")
        lead = "  " + " " * gutter_width + " = "
        suggestion = Text()
        suggestion.append(lead, style="dim")
        suggestion.append("提案: " + finding.suggestion, style="green")
        out.append_text(_wrapped(suggestion, width, cell_len(lead) + 6))
    return out


def render_suppressed(item: Suppressed, report: Report, width: int) -> Text:
    """A suppressed finding and its trace: the reason, the approver, where it is allowed."""
    finding = item.finding
    location = f"  {finding.line}:{finding.column}  "
    header = Text()
    header.append(location, style="bold")
    header.append("抑止", style="dim")
    header.append(f" [{finding.clause}] ", style="magenta")
    header.append(finding.message)
    header.append(f" ({finding.rule})", style="dim")
    out = _wrapped(header, width, min(cell_len(location), 12))
    out.append("\n")
    line_text = report.text_of_line(finding.path, finding.line)
    end = finding.end_column if finding.end_line == finding.line else None
    out.append_text(_source_row(str(finding.line), width, line_text, finding.column, end, "dim"))
    out.append("\n")
    place = "フロントマター" if item.kind == "allow" else f"sns-lint-{item.kind}"
    trace = Text("    ")
    trace.append(f"理由: {item.reason or '（理由の記載なし）'}", style="green" if item.reason else "yellow")
    trace.append(f"・承認: {item.approved_by or '（approved_by の記載なし）'}")
    trace.append(f"・{place}（{item.line} 行目）", style="dim")
    out.append_text(_wrapped(trace, width, 4))
    return out


def make_console(out: TextIO, color: str = "auto", width: int | None = None) -> "Console":
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit with code 1; the caller keeps the run's own exit code."""
            raise BrokenPipeError

    options: dict = {"file": out, "soft_wrap": True, "highlight": False, "emoji": False, "markup": False}
    if color == "always":
        options["force_terminal"] = True
    elif color == "never":
        options["no_color"] = True
        options["color_system"] = None
    console = _Console(**options)
    if width is None:
        width = console.width
    console.width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    return console


class PlainConsole:
    """What ``make_console`` gives where Rich would write no escape codes (not a terminal):
    ``print`` writes a ``Text`` as Rich does then (its lines, tabs expanded, no styles),
    at the width Rich would take (``COLUMNS``, else the terminal of stdin/stdout/stderr, else 80)."""

    def __init__(self, out: TextIO, width: int | None = None):
        self.file = out
        self.width = max(MIN_WIDTH, min(MAX_WIDTH, _plain_width() if width is None else width))

    def print(self, text: Any = None) -> None:
        if text is None:
            self.file.write("\n")
        else:
            lines = text.split(allow_blank=True)
            for line in lines:
                if "\t" in line.plain:
                    line.expand_tabs(8 if text.tab_size is None else text.tab_size)
            self.file.write("\n".join(line.plain for line in lines) + "\n")
        self.file.flush()


def is_plain_output(out: TextIO, color: str = "auto") -> bool:
    """True where Rich would treat ``out`` as no terminal (so write no colour or other codes)."""
    if color == "always" or sys.platform == "win32":  # Windows: Rich's legacy console width
        return False
    import builtins

    if hasattr(builtins, "get_ipython"):  # Jupyter: Rich has its own width and output
        return False
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    if "FORCE_COLOR" in os.environ:
        return os.environ["FORCE_COLOR"] == ""
    isatty = getattr(out, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # closed
        return True


def _plain_width() -> int:
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return 80


def render(
    report: Report,
    out: TextIO,
    *,
    fail_on: Severity = Severity.ERROR,
    color: str = "auto",
    width: int | None = None,
    preamble: tuple[str, ...] = (),
    show_findings: bool = True,
    summary: bool = True,
    show_suppressed: bool = False,
) -> None:
    console = PlainConsole(out, width) if is_plain_output(out, color) else make_console(out, color, width)
    width = console.width
    for line in preamble:
        console.print(_wrapped(Text(line, style="yellow"), width, 2))
    if preamble:
        console.print()
    if show_findings:
        for path, group in groupby(report.findings, key=lambda f: f.path):
            findings = list(group)
            gutter_width = len(str(max(f.end_line for f in findings)))  # one gutter per file
            console.print(_wrapped(Text(printable(path), style="bold underline"), width, 0))
            for finding in findings:
                console.print(render_finding(finding, report, width, gutter_width))
            console.print()
    if show_suppressed and report.suppressed:
        console.print(Text("抑止した指摘 / suppressed findings", style="bold"))
        for path, items in groupby(report.suppressed, key=lambda s: s.finding.path):
            console.print(_wrapped(Text(path, style="bold underline"), width, 0))
            for item in items:
                console.print(render_suppressed(item, report, width))
        console.print()
    if summary:
        console.print(_wrapped(summary_text(report, show_suppressed), width, 2))
        console.print(_wrapped(verdict_text(report, fail_on), width, 2))


def summary_text(report: Report, suppressed_shown: bool = False) -> Text:
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    text = Text(f"{len(report.files)} ファイル・{report.post_count} 件の投稿を点検しました: ")
    input_errors = len(report.errors)
    suppressed = len(report.suppressed)
    note = ""
    if suppressed:
        note = f"（抑止 {suppressed} 件）" if suppressed_shown else f"（抑止 {suppressed} 件: --show-suppressed で表示）"
    if not (errors or warnings or infos or input_errors):
        text.append("問題は見つかりませんでした。", style="green")
        text.append(note)
        return text
    text.append(f"エラー {errors}", style=STYLES[Severity.ERROR] if errors else "")
    text.append("・")
    text.append(f"警告 {warnings}", style=STYLES[Severity.WARNING] if warnings else "")
    text.append("・")
    text.append(f"情報 {infos}", style=STYLES[Severity.INFO] if infos else "")
    if input_errors:
        text.append("・")
        text.append(f"読めなかったファイル {input_errors}", style="bold red")
    text.append(note)
    return text


def verdict_text(report: Report, fail_on: Severity) -> Text:
    """The last line: can the drafts go out as they are?"""
    if report.errors:
        return Text(
            f"点検できなかったファイルがあります（{len(report.errors)} 件）。上のエラーを確かめてください。",
            style="bold red",
        )
    blocking = [f for f in report.findings if f.severity >= fail_on]
    if blocking:
        counts = "・".join(
            f"{severity.label_ja} {n} 件"
            for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if (n := sum(1 for f in blocking if f.severity == severity))
        )
        return Text(f"✗ 修正が必要です（{counts}）。", style="bold red")
    rest = len(report.findings)
    if rest:
        return Text(f"✓ 投稿できます（確認をおすすめする指摘 {rest} 件）。", style="bold green")
    return Text("✓ 投稿できます。", style="bold green")
