"""Measurements of dhakira against annotated data: the figures the quality floors are set from."""
