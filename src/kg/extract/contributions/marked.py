"""Descriptions the authors mark as their own, whatever the verb: "our X technique", "a novel X tool",
"the proposed X attention".

"we also ship an improved licence-checking pipeline and a novel provenance auditing tool" and "results
with our FP6-based pretraining technique" introduce what they describe, though no
introducing verb governs them. The mark ("our", "a novel / new / improved") must stand before a
phrase whose head is a kind head (technique, dataset, benchmark) and that says more than generic words:
"our approach", "a new method" and "our previous pipeline" name nothing new.
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.candidates import ADJECTIVE_SUFFIXES, QUANTITY, from_phrase
from kg.extract.contributions.chunker import needs_purpose, object_phrases
from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.shapes import distinctive
from kg.extract.contributions.contribution import (
    BARE_DATA, GENERIC_HEADS, not_models_lower, MODEL_WORDS, Contribution, content_words, strip_phrase,
)
from kg.extract.lexicon import lexicon
from kg.extract.tokens import DASH_TOKENS, Token
from kg.keys import model_key

EVALUATED_AMONG: Final = frozenset("including such evaluate evaluated evaluating evaluations".split())
"""Words before "the newly released X benchmark" that make it one the paper is evaluated on, not its own."""


STAGED: Final = re.compile(r"(?:two|three|four|five|six|multi|\d+)-(?:stage|step|phase|level|round)")
""""a three-stage training strategy", "a two-step recipe": a recipe counted in stages is designed for the paper,
whatever verb uses it."""
COPULAS: Final = frozenset("is are was were be being as".split())
"""Before "a specially designed KD method": what the new thing is said to be, a kind, not another thing made."""


def _crafted(tokens: list[Token], k: int) -> int | None:
    """Where "(carefully) designed" / "engineered" ... stands at k, its participle's position; else None."""
    crafted = lexicon().crafted_words
    if k < len(tokens) and tokens[k].lower in crafted:
        return k
    if k + 1 < len(tokens) and tokens[k].lower.endswith("ly") and tokens[k + 1].lower in crafted:
        return k + 1
    return None


def marked_as_own(tokens: list[Token], model_keys: set[str], authors_speak: bool) -> list[Contribution]:
    """Contributions described as "our <...> head" anywhere, or "a novel <...> head" where the authors speak."""
    lex = lexicon()
    heads = lex.kinds.every
    out: list[Contribution] = []
    for k, t in enumerate(tokens[:-2]):
        nxt = tokens[k + 1].lower
        if t.lower in ("the", "our") and nxt in ("proposed", "presented", "introduced") and not t.trail.strip():
            start = k + 1  # "the proposed braided attention", "our proposed KelpInstruct"
        elif t.lower == "newly" and nxt.endswith("ed") and nxt in lex.intro.for_contributions | {"annotated", "released"} \
                and not any(x.lower in lex.others_words or x.lower == "et" for x in tokens[k:k + 12]) \
                and (not any(x.lower in EVALUATED_AMONG for x in tokens[max(0, k - 10):k])
                     or (k > 0 and tokens[k - 1].lower in ("a", "an") and nxt != "released")):
            # (but "evaluated on 16 datasets, including a newly introduced X benchmark": one made for it)
            start = k + 1  # "newly created KTD200 and Kelp30k-200 datasets": made for this paper
        elif t.lower == "our" and (k > 0 or nxt in lex.new_words) and not t.trail.strip() and nxt not in lex.our_not_new \
                and not (tokens[k + 2].lower in lex.intro.for_contributions and not tokens[k + 2].lower.endswith("ed")
                         and not nxt.endswith("ly")):
            # (not "our study presents X": "our study" is the subject, X the object; but "our newly collected X")
            # not "Our X achieves ...": a sentence about results opens with the authors' system (but "Our novel X
            # mechanism enables ...": what they call new is theirs)
            if k > 1 and tokens[k - 1].lower == "of" and tokens[k - 2].lower in lex.part_of_words:
                continue  # "on a filtered slice of our KelpWeb corpus": what they had already, used
            start = k
        elif authors_speak and t.lower in ("a", "an") and nxt in lex.new_words \
                and not (k > 0 and tokens[k - 1].trail.strip() in (",", "),") and tokens[k - 1].text[:1].isupper()
                         and tokens[k - 1].lower not in lex.connectives) \
                and not (k > 1 and tokens[k - 1].text in DASH_TOKENS and tokens[k - 2].text[:1].isupper()) \
                and not any(x.lower in lex.others_words for x in tokens[max(0, k - 6):k + 12]):
            start = k + 1 if tokens[k + 1].trail.strip() == "," else k  # ("a novel, resource-efficient X
            # pipeline": the phrase goes on after the comma)
            while start + 2 < len(tokens) and tokens[start].trail.strip() in ("", ",") \
                    and tokens[start + 1].lower in lex.praise_words | {"and"}:
                start += 1  # "a novel, diverse and comprehensive X dataset": the praise is no part of the name
            # not "X, a novel Y dataset ...": that appositive describes X (but "Moreover, a novel ...",
            # "In this work, a new ..." do not); not "baselines, including
            # a new retrieval method from prior work": someone else's
        elif (authors_speak or model_keys) and t.lower in ("a", "an") and STAGED.fullmatch(nxt) \
                and not any(x.lower in lex.others_words for x in tokens[max(0, k - 6):k + 12]):
            start = k  # "we employ a three-stage training strategy", "X is trained through a two-stage process"
        elif authors_speak and t.lower in ("a", "an") and (crafted := _crafted(tokens, k + 1)) is not None \
                and not (k > 0 and tokens[k - 1].lower in COPULAS) \
                and not any(x.lower in lex.others_words for x in tokens[max(0, k - 6):k + 12]):
            start = crafted  # "through a meticulously engineered data selection pipeline": made by design, theirs
        else:
            continue
        raw = object_phrases(tokens, start + 1)[:2]
        if raw and raw[0][1] == "(acronym)" and len(raw[0][0]) >= 2 \
                and (after_paren := _head_after_parenthesis(tokens, raw[0][0])):
            # "our proposed Reinforcement Learning from Task Feedback (RLTF) method": the long form, whole
            name = strip_phrase(" ".join(x.text for x in raw[0][0]))
            if model_key(name) not in model_keys and content_words(name):
                out.append(Contribution(name, kind_of(after_paren, name), 0.75))
            continue
        if start == k + 1 and nxt in ("proposed", "presented", "introduced") and raw \
                and (coined := _coined_alone(raw[0][0], model_keys)):
            out.append(coined)  # "the proposed KelpNorm speeds up training": a coined name, then its verb
            continue
        for phrase, head in shared_head(tokens, [(_to_head(p), h) for p, h in raw]):
            last = phrase[-1].lower if phrase else ""
            if last not in heads:  # "a new truncation strategy for ...": the head before its purpose
                last = next((x.lower for x in phrase if x.lower in heads), last)
            if start == k + 1 and last not in heads and (found := _proposed(phrase, model_keys)):
                out.append(found)  # "our proposed mixture of denoising objectives": "proposed" marks it whatever its head
                continue
            if last not in heads or last.endswith("ing") or any(x.lower in MODEL_WORDS for x in phrase):
                # "extending our final-stage reinforcement learning": a gerund names an activity, not a thing
                continue
            if len(phrase) >= 2 and phrase[-2].lower in heads and distinctive(phrase[-1].text) \
                    and model_key(phrase[-1].text) not in model_keys:
                # "our 4B token music corpora KelpPile": the coined name after the head, whatever describes it
                name = strip_phrase(phrase[-1].text)  # "$Kelp-Mix$": a name set in math mode
                out.append(Contribution(name, kind_of(phrase[-2].lower, name), 0.8))
                continue
            if any(QUANTITY.fullmatch(x.text) for x in phrase):
                continue  # "our full 6.3T token dataset": a quantity describes it, it does not name it
            if any(x.lower in lex.use_verbs or x.lower in lex.make_verbs or x.lower in lex.intro.for_contributions
                   for x in phrase if not _modifier(phrase, x)):
                continue  # "our approach leverages ... strategies": a clause, not a name
            before_head = " ".join(x.text for x in phrase[:-1])
            if not [w for w in content_words(before_head) if w not in GENERIC_HEADS | BARE_DATA]:
                continue  # "a new paradigm", "our training approach"
            if k > 0 and tokens[k - 1].trail.strip() == "," and tokens[k - 1].text[:1].isupper() \
                    and (distinctive(tokens[k - 1].text) or tokens[k - 1].text.isupper()) \
                    and model_key(tokens[k - 1].text) not in model_keys:
                # "UltraKelp, our newly gathered preference dataset": the description names what precedes it
                out.append(Contribution(tokens[k - 1].text, kind_of(last, tokens[k - 1].text), 0.8))
                continue
            described = [x for x in phrase if x.lower not in lex.lead_words and x.lower not in ("proposed", "presented", "introduced")]
            if len(described) == 2 and described[0].text.isalpha() and described[0].text.islower() \
                    and t.lower == "our" and tokens[k + 1].lower not in lex.new_words:
                continue  # "feeds our speech decoder", "our adaptation corpus": a part or a kind, no name
            after = next((j for j, x in enumerate(tokens) if x.start == phrase[-1].start), None)
            short = tokens[after + 1] if after is not None and after + 1 < len(tokens) else None
            if head == "(acronym)" and short is not None and short.lead.startswith("("):
                long = strip_phrase(" ".join(x.text for x in phrase))
                if len([w for w in content_words(long) if w not in GENERIC_HEADS | BARE_DATA]) >= 2:
                    # "the proposed braided window attention (BW-Attn)": the long form, the short one its alias
                    out.append(Contribution(long, kind_of(last, long), 0.75, alias=short.text))
                else:  # "our best performing strategy (QUIRK)": the description names nothing, the acronym does
                    out.append(Contribution(short.text, kind_of(last, short.text), 0.75))
                continue
            names = [x.text.rstrip(",") for x in described[:-1] if x.lower not in ("and", "or")]
            if names and last in heads and all(distinctive(n) and not any(model_key(p) in model_keys for p in (n, *n.split("-")))
                                               and not n.lower().endswith(ADJECTIVE_SUFFIXES) for n in names):
                # "newly created KTD200 and Kelp30k-200 datasets", "our KelpQA benchmark": the names, not the phrase
                out.extend(Contribution(n, kind_of(last, n), 0.75) for n in names)
                continue
            out.extend(c for c in from_phrase(phrase, head, model_keys)  # "our ... KelpSet dataset", "a new
                       if c.name.lower().split()[-1] in heads or distinctive(c.name)  # truncation strategy for ..."
                       or (last in heads and f" {last} " in f" {c.name.lower()} "))
    return out


def _coined_alone(phrase: list[Token], model_keys: set[str]) -> Contribution | None:
    """A coined name right after "the proposed" that a verb or the phrase's end follows, no head ("the proposed
    KelpNorm speeds up ..."; not "the proposed Kelp-7B model": a model)."""
    heads = lexicon().kinds.every
    first = phrase[0] if phrase else None
    if first is None or not distinctive(first.text) or model_key(first.text) in model_keys \
            or first.lower in not_models_lower() or first.trail.strip() not in ("", ".", ",", ";"):
        return None
    if len(phrase) > 1 and (not phrase[1].text.islower() or phrase[1].lower in heads or phrase[1].lower in MODEL_WORDS):
        return None
    return Contribution(first.text, kind_of(None, first.text), 0.7)


def _proposed(phrase: list[Token], model_keys: set[str]) -> Contribution | None:
    """The thing after "our proposed" when no kind head closes it: three words or more ("mixture of
    denoising objectives"), none a model's, a verb or a quantity, two of them saying what it is."""
    lex = lexicon()
    name = strip_phrase(" ".join(x.text for x in phrase))
    if len(phrase) < 3 or not name or model_key(name) in model_keys or phrase[-1].lower.endswith("ing") \
            or any(model_key(x.text) in model_keys for x in phrase) \
            or any(x.lower in MODEL_WORDS or QUANTITY.fullmatch(x.text) or x.lower in lex.use_verbs
                   or x.lower in lex.make_verbs or x.lower in lex.intro.for_contributions for x in phrase):
        return None
    if len([w for w in content_words(name) if w not in GENERIC_HEADS | BARE_DATA]) < 2:
        return None
    return Contribution(name, "technique", 0.65)


def _modifier(phrase: list[Token], x: Token) -> bool:
    """Is x a participle before the noun it describes ("our (hand-) labelled preference dataset", "our newly gathered ..."),
    right after the mark or an adverb, not a verb of a clause?"""
    i = phrase.index(x)
    return x.lower.endswith("ed") and i + 1 < len(phrase) and (
        i == 0 or phrase[i - 1].lower in ("our", "proposed") or phrase[i - 1].lower.endswith("ly"))


def _head_after_parenthesis(tokens: list[Token], phrase: list[Token]) -> str | None:
    """The kind head right after the parenthesis that closes ``phrase`` ("... (RLTF) method"), or None."""
    k = next((j for j, x in enumerate(tokens) if x.start == phrase[-1].start), None)
    if k is None or k + 1 >= len(tokens) or not tokens[k + 1].lead.startswith("("):
        return None
    j = k + 1
    while j < len(tokens) and ")" not in tokens[j].trail:
        j += 1
    if j + 1 < len(tokens) and tokens[j + 1].lower in lexicon().kinds.every:
        return tokens[j + 1].lower
    return None


def shared_head(tokens: list[Token], phrases: list[tuple[list[Token], str | None]]) -> list[tuple[list[Token], str | None]]:
    """"our multimodal pretraining and supervised fine-tuning datasets": two modifiers share one head, so the
    two phrases the chunker split at "and" are one; otherwise the first phrase alone."""
    heads = lexicon().kinds.every
    if len(phrases) == 2 and phrases[0][0] and len(phrases[1][0]) >= 2 and phrases[0][0][-1].lower not in heads \
            and phrases[1][0][-1].lower in heads and phrases[1][0][0].lower not in lexicon().lead_words:
        # not "our code and datasets" (no modifier before the head), nor "our X and the Y architecture"
        i = next(j for j, t in enumerate(tokens) if t.start == phrases[0][0][0].start)
        end = next(j for j, t in enumerate(tokens) if t.start == phrases[1][0][-1].start)
        between = tokens[i + len(phrases[0][0]):end + 1 - len(phrases[1][0])]
        if [t.lower for t in between] == ["and"] and not phrases[0][0][-1].trail.strip():
            return [(tokens[i:end + 1], phrases[1][1])]
    return phrases[:1]


def _compound_to_head(phrase: list[Token], j: int) -> bool:
    """Is ``phrase[j]`` a plain noun between two heads ("selection" of "data selection pipeline"), not a
    verb ("halves" of "... technique halves the loss") nor a small word?"""
    t = phrase[j]
    return j + 1 < len(phrase) and phrase[j + 1].lower in lexicon().kinds.every and t.text.isalpha() \
        and t.text.islower() and not (t.lower.endswith("s") and not t.lower.endswith("ss")) \
        and t.lower not in lexicon().np_stop and not t.trail.strip()


def _to_head(phrase: list[Token]) -> list[Token]:
    """"FP6-based pretraining technique halves the loss spikes" -> "FP6-based pretraining technique": the
    phrase ends with the run of head nouns it reaches first."""
    heads = lexicon().kinds.every
    first = next((i for i, t in enumerate(phrase) if t.lower in heads), None)
    if first is None:
        return phrase
    end = first
    while end + 1 < len(phrase) and (phrase[end + 1].lower in heads or distinctive(phrase[end + 1].text)
                                     or _compound_to_head(phrase, end + 1)):
        end += 1  # "a novel instruction fine-tuning framework RankX": the name after the head stays;
        # "a data selection pipeline": a head word may modify a later head
    if end + 1 < len(phrase) and phrase[end + 1].lower in ("for", "of") \
            and needs_purpose(phrase[:end + 1], phrase[end + 1].lower):
        return phrase  # "a new truncation strategy for modifying the basis ...": the head alone names nothing
    return phrase[:end + 1]
