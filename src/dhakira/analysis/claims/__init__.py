"""Claims: the quantitative statements a document makes about victims and violations.

numbers (figures, ranges, qualifiers; what is not a count) → events (what a figure counts) →
context (period, actor, place, source) → step (`STEP`, one `Claim` per figure). The English
and Arabic wording lives in `english` and `arabic`; `names` stands in for the entity step.
"""
