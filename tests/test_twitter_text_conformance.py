"""twitter-text conformance: URL extraction and X weighted length.

The YAML files in tests/conformance/twitter_text/ are verbatim copies from
https://github.com/twitter/twitter-text (Apache-2.0); they are read at test time, as the
upstream conformance README asks.  Indices are code-point offsets, as the Ruby and JS
conformance runners compare them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sns_lint.analysis.urls import extract_urls
from sns_lint.analysis.weighted_length import weighted_length

DATA = Path(__file__).parent / "conformance" / "twitter_text"


def _section(filename: str, name: str) -> list:
    with open(DATA / filename, encoding="utf-8") as fh:
        tests = yaml.safe_load(fh)["tests"][name]
    return [pytest.param(case, id=case["description"]) for case in tests]


def _urls(text: str, *, normalize_width: bool) -> list[str]:
    found = extract_urls(text, normalize_width=normalize_width)
    for m in found:
        assert text[m.start : m.end] == m.url
    return [m.url for m in found]


def _urls_with_indices(text: str, *, normalize_width: bool) -> list[dict]:
    found = extract_urls(text, normalize_width=normalize_width)
    return [{"url": m.url, "indices": [m.start, m.end]} for m in found]


# --- required sections -------------------------------------------------------------


@pytest.mark.parametrize("case", _section("extract.yml", "urls"))
@pytest.mark.parametrize("normalize_width", [True, False], ids=["nfkc", "raw"])
def test_extract_urls(case: dict, normalize_width: bool) -> None:
    assert _urls(case["text"], normalize_width=normalize_width) == case["expected"]


@pytest.mark.parametrize("case", _section("extract.yml", "urls_with_indices"))
@pytest.mark.parametrize("normalize_width", [True, False], ids=["nfkc", "raw"])
def test_extract_urls_with_indices(case: dict, normalize_width: bool) -> None:
    got = _urls_with_indices(case["text"], normalize_width=normalize_width)
    assert got == case["expected"]


@pytest.mark.parametrize(
    "case", _section("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest")
)
def test_weighted_length_v3(case: dict) -> None:
    text = case["text"]
    expected = case["expected"]["weightedLength"]
    assert weighted_length(text) == expected
    # Same result when the caller passes twitter-text's own URL spans.
    assert weighted_length(text, extract_urls(text, normalize_width=False)) == expected


# --- further sections that exercise the same code ------------------------------------


@pytest.mark.parametrize("case", _section("extract.yml", "urls_with_directional_markers"))
def test_extract_urls_with_directional_markers(case: dict) -> None:
    assert _urls_with_indices(case["text"], normalize_width=True) == case["expected"]


@pytest.mark.parametrize("case", _section("extract.yml", "tco_urls_with_params"))
def test_extract_tco_urls_with_params(case: dict) -> None:
    assert _urls(case["text"], normalize_width=True) == case["expected"]


@pytest.mark.parametrize("case", _section("validate.yml", "UnicodeDirectionalMarkerCounterTest"))
def test_weighted_length_directional_markers(case: dict) -> None:
    assert weighted_length(case["text"]) == case["expected"]["weightedLength"]
