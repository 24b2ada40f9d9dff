"""URL extraction in Japanese municipal posts: Japanese context and full-width forms.

Expected spans follow twitter-text's rules (what X links); full-width URLs are found
through the per-character NFKC mapping of ``extract_urls`` (X itself does not link them).
"""

from __future__ import annotations

import pytest

from sns_lint.analysis.urls import UrlMatch, extract_urls, find_urls
from sns_lint.analysis.weighted_length import weighted_length

FULLWIDTH_URL = "ｈｔｔｐｓ：／／ｗｗｗ．ｃｉｔｙ．ｋａｇｏｓｈｉｍａ．ｌｇ．ｊｐ／"

KAGOSHIMA = "www.city.kagoshima.lg.jp"

# id: (text, expected url as written, expected host, has_scheme)
CASES = {
    "fullwidth-https": (FULLWIDTH_URL, FULLWIDTH_URL, KAGOSHIMA, True),
    "fullwidth-no-scheme": (
        "市ＨＰ：ｗｗｗ．ｃｉｔｙ．ｋａｇｏｓｈｉｍａ．ｌｇ．ｊｐ／ｋｏｈｏ／をご覧ください",
        "ｗｗｗ．ｃｉｔｙ．ｋａｇｏｓｈｉｍａ．ｌｇ．ｊｐ／ｋｏｈｏ／",
        KAGOSHIMA,
        False,
    ),
    "mixed-width-path-and-query": (
        "ＨＰ：https://example.jp/ａｂｃ？ｑ＝１です",
        "https://example.jp/ａｂｃ？ｑ＝１",
        "example.jp",
        True,
    ),
    "shortener-no-scheme-in-japanese": ("申込はis.gd/Qx7vから", "is.gd/Qx7v", "is.gd", False),
    "fullwidth-parens": ("（詳細→https://buff.ly/3Zk）", "https://buff.ly/3Zk", "buff.ly", True),
    "japanese-before-and-after": (
        "詳しくはhttps://www.city.kagoshima.lg.jp/koho/index.htmlをご覧ください。",
        "https://www.city.kagoshima.lg.jp/koho/index.html",
        KAGOSHIMA,
        True,
    ),
    "lg-jp-no-scheme": (
        "詳細はcity.kagoshima.lg.jpへ",
        "city.kagoshima.lg.jp",
        "city.kagoshima.lg.jp",
        False,
    ),
    "www-no-scheme-spaces": (
        "市のサイト www.city.kagoshima.lg.jp をご覧ください",
        KAGOSHIMA,
        KAGOSHIMA,
        False,
    ),
    "followed-by-maru": ("案内はhttps://example.jp/a。次へ", "https://example.jp/a", "example.jp", True),
    "followed-by-ten": ("案内はhttps://example.jp/a、次へ", "https://example.jp/a", "example.jp", True),
    "kagi-brackets": ("「https://example.jp/a」", "https://example.jp/a", "example.jp", True),
    "sumitsuki-brackets": ("【https://example.jp/a】", "https://example.jp/a", "example.jp", True),
    "ascii-parens": ("(https://example.jp/a)", "https://example.jp/a", "example.jp", True),
    "no-scheme-then-fullwidth-paren": (
        "example.jp/path（詳細）",
        "example.jp/path",
        "example.jp",
        False,
    ),
    # twitter-text's path characters are ASCII, Latin accents and Cyrillic only:
    # the URL stops before Japanese path segments.
    "japanese-path-not-included": (
        "https://ja.wikipedia.org/wiki/鹿児島市",
        "https://ja.wikipedia.org/wiki/",
        "ja.wikipedia.org",
        True,
    ),
    "port-and-case": (
        "問合せ：https://EXAMPLE.JP:8080/x",
        "https://EXAMPLE.JP:8080/x",
        "example.jp",
        True,
    ),
    # twitter-text quirk: "。" is a valid host character, so a host run continues
    # through Japanese text up to a later TLD.  X links the whole thing.
    "quirk-maru-inside-host": (
        "https://www.city.kagoshima.lg.jp。次はexample.comへ",
        "https://www.city.kagoshima.lg.jp。次はexample.com",
        "www.city.kagoshima.lg.jp。次はexample.com",
        True,
    ),
}


@pytest.mark.parametrize(
    ("text", "url", "host", "has_scheme"), list(CASES.values()), ids=list(CASES)
)
def test_single_url(text: str, url: str, host: str, has_scheme: bool) -> None:
    found = extract_urls(text)
    assert len(found) == 1, found
    m = found[0]
    assert isinstance(m, UrlMatch)
    assert text[m.start : m.end] == m.url
    assert m.url == url
    assert m.host == host
    assert m.has_scheme is has_scheme
    if has_scheme:
        assert m.normalized.lower().startswith(("http://", "https://"))
    else:
        assert m.normalized.startswith("http://")
    assert m.normalized.isascii() or "。" in m.normalized


def test_fullwidth_normalized_form() -> None:
    (m,) = extract_urls(FULLWIDTH_URL)
    assert (m.start, m.end) == (0, len(FULLWIDTH_URL))
    assert m.normalized == "https://www.city.kagoshima.lg.jp/"


def test_fullwidth_is_not_a_url_for_x() -> None:
    # X does not link full-width URLs: no match without NFKC, and they count 2 per char.
    assert extract_urls(FULLWIDTH_URL, normalize_width=False) == []
    assert weighted_length(FULLWIDTH_URL) == 2 * len(FULLWIDTH_URL)


def test_offsets_after_expanding_characters() -> None:
    # "㈱" (1 char) NFKC-expands to "(株)" (3 chars): offsets still point into the original.
    text = "㈱ｶｺﾞｼﾏ　https://example.jp/a"
    (m,) = extract_urls(text)
    assert text[m.start : m.end] == m.url == "https://example.jp/a"
    assert m.start == text.index("https")


def test_several_urls_keep_order_and_spans() -> None:
    text = "①申込→https://example.jp/form　②詳細：ｗｗｗ．ｃｉｔｙ．ｋａｇｏｓｈｉｍａ．ｌｇ．ｊｐ"
    found = extract_urls(text)
    assert [m.host for m in found] == ["example.jp", "www.city.kagoshima.lg.jp"]
    for m in found:
        assert text[m.start : m.end] == m.url
    assert found[0].start < found[1].start


def test_long_japanese_run_glued_to_scheme_less_url_is_not_a_url() -> None:
    # twitter-text: the host run starts at the Japanese text; once its first label is
    # longer than 63 characters in punycode the whole candidate is rejected.
    glued = "詳しくは本市のホームページに掲載している新しい施設の利用申込の案内example.com"
    assert extract_urls(glued) == []
    spaced = "詳しくは本市のホームページに掲載している新しい施設の利用申込の案内 example.com"
    assert [m.url for m in extract_urls(spaced)] == ["example.com"]


def test_no_url_after_at_or_dollar_signs() -> None:
    assert extract_urls("＠city.kagoshima.lg.jp $example.com") == []


def test_weighted_length_japanese_post() -> None:
    text = "詳しくはhttps://www.city.kagoshima.lg.jp/koho/index.htmlをご覧ください。"
    # 4 + 8 Japanese characters count 2 each, the URL 23.
    assert weighted_length(text) == 4 * 2 + 23 + 8 * 2
    assert weighted_length(text, extract_urls(text)) == 4 * 2 + 23 + 8 * 2


def test_weighted_length_with_given_fullwidth_url_spans() -> None:
    # Passing extract_urls() spans counts the full-width URL as 23 (what it would be
    # once fixed to half-width), unlike the default X-exact count.
    text = "詳細：" + FULLWIDTH_URL
    assert weighted_length(text, extract_urls(text)) == 3 * 2 + 23
    assert weighted_length(text) == 3 * 2 + 2 * len(FULLWIDTH_URL)


@pytest.mark.parametrize(
    "text, urls",
    [
        # a long Japanese run glued before a scheme-less URL: X does not link it, a reader sees it
        (
            "こころの健康相談を毎週月曜日に受け付けています健康づくりポイントの対象事業が増えました。bit.ly/2rg7Jwf熱中症に注意",
            ["bit.ly/2rg7Jwf"],
        ),
        ("予約制の事業が増えました。詳細はhttps://tinyurl.com/u3yELSへ。申込はtinyurl.com/abc", ["https://tinyurl.com/u3yELS", "tinyurl.com/abc"]),
        ("お問い合わせはkoho@city.kagoshima.lg.jpまで", []),
        ("＠city.kagoshima.lg.jp をフォロー", []),
        ("資料はreport.pdfと1.5km先の会場で", []),
    ],
)
def test_find_urls_also_reads_urls_glued_to_japanese(text, urls):
    found = find_urls(text)
    assert [m.url for m in found] == urls
    assert all(text[m.start : m.end] == m.url for m in found)
