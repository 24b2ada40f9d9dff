"""Clauses 5-7 and 5-8: shortened and obscured URLs, external links, quotes of other accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_lint.analysis.domains import DomainSet, parse_domain_list
from sns_lint.rulebook.loading import load_rules
from sns_lint.rulebook.model import Example
from tests.rule_harness import findings_for_example

RULES = {r.id: r for r in load_rules()}
RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
SHORTENERS = parse_domain_list((RULES_DIR / "data" / "url-shorteners.txt").read_text(encoding="utf-8"))


def fired(rule_id: str, text: str, **meta) -> list:
    return [f for f in findings_for_example(RULES[rule_id], Example(text=text, **meta)) if f.rule == rule_id]


def test_the_maintained_list_is_shipped_whole():
    assert len(SHORTENERS) == 1479
    assert {"bit.ly", "is.gd", "buff.ly", "forms.gle", "t.co"} <= set(SHORTENERS)


@pytest.mark.parametrize("domain", [d for d in SHORTENERS if d != "lin.ee"])
def test_every_listed_shortener_fires_with_and_without_scheme(domain):
    text = f"申込はhttps://{domain}/Qx7vから。予備 {domain}/Ab12 です"
    findings = fired("shortened-url", text)
    assert [f.text for f in findings] == [f"https://{domain}/Qx7v", f"{domain}/Ab12"]
    assert domain in findings[0].message


def test_subdomains_of_a_shortener_are_shorteners():
    assert [f.text for f in fired("shortened-url", "地図 https://maps.app.goo.gl/Ab1")] == ["https://maps.app.goo.gl/Ab1"]


def test_lin_ee_is_information_not_an_error():
    assert fired("shortened-url", "友だち追加 https://lin.ee/Ab1") == []
    [finding] = fired("official-short-link", "友だち追加 https://lin.ee/Ab1")
    assert finding.severity.label == "info"


@pytest.mark.parametrize(
    "text, words",
    [
        ("https://city.kagoshima.lg.jp@evil.example/x", "evil.example"),
        ("https://www.city.kagoshima.lg.jp:443@203.0.113.9/", "203.0.113.9"),
        ("http://203.0.113.9/form", "IP"),
        ("http://0xCB007109/", "IP"),
        ("https://xn--80ak6aa92e.com/", "偽装"),  # Cyrillic "аррӏе"
        ("https://paypaӏ.com/", "複数の文字体系"),
        ("https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2F", "転送"),
        ("https://example.com/r?next=//evil.example.net/", "転送"),
    ],
)
def test_obscured_urls(text, words):
    [finding] = fired("obscured-url", "リンク " + text + " です")
    assert words in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "https://鹿児島市.jp/",
        "https://xn--u9jz52g.jp/",  # punycode of a Japanese name
        "https://www.google.com/search?q=桜島+噴火",
        "https://www.city.kagoshima.lg.jp/index.html?q=ごみ",
        "https://example.com/?page=2&u=taro",
    ],
)
def test_honest_urls_are_not_obscured(text):
    assert fired("obscured-url", "リンク " + text + " です") == []


@pytest.mark.parametrize(
    "host, expected",
    [
        ("city.kagoshima.lg.jp", "own"),
        ("www.city.kagoshima.lg.jp", "own"),
        ("city.kagoshima.lg.jp.attacker.example.com", "external"),
        ("evilcity.kagoshima.lg.jp.com", "external"),
        ("pref.kagoshima.lg.jp", "trusted"),  # lg.jp is trusted, not own: kagoshima.lg.jp would cover the prefecture
        ("www.mhlw.go.jp", "trusted"),
        ("www.example.com", "external"),
    ],
)
def test_own_trusted_external(host, expected):
    text = f"詳しくは https://{host}/page をご覧ください"
    external, trusted = fired("external-link", text), fired("trusted-link", text)
    kind = "external" if external else "trusted" if trusted else "own"
    assert kind == expected
    if external:
        assert host in external[0].message and external[0].severity.label == "warning"


def test_domain_set_matches_whole_labels_only():
    domains = DomainSet(["city.kagoshima.lg.jp"])
    assert domains.match("www.city.kagoshima.lg.jp") == "city.kagoshima.lg.jp"
    assert domains.match("xcity.kagoshima.lg.jp") is None
    assert domains.match("city.kagoshima.lg.jp.evil.com") is None


@pytest.mark.parametrize(
    "text, account",
    [
        ("https://x.com/someone/status/1234567890", "@someone"),
        ("https://twitter.com/Someone/status/1", "@someone"),
        ("https://mobile.twitter.com/someone/status/1", "@someone"),
        ("https://www.threads.net/@someone/post/Cx1", "@someone"),
        ("https://www.facebook.com/otherpage/posts/123", "@otherpage"),
        ("https://www.instagram.com/p/Cx1/", "不明"),
        ("RT @someone: 台風情報", "@someone"),
        ("QT @someone 再掲", "@someone"),
    ],
)
def test_quotes_of_other_accounts(text, account):
    [finding] = fired("quote-other-account", text)
    assert account in finding.message
    assert fired("external-link", text) == []  # reported once, as a quote


@pytest.mark.parametrize(
    "text",
    [
        "https://x.com/kagoshima_koho/status/1234567890",
        "https://x.com/Kagoshima_Koho/status/1",
        "RT @kagoshima_koho: 再掲",
        "https://x.com/kagoshimacity",
    ],
)
def test_own_accounts_are_fine(text):
    assert fired("quote-other-account", text) == []
    assert fired("external-link", text) == []


def test_profile_of_another_account_is_an_external_link():
    [finding] = fired("external-link", "https://x.com/someone_else")
    assert "x.com" in finding.message


def test_one_message_per_link_even_when_spans_differ(cli, tmp_path):
    # X reads only "https://www.city" of this URL (.city is a TLD); the obscured-url finding
    # covers the whole URL and replaces the external-link warning on the overlapping part.
    from tests.conftest import write

    write(tmp_path / "a.txt", "予約 https://www.city.kagoshima.lg.jp@yoyaku.example.com/form\n")
    findings = cli("check", "a.txt", "-f", "json").json()["findings"]
    assert [f["rule"] for f in findings] == ["obscured-url"]
