"""Run rules over analysed posts and turn their hits into findings.

The linter knows rules only through their kind's ``Checker``; it applies the
policy's ``disable`` and ``severity`` settings, cites the clause in the user's
guideline, formats messages once and applies suppressions once (``suppressing.py``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Callable

from sns_lint.analysis.post_analysis import PostAnalysis
from sns_lint.checkers import Hit, kind_module
from sns_lint.config.model import Config
from sns_lint.findings import MAX_FINDING_TEXT, Finding, Severity
from sns_lint.posts import Post
from sns_lint.rulebook.model import Rule
from sns_lint.suppressing import DIRECTIVE_RULES, DiagnosticMaker, PostOutcome, apply_suppressions


class _Placeholders(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


MAX_FINDINGS_PER_RULE = 1_000  # per file: then one finding says how many more there are


class FindingLimit:
    """Counts one file's hits per rule; past the limit they are counted, not kept."""

    def __init__(self, limit: int | None = None):
        self.limit = MAX_FINDINGS_PER_RULE if limit is None else limit
        self.counts: dict[str, int] = defaultdict(int)
        self.first_omitted: dict[str, tuple[Post, Hit]] = {}

    def admit(self, post: Post, hit: Hit) -> bool:
        count = self.counts[hit.rule_id] = self.counts[hit.rule_id] + 1
        if count <= self.limit:
            return True
        if count == self.limit + 1:
            self.first_omitted[hit.rule_id] = (post, hit)
        return False

    def summaries(self, ruleset: "RuleSet") -> list[Finding]:
        """One finding per capped rule, at its first omitted hit, saying how many were left out."""
        out = []
        for rule_id, (post, hit) in self.first_omitted.items():
            omitted = self.counts[rule_id] - self.limit
            finding = ruleset._finding(post, hit)
            message = (
                f"このファイルではこのルールの指摘が {self.limit:,} 件を超えたため、ここから先の {omitted:,} 件は"
                f"省略しました（同じ指摘: {finding.message}）。"
            )
            out.append(replace(finding, message=message, suggestion=None))
        return out


@dataclass
class RuleSet:
    rules: dict[str, Rule]
    checkers: list[Any]
    overridden: frozenset[str] = frozenset()  # rules whose severity the policy set
    guideline: Any = None  # GuidelineProfile: how clauses are cited
    known_targets: frozenset[str] = frozenset()  # every rule id and clause a suppression may name

    @classmethod
    def build(
        cls,
        rules: list[Rule],
        config: Config | None = None,
        warnings: list[str] | None = None,
        directives: bool = True,
    ) -> "RuleSet":
        """``directives``: add the suppression diagnostics (a caller that selected rules already chose)."""
        from sns_lint.guidelines import load_guideline

        guideline = config.guideline if config is not None and config.guideline is not None else load_guideline(None)
        if directives:
            present = {r.id for r in rules}
            rules = [*rules, *(r for r in DIRECTIVE_RULES if r.id not in present)]
        settings = config.rules if config else None
        known = {name for r in rules for name in r.names(guideline.cite)}
        if settings and warnings is not None:
            for key in sorted({*settings.disable, *settings.severity}):
                if key not in known:
                    warnings.append(
                        f"{config.display_path}: rules の「{key}」に当たるルール ID・項番はありません"
                        "（sns-lint rules で一覧を確認できます）。"
                    )
        active: dict[str, Rule] = {}
        overridden: set[str] = set()
        for rule in rules:
            names = rule.names(guideline.cite)
            if settings and any(name in settings.disable for name in names):
                continue
            if settings:
                override = next((settings.severity[n] for n in names if n in settings.severity), None)
                if override:
                    rule = rule.with_severity(Severity.parse(override))
                    overridden.add(rule.id)
            active[rule.id] = rule
        by_kind: dict[str, list[tuple[Rule, Any]]] = defaultdict(list)
        for rule in active.values():
            if rule.kind != "suppression":  # the linter's own diagnostics have no checker
                by_kind[rule.kind].append((rule, rule.data))
        checkers = [kind_module(kind).Checker(items) for kind, items in sorted(by_kind.items())]
        return cls(
            rules=active,
            checkers=checkers,
            overridden=frozenset(overridden),
            guideline=guideline,
            known_targets=frozenset(known),
        )

    def check(self, analysis: PostAnalysis, limit: "FindingLimit | None" = None) -> list[Finding]:
        """The findings left to report (suppressed ones and their trace: ``check_post``)."""
        return self.check_post(analysis, limit).findings

    def check_post(self, analysis: PostAnalysis, limit: "FindingLimit | None" = None) -> PostOutcome:
        post = analysis.post
        analysis.form_gate = self._form_gate
        findings = []
        for checker in self.checkers:
            for hit in checker.check(analysis):
                if limit is None or limit.admit(post, hit):
                    findings.append(self._finding(post, hit))
        findings.sort(key=Finding.sort_key)
        findings = self._drop_superseded(findings)
        return apply_suppressions(findings, post, self.rules, self.known_targets, self._diagnostic)

    @cached_property
    def _form_gate(self) -> "Callable[[str], bool] | None":
        """Which tokens' normalised forms the rules may ask about (see ``Tokens``)."""
        gates = [c.wants_normalized_form for c in self.checkers if hasattr(c, "wants_normalized_form")]
        if not gates:
            return None
        if len(gates) == 1:
            return gates[0]
        return lambda surface: any(gate(surface) for gate in gates)

    @cached_property
    def _diagnostic(self) -> DiagnosticMaker:
        return DiagnosticMaker(self.rules, self.guideline.cite)

    def _drop_superseded(self, findings: list[Finding]) -> list[Finding]:
        """One message per problem: a finding is dropped where a rule that supersedes its rule
        fired on an overlapping span (a shortened URL is not also an external link)."""
        covering: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for f in findings:
            for target in self.rules[f.rule].supersedes:
                covering[target].append((f.start, f.end))
        if not covering:
            return findings
        index = {}
        for target, spans in covering.items():
            spans.sort()
            starts = [start for start, _end in spans]
            reach, furthest = [], -1  # furthest end among the spans so far
            for _start, end in spans:
                furthest = max(furthest, end)
                reach.append(furthest)
            index[target] = (starts, reach)
        kept = []
        for f in findings:
            if f.rule in index:
                starts, reach = index[f.rule]
                last = bisect_left(starts, f.end) - 1
                if last >= 0 and reach[last] > f.start:
                    continue
            kept.append(f)
        return kept

    def _finding(self, post: Post, hit: Hit) -> Finding:
        rule = self.rules[hit.rule_id]
        lines = post.source.lines
        if hit.file_span is not None:  # metadata outside the post text
            start, end = hit.file_span
            text = post.source.text[start : min(end, start + MAX_FINDING_TEXT + 1)]
        else:
            start, end = post.file_span(hit.start, hit.end)
            text = post.text[hit.start : min(hit.end, hit.start + MAX_FINDING_TEXT + 1)]  # no copy of a huge span
        if len(text) > MAX_FINDING_TEXT:
            text = text[:MAX_FINDING_TEXT] + "…"
        if hit.mask is not None:
            from sns_lint.masking import mask_secret

            text = mask_secret(text, hit.mask)
        values = _Placeholders(hit.values)
        values["text"] = text
        suggestion = rule.suggestion.format_map(values) if rule.suggestion else hit.suggestion
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        return Finding(
            path=post.source.path,
            post=post.index,
            rule=rule.id,
            clause=self.guideline.cite(rule.clause),
            severity=hit.severity if hit.severity is not None and rule.id not in self.overridden else rule.severity,
            message=rule.message.format_map(values),
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=text,
            suggestion=suggestion,
            replacements=hit.replacements,
        )
