"""Built-in readers, one input format per module; importing registers them."""

from kg.records.formats import (  # noqa: F401
    abstract_lines,
    arxiv_abstracts,
    arxiv_atom,
    arxiv_list,
    arxiv_listing,
    arxiv_snapshot,
    bibtex,
    hf_daily,
    hub_models,
    jsonl,
    model_card,
    oai_pmh,
)
