"""sns-lint: compliance linter for Japanese municipal social-media drafts."""

__version__ = "0.1.0"
