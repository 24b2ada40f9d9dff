"""Reporters only read a finished report; the linter never imports them."""
