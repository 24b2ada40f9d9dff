"""``--format json``: one JSON document, contract version 1.

The document is written finding by finding (in batches), so a run with many
findings never builds one giant string. File names are escaped (``printable``)
so the output is valid UTF-8 whatever bytes a name holds; when the output
encoding cannot hold Japanese (an ASCII locale) non-ASCII text is written as
JSON ``\\u`` escapes, which keeps the document complete and valid.
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from typing import TextIO

from sns_lint.checking import Report
from sns_lint.display_text import printable
from sns_lint.findings import Finding, Severity

VERSION = 1
_BATCH = 500  # findings per write


def finding_dict(finding: Finding) -> dict:
    return {
        "path": printable(finding.path),
        "post": finding.post,
        "rule": finding.rule,
        "clause": finding.clause,
        "severity": finding.severity.label,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "replacements": list(finding.replacements),
    }


def _summary(report: Report) -> dict:
    counts = Counter(f.severity for f in report.findings)
    return {
        "files": len(report.files),
        "posts": report.post_count,
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
    }


def _input_errors(report: Report) -> list[dict]:
    return [{"path": printable(e.path) if e.path else e.path, "line": e.line, "message": e.message} for e in report.errors]


def document(report: Report) -> dict:
    """The contract as plain data (also the web page's ``POST /api/check`` answer)."""
    result = {
        "version": VERSION,
        "findings": [finding_dict(f) for f in report.findings],
        "summary": _summary(report),
    }
    if report.errors:
        result["input_errors"] = _input_errors(report)
    return result


def _ascii_only(out: TextIO) -> bool:
    encoding = getattr(out, "encoding", None)
    if not encoding:
        return False
    try:
        return not codecs.lookup(encoding).name.startswith(("utf", "gb18030"))
    except LookupError:
        return True


def render(report: Report, out: TextIO) -> None:
    """The same document as ``document()``, written in batches of findings."""
    findings = report.findings
    ensure_ascii = _ascii_only(out)

    def dumps(value, indent_level: int) -> str:
        text = json.dumps(value, ensure_ascii=ensure_ascii, indent=2)
        return text.replace("\n", "\n" + "  " * indent_level)

    out.write(f'{{\n  "version": {VERSION},\n  "findings": ')
    if not findings:
        out.write("[]")
    else:
        out.write("[\n")
        for first in range(0, len(findings), _BATCH):
            batch = findings[first : first + _BATCH]
            pieces = ["    " + dumps(finding_dict(f), 2) for f in batch]
            last = first + _BATCH >= len(findings)
            out.write(",\n".join(pieces) + ("\n" if last else ",\n"))
        out.write("  ]")
    out.write(',\n  "summary": ' + dumps(_summary(report), 1))
    if report.errors:
        out.write(',\n  "input_errors": ' + dumps(_input_errors(report), 1))
    out.write("\n}\n")
