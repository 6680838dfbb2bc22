"""What a paper contributes, read from its sentences: pure functions, no pipeline state.

- ``chunker``: noun phrases after a verb ("we propose X and Y, a ... method").
- ``shapes``: what a name looks like ("Q-Vento", "Direct Preference Optimization").
- ``kinds``: technique, dataset or benchmark, from the head noun.
- ``candidates``: one noun phrase -> a contribution, or nothing ("a novel approach").
- ``named``: names the sentence marks as new ("called X", "X, a ... algorithm").
- ``marked``: descriptions marked as the authors' own ("our X technique", "a novel X tool").
- ``made``: data an introduced pipeline makes ("a pipeline that can generate a chat corpus"), and the
  described, made data the paper's model is trained on ("trained on a curated medical corpus").
- ``means``: a coined name introduced bare that the abstract uses as a means ("extended via X").
- ``parts``: named parts of an introduced thing ("two encodings - A (...) and B (...)").
- ``title``: "NAME: what it is" titles.
- ``sentence``: all of the above over one sentence.
- ``said``: what a sentence calls its names (techniques, data, models), read once for both components.
- ``uses``: what the authors say they use ("we leverage X").

The cue words come from kg.extract.lexicon, shared with the models extractor.
"""
