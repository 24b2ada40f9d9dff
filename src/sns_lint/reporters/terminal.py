"""Terminal width for Rich consoles: an absurd ``COLUMNS`` (0, 5, two billion) means a sane one."""

from __future__ import annotations

MIN_WIDTH = 40
MAX_WIDTH = 1_000


def sane_width(console, minimum: int = MIN_WIDTH):
    """The same console, its width clamped to [minimum, MAX_WIDTH]."""
    width = console.width
    if width < minimum:
        console.width = minimum
    elif width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console
