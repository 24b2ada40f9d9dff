"""URL extraction compatible with twitter-text's ``extractUrlsWithIndices``.

A Python port of the URL regexes and extraction rules of twitter-text
(https://github.com/twitter/twitter-text, Apache-2.0, Copyright 2011 Twitter, Inc.;
JS ``src/regexp/*.js`` / ``src/extractUrlsWithIndices.js`` and Ruby ``regex.rb``), so that
what we call a URL is what X links and counts as 23 characters.  The TLD list is read
from ``data/tld_lib.yml`` (verbatim copy of twitter-text's ``conformance/tld_lib.yml``).

All offsets are code-point offsets (Python ``str`` indices), as the twitter-text
conformance suite expects.

``extract_urls`` additionally folds full-width ASCII to ASCII (one character for one)
before matching, so URLs typed with full-width forms (``ｈｔｔｐｓ：／／…``) are found too,
with spans that are offsets into the original text.  X itself does *not* link such full-width URLs:
pass ``normalize_width=False`` to get exactly what twitter-text/X extracts.

Start-up cost matters: the regexes and the TLD list are built on first use only.
"""

from __future__ import annotations

import os
import re as _re
import unicodedata
from functools import lru_cache
from bisect import bisect_left, insort
from dataclasses import dataclass, replace

from sns_lint.analysis.literal_patterns import IGNORECASE_EXTRAS

TYPE_CHECKING = False  # no ``typing`` import: start-up time matters
if TYPE_CHECKING:
    import re
    from collections.abc import Iterator

__all__ = ["UrlMatch", "extract_urls"]


@dataclass(frozen=True, slots=True)
class UrlMatch:
    start: int  # code-point offset into the ORIGINAL text
    end: int
    url: str  # the URL as written in the original text (original[start:end])
    normalized: str  # NFKC form of the url, "http://" added if it has no scheme
    host: str  # lower-cased host (xn-- labels decoded), without port
    has_scheme: bool


_DATA_DIR = os.path.join(os.path.dirname(__file__), "data")

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_DOMAIN_LABEL_LENGTH = 63
_DEFAULT_PROTOCOL = "https://"  # what twitter-text's isValidUrl assumes for length checks
_NORMALIZED_SCHEME = "http://"  # what twitter-text's autoLink prepends to scheme-less URLs

# ---------------------------------------------------------------------------
# Character groups (twitter-text src/regexp/*.js, regex.rb)
# ---------------------------------------------------------------------------

_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID_CHARS = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL_MARKERS = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
# Ruby PUNCTUATION_CHARS (a superset of JS punct.js: also '"' and '`') and CTRL_CHARS.
_PUNCT = "".join("\\" + c for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_CTRL = r"\x00-\x1F\x7F"
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B"
    r"\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"


class _Patterns:
    """The regexes, each compiled on first use (``_patterns``).

    ``anchor``, ``extract`` and ``ascii_domain`` hold the alternation of every TLD, which
    takes a noticeable time to compile: ``extract`` is built only for a text with a dot
    before a TLD, ``anchor`` only for a dot before a letter that is not plain ASCII
    (``_anchors`` looks the others up in ``ascii_tlds``), ``ascii_domain`` only for a
    scheme-less or ``xn--`` domain."""

    __slots__ = ("maybe_anchor", "host_run", "anchor", "extract", "ascii_domain", "tco", "tld", "ascii_tlds")

    def __init__(self) -> None:
        import re

        # "." + a letter: every TLD starts with a letter ("xn--" too)
        self.maybe_anchor = re.compile(r"\.[^\W\d_]")
        self.host_run = re.compile(rf"(?:{_DOMAIN_CHAR}|[\-_.])+")  # runs of characters a domain can use

    def __getattr__(self, name: str) -> re.Pattern[str] | str:
        """Compiles a pattern on first use (only called for an attribute not set yet)."""
        import re

        if name == "tld":
            country, generic = _load_tlds()
            value: re.Pattern[str] | str | frozenset[str] | None = (
                rf"(?:{_tld_group(generic)}|{_tld_group(country)}|(?:xn--[\-0-9a-z]+))"
            )
        elif name == "ascii_tlds":
            value = _ascii_tlds(*_load_tlds())
        elif name == "anchor":  # "." + TLD: every domain contains one
            value = re.compile(rf"\.{self.tld}", re.IGNORECASE)
        elif name == "extract":  # validUrl (extractUrl.js)
            value = re.compile(_extract_pattern(self.tld), re.IGNORECASE)
        elif name == "ascii_domain":  # validAsciiDomain.js (Ruby also allows "_" in labels; JS does not: follow JS)
            value = re.compile(rf"(?:(?:[\-a-z0-9{_LATIN_ACCENTS}]+)\.)+{self.tld}", re.IGNORECASE)
        elif name == "tco":  # validTcoUrl.js
            value = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHARS}*{_QUERY_ENDING})?", re.IGNORECASE)
        else:
            raise AttributeError(name)
        setattr(self, name, value)
        return value


_compiled: _Patterns | None = None


# Plain scalars YAML 1.1 would not read as strings (PyYAML: booleans / null).
_YAML11_NON_STRINGS = frozenset("y yes n no true false on off null ~".split())


def _load_tlds() -> tuple[list[str], list[str]]:
    """(country, generic) from tld_lib.yml.

    The file is a flat two-key YAML list; a tiny line parser keeps PyYAML's import cost
    out of the first call.  Falls back to PyYAML if the layout is ever different.
    """
    path = os.path.join(_DATA_DIR, "tld_lib.yml")
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    simple = True
    for line in lines:
        if not line.strip() or line.startswith("#") or line == "---":
            continue
        if line.startswith("- ") and current is not None:
            item = line[2:].strip()
            if len(item) > 2 and item[0] == item[-1] == "'" and "'" not in item[1:-1]:
                item = item[1:-1]  # 'no', 'off': quoted so YAML keeps them strings
            elif not item or item[0] in "'\"[{&*!|>%@`#" or " #" in item:
                simple = False
                break
            elif item.lower() in _YAML11_NON_STRINGS:
                simple = False
                break
            current.append(item)
        elif line.endswith(":") and not line.startswith(" "):
            current = lists.setdefault(line[:-1], [])
        else:
            simple = False
            break
    if not simple or "country" not in lists or "generic" not in lists:
        import yaml  # fallback only

        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        lists = {k: [str(x) for x in v] for k, v in data.items()}
    return lists["country"], lists["generic"]


def _tld_group(tlds: list[str]) -> str:
    """Alternation of *tlds* shaped like validGTLD.js / validCCTLD.js.

    The TLD must not run on into more letters/digits or into "@", "+", "-".  The
    alternatives are nested by first character (keeping the file order inside each
    group): same matches as the flat list, as alternatives with different first
    characters never compete, but far fewer branches for ``re`` to try.
    """
    import re

    groups: dict[str, list[str]] = {}
    for tld in tlds:
        groups.setdefault(tld[:1].lower(), []).append(tld)
    alts = "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(t[1:]) for t in members) + ")"
        for first, members in groups.items()
    )
    return rf"(?:(?:{alts})(?=[^0-9a-zA-Z@+\-]|\Z))"


def _ascii_tlds(country: list[str], generic: list[str]) -> frozenset[str] | None:
    """The ASCII TLDs, lower-cased, for ``_anchors`` to look up a dot followed by ASCII
    letters and digits without the TLD regex; None (always use the regex) if some other
    TLD had a letter that case-insensitive matching equates with an ASCII one."""
    tlds = country + generic
    if any(char in tld for tld in tlds for char in _FOLDS_TO_ASCII):
        return None
    return frozenset(tld.lower() for tld in tlds if tld.isascii())


_DOT_LABEL = _re.compile(r"\.([0-9A-Za-z]*)")  # a dot and the ASCII letters and digits after it
_LETTER = _re.compile(r"[^\W\d_]")  # every TLD starts with one
# The characters beyond ASCII that case-insensitive matching takes for an ASCII letter
# (İ ı ſ and the Kelvin sign): after ASCII letters, they could continue a TLD or end it
# differently. Any other character after the letters (a Japanese one, "/", a space) ends them.
_FOLDS_TO_ASCII = "".join(IGNORECASE_EXTRAS.values())
# punycode's [\-0-9a-z] read case-insensitively, spelt out (an ignore-case class costs
# milliseconds to compile)
_PUNYCODE_CHAR = _re.compile(f"[\\-0-9a-zA-Z{_FOLDS_TO_ASCII}]")


def _anchors(text: str, pats: _Patterns) -> set[int]:
    """Offsets of the dots followed by a TLD: ``{m.start() for m in pats.anchor.finditer(text)}``.

    A dot followed by ASCII letters and digits, and then by a character that ends them
    (anything but ``_FOLDS_TO_ASCII``) or the end, is followed by a TLD only if those
    letters are one, not run on into "@", "+" or "-" (or they are punycode's ``xn--``):
    a set lookup. Other dots followed by a letter are tried with the TLD regex, which is
    compiled only then."""
    ascii_tlds = pats.ascii_tlds
    end = len(text)
    found = set()
    for dot in _DOT_LABEL.finditer(text):
        label = dot.group(1)
        after = dot.end()
        if label and ascii_tlds is not None and (after == end or text[after] not in _FOLDS_TO_ASCII):
            lower = label.lower()
            if lower == "xn":
                if text.startswith("--", after) and _PUNYCODE_CHAR.match(text, after + 2):
                    found.add(dot.start())
            elif lower in ascii_tlds and (after == end or text[after] not in "@+-"):
                found.add(dot.start())
        elif label or (after < end and _LETTER.match(text, after)):
            if pats.anchor.match(text, dot.start()):
                found.add(dot.start())
    return found


def _patterns() -> _Patterns:
    global _compiled
    if _compiled is None:
        _compiled = _Patterns()
    return _compiled


_DOMAIN_CHAR = rf"[^{_PUNCT}{_SPACES}{_INVALID_CHARS}{_DIRECTIONAL_MARKERS}{_CTRL}]"
_QUERY_CHARS = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_ENDING = r"[a-z0-9\-_&=#/]"


def _extract_pattern(tld: str) -> str:
    """validUrl (extractUrl.js); *tld* is the alternation of every TLD and punycode."""
    domain_char = _DOMAIN_CHAR
    subdomain = rf"(?:(?:{domain_char}(?:[_\-]|{domain_char})*)?{domain_char}\.)"
    domain_name = rf"(?:(?:{domain_char}(?:-|{domain_char})*)?{domain_char}\.)"
    domain = rf"(?:{subdomain}*{domain_name}{tld})"

    general_path = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
    balanced_parens = (
        rf"\((?:{general_path}+|(?:{general_path}*\({general_path}+\){general_path}*))\)"
    )
    path_ending = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|(?:{balanced_parens}))"
    path = (
        rf"(?:(?:{general_path}*(?:{balanced_parens}{general_path}*)*{path_ending})"
        rf"|(?:@{general_path}+/))"
    )
    preceding = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID_CHARS}]|[{_DIRECTIONAL_MARKERS}]|^)"
    return (
        rf"({preceding})"  # 1 preceding character
        rf"("  # 2 URL
        rf"(https?://)?"  # 3 protocol
        rf"({domain})"  # 4 domain
        rf"(?::([0-9]+))?"  # 5 port
        rf"(/{path}*)?"  # 6 path
        rf"(\?{_QUERY_CHARS}*{_QUERY_ENDING})?"  # 7 query
        rf")"
    )


def _utf16_len(s: str) -> int:
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


_IDNA_SEPARATORS = _re.compile("[\u3002\uFF0E\uFF61]")


@lru_cache(maxsize=8192)
def _label_to_ascii(label: str) -> int:
    """The length of the label as punycode.js toASCII writes it: IDNA separators split the
    label further; only parts with non-ASCII characters ([^\0-\x7E]) are encoded."""
    if label.isascii() and "\x7f" not in label:
        return len(label)  # nothing to encode, and no separator (they are not ASCII)
    length = -1
    for part in _IDNA_SEPARATORS.split(label):
        if not part.isascii() or "\x7f" in part:
            length += 1 + len("xn--") + _punycode_length(part)
        else:
            length += 1 + len(part)
    return length


def _punycode_length(text: str) -> int:
    """``len(text.encode("punycode"))``, computed without encoding.

    The same steps as the standard codec (RFC 3492: insertion unsort, then variable-length
    integers with bias adaptation), but each character's insertion index comes from a
    sorted list instead of rescanning the text for every distinct character, and only
    the digits are counted: the codec spends time quadratic in the label on these
    rescans, and a label glued to Japanese text is usually new."""
    codes = [ord(char) for char in text]
    seen = [position for position, code in enumerate(codes) if code < 0x80]  # positions of smaller code points
    basic = len(seen)
    deltas = []
    old_code, old_index = 0x80, -1
    extended = sorted((code, position) for position, code in enumerate(codes) if code >= 0x80)
    at = 0
    while at < len(extended):
        code = extended[at][0]
        delta = (len(seen) + 1) * (code - old_code)
        while at < len(extended) and extended[at][0] == code:
            position = extended[at][1]
            index = bisect_left(seen, position)  # smaller code points, and this one, before it
            insort(seen, position)
            delta += index - old_index
            deltas.append(delta - 1)
            old_index, delta = index, 0
            at += 1
        old_code = code
    length = basic + 1 if basic else 0
    bias = 72
    for points, delta in enumerate(deltas):
        # digits of the generalized variable-length integer (tmin 1, tmax 26, base 36)
        number, step = delta, 36 - bias
        while True:
            threshold = 1 if step < 1 else 26 if step > 26 else step
            length += 1
            if number < threshold:
                break
            number = (number - threshold) // (36 - threshold)
            step += 36
        # bias adaptation (damp 700, skew 38)
        delta = delta // 700 if points == 0 else delta // 2
        delta += delta // (basic + points + 1)
        divisions = 0
        while delta > 455:
            delta //= 35
            divisions += 36
        bias = divisions + (36 * delta // (delta + 38))
    return length


def _domain_is_valid(domain: str, pats: _Patterns) -> bool:
    """twitter-text lib/idna.js ``toAscii`` returning something truthy."""
    labels = domain.split(".")
    if max(map(len, labels)) > MAX_DOMAIN_LABEL_LENGTH:
        return False  # punycode is never shorter than its input: no need to encode (or search)
    if domain.startswith("xn--") and not pats.ascii_domain.search(domain):
        return False
    for label in labels:
        if not 1 <= _label_to_ascii(label) <= MAX_DOMAIN_LABEL_LENGTH:
            return False
    return True


# A match is: preceding char (<= 1) + "https://" (<= 8) + domain + ...
_MAX_DOMAIN_OFFSET = 9
_LABEL_EDGE = _re.compile(r"[^\-_]")  # inside a host run: a character a label may start with


def _domain_ranges(text: str, run_start: int, run_end: int, anchors: set[int]) -> list[tuple[int, int]]:
    """Where in one host run a domain can start: ``[lo, hi)`` ranges, in text order.

    Exactly the positions where ``validUrl``'s domain part can match: a chain of labels
    separated by single dots that ends at an anchor (a dot followed by a TLD). Each label
    starts and ends with a domain character (never ``-`` or ``_``); the last one, before
    the TLD, may not hold ``_``. A domain may start inside a label. Computed per label,
    right to left, so a long run costs one pass; the regex is then tried only near these
    positions, which keeps extraction linear (``あ`` × 10,000 + ``..com`` has none at all).
    """
    labels = []
    position = run_start
    for part in text[run_start:run_end].split("."):
        labels.append((position, position + len(part)))
        position += len(part) + 1
    ranges = []
    whole_ok = False  # can the label to the right, taken whole, start a domain?
    for index in range(len(labels) - 2, -1, -1):  # the last label has no dot after it
        lo, hi = labels[index]
        continues = whole_ok
        ends_at_tld = hi in anchors
        if lo == hi or text[hi - 1] in "-_":
            whole_ok = False
            continue
        underscore = text.rfind("_", lo, hi)
        if continues:
            ranges.append((lo, hi))
        elif ends_at_tld:
            ranges.append((underscore + 1 if underscore != -1 else lo, hi))
        whole_ok = text[lo] not in "-_" and (continues or (ends_at_tld and underscore == -1))
    ranges.reverse()
    return ranges


def _url_matches(text: str, pats: _Patterns) -> Iterator[re.Match[str]]:
    """Same matches as ``pats.extract.finditer(text)``, in linear time.

    A match is the preceding character (or none at the start), an optional scheme and a
    domain, so it starts at most 9 characters before a position where a domain can start
    (``_domain_ranges``). Only those start positions are tried, in order, exactly as
    ``finditer`` would try them; every other position would fail, some only after
    scanning a long run of text (which made long Japanese paragraphs quadratic).
    """
    if pats.maybe_anchor.search(text) is None:
        return
    anchors = _anchors(text, pats)
    if not anchors:
        return
    match = pats.extract.match
    edge = _LABEL_EDGE.search
    ordered = sorted(anchors)
    pos = 0  # first start position not tried yet
    for run in pats.host_run.finditer(text):
        run_start, run_end = run.span()
        if run_end <= pos:
            continue
        at = bisect_left(ordered, run_start)
        if at == len(ordered):
            break  # no anchor in this run or after it
        if ordered[at] >= run_end:
            continue  # no domain ends in this run
        for lo, hi in _domain_ranges(text, run_start, run_end, anchors):
            domain = max(lo, pos)
            while domain < hi:
                found = edge(text, domain, hi)
                if found is None:
                    break
                domain = found.start()
                s = max(pos, domain - _MAX_DOMAIN_OFFSET)
                m = None
                while s <= domain:
                    m = match(text, s)
                    if m is not None:
                        break
                    s += 1
                if m is not None:
                    yield m
                    pos = m.end()
                    domain = max(domain + 1, pos)
                else:
                    pos = max(pos, domain + 1)
                    domain += 1


def _extract_raw(text: str) -> list[tuple[int, int, str, bool]]:
    """twitter-text ``extractUrlsWithIndices`` on *text* as given.

    Returns ``(start, end, url, has_protocol)`` in code points.  ``url`` is the string
    twitter-text reports; it is ``text[start:end]`` except in a twitter-text quirk
    (a scheme-less URL whose host run also holds non-ASCII labels after the last ASCII
    domain), where twitter-text reports a shorter string than its indices cover.
    """
    if "." not in text:
        return []
    pats = _patterns()
    found: list[list] = []  # [start, end, url, has_protocol]
    for m in _url_matches(text, pats):
        before, url, protocol, domain, _port, path, _query = m.groups()
        start, end = m.span(2)
        scheme = protocol or _DEFAULT_PROTOCOL
        if len(scheme) + len(url) > MAX_URL_LENGTH:
            continue  # too long in any encoding (checked first: validating a huge domain costs time)
        if not _domain_is_valid(domain, pats):
            continue
        # UTF-16 is at most twice as long: count it only for URLs that could be too long
        if 2 * (len(scheme) + len(url)) > MAX_URL_LENGTH and _utf16_len(scheme) + _utf16_len(url) > MAX_URL_LENGTH:
            continue
        if not protocol:
            # Scheme-less: only ASCII domains are extracted, and not after - _ . /
            if before and before in "-_./":
                continue
            last: list | None = None
            for am in pats.ascii_domain.finditer(domain):
                last = [start + am.start(), start + am.end(), am.group(0), False]
                found.append(last)
            if last is None:
                continue
            if path:
                last[2] = url.replace(domain, last[2], 1)
                last[1] = end
        else:
            tm = pats.tco.match(url)
            if tm:
                # t.co: no extra path characters, and a slug of at most 40.
                if len(tm.group(1)) > MAX_TCO_SLUG_LENGTH:
                    continue
                url = tm.group(0)
                end = start + len(url)
            found.append([start, end, url, True])
    return [(s, e, u, p) for s, e, u, p in found]


# Full-width ASCII (ｈｔｔｐｓ：／／…) and the ideographic space, one character for one:
# what Japanese staff type in URLs, folded without changing any offset.
_WIDTH_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_FOLD[0x3000] = 0x20
_WIDTH_FOLD[0xFF61] = 0x3002  # halfwidth ideographic full stop


_FULLWIDTH_ALNUM = _re.compile(r"[\uff03\uff04\uff10-\uff19\uff20-\uff3a\uff41-\uff5a]")  # also ＃ ＄ ＠


def _fold_width(text: str) -> str:
    return text.translate(_WIDTH_FOLD)


# A dot followed by something a TLD can start with (a letter of any script).
_MAYBE_DOMAIN = _re.compile(r"[.．][^\s\d.．。、，,)）」』】\]\"'!?！？]")


def _shifted(match: UrlMatch, offset: int) -> UrlMatch:
    """A match found in a piece of the text, with offsets into the whole text."""
    return UrlMatch(match.start + offset, match.end + offset, match.url, match.normalized, match.host, match.has_scheme)


_SCHEME = _re.compile(r"^https?://", _re.IGNORECASE)
_PORT = _re.compile(r":[0-9]+\Z")


def _host_of(normalized_url: str) -> str:
    rest = _SCHEME.sub("", normalized_url, count=1)
    for sep in "/?#":
        cut = rest.find(sep)
        if cut != -1:
            rest = rest[:cut]
    rest = _PORT.sub("", rest)
    rest = rest.rsplit("@", 1)[-1].lower()
    if "xn--" not in rest:
        return rest  # no label to decode (decoding changes only xn-- labels)
    from sns_lint.analysis.domains import decode_label

    return ".".join(decode_label(label).lower() for label in rest.split("."))


@lru_cache(maxsize=4096)
def _normalized_and_host(url: str, has_scheme: bool) -> tuple[str, str]:
    """The NFKC form of *url* (``http://`` added without a scheme) and its host: the same
    links recur across posts."""
    normalized = unicodedata.normalize("NFKC", url)
    if not has_scheme:
        normalized = _NORMALIZED_SCHEME + normalized
    return normalized, _host_of(normalized)


_DOT_FOLD = {0xFF0E: 0x2E}
# Invisible characters, and a root dot before the path (bit.ly./abc is bit.ly): removed before
# matching, with spans mapped back to the text as written.
# (The look-behind comes after the dot, so that ``re`` scans for the characters themselves.)
_HIDDEN_IN_URL = _re.compile(
    "[\u00ad\u180e\u200b\u200c\u2060-\u2064\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]|[.．](?<=[A-Za-z][.．])(?=[/／])"
)


def _without_hidden(text: str) -> list[UrlMatch]:
    from sns_lint.analysis.hidden_characters import Removal

    removal = Removal(text, _HIDDEN_IN_URL)
    out = []
    for match in extract_urls(removal.text):
        start, end = removal.start(match.start), removal.end(match.end)
        # url as written; normalized and host from the folded text (bit.ly, not bit<ZWSP>.ly)
        out.append(replace(match, start=start, end=end, url=text[start:end]))
    return out


def extract_urls(text: str, *, normalize_width: bool = True) -> list[UrlMatch]:
    """URLs in *text* as twitter-text extracts them, with code-point spans.

    With ``normalize_width`` (default) full-width ASCII is folded first, so
    full-width URLs are found as well; spans always refer to *text*.  With
    ``normalize_width=False`` the result is exactly twitter-text's on *text*.
    """
    out: list[UrlMatch] = []
    if "." not in text and "．" not in text:
        return out  # every URL X finds has a dot before its TLD: most lines have none
    if _MAYBE_DOMAIN.search(text) is None:
        return out  # only decimals such as 1.5 or dots at the end of a sentence
    if "\n" in text:
        # URLs never span a line break: only the lines that can hold one are read
        maybe = _MAYBE_DOMAIN.search(text)
        while maybe is not None:
            start = text.rfind("\n", 0, maybe.start()) + 1
            end = text.find("\n", maybe.end())
            if end == -1:
                end = len(text)
            for match in extract_urls(text[start:end], normalize_width=normalize_width):
                out.append(_shifted(match, start) if start else match)
            maybe = _MAYBE_DOMAIN.search(text, end)
        return out
    if normalize_width and _HIDDEN_IN_URL.search(text):
        return _without_hidden(text)
    # Fold only where a full-width URL can be: a full-width letter or digit. Other lines are
    # read exactly as X reads them (full-width brackets and colons stay what they are);
    # a full-width dot alone (bit．ly/abc) is folded by itself.
    if not normalize_width:
        norm = text
    elif _FULLWIDTH_ALNUM.search(text):
        norm = _fold_width(text)
    elif "．" in text:
        norm = text.translate(_DOT_FOLD)
    else:
        norm = text
    for start, end, _url, has_scheme in _extract_raw(norm):
        url = text[start:end]
        normalized, host = _normalized_and_host(url, has_scheme)
        out.append(UrlMatch(start, end, url, normalized, host, has_scheme))
    return out


_ASCII_RUN = _re.compile(r"[!-~]+")
# The same runs in the text as written, for a text whose folded form would be read:
# full-width ASCII folds to ASCII (``_fold_width``), or only the full-width dot.
_ASCII_RUN_FULL_WIDTH = _re.compile(r"[!-~\uff01-\uff5e]+")
_ASCII_RUN_DOT = _re.compile(r"[!-~．]+")


def find_urls(text: str, x_urls: list[UrlMatch] | None = None) -> list[UrlMatch]:
    """What the rules look at: ``extract_urls``, plus scheme-less URLs glued to Japanese text.

    twitter-text reads a long run of Japanese before ``bit.ly/xyz`` as part of the
    domain and then rejects it (the label is too long in punycode), so X does not
    link such a URL; a reader still sees it and can type it. Each ASCII run that
    holds a dot and no URL found so far is therefore read on its own, with the same
    rules (so ``@host`` and e-mail addresses stay what they are).

    ``x_urls``, when the caller has it, is ``extract_urls(text, normalize_width=False)``:
    reused when there is nothing to fold (full-width forms, invisible characters, a root
    dot): both are then the same.
    """
    if "." not in text and "．" not in text:
        return x_urls if x_urls is not None else []  # no URL at all: every one has a dot
    full_width = _FULLWIDTH_ALNUM.search(text) is not None
    same = x_urls is not None and not full_width and "．" not in text and not _HIDDEN_IN_URL.search(text)
    found = x_urls if same else extract_urls(text)
    if not _MAYBE_DOMAIN.search(text):
        return found
    # ASCII runs of the width-folded text, found in the text itself (folding keeps offsets)
    runs = _ASCII_RUN_FULL_WIDTH if full_width else _ASCII_RUN_DOT
    extra = []
    next_url = 0  # found and runs are both in text order: one sweep, no pairwise test
    for run in runs.finditer(text):
        start, end = run.span()
        while next_url < len(found) and found[next_url].end <= start:
            next_url += 1
        if next_url < len(found) and found[next_url].start < end:
            continue  # a URL already found overlaps this run
        if "." not in run.group() and "．" not in run.group():
            continue
        extra.extend(_shifted(match, start) for match in extract_urls(text[start:end]))
    if not extra:
        return found
    return sorted(found + extra, key=lambda m: (m.start, m.end))
