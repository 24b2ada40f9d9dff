"""Rules as data: loading and validating the YAML rule files."""
