"""The edges people touch: view dicts (pages.py), their terminal rendering, the command line."""
