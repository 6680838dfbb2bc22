"""Noun phrases after a verb: "we propose X and Y, a ... method" -> [X], [Y (head: method)].

A shallow chunker over tokens: a phrase ends at a preposition or clause
word (lexicon ``np_stop``), a parenthesis (an acronym it defines), a comma
that opens an appositive ("X, a new corpus": the appositive gives the head)
or the next item of a numbered list ("(1) X (2) Y").
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.contribution import BARE_DATA, GATHERED, GATHERED_FOR, DETERMINERS, GENERIC_HEADS, MODEL_WORDS, content_words
from kg.extract.contributions.kinds import appositive_head, model_appositive, topic_appositive
from kg.extract.lexicon import lexicon
from kg.extract.tokens import DASH_TOKENS, Token, closing_parenthesis

MAX_PHRASE_WORDS: Final = 8
MAX_PURPOSE_WORDS: Final = 5
"""Words a phrase may take after "for"/"to" when its head alone says nothing ("a recipe for ...")."""
ADJECTIVE_ENDINGS: Final = ("ic", "al", "ive", "ous", "ble", "-", "ary")
ITEM: Final = re.compile(r"^\(?(?:\d|[ivx]{1,3}|[a-e])\)$")
LEAD_GERUNDS: Final = frozenset("applying using incorporating adding leveraging introducing employing performing "
                         "adopting combining".split())


def object_phrases(tokens: list[Token], start: int) -> list[tuple[list[Token], str | None]]:
    """Noun phrases after position ``start``: [(tokens, appositive head or None)]."""
    w = lexicon()
    stops, keep_of = w.np_stop, w.keep_of_heads
    heads = lexicon().kinds.every
    out: list[tuple[list[Token], str | None]] = []
    cur: list[Token] = []
    k = start
    n = len(tokens)
    extended = 0
    after_acronym = False
    while k < n and len(out) < 6:
        t = tokens[k]
        low = t.lower
        if cur and ITEM.match(f"{t.lead}{t.text}{t.trail.strip()}"):
            break  # "1) checkpoint averaging 2) model scaling": the next item begins
        if cur and t.text in DASH_TOKENS:  # a dash standing alone opens an aside: "speculative decoding - an algorithm"
            out.append((cur, "(model)" if model_appositive(tokens, k + 1) else appositive_head(tokens, k + 1, heads)))
            # "X - an algorithm to ...": X, an algorithm; "X - a latent video diffusion model": a model's name
            cur = []
            break
        if t.lead.startswith("("):
            if cur:
                inside = _parenthesis(tokens, k).replace(" ", "")  # "(KLP)", "(Safe RLHF)"
                defined = inside[:1].isalpha() and any(c.isupper() for c in t.text) and (
                    inside.isupper() or sum(c.isupper() for c in inside) >= 2)  # not "(short for ...)"
                after = tokens[k + 1].lower if k + 1 < n else ""
                if after in MODEL_WORDS or after == "language" or after in w.topic_heads:
                    defined = False  # "a Sparse Mixture of Experts (SMoE) language model": describes a model;
                    # "legal clause retrieval (LCR) tasks": a topic
                out.append((cur, "(topic)" if after in w.topic_heads else
                            "(acronym)" if defined and len(t.text) <= 10 else None))
                cur = []
                after_acronym = after_acronym or defined
            while k < n and ")" not in tokens[k].trail:  # skip the parenthesis
                k += 1
            k += 1
            continue
        if low in ("for", "to", "of", "on") and cur and not extended and k + 1 < n \
                and tokens[k + 1].lower not in stops and (not tokens[k + 1].text[:1].isdigit() or _holds(cur, low, tokens[k + 1:k + 4])) \
                and needs_purpose(cur, low) and not (low == "of" and _head_of_gerund(cur, tokens[k + 1])):
            extended = len(cur) + 1  # "a training recipe for ultra-long context LLMs": the purpose names it
            cur.append(t)
            k += 1
            continue
        if extended and len(cur) >= extended + MAX_PURPOSE_WORDS:
            break
        if low == "of" and cur and (all_generic(cur) or _head_of_gerund(cur, tokens[k + 1] if k + 1 < n else None)
                                    or (cur[-1].lower in w.act_nouns and all(x.lower in DETERMINERS for x in cur[:-1]))):
            # ("the incorporation of X" -> X: the act brings X in)
            if cur[-1].lower in w.about_words or cur[-1].lower in w.variant_of_words:
                break  # "the analysis of X techniques": about X; "a variant of X": X is older; X is not new
            cur = []  # "the concept of X" -> X
            k += 1
            continue
        if low in ("both", "either") and not cur and k == start and k + 1 < n and tokens[k + 1].lower in DETERMINERS:
            k += 1  # "we present both the X dataset and the Y model": the pair's first object opens after "both"
            continue
        if low == "our" and not cur and (k == start or (out and out[-1][0][-1].text[:1].islower())) \
                and k + 1 < n and tokens[k + 1].lower not in stops:
            # "we construct our instruction dataset by ...", "we release the X models, our specialization dataset,
            # ...": "our" opens the object (or the list's next one) as "a" would; after a bare name ("X, our new
            # collection") it opens a description of that name
            k += 1
            continue
        if low in stops and not (low == "of" and cur and (cur[-1].lower in keep_of or _title_of(cur, tokens, k))) \
                and not (low in TITLE_LINKS and len(named := [x for x in cur if x.lower not in w.lead_words]) >= 2
                         and _title_of(named, tokens, k) and (_defined_after(tokens, k) or _capitals_closed(tokens, k))):
            break
        if low.endswith("ing") and cur and cur[-1].lower in MODEL_WORDS and (len(cur) >= 2 or cur[-1].lower.endswith("s")):
            break  # "a bilingual SLM supporting ...", "our models embarking from ...": a participle clause begins
        if low.endswith("ing") and cur and low in w.use_verbs and not cur[-1].trail.strip():
            break  # "a braided loss combining masking and ...": the loss, then what it combines
        if low.endswith("ing") and cur and cur[-1].lower in heads and low not in heads and t.text.islower() \
                and not cur[-1].trail.strip() and not t.trail.strip() and k + 1 < n \
                and tokens[k + 1].text.islower() and tokens[k + 1].lower not in stops \
                and not any(x.lower in heads for x in tokens[k + 1:k + 3]):
            break  # "an asynchronous inference stack decoupling perception from ...": a participle clause
            # (not "a data processing pipeline": a head follows)
        if low == "along" and k + 1 < n and tokens[k + 1].lower == "with":
            k += 1
            low = "and"
        if t.text == "&" and cur and cur[-1].text[:1].isupper() and k + 1 < n and tokens[k + 1].text[:1].isupper():
            cur.append(t)  # "VAD Cut & Merge": one name
            k += 1
            continue
        if low in ("and", "or", "&"):
            if cur and (modifier(cur[-1].text) or _gerund_pair(cur[-1], tokens[k + 1] if k + 1 < n else None)
                        or _shares_head(cur, tokens, k + 1)):
                cur.append(t)  # "consumer electronic and medical domain datasets", "pruning and stitching
                # adapter blocks", "data selection and filtering strategies": one phrase
                k += 1
                continue
            if cur:
                out.append((cur, None))
            cur = []
            k += 1
            continue
        if cur and cur[-1].lower in heads and low in w.postpositive_words and k + 1 < n \
                and tokens[k + 1].lower in ("to", "for") and not cur[-1].trail.strip():
            break  # "a teacher-student strategy specific to transformers": the name ends at its head
        cur.append(t)
        trail = t.trail.strip()
        if trail.startswith(",") and k + 1 < n and _adjective_list(cur, tokens[k + 1]):
            k += 1  # "a two-stage, closed-book QA framework": one phrase
            continue
        if trail.startswith(",") and k + 1 < n and tokens[k + 1].lower in w.name_cues:
            cur = []  # "a math corpus, namely X and Y": the names that follow are the contribution
            break
        if trail.startswith(",") and _names_listed(tokens, k + 1):
            out.append((cur, None))  # "the Kelp Platform, the Kelp Dataset, and the Kelp Suite": names, each its own
            cur = []
            k += 1
            continue
        if trail.startswith(","):
            # "X, a large-scale dataset ...": an appositive gives the head; "X, a new task": a topic
            head = "(topic)" if topic_appositive(tokens, k + 1) else "(model)" if model_appositive(tokens, k + 1) \
                else appositive_head(tokens, k + 1, heads)
            out.append((cur, head))
            cur = []
            if head or (k + 1 < n and tokens[k + 1].text.islower() and tokens[k + 1].lower.endswith("ing")):
                break  # "X, focusing on ...": a participle clause, not another object
            k += 1
            continue
        if trail.startswith(":") and (head := appositive_head(tokens, k + 1, heads)):
            out.append((cur, head))  # "X: a new benchmark designed to ...": the head after the colon
            cur = []
            break
        if trail and trail[0] in ".;:)!?":
            break
        if len(cur) >= MAX_PHRASE_WORDS + (MAX_PURPOSE_WORDS if extended else 0):
            break
        k += 1
    if cur:
        out.append((cur, None))
    if after_acronym:
        # "Proof Aware syNthetic Exchange (PANE) generation method": the words after the
        # acronym are the head of the same phrase, not a second contribution
        for i, (_, head) in enumerate(out[:-1]):
            if head == "(acronym)" and len(out[i + 1][0]) <= 3 and _right_after_parenthesis(tokens, out[i + 1][0][0]):
                del out[i + 1]
                break
    return out


def _names_listed(tokens: list[Token], j: int) -> bool:
    """Does a capitalised name after "the" open at j and close on a comma or before "and" ("..., the Kelp Dataset,
    the Kelp Collection, and ...")? Then it is the list's next name, not an appositive of the one before."""
    if j + 1 >= len(tokens) or tokens[j].lower != "the":
        return False
    for k in range(j + 1, min(j + 6, len(tokens))):
        if not tokens[k].text[:1].isupper() or tokens[k].lead:
            return False
        if tokens[k].trail.strip():
            return tokens[k].trail.strip() == ","
        if k + 1 < len(tokens) and tokens[k + 1].lower == "and":
            return True
    return False


def _right_after_parenthesis(tokens: list[Token], first: Token) -> bool:
    """Does ``first`` follow a closing parenthesis with nothing between ("(PANE) generation method"), not
    after a comma or "and" ("(LWC) and Learnable Equivalent Transformation": a second item)?"""
    k = next((i for i, t in enumerate(tokens) if t is first), 0)
    return k > 0 and tokens[k - 1].trail.strip() == ")"


TITLE_LINKS: Final = frozenset("from for with in on".split())
""""Reinforcement Learning from Task Feedback (RLTF)", "Iterative Training with Reflective Traces, which ...": small
words inside a capitalised name its acronym or the clause's end closes."""


def _defined_after(tokens: list[Token], k: int) -> bool:
    """Does a capitalised run from k close with an acronym in parentheses ("... Task Feedback (RLTF)")?"""
    for i, t in enumerate(tokens[k + 1:k + 6], start=k + 1):
        if t.lead.startswith("("):  # "(RLTF)", "(Safe RLHF)": the capitals of the whole parenthesis
            return any(c.isupper() for c in t.text) and sum(c.isupper() for c in _parenthesis(tokens, i)) >= 2
        if not t.text[:1].isupper() or t.trail.strip():
            return False
    return False


def _capitals_closed(tokens: list[Token], k: int) -> bool:
    """Does a capitalised run from k close the clause ("Iterative Training with Reflective Online Traces,
    which ...", "... Traces;")? Then the small word at k is inside one name."""
    for t in tokens[k + 1:k + 6]:
        if not t.text[:1].isupper() or t.lead:
            return False
        if t.trail.strip():
            return t.trail.strip()[:1] in ",;:."
    return False


def _parenthesis(tokens: list[Token], i: int) -> str:
    """The words of the parenthesis opening at token i, joined ("Safe RLHF"); at most four."""
    k = closing_parenthesis(tokens, i, min(i + 4, len(tokens)))
    return " ".join(t.text for t in tokens[i:i + 4 if k is None else k + 1])


def _head_of_gerund(cur: list[Token], nxt: Token | None) -> bool:
    """"our procedure of pruning and stitching ...": a generic head before "of" and a gerund says nothing
    the gerund does not."""
    return nxt is not None and nxt.text.islower() and nxt.lower.endswith("ing") and len(nxt.lower) > 5 \
        and all(t.lower in GENERIC_HEADS or t.lower in lexicon().lead_words for t in cur)


def _shares_head(cur: list[Token], tokens: list[Token], k: int) -> bool:
    """"data selection and filtering strategies": a lower-case phrase with no head of its own, "and", then a
    short lower-case phrase closed by a plural head (lexicon ``kind_heads``): the head is both phrases'.
    Not "a new dataset and evaluation benchmarks" (a head ends the first), nor "X and data strategies", nor
    "accurate and diverse captions" (one adjective)."""
    w = lexicon()
    heads = w.kinds.every
    if cur[-1].trail.strip() or cur[-1].lower in heads or cur[-1].lower in MODEL_WORDS \
            or not all(t.text.isalpha() and t.text.islower() for t in cur) \
            or len([t for t in cur if t.lower not in w.lead_words and t.lower not in w.praise_words]) < 2:
        return False  # (two words at least: "accurate and diverse captions" are praised captions)
    for j in range(k, min(k + 3, len(tokens))):
        t = tokens[j]
        if not (t.text.replace("-", "").isalpha() and t.text.islower()) or t.lower in w.np_stop \
                or t.lower in DETERMINERS:
            return False
        last = j + 1 == len(tokens) or bool(t.trail.strip()) or tokens[j + 1].lower in w.np_stop
        if last:
            return j > k and t.lower in heads and t.lower.endswith("s")
    return False


def _gerund_pair(before: Token, after: Token | None) -> bool:
    """"pruning and stitching": two lower-case gerunds joined before one object share it."""
    return after is not None and not before.trail.strip() and all(
        x.text.islower() and x.lower.endswith("ing") and len(x.lower) > 5 for x in (before, after))


def _title_of(cur: list[Token], tokens: list[Token], k: int) -> bool:
    """"Tree of Thoughts", "Mixture of Depths": "of" inside a name written in capitals."""
    return (k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and not tokens[k].trail.strip()
            and all(x.text[:1].isupper() and not x.trail.strip() for x in cur))


def modifier(word: str) -> bool:
    """A word that modifies a noun still to come ("electronic", "pre-")."""
    w = word.lower()
    return word[:1].islower() and w.endswith(ADJECTIVE_ENDINGS) \
        and w not in lexicon().kinds.technique | lexicon().kinds.dataset  # not "CRUX-Eval and CRUX-Hard"


BULK: Final = re.compile(r"[\d.,]+\s*(?:[KMGTP]B|[BT])", re.IGNORECASE)
""""1.2TB", "3T": a count that is a volume by its suffix."""


def _holds(cur: list[Token], preposition: str, after: list[Token]) -> bool:
    """"a dataset" + "of 130K verifiable problems": data that a count of what it holds describes (not "a corpus"
    + "of 2 trillion tokens", "of 1.2TB": its volume)."""
    return preposition == "of" and cur[-1].lower in GATHERED and needs_purpose(cur, preposition) \
        and not BULK.fullmatch(after[0].text) and not any(t.lower in lexicon().volume_units for t in after[1:3])


def needs_purpose(cur: list[Token], preposition: str) -> bool:
    """Does a phrase need its "for/of/on ..." to be a name? Only a generic head with little else
    ("an efficient training recipe" + "for ultra-long context LLMs"), a bare data head ("a dataset" + "for
    code probing", "a corpus" + "of scientific figures") or a bare gerund ("filtering" + "for ..."). "to" opens a clause ("a pipeline to build
    ..."), never a name: the phrase stays as short as it is."""
    last = cur[-1].lower
    if preposition == "to":
        return False
    if len(cur) == 1 and last.endswith("ing"):
        return True
    scorer_generic = {"a", "an", "the", "our", "novel", "new", "simple", "efficient", "effective"} | GENERIC_HEADS
    if last in GATHERED and preposition == "of" and last not in ("set", "sets") \
            and not any(t.text[:1].isupper() for t in cur):
        return True  # "a multimodal corpus" + "of aligned speech translations": what data holds names it (a
        # name says it better: "a newly constructed KelpLaw dataset" of ...)
    if last in GATHERED and preposition in ("for", "of"):
        return all(t.lower in scorer_generic or t.lower in lexicon().lead_words or t.lower in GATHERED_FOR
                   for t in cur[:-1])  # "a new benchmark suite" + "for Kelp evaluation"
    if last not in GENERIC_HEADS | {"reliance"}:
        return False
    return len([t for t in cur if t.lower not in scorer_generic]) < 2


def _adjective_list(cur: list[Token], nxt: Token) -> bool:
    """Is "X, Y" inside one noun phrase ("two-stage, closed-book", "novel, diverse and ...")? Only after a
    short modifier."""
    lex = lexicon()
    if len(cur) <= 2 and cur[-1].lower in lex.new_words | lex.praise_words and nxt.lower in lex.praise_words:
        return True  # "a novel, diverse and comprehensive dataset": praise, one adjective after another
    return len(cur) <= 2 and nxt.lower not in DETERMINERS and nxt.lower not in lexicon().np_stop \
        and cur[-1].lower not in lexicon().kinds.technique and "-" in cur[-1].text \
        and cur[-1].text.islower() and not nxt.lower.endswith("ing") \
        and not cur[-1].lower.endswith(("ing", "tion"))  # not "Kelp 2-Instruct, focusing on", "... pre-training, cross-modal"


def all_generic(tokens: list[Token]) -> bool:
    return not content_words(" ".join(t.text for t in tokens))


WITH_WORDS: Final = frozenset("with using via through on from".split())


def list_items(tokens: list[Token]) -> list[int]:
    """Where the items of "(1) X (2) Y" or "a combination of X, Y, and Z" start."""
    starts = [k + 1 for k, t in enumerate(tokens[:-1])
              if t.trail.strip().endswith(")") and ITEM.match(f"{t.lead}{t.text}{t.trail.strip()}")]
    for k, t in enumerate(tokens[:-2]):
        if t.lower == "combination" and tokens[k + 1].lower == "of" \
                and not any(x.lower in lexicon().use_verbs or x.lower in WITH_WORDS for x in tokens[max(0, k - 3):k]):
            # not "by leveraging a combination of X, Y and Z", "trained with a combination of ...": used
            k2 = k + 2
            starts.append(k2)
            for j in range(k2, min(k2 + 30, len(tokens) - 1)):
                if tokens[j].trail.strip() == "," and tokens[j + 1].lower not in ("which", "that", "where"):
                    starts.append(j + 1 + (tokens[j + 1].lower == "and"))
                if tokens[j].trail.strip()[:1] in (".", ";"):
                    break
    return starts


def drop_gerund(phrase: list[Token]) -> list[Token]:
    """"(2) applying structured templates" -> "structured templates"."""
    return phrase[1:] if len(phrase) > 1 and phrase[0].lower in LEAD_GERUNDS else phrase
