"""Named-entity recognition: statistical taggers that find names no list knows yet.

`arabic` holds the Arabic recognizer (a CRF trained on ANERcorp); `tokenize`, `features` and
`gazetteer` are its parts. The shipped model and name lists are package data (models/,
resources/), each with a NOTICE.md giving its source and licence.
"""
