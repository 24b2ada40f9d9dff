"""``--format junit``: JUnit XML, one test suite per file and one test case per finding.

A file without findings gets one passing test case, so CI counts it as checked;
a file that could not be read gets a test case with an ``<error>``; a suppressed
finding is a ``<skipped>`` case whose message gives the reason and the approver.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import TextIO

from sns_lint.checking import FileResult, Report
from sns_lint.findings import Finding

# characters XML 1.0 cannot carry at all, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _case(suite: ElementTree.Element, result: FileResult, finding: Finding) -> ElementTree.Element:
    """One test case per finding, named by rule and position (failed, or skipped when suppressed)."""
    return ElementTree.SubElement(
        suite,
        "testcase",
        name=_clean(f"{finding.rule} {finding.line}:{finding.column}"),
        classname=_clean(result.path),
        file=_clean(result.path),
        line=str(finding.line),
    )


def _where(result: FileResult, finding: Finding) -> str:
    return f"{result.path}:{finding.line}:{finding.column}: [{finding.clause}] {finding.message}"


def _suite(result: FileResult) -> ElementTree.Element:
    suite = ElementTree.Element("testsuite", name=_clean(result.path))
    failures = errors = 0
    for finding in result.findings:
        case = _case(suite, result, finding)
        failure = ElementTree.SubElement(
            case, "failure", message=_clean(finding.message), type=finding.severity.label
        )
        detail = _where(result, finding)
        if finding.suggestion:
            detail += f"\n提案: {finding.suggestion}"
        failure.text = _clean(detail)
        failures += 1
    for item in result.suppressed:  # allowed on purpose: a skipped case that says why and by whom
        finding = item.finding
        case = _case(suite, result, finding)
        reason = f"抑止: {item.reason or '（理由の記載なし）'}"
        if item.approved_by:
            reason += f"（承認: {item.approved_by}）"
        skipped = ElementTree.SubElement(case, "skipped", message=_clean(reason))
        skipped.text = _clean(_where(result, finding))
    if result.error is not None:
        case = ElementTree.SubElement(suite, "testcase", name="読み込み", classname=_clean(result.path))
        error = ElementTree.SubElement(case, "error", message=_clean(result.error.message), type="input")
        error.text = _clean(str(result.error))
        errors += 1
    if not result.findings and result.error is None:
        ElementTree.SubElement(suite, "testcase", name="sns-lint", classname=_clean(result.path))
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(len(result.suppressed)))
    return suite


def document(report: Report) -> ElementTree.Element:
    root = ElementTree.Element("testsuites", name="sns-lint")
    for result in report.files:
        root.append(_suite(result))
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(suite.get(key, "0")) for suite in root)))
    return root


def render(report: Report, out: TextIO) -> None:
    tree = ElementTree.ElementTree(document(report))
    ElementTree.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(tree.getroot(), encoding="unicode"))
    out.write("\n")
