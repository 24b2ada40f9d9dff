"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning reads it.

Plain dicts: a SARIF library would cost more import time than the whole report.
Columns in SARIF count UTF-16 code units by default; ours count code points, so
the run declares ``columnKind: utf16CodeUnits`` and every column is converted
(an emoji or 𠮷 before a span moves it by two units, not one).
"""

from __future__ import annotations

import json
from typing import TextIO

from sns_lint import __version__
from sns_lint.checking import Report
from sns_lint.findings import Finding, Severity, Suppressed
from sns_lint.reporters.fingerprints import fingerprints
from sns_lint.rulebook.model import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/sns-lint/sns-lint"
FINGERPRINT_KEY = "snsLintFinding/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
STDIN = "-"


def utf16_column(line_text: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 code-unit column."""
    before = line_text[: column - 1]
    return column + sum(1 for char in before if char > "\uffff")


def _uri(path: str) -> str:
    """A URI reference: relative paths stay relative (to the checkout, as code scanning
    expects), absolute ones become ``file://`` URIs; percent-encoded where needed."""
    import os
    from pathlib import Path
    from urllib.parse import quote

    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/@!$&'()*+,;=-._~")


def rule_descriptor(rule: Rule) -> dict:
    help_text = rule.rationale.strip()
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": help_text},
        "help": {
            "text": f"ガイドライン {rule.clause}: {rule.summary}\n\n{help_text}",
            "markdown": f"**ガイドライン {rule.clause}**: {rule.summary}\n\n{help_text}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"clause": rule.clause, "tags": [f"clause-{rule.clause}", rule.kind]},
    }


def _region(finding: Finding, report: Report) -> dict:
    start_text = report.text_of_line(finding.path, finding.line)
    end_text = start_text if finding.end_line == finding.line else report.text_of_line(finding.path, finding.end_line)
    region = {
        "startLine": finding.line,
        "startColumn": utf16_column(start_text, finding.column),
        "endLine": finding.end_line,
        "endColumn": utf16_column(end_text, finding.end_column),
    }
    if finding.text and "\n" not in finding.text:
        region["snippet"] = {"text": finding.text}
    return region


def _result(finding: Finding, report: Report, rule_index: dict[str, int], fingerprint: str) -> dict:
    message = finding.message
    if finding.suggestion:
        message += f"（提案: {finding.suggestion}）"
    result = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": _region(finding, report),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"clause": finding.clause, "post": finding.post},
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    return result


def _suppression(item: Suppressed) -> dict:
    """SARIF's record of an accepted suppression: who allowed it, why, and where it is written."""
    properties = {"directive": item.kind}
    if item.approved_by:
        properties["approvedBy"] = item.approved_by
    # no status: the committee specification calls it "state", the OASIS standard "status";
    # either would fail validation against the other schema
    return {
        "kind": "inSource",
        "justification": item.reason or "（理由の記載なし）",
        "location": {
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(item.finding.path)},
                "region": {"startLine": item.line},
            }
        },
        "properties": properties,
    }


def document(report: Report) -> dict:
    rules = sorted(report.rules.values(), key=lambda r: r.id)
    rule_index = {rule.id: index for index, rule in enumerate(rules)}
    # one numbering for shown and suppressed findings: suppressing one never renames another
    everything = sorted([*report.findings, *(s.finding for s in report.suppressed)], key=Finding.sort_key)
    digests = {id(finding): digest for finding, digest in zip(everything, fingerprints(everything))}
    results = [_result(finding, report, rule_index, digests[id(finding)]) for finding in report.findings]
    for item in report.suppressed:
        result = _result(item.finding, report, rule_index, digests[id(item.finding)])
        result["suppressions"] = [_suppression(item)]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            **(
                {"locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)},
                                                     **({"region": {"startLine": error.line}} if error.line else {})}}]}
                if error.path and error.path != STDIN
                else {}
            ),
        }
        for error in report.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "sns-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, out: TextIO) -> None:
    out.write(json.dumps(document(report), ensure_ascii=False, indent=2))
    out.write("\n")
