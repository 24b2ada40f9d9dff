"""Masking of secret values (passwords, tokens, My Number, card and account numbers).

A finding's ``text`` goes into JSON and every later machine format, and those
end up in CI logs. So the text of a secret keeps only its last few
characters; separators stay, so the shape (``****-****-9012``) still tells the
reader what was found.
"""

from __future__ import annotations

MASK = "*"
_SEPARATORS = frozenset(" \u3000-‐‑‒–—―−－ー﹣()（）:：=＝")


def mask_secret(text: str, keep: int) -> str:
    """Every character but separators and the last ``keep`` value characters becomes ``*``."""
    positions = [i for i, ch in enumerate(text) if ch not in _SEPARATORS]
    hidden = set(positions[: max(0, len(positions) - keep)]) if keep < len(positions) else set(positions[:-1] if positions else [])
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(text))
