"""Connect the archive: which documents repeat one another, and which tell one story.

This stage runs after analysis, over plain records (text, entities, claims, dates), and returns
plain links; storing them and showing them is the archive's and the views' work.

- `shingles`: text folded to words and word shingles, and the MinHash signature (bytes that
  can be stored and compared in any later process).
- `duplicates`: `DuplicateIndex`, incremental exact and near-duplicate links via MinHash LSH
  (never all pairs), the groups they form and the primary copy of a group.
- `stories`: `StoryGrouper`, incremental grouping of documents about one event or one report,
  in English or Arabic, from shared specific entities, figures, dates and wording.
"""
