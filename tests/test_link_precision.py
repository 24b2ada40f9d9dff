"""Links in real published notices: other municipalities' official sites, account pages,
and hosts that only look like the city's."""

from __future__ import annotations

import pytest

from tests.conftest import write

POLICY = "own_domains: [city.kagoshima.lg.jp]\nown_accounts: [kagoshima_koho]\ntrusted_domains: [go.jp]\n"


def rules_fired(cli, tmp_path, text: str, policy: str | None = POLICY) -> list[tuple[str, str]]:
    if policy is not None:
        write(tmp_path / "sns-lint.yaml", policy)
    write(tmp_path / "a.txt", text)
    findings = cli("check", "a.txt", "-f", "json", "--select", "5-8").json()["findings"]
    return [(f["rule"], f["text"]) for f in findings]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.pref.kagoshima.jp/ab01/kenko/index.html",
        "https://www.city.kirishima.kagoshima.jp/kurashi/",
        "https://www.town.yakushima.kagoshima.jp/",
        "http://vill.mishima.kagoshima.jp/",
        "https://www.metro.tokyo.jp/information/",
        "https://www.city.chiyoda.tokyo.jp/",
        "https://www.city.yokohama.jp/",
    ],
)
def test_other_municipalities_official_domains_are_trusted_by_default(cli, tmp_path, url):
    # the policy lists only go.jp: the reserved local-government names are trusted anyway
    assert rules_fired(cli, tmp_path, f"詳しくは {url} をご覧ください。\n") == [("trusted-link", url)]


def test_trusted_also_without_a_policy(cli, tmp_path):
    url = "https://www.city.kirishima.kagoshima.jp/"
    assert rules_fired(cli, tmp_path, f"霧島市 {url}\n", policy=None) == [("trusted-link", url)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.city.example.co.jp/",  # a company's domain whose first label is "city"
        "https://pref.example.jp/",
        "https://www.city.kagoshima.jp.example.com/",
    ],
)
def test_look_alikes_of_local_government_names_stay_external(cli, tmp_path, url):
    assert rules_fired(cli, tmp_path, f"詳しくは {url} をご覧ください。\n") == [("external-link", url)]


def test_a_facebook_account_page_is_an_external_link_like_an_x_profile(cli, tmp_path):
    text = "紀の川市 https://www.facebook.com/kinokawacity と https://x.com/kinokawa_city\n"
    assert rules_fired(cli, tmp_path, text) == [
        ("external-link", "https://www.facebook.com/kinokawacity"),
        ("external-link", "https://x.com/kinokawa_city"),
    ]


def test_posts_are_still_quotes_and_an_unknown_owner_is_said_once(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", "https://www.facebook.com/kinokawacity/posts/123 と https://www.instagram.com/p/CxYz123/\n")
    findings = cli("check", "a.txt", "-f", "json").json()["findings"]
    assert [f["rule"] for f in findings] == ["quote-other-account", "quote-other-account"]
    assert "（@kinokawacity）" in findings[0]["message"]
    assert "（URL からは不明）" in findings[1]["message"] and "（（" not in findings[1]["message"]


@pytest.mark.parametrize(
    "text, shown_host",
    [
        ("申込は https://www.city.kagoshima.lg.jp.evil.example/form から", "www.city.kagoshima.lg.jp.evil.example"),
        ("申込は www.city.kagoshima.lg.jp.evil.example から", "www.city.kagoshima.lg.jp.evil.example"),
        ("https://city.kagoshima.lg.jp.attacker.example.com/", "city.kagoshima.lg.jp.attacker.example.com"),
    ],
)
def test_a_host_that_continues_past_the_citys_domain_is_not_the_citys(cli, tmp_path, text, shown_host):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", text + "\n")
    [finding] = cli("check", "a.txt", "-f", "json", "--select", "5-8").json()["findings"]
    assert finding["rule"] == "external-link"
    assert shown_host in finding["message"] and finding["text"].split("//")[-1].startswith(shown_host)


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは https://www.city.kagoshima.lg.jp.をご覧ください。",
        "市のページ（https://www.city.kagoshima.lg.jp）をご覧ください。",
        "https://www.city.kagoshima.lg.jp/kurashi/index.html. ",
    ],
)
def test_the_citys_own_link_followed_by_punctuation_is_still_own(cli, tmp_path, text):
    assert rules_fired(cli, tmp_path, text + "\n") == []


PREFECTURES = (
    "hokkaido aomori iwate miyagi akita yamagata fukushima ibaraki tochigi gunma saitama chiba tokyo kanagawa "
    "niigata toyama ishikawa fukui yamanashi nagano gifu shizuoka aichi mie shiga kyoto osaka hyogo nara wakayama "
    "tottori shimane okayama hiroshima yamaguchi tokushima kagawa ehime kochi fukuoka saga nagasaki kumamoto oita "
    "miyazaki kagoshima okinawa"
).split()
NOTICES = (
    "【防災】県の避難情報は https://www.pref.{p}.jp/bosai/ をご確認ください。",
    "ふるさと納税の返礼品について、https://www.city.sample.{p}.jp/furusato/ でもご案内しています。",
    "合同就職説明会（主催: 県）の申込は https://www.pref.{p}.jp/shigoto/setsumeikai.html から。",
    "近隣の町の観光案内 https://www.town.sample.{p}.jp/kanko/ もあわせてご覧ください。",
)


def test_ordinary_notices_linking_other_local_governments_get_no_warning(cli, tmp_path):
    """188 ordinary sentences linking prefectures, cities and towns in all 47 prefectures:
    information at most (trusted-link), never an external-link or quote warning."""
    write(tmp_path / "sns-lint.yaml", POLICY)
    for n, p in enumerate(PREFECTURES):
        write(tmp_path / "drafts" / f"{n:02}.txt", "\n".join(t.format(p=p) for t in NOTICES) + "\n")
    assert len(PREFECTURES) * len(NOTICES) >= 100
    findings = cli("check", "drafts", "-f", "json", "--select", "5-8").json()["findings"]
    assert {f["severity"] for f in findings} <= {"info"}
    assert len(findings) == len(PREFECTURES) * len(NOTICES)
