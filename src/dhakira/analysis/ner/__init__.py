"""Named-entity recognition: statistical taggers that find names no list knows yet.

`arabic` holds the Arabic recognizer (a CRF trained on ANERcorp); `tokenize`, `features`,
`context`, `lexicon` and `gazetteer` build what the model reads, and `crf` tags from its
weights. The shipped model and name lists are package data (models/, resources/), each with a
NOTICE.md giving its source and licence.
"""
