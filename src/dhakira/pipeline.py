"""The analysis pipeline: a list of named, versioned steps run over one captured item.

Each step takes a `Document` and returns it with its own fields filled in; the runner is a
short loop that records which version of each step produced the document. The same loop runs
at ingest, for `dhakira extract`, and when stored originals are analysed again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dhakira.config import Limits
from dhakira.errors import DhakiraError
from dhakira.records import Document, Item


@dataclass(frozen=True)
class Step:
    """One stage of analysis. `name` is dotted ("text.clean"), `version` like "v1"."""

    name: str
    version: str
    run: Callable[[Document], Document]

    @property
    def label(self) -> str:
        return f"{self.name}.{self.version}"


class StepFailed(DhakiraError):
    """A step raised something that is not a DhakiraError: a bug, reported with the step."""

    code = "DK500"


def default_steps() -> list[Step]:
    """The steps every document goes through, in order."""
    from dhakira.analysis import dates, doctype, entities, incident, publisher, record_block, title
    from dhakira.analysis.claims import step as claims
    from dhakira.text import clean, language

    return [
        clean.STEP,
        record_block.STEP,
        language.STEP,
        title.STEP,
        dates.STEP,
        doctype.STEP,
        publisher.STEP,
        entities.STEP,
        claims.STEP,
        incident.STEP,
    ]


def run_steps(doc: Document, steps: Sequence[Step]) -> Document:
    """Run `steps` over `doc`; an unexpected error names the step and the item."""
    for step in steps:
        try:
            doc = step.run(doc)
        except DhakiraError:
            raise
        except Exception as exc:  # a bug in a step must not take the whole batch down
            raise StepFailed(
                f"step {step.label} failed: {type(exc).__name__}: {exc}",
                item=doc.item.source,
                hint="this is a bug in dhakira; the original is kept, please report it",
            ) from exc
        doc.steps[step.name] = step.version
    return doc


def analyse(item: Item, limits: Limits, steps: Sequence[Step] | None = None) -> Document:
    """Read an item's original and run the analysis steps over it."""
    from dhakira.capture.read import read_item

    doc = read_item(item, limits)
    return run_steps(doc, default_steps() if steps is None else steps)
