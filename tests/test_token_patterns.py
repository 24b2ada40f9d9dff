"""The ``token_pattern`` kind: token specs, cues and their scopes, disguised spellings, speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_lint.errors import RuleFileError
from sns_lint.rulebook.loading import load_rule_file, load_rules
from sns_lint.rulebook.model import Example
from sns_lint.yaml_loading import load_yaml
from tests.conftest import write
from tests.rule_harness import findings_for_example

RULES = {r.id: r for r in load_rules()}


def rule_from(tmp_path: Path, body: str):
    header = (
        "id: test-rule\nclause: \"6-9\"\nseverity: warning\nkind: token_pattern\nsummary: s\nrationale: r\n"
        "message: \"{text}（{word}）\"\nexamples: {bad: [x], good: [y]}\n"
    )
    return load_rule_file(write(tmp_path / "rule.yaml", header + body))


def texts(rule, text: str, account: str | None = None) -> list[str]:
    return [f.text for f in findings_for_example(rule, Example(text=text, account=account)) if f.rule == rule.id]


# ---------------------------------------------------------------- token specs


def test_phrase_matches_other_spellings_with_the_same_reading_only(tmp_path):
    rule = rule_from(tmp_path, "entries:\n  - words: [おすすめ]\n  - words: [アホ]\n  - words: [死ね]\n")
    assert texts(rule, "おすすめの店") == ["おすすめ"]
    assert texts(rule, "お勧めの店") == ["お勧め"]  # same normalised form, same reading
    assert texts(rule, "オススメの店") == ["オススメ"]
    assert texts(rule, "アホウドリを見た") == []  # a longer token is another word
    assert texts(rule, "死ぬ") == []  # same normalised form (死ぬ), another reading


def test_lemma_form_pos_and_regex_specs(tmp_path):
    rule = rule_from(
        tmp_path,
        "entries:\n"
        "  - patterns: [[{text: 死ね, lemma: 死ぬ}]]\n"
        "  - patterns: [[{lemma: 消える, form: 命令形}]]\n"
        "  - patterns: [[{text: [©]}, {pos: 空白, op: '*'}, {regex: '[0-9]{4}'}]]\n",
    )
    assert texts(rule, "死ね") == ["死ね"]
    assert texts(rule, "まだ死ねない") == []  # 死ねる, not 死ぬ
    assert texts(rule, "消えろ") == ["消えろ"]
    assert texts(rule, "火が消える") == []
    assert texts(rule, "© 2024 某社") == ["© 2024"]
    assert texts(rule, "©某社") == []


def test_optional_and_repeated_tokens(tmp_path):
    rule = rule_from(
        tmp_path,
        "entries:\n  - patterns: [[検討中, の, {pos: [名詞, 接頭辞], op: '*'}, {text: 案}]]\n",
    )
    assert texts(rule, "検討中の案です") == ["検討中の案"]
    assert texts(rule, "検討中の新庁舎建設計画案です") == ["検討中の新庁舎建設計画案"]
    assert texts(rule, "検討中の事業です") == []


@pytest.mark.parametrize(
    "entry, message",
    [
        ("  - patterns: [[{op: '?', text: a}]]", "最初のトークン"),
        ("  - patterns: [[{colour: red}]]", "不明なキー「colour」"),
        ("  - patterns: [[{text: a, op: '%'}]]", "op「%」"),
        ("  - patterns: [[{regex: '('}]]", "regex"),
        ("  - words: [あ]\n    when: [nowhere]", "「nowhere」は cues に定義されていません"),
        ("  - words: [あ]\n    colour: red", "不明なキー「colour」"),
    ],
)
def test_bad_rule_data_is_a_clear_error(tmp_path, entry, message):
    with pytest.raises(RuleFileError) as error:
        rule_from(tmp_path, "entries:\n" + entry + "\n")
    assert message in str(error.value)
    assert "rule.yaml" in str(error.value)


def test_bad_cue_scope_is_a_clear_error(tmp_path):
    with pytest.raises(RuleFileError) as error:
        rule_from(tmp_path, "cues:\n  c: {after: post, phrases: [a]}\nentries:\n  - words: [あ]\n    when: [c]\n")
    assert "around" in str(error.value)


# ---------------------------------------------------------------- cues


CUES = """cues:
  soon: {after: 2, phrases: [しよう, [{text: を}, {lemma: する, form: 意志推量形}]]}
  fine: {after: sentence, phrases: [大丈夫, [{norm: ばれる}, {text: ない}]]}
  never: {around: sentence, phrases: [[{text: [ない, 禁止]}]]}
  invited: {around: post, phrases: [意見募集]}
entries:
  - words: [ポイ捨て]
    when: [soon, fine]
    unless: [never, invited]
"""


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("ポイ捨てしよう", True),
        ("ポイ捨てをしよう", True),
        ("ポイ捨てしてもバレない", True),  # ない inside the encouraging cue is not a prohibition
        ("ポイ捨ては大丈夫", True),
        ("ポイ捨ては禁止です。", False),
        ("ポイ捨てしても大丈夫ではない", False),
        ("ポイ捨て。大丈夫。", False),  # the cue is in the next sentence
        ("ポイ捨てを見つけたら拾おう。しよう。", False),
        ("ポイ捨てしよう\n意見募集を始めます", False),  # a post-wide cue
        ("ポイ捨ての現場を見学しよう", False),  # the encouragement is not about the act
    ],
)
def test_cues_decide_within_their_scope(tmp_path, text, flagged):
    rule = rule_from(tmp_path, CUES)
    assert bool(texts(rule, text)) is flagged


def test_before_cue_and_at_end(tmp_path):
    rule = rule_from(
        tmp_path,
        "cues:\n"
        "  person: {before: 2, phrases: [[{text: [お前, あいつ]}]]}\n"
        "  ends: {after: 1, at_end: true, phrases: [だ]}\n"
        "entries:\n  - words: [クズ]\n    when: [person]\n  - words: [ゴミ]\n    when: [ends]\n",
    )
    assert texts(rule, "お前はクズ") == ["クズ"]
    assert texts(rule, "紙のクズ") == []
    assert texts(rule, "社会のゴミ") == ["ゴミ"]
    assert texts(rule, "社会のゴミだ") == ["ゴミ"]
    assert texts(rule, "社会のゴミ問題") == []


def test_unless_cue_inside_the_match_does_not_count_but_one_reaching_past_it_does(tmp_path):
    rule = rule_from(
        tmp_path,
        "cues:\n"
        "  bans: {around: sentence, phrases: [違反]}\n"
        "  idiom: {around: 1, phrases: [[バカ, 正直]]}\n"
        "entries:\n  - words: [スピード違反]\n    unless: [bans]\n  - words: [バカ]\n    unless: [idiom]\n",
    )
    assert texts(rule, "スピード違反しよう") == ["スピード違反"]
    assert texts(rule, "バカ正直な人") == []
    assert texts(rule, "あいつはバカだ") == ["バカ"]


def test_overlapping_matches_of_one_rule_give_one_finding(tmp_path):
    rule = rule_from(tmp_path, "entries:\n  - words: [個人的には]\n  - words: [個人的に]\n  - words: [的]\n")
    assert texts(rule, "個人的には好きです") == ["個人的には"]


# ---------------------------------------------------------------- disguised spellings


def test_masked_and_lookalike_spellings_of_the_obscenity_list():
    rule = RULES["obscene-language"]
    assert texts(rule, "ち○こ") == ["ち○こ"]
    assert texts(rule, "チ×コ") == ["チ×コ"]
    assert texts(rule, "ㄘんこ") == ["ㄘんこ"]  # bopomofo look-alike of ち
    assert texts(rule, "まんこ") == ["まんこ"]
    assert texts(rule, "○月○日（○）に集合") == []
    assert texts(rule, "ち○○") == []  # too few letters left to be a word
    assert texts(rule, "チンチン電車に乗る") == []


def test_textlint_conformance_cases():
    cases = load_yaml(
        (Path(__file__).parent / "conformance" / "ja_inappropriate_words" / "textlint-tests.yml").read_text(encoding="utf-8"),
        "textlint-tests.yml",
        RuleFileError,
    )
    rules = [r for r in RULES.values() if r.clause in ("6-1", "6-2", "6-7")]
    for text in cases["valid"]:
        assert [f.text for r in rules for f in findings_for_example(r, Example(text=text))] == []
    for case in cases["invalid"]:
        found = [f for r in rules for f in findings_for_example(r, Example(text=case["text"]))]
        expected = case["errors"][0]
        assert [(f.line, f.column + 1) for f in found] == [(expected["line"], expected["column"])] or [
            (f.line, f.column) for f in found
        ] == [(expected["line"], expected["column"])]


# ---------------------------------------------------------------- speakers


def test_mayor_account_is_exempt_from_personal_opinion():
    rule = RULES["personal-opinion"]
    text = "私は、この計画を進めるべきだと考えています。"
    assert texts(rule, text) == ["私は"]
    assert texts(rule, text, account="mayor-x") == []


def test_front_matter_speaker_marks_the_mayors_greeting(cli, tmp_path):
    body = "個人的には、今年のおはら祭が一番楽しかったです。\n"
    write(tmp_path / "staff.txt", body)
    write(tmp_path / "mayor.txt", "---\nspeaker: mayor\n---\n" + body)
    staff = cli("check", "staff.txt", "--format", "json", "--fail-on", "warning")
    assert staff.code == 1 and [f["clause"] for f in staff.json()["findings"]] == ["6-3"]
    mayor = cli("check", "mayor.txt", "--format", "json", "--fail-on", "warning")
    assert mayor.code == 0 and mayor.json()["findings"] == []


def test_unknown_speaker_is_an_input_error(cli, tmp_path):
    write(tmp_path / "a.txt", "---\nspeaker: boss\n---\n本文\n")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "speaker「boss」" in result.stderr and "a.txt" in result.stderr


def test_account_speaker_in_the_policy(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "accounts:\n  mayor: {platform: x, speaker: mayor}\n  koho: {platform: x}\n")
    body = "正直、この決定は正しかったと思います。\n"
    write(tmp_path / "m.txt", "---\naccount: mayor\n---\n" + body)
    write(tmp_path / "k.txt", "---\naccount: koho\n---\n" + body)
    assert cli("check", "m.txt", "--fail-on", "warning").code == 0
    assert cli("check", "k.txt", "--fail-on", "warning").code == 1
    write(tmp_path / "sns-lint.yaml", "accounts:\n  mayor: {platform: x, speaker: president}\n")
    bad = cli("check", "m.txt")
    assert bad.code == 2 and "speaker" in bad.stderr


# ---------------------------------------------------------------- explain WORD


@pytest.mark.parametrize(
    "word, rule_id, shown",
    [
        ("看護婦", "discriminatory-term", "看護師"),
        ("かんごふ", "discriminatory-term", "看護師"),  # found through its reading
        ("飲酒運転", "illegal-act-encouragement", "勧める言い方"),
        ("ぶっちゃけ", "personal-opinion", "市では"),
        ("拾い画", "others-rights", "著作権"),
    ],
)
def test_explain_a_word(cli, word, rule_id, shown):
    result = cli("explain", word)
    assert result.code == 0
    assert rule_id in result.stdout and shown in result.stdout


def test_explain_an_unknown_word_exits_2(cli):
    result = cli("explain", "ふつうのことば")
    assert result.code == 2
    assert "ふつうのことば" in result.stderr


# ---------------------------------------------------------------- data, not code


def test_a_user_rule_adds_phrases_without_python(cli, tmp_path):
    write(
        tmp_path / "rules" / "slogans.yaml",
        "id: no-slogan\nclause: \"6-1\"\nseverity: error\nkind: token_pattern\nsummary: s\nrationale: r\n"
        "message: \"「{text}」は使いません\"\nentries:\n  - words: [ヤバい]\n    unless: [quoted]\n"
        "cues:\n  quoted: {before: 1, phrases: [「]}\nexamples: {bad: [ヤバい], good: [「ヤバい」]}\n",
    )
    write(tmp_path / "sns-lint.yaml", "rules: {paths: [rules]}\n")
    write(tmp_path / "a.txt", "この景色はヤバい\n")
    write(tmp_path / "b.txt", "「ヤバい」は若者言葉です\n")
    assert cli("check", "a.txt").code == 1
    assert cli("check", "b.txt").code == 0
