"""The contributions one sentence states: the name detectors and the object of "we propose ..."."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kg.extract.contributions.candidates import from_phrase
from kg.extract.contributions.chunker import LEAD_GERUNDS, drop_gerund, list_items, object_phrases
from kg.extract.contributions.shapes import distinctive, title_run
from kg.extract.contributions.contribution import DETERMINERS, Contribution
from kg.extract.contributions.made import made_data, made_with, trained_on_data
from kg.extract.contributions.marked import marked_as_own
from kg.extract.contributions.named import (
    MADE_NEW, NEW_APPOSITIVE, OUR_NEW, PASSIVE_INTRO, introduced_as, made_data_named, name_after_final_colon,
    name_after_object, name_closing_object,
    named_heads, named_in, names_after_namely, names_in_parentheses, sized_name, stated_contribution,
)
from kg.extract.contributions.own_parts import own_parts, own_subject
from kg.extract.contributions.stage_names import stage_names
from kg.extract.contributions.parts import after_counted_parts, listed_items, listed_parts, named_parts, new_listed
from kg.extract.lexicon import lexicon, phrase_pattern, subject_pattern
from kg.extract.sizes import SIZE_PART, counted_thing
from kg.extract.tokens import Token, tokenize
from kg.keys import model_key, technique_key

SUBJECT: Final = subject_pattern()
"""The authors as subject: "we", "this paper", "our work"."""
WISHES: Final = frozenset("need needs must should could might would not never without".split())
"""Words between the authors and a verb that make it no act of theirs: a wish ("we need to develop") or a
denial ("our method does not require building ...")."""
OURS: Final = re.compile(r"\bour\b", re.IGNORECASE)
KEY_DESIGN: Final = re.compile(r"^(?:the )?(?:key|core|main|central) (?:design|idea|component|innovation|ingredient) "
                        r"(?:of|behind|in) (?:our|the|this) [^,.;]{0,40}?\b(?:is|are|lies in) (?:an? |the )?",
                        re.IGNORECASE)
"""A sentence that names the part of the authors' own method that matters most."""
MEANS: Final = frozenset("with using via through".split())
"""Words that open what the object was made with ("trained with A and B"): no second object follows."""
ALONG_WITH: Final = frozenset({("along", "with"), ("together", "with"), ("as", "well")})
TRAINING: Final = re.compile(r"(?:train|tun)(?:e|ed|ing)? (?:[\w.-]+ ){0,3}?(?:on|with) (?:an? |\d)")
""""trained on a", "tuning with 75K": a sentence that may say what a model was trained on (a cheap test first)."""


def contributions_in(text: str, model_keys: set[str],
                     new_names: frozenset[str] = frozenset(), tokens: list[Token] | None = None,
                     own_models: frozenset[str] = frozenset(), announced: bool = False) -> list[Contribution]:
    """The contributions one sentence states (``tokens``: its tokens, when already made). ``new_names``: the
    technique keys of what the record introduced before; ``own_models``: of the models it introduces, which
    speak for the authors as a subject ("KelpComposer proposes a Partial Fern approach"); ``announced``: the
    sentence before ends on the paper's new things in the plural (:func:`announces_parts`), which "These
    include A, ..., and B, ..." then names."""
    if announced and (counted := _enumerated_step(text, tokens, model_keys)):
        return counted  # "... featuring three key innovations. First, we implement strategic data filtering ..."
    if (these := (announced and THESE_INCLUDE.match(text)) or _our_changes().match(text)) is not None:
        tokens = tokenize(text) if tokens is None else tokens
        start = next((k for k, t in enumerate(tokens) if t.start >= these.end()), None)
        if start is not None and not list_items(tokens) and (found := listed_items(tokens, start, model_keys)):
            return found  # ("Our architectural design advancements include A and a B mechanism" too; a numbered
            # list, "Our contributions are: (1) ...", is read item by item below)
    if (staged := stage_names(text, model_keys)):
        return staged  # "The first stage, Reasoning Injection, focuses on ...": the stage's name, nothing else
    if _gate().search(text) is None and not _subject_is_ours(text, new_names, own_models):
        # most sentences: no author, no "our", no mark of a new thing, no name cue (the rules below need one);
        # only what a model of the record is trained on may be told so ("X is trained on a legal corpus ...")
        if model_keys and TRAINING.search(text):
            return trained_on_data(tokenize(text) if tokens is None else tokens, model_keys, False)
        return made_data_named(text, model_keys)  # "The training dataset, X, was constructed from ..."
    tokens = tokenize(text) if tokens is None else tokens
    w = lexicon()
    out: list[Contribution] = []
    about_results = len(tokens) > 1 and tokens[0].lower == "our" and tokens[1].lower in w.about_words
    authors_speak = SUBJECT.search(text) is not None or OUR_NEW.search(text) is not None \
        or PASSIVE_INTRO.search(text) is not None \
        or (text.lower().startswith(("our ", "central to our")) and not about_results)  # not "Our results show"
    subject_is_new = bool(tokens) and technique_key(tokens[0].text) in new_names
    our_model_speaks = bool(tokens) and technique_key(tokens[0].text) in own_models
    listed_after: set[str] = set()
    named_object = None
    if authors_speak or NEW_APPOSITIVE.search(text) or OURS.search(text):
        out.extend(named_in(tokens, model_keys))
        out.extend(names_after_namely(tokens, model_keys))
        for c, paren_head in names_in_parentheses(tokens, model_keys):
            out.append(c)
            listed_after.add(paren_head)
    out.extend(stated_contribution(text, tokens, model_keys))
    out.extend(made_data_named(text, model_keys))
    verb_at = None
    for k, t in enumerate(tokens):
        if t.lower in w.intro.for_contributions and (predicate_of_authors(text, tokens, k) or (
                (subject_is_new or our_model_speaks) and k == 1)
                or (k >= 2 and technique_key(tokens[k - 1].text) in new_names and tokens[k - 2].trail.strip() == ",")):
            # ("While vanilla upcycling fails, KFT introduces a shared expert mechanism": the paper's method, after
            # an opening clause)
            verb_at = k  # (or the verb of the paper's own new thing: "KelpComposer proposes a Partial Fern approach")
            break
    if verb_at is not None and (colon := next((k for k in range(verb_at + 1, min(verb_at + 6, len(tokens)))
                                               if tokens[k].trail.strip() == ":"), None)) is not None:
        # "we contribute four key resources: we develop and open-source the A, the B, ...": the verb after the
        # announcement names them
        verb_at = next((k for k in range(colon + 1, len(tokens)) if tokens[k].lower in w.intro.for_contributions
                        and predicate_of_authors(text, tokens, k)), verb_at)
    while verb_at is not None and verb_at + 2 < len(tokens) and tokens[verb_at + 1].lower in ("and", "or") \
            and (tokens[verb_at + 2].lower in w.intro.for_contributions | w.use_verbs | w.make_verbs
                 | w.shared_object_verbs):
        verb_at += 2  # "we develop and release X", "we craft and integrate X", "we develop and extend X": X is
        # the object of both
    if verb_at is not None:
        named = False
        proposed = tokens[verb_at].lower.startswith("propos")
        skipped = False
        for phrase, head in object_phrases(tokens, verb_at + 1):
            if named and ((phrase[0].lower in ("a", "an") and _after_comma(tokens, phrase[0]))
                          or (skipped and _after_and(tokens, phrase[0]))):
                skipped = True
                continue  # "X (ABC), a new framework for ...": the appositive describes X, it is not another
                # (nor is "heterogeneous evaluation benchmark" of "X (ABC), a robust and heterogeneous ...")
            skipped = False
            found = from_phrase(phrase, head, model_keys, bare_ok=proposed)
            named = named or any(c.name != c.name.lower() for c in found) \
                or model_key(text[phrase[0].start:phrase[-1].end]) in model_keys \
                or any(technique_key(c.name) == technique_key(phrase[-1].text) for c in out)  # "X (ABC), a ..."
            out.extend(found)
        if closing := name_closing_object(tokens, verb_at + 1, model_keys) or \
                name_after_final_colon(tokens, verb_at + 1, model_keys) or introduced_as(tokens, verb_at, model_keys) \
                or name_after_object(tokens, verb_at + 1, model_keys):
            out.append(closing[0])  # "we propose a two-stage framework ... (KelpRec).": the name, not the description
            listed_after.add(closing[1])
            named_object = closing[0].name
        if verb_at + 1 < len(tokens) and tokens[verb_at + 1].lower not in w.count_words \
                and (listed_at := after_counted_parts(tokens, verb_at + 1)) > verb_at + 1:
            out.extend(listed_items(tokens, listed_at, model_keys))  # "introduces improvements such as A and B"
        out.extend(made_data(tokens, verb_at + 1, model_keys))
        out.extend(sized_name(tokens, verb_at + 1, model_keys))  # "we collect X: 9 gigabytes of logs"
        out.extend(made_with(tokens, verb_at + 1, model_keys))
        out.extend(named_parts(tokens, verb_at + 1, model_keys))
        for k in range(verb_at + 2, len(tokens) - 2):
            if tokens[k].lower in MEANS:
                break  # "we propose X, an LLM trained with A and B (AB)": what X was made with, not another object
            if (start := _along_with(tokens, k)) is not None:
                # "we present a recipe to extend ..., along with a two-step alignment process"
                for phrase, head in object_phrases(tokens, start)[:1]:
                    out.extend(from_phrase(phrase, head, model_keys))
                break
    elif authors_speak and (we := next((k for k, t in enumerate(tokens[:6]) if t.lower == "we"), None)) is not None:
        out.extend(made_data(tokens, we, model_keys))  # "We adopt X prompting to construct legal SFT datasets"
    if (design := KEY_DESIGN.match(text)) is not None:  # "The key design of our X is decoupled cross-attention ..."
        start = next((k for k, t in enumerate(tokens) if t.start >= design.end()), None)
        for phrase, head in (object_phrases(tokens, start)[:1] if start is not None else []):
            out.extend(from_phrase(phrase, head, model_keys))
    model_speaks = bool(tokens) and model_key(tokens[0].text) in model_keys  # "Kelp models are trained ... using a new X"
    out.extend(marked_as_own(tokens, model_keys, authors_speak or model_speaks))
    out.extend(trained_on_data(tokens, model_keys, authors_speak))
    own = own_subject(text)
    if authors_speak or own:  # "we highlight two new techniques: A, ..., and B, ...", "Our method introduces ..."
        out.extend(new_listed(tokens, model_keys))
    innovating = our_model_speaks and any(t.lower in w.new_words | w.key_words for t in tokens[:16])
    # ("KM, based on Y, incorporates innovations like A, B and C"; not "KM incorporates components: A, B")
    out.extend(listed_parts(tokens, model_keys, introduced_before=verb_at,
                            subject_is_new=subject_is_new or innovating or bool(own)))
    if own:  # "Our method integrates X, employs a two-dimensional quantization scheme, ..."
        out.extend(own_parts(tokens, model_keys))
    items = list_items(tokens)
    lead = tokens[:items[0]] if items else tokens[:12]
    studied = w.use_verbs | w.study_verbs
    marked_own = (subject_is_new or our_model_speaks) and any(t.lower in w.key_words | w.new_words for t in lead)
    uses_list = (verb_at is None and not own and not marked_own and any(t.lower in studied for t in lead)) \
        or (bool(items) and _steps_before(verb_at is not None).search(text[:tokens[items[0]].start]) is not None) \
        or (len(items) > 1 and all(_step(tokens, k) for k in items))
    # "we compare three schedules: (1) X and (2) Y", "we study ... in terms of 1) X and 2) Y": what is
    # studied or used, not made (but "KelpUI incorporates several key innovations: (1) ...": the paper's new
    # thing, and the list marked its own)
    predicates = bool(items) and items[0] >= 2 and tokens[items[0] - 2].lower in ("that", "which")
    # ("the first benchmark that (1) contains ..., (2) scores answers ...": what it does, item by item)
    listed_own = bool(items) and _our_changes().match(text) is not None  # "Key contributions include: 1) ..."
    if (verb_at is not None or authors_speak or subject_is_new or marked_own or listed_own) and not uses_list \
            and not predicates:
        for start in items:
            if start + 1 < len(tokens) and tokens[start].lower == "our":
                start += 1  # "(2) our procedure of pruning and stitching blocks": the item after "our"
            elif start + 1 < len(tokens) and tokens[start].lower in w.use_verbs | w.make_verbs | w.intro.for_contributions:
                start += 1  # "ii) employ a Kelp-of-Experts strategy ...": the verb's object, not the verb
            if _heading(tokens, start):
                continue  # "3) Valuable Insights: We look into ...": a heading of what follows, not a name
            for phrase, head in object_phrases(tokens, start)[:1]:
                out.extend(from_phrase(drop_gerund(phrase), head, model_keys, enumerated=True))
    if out:
        listed_after |= named_heads(tokens)
    if listed_after:  # "new datasets (A, B, and C)": the names are the contributions, not "new datasets";
        # "we propose a two-stage framework for ranking (KelpRec).": the name, not a description holding the head
        out = [c for c in out if c.name == named_object or c.name != c.name.lower() or (
            c.name.lower().split()[-1] not in listed_after
            and not any(f" {h} " in f" {c.name.lower()} " for h in listed_after if " " in h or named_object))]
    out = [c for c in out if not _named_model_after(text, c.name, model_keys) and not _opens_clause(c.name)
           and not SIZE_PART.match(c.name) and counted_thing(c.name) is None]  # "2.7B", "10M-word": quantities
    seen: set[str] = set()
    unique = []
    for c in sorted(out, key=lambda c: -c.confidence):
        key = technique_key(c.name)
        if key not in seen and not any(key in s_ and len(key) < len(s_) for s_ in seen):
            seen.add(key)
            unique.append(c)
    return unique


THESE_INCLUDE: Final = re.compile(r"^(?:These|They|Those) (?:include|includes|are|comprise|involve)\b:?\s*", re.IGNORECASE)
""""These include A, which ..., and B, which ...": the things the sentence before announced, named."""


def _enumerated_step(text: str, tokens: list[Token] | None, model_keys: set[str]) -> list[Contribution]:
    """"First, we implement strategic data filtering at ...": the object of the authors' verb after an opener
    that counts (lexicon ``enumerating_openers``), one of the new things the sentence before announced."""
    m = _counting_we(text)
    w = lexicon()
    if m is None or m.group(2) not in w.intro.for_contributions | w.use_verbs | w.make_verbs:
        return []  # (not "Second, we improve the sample efficiency of ...": a quality improved, no thing made)
    tokens = tokenize(text) if tokens is None else tokens
    start = next((k for k, t in enumerate(tokens) if t.start >= m.end()), None)
    if start is None:
        return []
    return [c for phrase, head in object_phrases(tokens, start)[:1]
            for c in from_phrase(drop_gerund(phrase), head, model_keys, enumerated=True)]


ENUMERATED_WE: Final = re.compile(r"^(\w+), we (?:\w+ly )?([a-z]+) (?:an? |the |our )?")
"""An opener, a comma, "we" and a verb: "First, we implement ", "Finally, we employ a "."""


def _counting_we(text: str) -> re.Match[str] | None:
    """"Second, we improve ...": the opener, "we" and the verb, when the opener counts (lexicon
    ``enumerating_openers``)."""
    m = ENUMERATED_WE.match(text)
    return m if m is not None and m.group(1).lower() in lexicon().enumerating_openers else None


def enumerates(text: str) -> bool:
    """Does the sentence open on a counting opener and "we"? The next one may go on counting."""
    return _counting_we(text) is not None


def announces_parts(text: str) -> bool:
    """Does a sentence end on the paper's new things in the plural ("... through innovative techniques.", "We
    make two key components.")? The next sentence's "These include ..." names them."""
    last = text.rstrip(" .:;!?)").rsplit(None, 1)[-1].lower() if text.strip() else ""
    return last.endswith("s") and _announced().search(text, max(0, len(text) - 100)) is not None
    # (a plural closes the sentence: its tail alone is searched)


@lru_cache(maxsize=1)
def _announced() -> re.Pattern:
    """A mark of the paper's own (lexicon ``new_words``, ``key_words``, ``count_words``), up to two words, and a
    plural of its parts (``component_nouns``, the plural technique heads) closing the sentence."""
    w = lexicon()
    marks = "|".join(sorted(map(re.escape, w.new_words | w.key_words | w.count_words)))
    heads = "|".join(sorted(map(re.escape, w.component_nouns | {h for h in w.kinds.technique if h.endswith("s")})))
    return re.compile(rf"\b(?:{marks})\s+(?:[\w-]+\s+){{0,2}}?(?:{heads})\W*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_then_verb() -> re.Pattern:
    """", X introduces": a name right after a comma, then an introducing verb."""
    return re.compile(r", (\S+) (?:" + "|".join(sorted(map(re.escape, lexicon().intro.for_contributions))) + r")\b")


def _subject_is_ours(text: str, new_names: frozenset[str], own_models: frozenset[str]) -> bool:
    """Does the sentence open on what the record introduced ("LoamPrune removes ...") or on its own model and a
    verb that introduces or lists ("KelpUI incorporates ...", "KelpComposer proposes ...")? Not "Kelp-7B
    outperforms ...": a result."""
    words = text.split(None, 2)
    first = technique_key(words[0].strip(",:;")) if words else ""
    if first in new_names:
        return True
    if new_names and ", " in text and any(
            technique_key(m.group(1)) in new_names for m in _name_then_verb().finditer(text)):
        return True  # "While vanilla upcycling fails, KFT introduces ...": the record's new thing, after an opening
    if first not in own_models or len(words) < 2:
        return False
    w = lexicon()
    verb = words[1].lower()
    if words[0].endswith(",") and (close := text.find(", ", len(words[0]), 120)) > 0:
        verb = text[close + 2:].split(None, 1)[0].lower() if text[close + 2:].strip() else verb
        # "KM, based on the light-weight Y architecture, incorporates ...": the verb after the aside
    return verb in w.intro.for_contributions | w.use_verbs | w.component_verbs


@lru_cache(maxsize=1)
def _our_changes() -> re.Pattern:
    """"Our (architectural design) advancements include ...": the authors' changes (lexicon ``own_changes``), listed."""
    nouns = "|".join(sorted(map(re.escape, lexicon().own_changes)))
    return re.compile(rf"^(?:[A-Z]\w+, )?(?:our|its|(?:the |our |its )?(?:key|main|major|principal|primary)) "
                      rf"(?:[\w-]+ ){{0,3}}?(?:{nouns}) (?:include|includes|are|comprise)\b:?\s*",
                      re.IGNORECASE)  # (and "Key contributions include: 1) ...": the paper's, said without "our")


@lru_cache(maxsize=2)
def _steps_before(introduced: bool) -> re.Pattern:
    """"... through two phases: (1) the Branch Phase, ...; (2) ...", "three appealing properties: 1)
    Comprehensive Dimensions: ...": the steps or the merits of one thing (lexicon ``parts_lists``), not
    contributions of their own; nor, unless the authors' verb ``introduced`` them ("We introduce three main
    findings: (1) ..."), are findings ("Our experiments reveal three key insights: (1) ...": ``about_words``)."""
    w = lexicon()
    words = "|".join(sorted(map(re.escape, w.parts_lists if introduced else w.parts_lists | w.about_words | {"that"})))
    return re.compile(rf"\b(?:{words})\s*(?:\([^)]*\)\s*)?:\s*\(?(?:1|i|a)\)\s*$", re.IGNORECASE)
    # ("Our experiments show that: (a) solution format matters, ...": what was found, item by item)


@lru_cache(maxsize=1)
def _gate() -> re.Pattern:
    """Words one of which every rule of ``contributions_in`` needs: the authors as subject ("we", "this
    paper"), "our", a mark of a new thing ("novel", "the proposed", "is introduced") or of the authors' own
    parts ("two core techniques"), a name cue ("called"), "the method" opening the sentence."""
    w = lexicon()
    return phrase_pattern(frozenset(w.subjects) | w.new_words | w.key_words | w.name_cues | {"our", *MADE_NEW})


def _opens_clause(name: str) -> bool:
    """"fully open-source a large-scale RL system", "publicly release the weights": an adverb in -ly and then an
    introducing verb open a clause, not a name (not "early stopping": lexicon ``ly_adjectives``; not "a manually
    annotated corpus": a participle describes what was made; not "we propose continuously fine-tuning X": a
    gerund names a method)."""
    words = name.split(None, 2)
    if len(words) < 2 or not (words[0].endswith("ly") and words[0].isalpha() and words[0].islower()
                              and len(words[0]) > 4):
        return False
    w = lexicon()
    verb = words[1].lower()
    return words[0] not in w.ly_adjectives and verb in w.intro.for_contributions


def _named_model_after(text: str, name: str, model_keys: set[str]) -> bool:
    """"we introduce Kelp-φ (Kelp-Phi), an efficient assistant": a name a model's name follows in
    parentheses is that model's other spelling, not a method."""
    at = text.find(name + " (")
    if at < 0:
        return False
    inside = text[at + len(name) + 2:].split(")", 1)[0]
    return not inside.isupper() and model_key(inside) in model_keys  # (not an acronym: "depth up-scaling (DUS)")


def _heading(tokens: list[Token], start: int) -> bool:
    """Is the item at ``start`` a heading in capitals closed by a colon that a clause of its own follows
    ("3) Valuable Insights: We look into ...")? A coined word in it, or a clause that proposes something,
    makes it a name after all."""
    for j in range(start, min(start + 5, len(tokens) - 1)):
        if not tokens[j].text[:1].isupper() or distinctive(tokens[j].text):
            return False
        if tokens[j].trail.strip() == ":":  # (not "Efficient Kelp Compression: we propose ...": that heading names it)
            return tokens[j + 1].lower in ("we", "our", "this", "it", "these") and not any(
                t.lower in lexicon().intro.for_contributions for t in tokens[j + 2:j + 6])
    return False


def _step(tokens: list[Token], k: int) -> bool:
    """"(1) recalling relevant documents, (2) extracting pairs": an item that opens with a verb in -ing (not
    "applying", "using": what those take is the thing) is a step of a process, not a named contribution."""
    t = tokens[k] if k < len(tokens) else None
    return t is not None and t.text.islower() and t.lower.endswith("ing") and len(t.lower) > 5 \
        and t.lower not in LEAD_GERUNDS and t.lower not in lexicon().kinds.every and k + 1 < len(tokens) \
        and not tokens[k].trail.strip()


def _along_with(tokens: list[Token], k: int) -> int | None:
    """", along with" / ", together with" / ", as well as" / ", and" at k: where another object of the same
    verb starts (an article or "our" must open it), or None."""
    pair = (tokens[k].lower, tokens[k + 1].lower)
    if tokens[k].lower == "and" and (run := title_run(tokens, k + 1)) and k + 1 + len(run.split()) < len(tokens) \
            and tokens[k + 1 + len(run.split())].lead.startswith("("):
        return k + 1  # "we propose A (a) to ... and Hyper-Kelp Adapter (HyK) to ...": a second named object
    if not tokens[k - 1].trail.strip().startswith(","):
        return None
    if tokens[k].lower == "and" and tokens[k + 1].lower in ("a", "an", "our", "the") \
            and k + 2 < len(tokens) and tokens[k + 2].lower not in lexicon().np_stop:
        return k + 1  # "we propose X, a new evaluation suite ..., and the KelpSpeech corpus of spoken turns"
    if pair not in ALONG_WITH:
        return None
    start = k + 3 if pair == ("as", "well") and tokens[k + 2].lower == "as" else k + 2
    if start < len(tokens) and tokens[start].lower in ("a", "an", "our", "the"):
        return start
    return None


def _token_before(tokens: list[Token], first: Token) -> Token | None:
    """The token just before ``first`` (a phrase's first token), or None at the sentence's start."""
    k = next((i for i, t in enumerate(tokens) if t.start == first.start), 0)
    return tokens[k - 1] if k > 0 else None


def _after_and(tokens: list[Token], first: Token) -> bool:
    return (prev := _token_before(tokens, first)) is not None and prev.lower in ("and", "or")


def _after_comma(tokens: list[Token], first: Token) -> bool:
    return (prev := _token_before(tokens, first)) is not None and prev.trail.rstrip().endswith(",")


def predicate_of_authors(text: str, tokens: list[Token], k: int) -> bool:
    """Is the verb at k said by the authors: "we (also) propose", "this paper presents", "... and introduce"?
    A participle deep in the object is not: "We score Kelp on a suite holding 8 long-established
    tasks" establishes nothing."""
    last = None
    for last in SUBJECT.finditer(text[: tokens[k].start]):
        pass
    if last is None:
        return False
    between = [t for t in tokens[:k] if t.start >= last.end()]
    if any(t.lower in WISHES or t.lower.endswith("n't") for t in between):
        return False  # "we need to develop scalable oversight methods": a wish, not what the paper made
    if k > 0 and tokens[k - 1].lower in ("and", "then", "our") and not tokens[k - 1].trail.strip():
        return True  # "we train X on 2T tokens and introduce a new method", "we use our proposed X"
    if text[last.end():].lstrip().startswith((",", "(")):
        return True  # "we, for the first time, propose"
    return len(between) <= 3 and not any(t.lower in DETERMINERS for t in between)
