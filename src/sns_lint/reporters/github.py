"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``; values are
escaped as the runner expects (``%``, CR and LF everywhere, plus ``:`` and ``,`` in
properties), and a ``::notice`` line sums the run up. Columns are code points,
like the JSON report.
"""

from __future__ import annotations

from typing import TextIO

from sns_lint.checking import Report
from sns_lint.findings import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    message = finding.message
    if finding.suggestion:
        message += f"（提案: {finding.suggestion}）"
    return command(
        COMMANDS[finding.severity],
        message,
        file=finding.path,
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=f"sns-lint {finding.rule} [{finding.clause}]",
    )


def summary(report: Report) -> str:
    counts = "・".join(
        f"{severity.label_ja} {report.count(severity)}" for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    text = f"{len(report.files)} ファイル・{report.post_count} 件の投稿を点検しました: {counts}"
    if report.errors:
        text += f"・読めなかったファイル {len(report.errors)}"
    if report.suppressed:  # suppressed findings are not annotations: nothing to act on
        text += f"（抑止 {len(report.suppressed)} 件）"
    return text


def render(report: Report, out: TextIO, *, preamble: tuple[str, ...] = ()) -> None:
    lines = [command("notice", line, title="sns-lint") for line in preamble]
    lines.extend(annotation(finding) for finding in report.findings)
    for error in report.errors:
        lines.append(command("error", error.message, file=error.path, line=error.line, title="sns-lint 入力エラー"))
    lines.append(command("notice", summary(report), title="sns-lint"))
    out.write("\n".join(lines) + "\n")
