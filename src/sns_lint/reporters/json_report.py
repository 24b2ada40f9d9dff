"""``--format json``: one JSON document, contract version 1."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from sns_lint.checking import Report
from sns_lint.findings import Finding, Severity

VERSION = 1


def finding_dict(finding: Finding) -> dict:
    return {
        "path": finding.path,
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


def document(report: Report) -> dict:
    """The contract as plain data (also the web page's ``POST /api/check`` answer)."""
    findings = report.findings
    counts = Counter(f.severity for f in findings)
    result = {
        "version": VERSION,
        "findings": [finding_dict(f) for f in findings],
        "summary": {
            "files": len(report.files),
            "posts": report.post_count,
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
        },
    }
    if report.errors:
        result["input_errors"] = [
            {"path": e.path, "line": e.line, "message": e.message} for e in report.errors
        ]
    return result


def render(report: Report, out: TextIO) -> None:
    out.write(json.dumps(document(report), ensure_ascii=False, indent=2))  # one write, not one per token
    out.write("\n")
