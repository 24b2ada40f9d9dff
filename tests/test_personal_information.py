"""Clause 6-5 detectors as a user meets them: number extraction, phone shapes, address
normalisation, allow-lists from the policy, and masking of secrets in machine output."""

from __future__ import annotations

import pytest

from sns_lint.analysis.addresses import address_key, find_addresses, same_address
from sns_lint.analysis.numbers import find_numbers
from sns_lint.analysis.phones import PhoneAllowList, find_phones, phone_digits, phone_type
from sns_lint.masking import mask_secret
from tests.conftest import write

POLICY = """\
default_account: koho
own_domains: [city.kagoshima.lg.jp]
published_phones: ["099-216-"]
accounts:
  koho:
    platform: x
    contacts:
      phones: ["099-224-1111"]
      emails: ["koho@city.kagoshima.lg.jp"]
      addresses: ["鹿児島市山下町11番1号"]
"""


def test_number_runs_keep_offsets_into_the_original_text():
    text = "電話 ０９９－２２４－１１１１（内線241）、2024年"
    runs = find_numbers(text)
    assert [(text[r.start : r.end], r.digits) for r in runs] == [
        ("０９９－２２４－１１１１", "0992241111"), ("241", "241"), ("2024", "2024"),
    ]
    assert runs[0].groups == ("099", "224", "1111")


@pytest.mark.parametrize(
    "written, number",
    [
        ("099-224-1111", "0992241111"),
        ("(099)224-1111", "0992241111"),
        ("（099）224-1111", "0992241111"),
        ("０９９－２２４－１１１１", "0992241111"),
        ("0992241111", "0992241111"),
        ("+81-99-224-1111", "0992241111"),
        ("099‐224‐1111", "0992241111"),  # U+2010
        ("099ー224ー1111", "0992241111"),  # long-vowel mark typed as a hyphen
        ("090 1234 5678", "09012345678"),
    ],
)
def test_phone_shapes_seen_in_real_notices(written, number):
    text = f"電話 {written} まで"
    phones = find_phones(text, find_numbers(text))
    assert [(text[p.start : p.end], p.number) for p in phones] == [(written, number)]


def test_two_numbers_sharing_a_prefix_and_two_numbers_side_by_side():
    text = "099-216-1213・1513 または 099-224-1111 099-224-2222"
    phones = find_phones(text, find_numbers(text))
    assert [p.number for p in phones] == ["0992161213", "0992161513", "0992241111", "0992242222"]
    assert text[phones[1].start : phones[1].end] == "1513"


def test_local_numbers_and_non_numbers():
    text = "【電話】74-8082 〒892-8677 2024-12-01 1000020462012"
    phones = find_phones(text, find_numbers(text))
    assert [(p.number, p.local) for p in phones] == [("748082", True), ("8928677", True)]  # the rule reads the labels


def test_phone_types_come_from_phonenumbers():
    assert phone_type("09012345678") == "mobile"
    assert phone_type("0992241111") == "fixed_line"
    assert phone_type("0120123456") == "toll_free"
    assert phone_type("0570012345") == "uan"
    assert phone_type("05012345678") == "voip"
    assert phone_type("0000000000") is None


def test_allow_list_takes_numbers_prefixes_and_completes_local_numbers():
    allow = PhoneAllowList.build(["099-224-1111"], ["099-216-", "(099)274-8082"])
    text = "099-216-9999 099-224-1111 099-224-1112 74-8082"
    phones = find_phones(text, find_numbers(text))
    assert [allow.allows(p) for p in phones] == [True, True, False, True]
    assert phone_digits("+81 99-224-1111") == "0992241111"


@pytest.mark.parametrize(
    "written",
    ["山下町11番1号", "山下町11-1", "山下町１１－１", "山下町十一番一号", "山下町11番地1", "山下町11-1 シティプラザ内"],
)
def test_every_spelling_of_one_address_has_one_key(written):
    assert address_key(written) == "山下町11-1"
    assert same_address(address_key(written), address_key("鹿児島市山下町11番1号"))


def test_same_address_needs_equal_numbers_and_a_matching_place():
    assert not same_address(address_key("山下町11-2"), address_key("山下町11-1"))
    assert same_address(address_key("山下町11-1"), address_key("鹿児島県鹿児島市山下町11-1"))
    assert not same_address(address_key("城山町11-1"), address_key("山下町11-1"))


def test_address_candidates_need_block_and_house_numbers():
    assert [a.key for a in find_addresses("上荒田町3丁目5番12号と天文館三丁目")] == ["上荒田町3-5-12"]
    assert find_addresses("令和6年12月1日（日）、国道10号") == []


def test_masking_keeps_separators_and_the_last_characters():
    assert mask_secret("1234-5678-9018", 4) == "****-****-9018"
    assert mask_secret("Sakura2024!", 2) == "*********4!"
    assert "*" in mask_secret("abc", 4)  # a short value is never shown whole


def _check_json(cli, tmp_path, text):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", text)
    result = cli("check", "a.txt", "-f", "json")
    return result, result.json()["findings"]


def test_secrets_are_masked_in_json_and_never_repeated_in_messages(cli, tmp_path):
    secrets = ["Sakura2024!", "1234 5678 9018", "4111 1111 1111 1111", "7654321", "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"]
    text = (
        "ログインID：kagoshima_koho パスワード：Sakura2024!\n"
        "マイナンバー 1234 5678 9018\n"
        "カード 4111 1111 1111 1111\n"
        "返金先 普通 7654321\n"
        "token ghp_1234567890abcdefghijklmnopqrstuvwxyzAB\n"
    )
    result, findings = _check_json(cli, tmp_path, text)
    assert result.code == 1
    rules = [f["rule"] for f in findings]
    # the login ID, the password and the token (ID inside ログインID names the login ID again: one finding)
    assert rules.count("secret-value") == 3 and {"my-number", "card-number", "bank-account"} <= set(rules)
    for secret in secrets + ["kagoshima_koho"]:
        assert secret not in result.stdout, secret
    texts = {f["rule"]: f["text"] for f in findings}
    assert texts["my-number"] == "**** **** 9018"
    assert texts["card-number"] == "**** **** **** 1111"
    assert texts["bank-account"] == "***4321"
    password = [f for f in findings if f["rule"] == "secret-value" and f["line"] == 1][-1]
    assert password["text"] == "*********4!" and "3-3-ウ" in password["message"]


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "gitlab", "junit"])
def test_no_machine_format_carries_a_secret_value(cli, tmp_path, output_format):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", "パスワード：Sakura2024! マイナンバー 1234 5678 9018 暗証番号は 0915 です\n")
    result = cli("check", "a.txt", "-f", output_format)
    assert result.code == 1, result.stderr
    for secret in ("Sakura2024", "5678", "0915"):
        assert secret not in result.stdout, (output_format, secret)


def test_terminal_view_shows_the_users_own_line(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", "暗証番号は 0915 です\n")
    result = cli("check", "a.txt")
    assert result.code == 1 and "暗証番号は 0915 です" in result.stdout


def test_policy_contacts_and_published_phones_are_not_findings(cli, tmp_path):
    text = "代表 099-224-1111、市民課 099-216-1213、〒892-8677 鹿児島市山下町十一番一号、koho@city.kagoshima.lg.jp\n"
    result, findings = _check_json(cli, tmp_path, text)
    assert findings == [] and result.code == 0


def test_mobile_number_is_an_error_and_an_unknown_landline_is_information(cli, tmp_path):
    _result, findings = _check_json(cli, tmp_path, "担当 090-1234-5678、会場 099-999-0001\n")
    assert [(f["rule"], f["severity"], f["text"]) for f in findings] == [
        ("personal-phone", "error", "090-1234-5678"),
        ("unlisted-phone", "info", "099-999-0001"),
    ]


def test_email_severity_depends_on_the_address(cli, tmp_path):
    text = "a: taro.yamada@gmail.com b: jikkou@example.org c: info@city.kagoshima.lg.jp\n"
    _result, findings = _check_json(cli, tmp_path, text)
    assert [(f["text"], f["severity"]) for f in findings] == [
        ("taro.yamada@gmail.com", "error"), ("jikkou@example.org", "warning"),
    ]


def test_person_name_severity_counts_private_signals(cli, tmp_path):
    text = "山田花子さんに感謝状を贈りました。\n田中太郎さん（45）が火災で負傷しました。\n市長の下鶴隆央が出席します。\n"
    _result, findings = _check_json(cli, tmp_path, text)
    assert [(f["line"], f["text"], f["severity"]) for f in findings if f["rule"] == "person-name"] == [
        (1, "山田花子", "warning"), (2, "田中太郎", "error"),
    ]


def test_published_phones_must_look_like_numbers(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", 'published_phones: ["市民課"]\n')
    write(tmp_path / "a.txt", "お知らせ\n")
    result = cli("check", "a.txt")
    assert result.code == 2 and "published_phones の「市民課」は電話番号" in result.stderr


def test_a_venue_address_not_in_the_gazetteer_is_information(cli, tmp_path):
    text = "会場：中央公民館（鹿児島市山下町5番9号）\n火災があったのは上荒田町3丁目5番12号です。\n"
    _result, findings = _check_json(cli, tmp_path, text)
    assert [(f["line"], f["severity"]) for f in findings if f["rule"] == "private-address"] == [(1, "info"), (2, "error")]


@pytest.mark.parametrize(
    "text, severity",
    [
        # a venue named before the bracket the address is written in: information
        ("鹿児島県庁（〒890-8577 鹿児島市鴨池新町10番1号）の展望ロビーから", "info"),
        ("期日前投票所：サンエールかごしま（鹿児島市荒田一丁目4番1号）2階", "info"),
        ("説明会の会場はホテル〇〇鹿児島（鹿児島市与次郎一丁目8番10号）です。", "info"),
        ("保健所は新しい庁舎（鹿児島市鴨池二丁目25番1-11号）で業務を始めます。", "info"),
        # a person before the bracket, or the bracket closed before the address: an error
        ("落とし物の届け出人（鹿児島市伊敷5丁目3-2）", "error"),
        ("通報した方の自宅（鹿児島市鴨池二丁目25番1-11号）に伺いました。", "error"),
        ("市民文化ホール（休館中）の隣、上荒田町3丁目5番12号の住宅で火災がありました。", "error"),
    ],
)
def test_the_name_before_the_bracket_an_address_sits_in_says_whether_it_is_a_venue(cli, tmp_path, text, severity):
    _result, findings = _check_json(cli, tmp_path, text + "\n")
    [finding] = [f for f in findings if f["rule"] == "private-address"]
    assert finding["severity"] == severity
    assert finding["text"].endswith("号") or finding["text"].endswith("3-2")  # the whole house number (25番1-11号)


def test_phone_type_is_the_same_for_every_number_of_a_prefix():
    """phone_type asks phonenumbers once per (first seven digits, length): check that claim."""
    import random

    from sns_lint.analysis.phones import KNOWN_PREFIX, _parse_type

    rng = random.Random(20261125)
    for _ in range(500):
        length = rng.choice([10, 11])
        number = "0" + rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(length - 2))
        if number.startswith("010"):
            continue
        other = number[:KNOWN_PREFIX] + "".join(rng.choice("0123456789") for _ in range(length - KNOWN_PREFIX))
        assert _parse_type(number) == _parse_type(other), (number, other)


def test_context_words_match_as_a_case_insensitive_alternation_would():
    """Context words are searched in two fast patterns; a label in any case (tel, ＴＥＬ, Tel.)
    or with a letter IGNORECASE folds (ſ, K, ı) is found exactly where one IGNORECASE
    alternation finds it, and the word-list order (longest first) still decides."""
    import re

    from sns_lint.checkers.context_words import WordSet

    words = WordSet(("TEL", "ＴＥＬ", "電話", "電話番号", "Tel.", "ID", "sms", "kw"))
    for text in ("お問い合わせ tel 099", "ｔｅｌ：099", "電話番号 099", "ſms で", "\u212aw と", "ıd は", "xx tel. 電話"):
        expected = words.pattern.search(text)
        found = words.search(text)
        assert (found.span(), found.group()) == (expected.span(), expected.group())
    assert words.search("お知らせです") is None
    assert words.search("電話", 1) is None


def test_the_case_folding_table_of_context_words_covers_every_code_point():
    """Every character IGNORECASE matches for a Latin letter is the letter's two cases or one
    of the listed extras (the fast search writes them out)."""
    import re

    from sns_lint.analysis.literal_patterns import IGNORECASE_EXTRAS
    from sns_lint.checkers.context_words import LATIN_LETTERS

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = set(re.findall(f"[{''.join(sorted(LATIN_LETTERS))}]", every, re.IGNORECASE))
    for letter in LATIN_LETTERS:
        expected = {letter.lower(), letter.upper(), *IGNORECASE_EXTRAS.get(letter.lower(), "")}
        assert {c for c in folded if re.fullmatch(re.escape(letter), c, re.IGNORECASE)} == expected


def test_a_value_named_by_two_labels_is_one_finding(cli, tmp_path):
    """ログインID holds the paired label ID: the value after it is reported once, not twice."""
    _result, findings = _check_json(cli, tmp_path, "管理者ログインIDは admin01、パスワードは Kgsm#4471 です。\n")
    secrets = [(f["column"], f["end_column"]) for f in findings if f["rule"] == "secret-value"]
    assert len(secrets) == len(set(secrets)) == 2
