"""Clause 6-5 precision: ordinary municipal sentences produce no 6-5 finding at warning or above.

The sentences (tests/data/pii-harmless-sentences.txt) are full of what a
personal-information detector can mistake: dates with weekdays, budgets,
〒 codes, the city's own and departments' phone numbers, officials' names
with titles, the 法人番号, instructions that mention passwords, a city's
donation account. Information-level findings (a department number that the
policy does not list yet) are allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_lint.findings import Severity
from sns_lint.rulebook.loading import load_rules
from sns_lint.rulebook.model import Example
from tests.rule_harness import findings_for_rules

SENTENCES = [
    line
    for line in (Path(__file__).parent / "data" / "pii-harmless-sentences.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
# every 6-5 detector, and the 5-4 gazetteer comparison built on the same candidates
RULES = [rule for rule in load_rules() if rule.clause == "6-5" or rule.id == "facility-accuracy"]


def test_there_are_at_least_100_sentences_and_every_6_5_detector_is_on():
    assert len(SENTENCES) >= 100
    kinds = {rule.kind for rule in RULES}
    assert {"phone_number", "email_address", "id_number", "private_address", "person_name", "secret"} <= kinds


@pytest.mark.parametrize("sentence", SENTENCES)
def test_ordinary_sentence_has_no_personal_information_warning(sentence):
    findings = findings_for_rules(RULES, Example(text=sentence))
    loud = [(f.rule, f.text) for f in findings if f.severity >= Severity.WARNING]
    assert not loud, f"{sentence} -> {loud}"
