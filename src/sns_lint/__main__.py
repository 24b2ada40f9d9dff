from sns_lint.cli import entry

entry()
