"""Text stage: clean body text out of each format, page residue removed, languages detected."""
