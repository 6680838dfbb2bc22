"""The object that flows through the extraction pipeline, one per record.

Like a spaCy ``Doc``: each component reads what earlier ones assigned
(sentences, model mentions, abbreviations) and appends its own findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.extract.decision import Decision
from kg.extract.fact import Alias, Attribute, Fact, Mention, collapse_ws, collapsed_record_text
from kg.extract.sentences import Sentence, split_sentences
from kg.records.record import Problem, Record


def _written_forms(sentence: str) -> Iterator[str]:
    """The sentence as written, then as JSON and XML would write it (made only when asked for)."""
    import html
    import json

    yield sentence
    yield json.dumps(sentence, ensure_ascii=False)[1:-1]
    yield json.dumps(sentence)[1:-1]
    yield html.escape(sentence, quote=False)
    yield html.escape(sentence)


@lru_cache(maxsize=32768)
def _clean(text: str) -> str:
    """A sentence cleaned (kg.records.clean): cached, as sentences recur across records."""
    from kg.records.clean import clean_text

    return clean_text(text)


@dataclass
class Doc:
    record: Record
    sentences: list[Sentence] = field(default_factory=list)
    """Title first (when the record has one), then the abstract's sentences."""
    clean: list[str] = field(default_factory=list)
    """``sentences[i]`` with LaTeX remnants cleaned: what patterns run on."""
    title_index: int | None = None
    """Index of the title in ``sentences``, or None."""
    entities: list[Mention] = field(default_factory=list)
    """Entities seen in the text, with or without a fact (baselines are models too)."""
    facts: list[Fact] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    """Every lineage candidate weighed, kept or not (for ``kg explain``; not saved, not in the graph)."""
    user: dict[str, Any] = field(default_factory=dict)
    """Component-to-component annotations (e.g. "models": spans per sentence)."""

    @classmethod
    def from_record(cls, record: Record) -> Doc:
        doc = cls(record)
        if record.title:
            doc.title_index = 0
            doc.sentences.append(Sentence(record.title.strip(), 0))
        if record.abstract:
            doc.sentences.extend(split_sentences(record.abstract))
        doc.clean = [_clean(s.text) for s in doc.sentences]
        return doc

    def quote(self, idx: int) -> str | None:
        """Sentence ``idx`` as it is written in the record's text, or None when it cannot be found.

        Readers of structured formats decode their fields (JSON escapes, XML
        entities); the quote must be the input's own characters, so the
        sentence is looked up as written, then JSON-escaped, then XML-escaped.
        """
        quotes = self.user.setdefault("quotes", {})  # a sentence naming 3,000 models is looked up once
        if idx not in quotes:
            quotes[idx] = self._find_quote(self.sentences[idx].text)
        return quotes[idx]

    def _find_quote(self, sentence: str) -> str | None:
        flat_text = collapsed_record_text(self.record.text)  # the one a Fact's quote is checked against
        for form in _written_forms(sentence):
            if collapse_ws(form) in flat_text:
                return form
        return None

    def abstract_sentences(self) -> range:
        first = 0 if self.title_index is None else 1
        return range(first, len(self.sentences))
