"""Every rule's own examples: each bad text must fire that rule, each good text must not."""

from __future__ import annotations

import pytest

from sns_lint.rulebook.loading import load_rules
from tests.rule_harness import findings_for_example

RULES = load_rules()
CASES = [
    pytest.param(rule, example, expected, id=f"{rule.id}-{'bad' if expected else 'good'}-{n}")
    for rule in RULES
    for expected, examples in ((True, rule.bad), (False, rule.good))
    for n, example in enumerate(examples)
]


def test_every_rule_has_bad_and_good_examples():
    assert RULES, "no built-in rules were loaded"
    for rule in RULES:
        assert rule.bad and rule.good, rule.id


@pytest.mark.parametrize("rule, example, expected", CASES)
def test_rule_example(rule, example, expected):
    fired = [f for f in findings_for_example(rule, example) if f.rule == rule.id]
    if expected:
        assert fired, f"{rule.id} should fire on: {example.text}"
        for finding in fired:
            original = example.text[finding.start : finding.end]
            if finding.text != original:  # a masked secret: same length, only '*' differs
                assert len(finding.text) == len(original)
                assert all(shown in ("*", kept) for shown, kept in zip(finding.text, original))
    else:
        assert not fired, f"{rule.id} fired on a good example: {example.text} -> {[f.text for f in fired]}"
