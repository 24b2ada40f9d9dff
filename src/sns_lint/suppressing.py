"""Suppressions, applied once for every rule (never inside a rule).

A finding is suppressed when a suppression of its post names its rule id or its clause
(ours or the cited guideline's number) and covers its line. What was suppressed is kept,
with the reason and the approver, so reports show what was allowed and by whom.
Two diagnostics of their own keep suppressions honest, like Ruff's unused ``noqa``:
a suppression without a reason, and one that suppresses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sns_lint.findings import Finding, Severity, Suppressed
from sns_lint.posts import Post
from sns_lint.rulebook.model import Example, Rule

WITHOUT_REASON = "suppression-without-reason"
UNUSED = "unused-suppression"

DIRECTIVE_RULES = (
    Rule(
        id=WITHOUT_REASON,
        clause="5-2",
        severity=Severity.WARNING,
        kind="suppression",
        summary="指摘を抑止するときは理由（承認の経緯）を書く",
        rationale=(
            "ガイドラインは、管理者の了承を得ずに発信する情報の範囲をあらかじめ決めて承認を得ておくよう求めています。"
            "指摘を黙って消すと、誰が何を認めたのかが後から分かりません。抑止には理由を添え、"
            "フロントマターの approved_by に承認者を書けば、報告に残ります。"
        ),
        message="抑止（{targets}）に理由がありません。承認の経緯が分かる理由を書いてください。",
        bad=(Example(text="<!-- sns-lint-disable-next-line 6-2 -->\n市立病院の看護婦さんです。\n"),),
        good=(Example(text="<!-- sns-lint-disable-next-line 6-2 昔の記事の引用のため 広報課長承認 -->\n市立病院の看護婦さんです。\n"),),
        path=Path(__file__),
    ),
    Rule(
        id=UNUSED,
        clause="5-2",
        severity=Severity.WARNING,
        kind="suppression",
        summary="何も抑止していない抑止（古い・綴りの誤り）を残さない",
        rationale=(
            "下書きを直したあとに残った抑止や、ルール ID を書き誤った抑止は、監査のときに"
            "「何かが認められた」と誤解させます。当たる指摘のない抑止は削除してください。"
        ),
        message="抑止（{targets}）に当たる指摘がありません。不要な抑止は削除してください。",
        bad=(Example(text="<!-- sns-lint-disable-next-line 5-7 短縮URLを使うため -->\n市のページをご覧ください。\n"),),
        good=(Example(text="<!-- sns-lint-disable-next-line 6-2 昔の記事の引用のため -->\n市立病院の看護婦さんです。\n"),),
        path=Path(__file__),
    ),
)


@dataclass
class PostOutcome:
    findings: list[Finding] = field(default_factory=list)  # shown and counted
    suppressed: list[Suppressed] = field(default_factory=list)


def apply_suppressions(
    findings: list[Finding],
    post: Post,
    rules: dict[str, Rule],
    known_targets: frozenset[str],
    diagnostic: "DiagnosticMaker",
) -> PostOutcome:
    suppressions = (*post.suppressions, *post.meta.allow)  # the narrowest first
    outcome = PostOutcome()
    if not suppressions and not post.problems:
        outcome.findings = findings
        return outcome
    used: set[int] = set()
    for finding in findings:
        rule = rules.get(finding.rule)
        names = {finding.rule, finding.clause, rule.clause if rule else finding.clause}
        chosen = None
        for number, suppression in enumerate(suppressions):
            if suppression.covers(finding.line) and names.intersection(suppression.targets):
                chosen = number
                break
        if chosen is None:
            outcome.findings.append(finding)
            continue
        used.add(chosen)
        suppression = suppressions[chosen]
        outcome.suppressed.append(
            Suppressed(finding, suppression.reason, post.meta.approved_by, suppression.kind, suppression.line)
        )
    diagnostics: list[Finding | None] = []
    for number, suppression in enumerate(suppressions):
        targets = "・".join(suppression.targets)
        if suppression.reason is None:
            diagnostics.append(diagnostic(post, WITHOUT_REASON, suppression.line, {"targets": targets}))
        if number not in used:
            unknown = [t for t in suppression.targets if t not in known_targets]
            if not unknown and not any(_active(rules, target, diagnostic.cite) for target in suppression.targets):
                continue  # only names rules this run does not use: it cannot be judged stale
            message = None
            if unknown:
                message = (
                    f"抑止の「{'・'.join(unknown)}」に当たるルール ID・項番はありません"
                    "（sns-lint rules で一覧を確認できます）。"
                )
            diagnostics.append(diagnostic(post, UNUSED, suppression.line, {"targets": targets}, message))
    for line, problem in post.problems:
        diagnostics.append(diagnostic(post, UNUSED, line, {"targets": ""}, problem))
    outcome.findings.extend(d for d in diagnostics if d is not None)
    outcome.findings.sort(key=Finding.sort_key)
    return outcome


def _active(rules: dict[str, Rule], target: str, cite) -> bool:
    """Whether a rule this run uses answers to ``target`` (id, clause or cited number)."""
    return target in rules or any(target in (rule.clause, cite(rule.clause)) for rule in rules.values())


class DiagnosticMaker:
    """Builds the findings about suppressions themselves, on the line they are written."""

    def __init__(self, rules: dict[str, Rule], cite):
        self.rules = rules
        self.cite = cite

    def __call__(self, post: Post, rule_id: str, line: int, values: dict, message: str | None = None) -> Finding | None:
        rule = self.rules.get(rule_id)
        if rule is None:  # the policy disabled it
            return None
        lines = post.source.lines
        whole = lines.line_text(line)
        text = whole.strip()
        column = len(whole) - len(whole.lstrip()) + 1
        start = lines.offset(line, column)
        return Finding(
            path=post.source.path,
            post=post.index,
            rule=rule.id,
            clause=self.cite(rule.clause),
            severity=rule.severity,
            message=message or rule.message.format_map(values),
            start=start,
            end=start + len(text),
            line=line,
            column=column,
            end_line=line,
            end_column=column + len(text),
            text=text,
        )

