"""The clause 6-2 term list and the token-based ``terms`` matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_lint.findings import Severity
from sns_lint.rulebook.loading import load_rules
from sns_lint.rulebook.model import Example
from tests.rule_harness import findings_for_example

RULE = next(r for r in load_rules() if r.id == "discriminatory-term")
HARMLESS = [
    line
    for line in (Path(__file__).parent / "data" / "terms-harmless-sentences.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def hits(text: str) -> list:
    return findings_for_example(RULE, Example(text=text))


def test_the_list_is_large_and_every_entry_says_why_and_what_instead():
    entries = RULE.data.entries
    assert len(entries) >= 150
    categories = {e.category for e in entries}
    assert {"職業", "障害・病気", "人種・民族・国籍", "性別", "出身・居住", "身分・境遇", "その他"} <= categories
    for entry in entries:
        assert entry.preferred and entry.note and entry.source, entry.words


def test_preferred_and_legal_terms_are_never_listed():
    listed = {w for e in RULE.data.entries for w in e.words}
    assert not listed & {"障害者", "障がい者", "看護師", "保育士", "外国人", "認知症", "統合失調症"}


@pytest.mark.parametrize("sentence", HARMLESS)
def test_harmless_sentences_do_not_fire(sentence):
    assert [f.text for f in hits(sentence)] == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("看護婦さん", "看護婦"),
        ("ｷﾁｶﾞｲ", "ｷﾁｶﾞｲ"),  # half-width katakana
        ("きちがい", "きちがい"),  # hiragana
        ("かんごふさん", "かんごふ"),  # mis-split hiragana: matched by reading
        ("カンゴフさん", "カンゴフ"),  # unknown katakana word: matched by reading
        ("昔は裏日本と呼ばれた", "裏日本"),  # a word of two tokens
    ],
)
def test_spelling_variants_fire(text, flagged):
    assert flagged in [f.text for f in hits(text)]


def test_normalised_form_alone_is_not_enough():
    # 片端 shares 片輪's normalised form but reads カタハシ; らい (in らいねん) normalises to 癩.
    assert hits("片端から調べる") == []
    assert hits("らいねんもよろしく") == []


def test_preferred_spelling_is_never_flagged_through_its_normalised_form():
    # 障がい者 normalises to 障害者 in Sudachi; neither is listed, both must stay clean.
    assert hits("障がい者と障害者の福祉") == []


def test_context_dependent_entries_are_warnings():
    [finding] = hits("町の床屋さん")
    assert finding.severity is Severity.WARNING
    [finding] = hits("病院の看護婦")
    assert finding.severity is Severity.ERROR


def test_name_exception_keeps_people_names_clean():
    assert hits("土方さんが来庁しました") == []
    assert [f.text for f in hits("父は土方をしていた")] == ["土方"]


def _flagged_cases():
    import yaml

    data = yaml.safe_load((Path(__file__).parent / "data" / "terms-flagged-sentences.yaml").read_text(encoding="utf-8"))
    return [pytest.param(word, sentence, id=f"{word}-{n}") for word, sentences in data.items() for n, sentence in enumerate(sentences)]


@pytest.mark.parametrize("word, sentence", _flagged_cases())
def test_listed_words_fire_in_real_sentences(word, sentence):
    # the finding covers the word as written there, inflected or not (女々しく for 女々しい)
    assert any(f.text[0] == word[0] for f in hits(sentence)), [f.text for f in hits(sentence)]


def test_empty_sudachi_token_does_not_break_matching():
    # Sudachi emits an empty token before a lone zero-width joiner
    assert hits("㈱\u200d") == []
    assert [f.text for f in hits("㈱\u200d看護婦")] == ["看護婦"]
