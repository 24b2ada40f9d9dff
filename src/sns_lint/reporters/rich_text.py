"""``--format rich`` (default): findings grouped by file, with the source line underlined.

Colour only on a terminal and when NO_COLOR is unset (Rich decides); the
layout is the same either way, so the plain text reads well in logs.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from sns_lint.checking import Report
from sns_lint.findings import Finding, Severity

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _display(text: str) -> str:
    return text.replace("\t", " ")


MAX_LINE_CELLS = 100
CONTEXT_CELLS = 30


def crop(line_text: str, start_column: int, end_column: int | None) -> tuple[str, int, int | None]:
    """Cut a long source line to a window around the span (marked with …)."""
    if cell_len(line_text) <= MAX_LINE_CELLS:
        return line_text, start_column, end_column
    first = start_column - 1
    left = first
    width = 0
    while left > 0 and width < CONTEXT_CELLS:
        left -= 1
        width += cell_len(line_text[left])
    right = (end_column - 1) if end_column else len(line_text)
    right = min(len(line_text), max(right, first + 1))
    stop, width = right, 0
    while stop < len(line_text) and width < CONTEXT_CELLS:
        width += cell_len(line_text[stop])
        stop += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if stop < len(line_text) else ""
    window = prefix + line_text[left:stop] + suffix
    shift = left - len(prefix)
    new_end = None if end_column is None else min(end_column, stop + 1) - shift
    return window, start_column - shift, new_end


def underline(line_text: str, start_column: int, end_column: int | None) -> tuple[str, str]:
    """(padding, carets) so the carets sit under the span in a terminal, full-width aware."""
    before = _display(line_text[: start_column - 1])
    stop = len(line_text) + 1 if end_column is None else end_column
    span = _display(line_text[start_column - 1 : stop - 1])
    return " " * cell_len(before), "^" * max(1, cell_len(span))


def render_finding(finding: Finding, line_text: str) -> Text:
    style = STYLES[finding.severity]
    out = Text()
    out.append(f"  {finding.line}:{finding.column}", style="bold")
    out.append("  ")
    out.append(finding.severity.label_ja, style=style)
    out.append(f"  [{finding.clause}] ", style="magenta")
    out.append(finding.message)
    out.append(f"  ({finding.rule})", style="dim")
    out.append("\n")
    gutter = str(finding.line)
    end_column = finding.end_column if finding.end_line == finding.line else None
    shown, start_column, end_column = crop(line_text, finding.column, end_column)
    out.append(f"  {gutter} │ ", style="dim")
    out.append(_display(shown))
    out.append("\n")
    padding, carets = underline(shown, start_column, end_column)
    out.append("  " + " " * len(gutter) + " │ ", style="dim")
    out.append(padding)
    out.append(carets, style=style)
    if finding.suggestion:
        out.append("\n")
        out.append("  " + " " * len(gutter) + " = ", style="dim")
        out.append("提案: ", style="green")
        out.append(finding.suggestion, style="green")
    return out


def render(report: Report, out: TextIO) -> None:
    console = Console(file=out, soft_wrap=True, highlight=False, emoji=False)
    for path, findings in groupby(report.findings, key=lambda f: f.path):
        console.print(Text(path, style="bold underline"))
        for finding in findings:
            console.print(render_finding(finding, report.line_text(finding)))
        console.print()
    console.print(summary_text(report))


def summary_text(report: Report) -> Text:
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    text = Text(f"{len(report.files)} ファイル・{report.post_count} 件の投稿を点検しました: ")
    if not (errors or warnings or infos):
        text.append("問題は見つかりませんでした。", style="green")
        return text
    text.append(f"エラー {errors}", style=STYLES[Severity.ERROR] if errors else "")
    text.append("・")
    text.append(f"警告 {warnings}", style=STYLES[Severity.WARNING] if warnings else "")
    text.append("・")
    text.append(f"情報 {infos}", style=STYLES[Severity.INFO] if infos else "")
    return text
