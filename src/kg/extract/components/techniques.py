"""What a paper contributes (techniques, datasets, benchmarks) and what it builds on.

Contributions are read from the sentences where the authors say what they
did ("we propose / introduce / present / curate / release ...") and from
titles of the form "NAME: what it is". From such a sentence the object noun
phrases are taken (split at "and", cut at the first preposition or clause
word), a proper name with an appositive ("G-Vendi, a metric that ...",
"a ... framework RankRAG") wins over the description, and the phrase's head
noun gives the kind: "... dataset" is a Dataset, "... benchmark" a
Benchmark, anything else a Technique. A phrase of generic words only ("a
novel approach", "our method") is never a name. Acronyms the text defines
("blockwise local knowledge distillation (BLD)") are kept as aliases, so the
short and long forms are one node. Techniques the sentence says the authors
*use* ("we leverage X", "utilizing X") are linked with ``mlkg:uses``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.extract.doc import Doc
from kg.extract.fact import Alias, Fact, Mention
from kg.extract.pipeline import component
from kg.extract.tokens import Token, tokenize
from kg.keys import model_key, technique_key

VERSION = "1.0"
EXTRACTOR = f"techniques@{VERSION}"
MAX_PHRASE_WORDS = 8
MAX_PURPOSE_WORDS = 5
"""Words a phrase may take after "for"/"to" when its head alone says nothing ("a recipe for ...")."""
SUBJECT = re.compile(r"\b(?=[wto])(?:we|this (?:paper|work|study|report)|our (?:work|paper|study))\b", re.IGNORECASE)
"""(?=[wto]): the alternatives' first letters, so that the scan passes over every other position at once."""
OUR_METHOD = re.compile(r"(?:Our|The) (?:method|approach|framework)")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    raw = json.loads(resources.files("kg.extract").joinpath("patterns/contributions.json").read_text("utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """Every head noun that names a contribution: technique, dataset or benchmark."""
    w = _words()
    return w["technique_heads"] | w["dataset_heads"] | w["benchmark_heads"]


@dataclass(frozen=True)
class Contribution:
    name: str
    kind: str
    confidence: float
    alias: str | None = None


def content_words(phrase: str) -> list[str]:
    generic = _words()["generic"]
    return [w for w in re.findall(r"[\w][\w'-]*", phrase.lower()) if w not in generic and not w.isdigit()]


EVAL_HEADS = frozenset({"evaluation suite", "eval suite", "test suite", "evaluation set", "test set"})


def _head_at(tokens: list[Token], k: int) -> str:
    """The head word at k, with "evaluation"/"test" before it kept ("a new evaluation suite, X")."""
    if k > 0 and tokens[k - 1].lower in ("evaluation", "eval", "test") and not tokens[k - 1].trail:
        return f"{tokens[k - 1].lower} {tokens[k].lower}"
    return tokens[k].lower


def kind_of(head: str | None, name: str) -> str:
    w = _words()
    h = (head or "").lower()
    last = name.lower().split()[-1] if name.split() else ""
    if h in w["dataset_heads"] and h not in ("set", "sets", "suite"):
        return "dataset"  # "ToolBench, an instruction-tuning dataset": what the text calls it, not its name
    if h in w["benchmark_heads"] or h in EVAL_HEADS or last.endswith("bench") or last == "benchmark" or \
            re.search(r"\b(?:test|evaluation|eval) (?:set|suite)s?$", name.lower()):
        return "benchmark"
    if h in w["dataset_heads"] or last in w["dataset_heads"]:
        return "dataset"
    return "technique"


def is_proper(tokens: list[Token]) -> bool:
    """A name rather than a description: capitals beyond sentence case ("G-Vendi", "Prismatic Synthesis")."""
    if not tokens:
        return False
    texts = [t.text for t in tokens]
    if any(any(c.isupper() for c in t[1:]) or any(c.isdigit() for c in t) for t in texts):
        return True
    return all(t[:1].isupper() for t in texts if t.lower() not in ("of", "and", "for", "the", "in", "a"))


TITLE_NOT_NAME = re.compile(r"[,'’!?]|^(?:from|to|on|in|towards?|beyond|when|why|how|what|is|are|do|does|"
                            r"can|shall|should|the|a|an)\b|\b(?:your|our|my|we|you|i)\b", re.IGNORECASE)


def _title_name(name: str) -> bool:
    """"RLP" or "Prismatic Synthesis" before a title's colon names a contribution; "Reuse, Don't Retrain" does not."""
    if TITLE_NOT_NAME.search(name) or len(name.split()) > 4 or re.search(r"\b(?:Report|Paper|Card)$", name):
        return False
    toks = tokenize(name)
    return is_proper(toks) and (len(toks) > 1 or _distinctive(toks[0].text))


def _distinctive(word: str) -> bool:
    """One word that is a coinage: inner capitals, digits or a hyphenated capital ("G-Vendi", "ODIN")."""
    return any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)


def _plain_name(word: str) -> bool:
    """"Nectar": one capitalised word, a name only where the text marks it as one."""
    return len(word) > 2 and word.isalpha() and word[0].isupper() and word[1:].islower() \
        and word.lower() not in not_models_lower()


def _new_before(tokens: list[Token], k: int) -> bool:
    """"our new ranking dataset, Nectar": the head is the authors' new one."""
    return any(t.lower in ("new", "novel", "our") for t in tokens[max(0, k - 5):k])


def _strip(phrase: str) -> str:
    phrase = phrase.strip(" \"'“”‘’,;:.")
    words = phrase.split()
    lead_generic = {"a", "an", "the", "our", "their", "its", "this", "these", "novel", "new", "simple", "more", "yet"}
    while words and words[0].lower().strip("\"'") in lead_generic:
        words = words[1:]
    return " ".join(words).replace('"', "").replace("“", "").replace("”", "").strip()


def _title_of(cur: list[Token], tokens: list[Token], k: int) -> bool:
    """"Tree of Thoughts", "Mixture of Depths": "of" inside a name written in capitals."""
    return (k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and not tokens[k].trail.strip()
            and all(x.text[:1].isupper() and not x.trail.strip() for x in cur))


def object_phrases(tokens: list[Token], start: int) -> list[tuple[list[Token], str | None]]:
    """Noun phrases after position ``start``: [(tokens, appositive head or None)]."""
    w = _words()
    stops, keep_of = w["np_stop"], w["keep_of_heads"]
    heads = _heads()
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
        if cur and t.text in DASHES:
            out.append((cur, _appositive_head(tokens, k + 1, heads)))  # "X - an algorithm to ...": X, an algorithm
            cur = []
            break
        if t.lead.startswith("("):
            if cur:
                defined = t.text[:1].isalpha() and (t.text.isupper() or any(c.isupper() for c in t.text[1:]))
                after = tokens[k + 1].lower if k + 1 < n else ""
                if after in MODEL_WORDS or after == "language":
                    defined = False  # "a Sparse Mixture of Experts (SMoE) language model": describes a model
                out.append((cur, "(acronym)" if defined and len(t.text) <= 10 else None))
                cur = []
                after_acronym = after_acronym or defined
            while k < n and ")" not in tokens[k].trail:  # skip the parenthesis
                k += 1
            k += 1
            continue
        if low in ("for", "to", "of", "on") and cur and not extended and k + 1 < n \
                and tokens[k + 1].lower not in stops and _needs_purpose(cur):
            extended = len(cur) + 1  # "a training recipe for ultra-long context LLMs": the purpose names it
            cur.append(t)
            k += 1
            continue
        if extended and len(cur) >= extended + MAX_PURPOSE_WORDS:
            break
        if low == "of" and cur and _all_generic(cur):
            cur = []  # "the concept of X" -> X
            k += 1
            continue
        if low in stops and not (low == "of" and cur and (cur[-1].lower in keep_of or _title_of(cur, tokens, k))):
            break
        if low.endswith("ing") and cur and cur[-1].lower in MODEL_WORDS and len(cur) >= 2:
            break  # "a bilingual SLM supporting ...": a participle clause begins
        if low == "along" and k + 1 < n and tokens[k + 1].lower == "with":
            k += 1
            low = "and"
        if low in ("and", "or", "&"):
            if cur and _modifier(cur[-1].text):
                cur.append(t)  # "consumer electronic and medical domain datasets": one phrase
                k += 1
                continue
            if cur:
                out.append((cur, None))
            cur = []
            k += 1
            continue
        cur.append(t)
        trail = t.trail.strip()
        if trail.startswith(",") and k + 1 < n and _adjective_list(cur, tokens[k + 1]):
            k += 1  # "a two-stage, closed-book QA framework": one phrase
            continue
        if trail.startswith(",") and k + 1 < n and tokens[k + 1].lower in w["name_cues"]:
            cur = []  # "a math corpus, namely X and Y": the names that follow are the contribution
            break
        if trail.startswith(","):
            # "X, a large-scale dataset ...": an appositive gives the head
            head = _appositive_head(tokens, k + 1, heads)
            out.append((cur, head))
            cur = []
            if head or (k + 1 < n and tokens[k + 1].text.islower() and tokens[k + 1].lower.endswith("ing")):
                break  # "X, focusing on ...": a participle clause, not another object
            k += 1
            continue
        if trail.startswith(":") and (head := _appositive_head(tokens, k + 1, heads)):
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
        # "Math Informed syNthetic Dialogue (MIND) generation method": the words after the
        # acronym are the head of the same phrase, not a second contribution
        for i, (_, head) in enumerate(out[:-1]):
            if head == "(acronym)" and len(out[i + 1][0]) <= 3:
                del out[i + 1]
                break
    return out


MODEL_WORDS = frozenset("model models llm llms slm slms mllm mllms lm lms".split())
PARAMETER_COUNT = re.compile(r"\d+(?:\.\d+)?[BMT]")
DASHES = frozenset(("-", "--", "\u2013", "\u2014"))
"""A dash standing alone between words opens an aside: "speculative decoding - an algorithm to ..."."""
GENERIC_HEADS = frozenset("recipe approach method framework pipeline strategy technique algorithm scheme "
                          "procedure process protocol methodology system".split())
DETERMINERS = frozenset("a an the our their its this these which that and or while where".split())


ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ble", "-", "ary")


def _modifier(word: str) -> bool:
    """A word that modifies a noun still to come ("electronic", "pre-")."""
    w = word.lower()
    return word[:1].islower() and w.endswith(ADJECTIVE_ENDINGS) \
        and w not in _words()["technique_heads"] | _words()["dataset_heads"]  # not "CRUX-Eval and CRUX-Hard"


def _needs_purpose(cur: list[Token]) -> bool:
    """Does a phrase need its "for/to ..." to be a name? Only a generic head with little else
    ("an efficient training recipe" + "for ultra-long context LLMs"), or a bare gerund ("filtering" + "for ...")."""
    last = cur[-1].lower
    if len(cur) == 1 and last.endswith("ing"):
        return True
    if last not in GENERIC_HEADS | {"reliance"}:
        return False
    scorer_generic = {"a", "an", "the", "our", "novel", "new", "simple", "efficient", "effective"} | GENERIC_HEADS
    return len([t for t in cur if t.lower not in scorer_generic]) < 2


def _adjective_list(cur: list[Token], nxt: Token) -> bool:
    """Is "X, Y" inside one noun phrase ("two-stage, closed-book")? Only after a short modifier."""
    return len(cur) <= 2 and nxt.lower not in DETERMINERS and nxt.lower not in _words()["np_stop"] \
        and cur[-1].lower not in _words()["technique_heads"] and "-" in cur[-1].text \
        and cur[-1].text.islower() and not nxt.lower.endswith("ing")  # not "Kelp 2-Instruct, focusing on"


def _all_generic(tokens: list[Token]) -> bool:
    return not content_words(" ".join(t.text for t in tokens))


EVALUATION_WORDS = frozenset("evaluation eval test testing benchmark benchmarking".split())


def _appositive_head(tokens: list[Token], j: int, heads: frozenset[str]) -> str | None:
    if j >= len(tokens) or tokens[j].lower not in ("a", "an", "the", "which", "namely"):
        return None
    found = None
    for k in range(j + 1, min(j + 10, len(tokens))):
        if tokens[k].lower in MODEL_WORDS:
            return found  # "X, the largest LLM ...": a model, not a technique
        last = tokens[k].lower.split("-")[-1]
        head = tokens[k].lower if tokens[k].lower in heads else last if last in heads else None
        if head:
            found = head  # "a math instruction tuning dataset": the last head of the run is the head
            if head in ("set", "sets", "suite") and tokens[k - 1].lower in EVALUATION_WORDS:
                found = "benchmark"  # "a new evaluation set": a benchmark, not training data
        elif found:
            return found
        if found and tokens[k].trail.strip():
            return found
    return found


ITEM = re.compile(r"^\(?(?:\d|[ivx]{1,3}|[a-e])\)$")
LEAD_GERUNDS = frozenset("applying using incorporating adding leveraging introducing employing performing "
                         "adopting combining".split())


def list_items(tokens: list[Token]) -> list[int]:
    """Where the items of "(1) X (2) Y" or "a combination of X, Y, and Z" start."""
    starts = [k + 1 for k, t in enumerate(tokens[:-1])
              if t.trail.strip().endswith(")") and ITEM.match(f"{t.lead}{t.text}{t.trail.strip()}")]
    for k, t in enumerate(tokens[:-2]):
        if t.lower == "combination" and tokens[k + 1].lower == "of":
            k2 = k + 2
            starts.append(k2)
            for j in range(k2, min(k2 + 30, len(tokens) - 1)):
                if tokens[j].trail.strip() == "," and tokens[j + 1].lower not in ("which", "that", "where"):
                    starts.append(j + 1 + (tokens[j + 1].lower == "and"))
                if tokens[j].trail.strip()[:1] in (".", ";"):
                    break
    return starts


def _drop_gerund(phrase: list[Token]) -> list[Token]:
    """"(2) applying structured templates" -> "structured templates"."""
    return phrase[1:] if len(phrase) > 1 and phrase[0].lower in LEAD_GERUNDS else phrase


def contributions_in(text: str, model_keys: set[str], title: bool = False,
                     new_names: frozenset[str] = frozenset(), tokens: list[Token] | None = None) -> list[Contribution]:
    """The contributions one sentence states (``tokens``: its tokens, when already made)."""
    tokens = tokenize(text) if tokens is None else tokens
    w = _words()
    out: list[Contribution] = []
    if title:
        m = re.match(r"^([^:]{2,60}):\s*(.+)$", text)
        if m:
            name = m.group(1).strip()
            described = m.group(2).rstrip(" .").split()[-1].lower() if m.group(2).split() else ""
            names_model = any(model_key(t.text) in model_keys for t in tokenize(name))
            if model_key(name) not in model_keys and not names_model and _title_name(name) \
                    and described not in MODEL_WORDS:
                kind = re.search(r"\b(?:a|an)\b[^:]*?\b(dataset|corpus|benchmark)s?\b", m.group(2), re.IGNORECASE)
                out.append(Contribution(name, kind_of(kind.group(1) if kind else None, name), 0.75))
            elif re.match(r"^(?:A|An)\s", m.group(2)) and not re.search(r"\b(?:[Mm]odels?|LLMs?)\b", m.group(2)) \
                    and not TITLE_NOT_NAME.search(m.group(2)[2:]):
                # "Reuse, Don't Retrain: A Recipe for Continued Pretraining ...": the subtitle names it
                sub = _strip(m.group(2))
                if content_words(sub):
                    out.append(Contribution(sub, kind_of(described, sub), 0.6))
        return out
    authors_speak = SUBJECT.search(text) is not None or text.lower().startswith(("our ", "central to our")) \
        or OUR_NEW.search(text) is not None
    subject_is_new = bool(tokens) and technique_key(tokens[0].text) in new_names
    listed_after: set[str] = set()
    if authors_speak:
        out.extend(named_in(tokens, model_keys))
        for c, head in names_in_parentheses(tokens, model_keys):
            out.append(c)
            listed_after.add(head)
    out.extend(_stated_contribution(text, tokens, model_keys))
    verb_at = None
    for k, t in enumerate(tokens):
        if t.lower in w["introduce_verbs"] and SUBJECT.search(text[: t.start]) is not None:
            verb_at = k
            break
    while verb_at is not None and verb_at + 2 < len(tokens) and tokens[verb_at + 1].lower in ("and", "or") \
            and tokens[verb_at + 2].lower in w["introduce_verbs"]:
        verb_at += 2  # "we develop and release X": X is the object of both
    if verb_at is not None:
        named = False
        for phrase, head in object_phrases(tokens, verb_at + 1):
            if named and phrase[0].lower in ("a", "an") and _after_comma(tokens, phrase[0]):
                continue  # "X (ABC), a new framework for ...": the appositive describes X, it is not another
            found = _contribution(phrase, head, model_keys)
            named = named or any(c.name != c.name.lower() for c in found) \
                or model_key(text[phrase[0].start:phrase[-1].end]) in model_keys  # "we present X, an ... model"
            out.extend(found)
        for k in range(verb_at + 2, len(tokens) - 2):
            if (start := _along_with(tokens, k)) is not None:
                # "we present a recipe to extend ..., along with a three-stage instruction tuning process"
                for phrase, head in object_phrases(tokens, start)[:1]:
                    out.extend(_contribution(phrase, head, model_keys))
                break
    uses_list = verb_at is None and any(t.lower in w["use_verbs"] for t in tokens[:12])
    if (verb_at is not None or authors_speak or subject_is_new) and not uses_list:
        for start in list_items(tokens):
            for phrase, head in object_phrases(tokens, start)[:1]:
                out.extend(_contribution(_drop_gerund(phrase), head, model_keys, enumerated=True))
    if out:
        listed_after |= _named_heads(tokens)
    if listed_after:  # "new datasets (A, B, and C)": the names are the contributions, not "new datasets"
        out = [c for c in out if c.name.lower().split()[-1] not in listed_after or c.name != c.name.lower()]
    seen: set[str] = set()
    unique = []
    for c in sorted(out, key=lambda c: -c.confidence):
        key = technique_key(c.name)
        if key not in seen and not any(key in s_ and len(key) < len(s_) for s_ in seen):
            seen.add(key)
            unique.append(c)
    return unique


def _named_heads(tokens: list[Token]) -> set[str]:
    """Heads a name follows: "a high-quality instruction dataset, Magpie-Pro", "a corpus named X"."""
    heads, cues = _heads(), _words()["name_cues"]
    out = set()
    for k, t in enumerate(tokens[:-1]):
        if t.lower not in heads:
            continue
        nxt = tokens[k + 1]
        if t.trail.strip() == "," and _distinctive(nxt.text) and _indefinite_before(tokens, k):
            out.add(t.lower)  # not a list: "the weights, instruction tuning data, ChatBench, and ..."
        elif not t.trail.strip() and nxt.lower in cues and k + 2 < len(tokens) and _distinctive(tokens[k + 2].text):
            out.add(t.lower)
        else:
            # "a data selection method based on ..., which we refer to as LESS": the name is the method
            after = [x.lower for x in tokens[k + 1:k + 9]]
            if "which" in after and _we_name_after(tokens, k + 1 + after.index("which")):
                out.add(t.lower)
    return out


def _we_name(tokens: list[Token], k: int) -> bool:
    """Is token k the cue of "we call X" or "refer to as X" (the name follows it)?"""
    w = tokens[k].lower
    if w in WE_CALL:
        return k > 0 and tokens[k - 1].lower == "we"
    return w == "as" and k > 2 and tokens[k - 1].lower == "to" and tokens[k - 2].lower == "refer"


def _we_name_after(tokens: list[Token], k: int) -> bool:
    """"which we call X" / "which we refer to as X" at k, X a coined name."""
    if k + 2 >= len(tokens) or tokens[k].lower != "which" or tokens[k + 1].lower != "we":
        return False
    cue = k + 2 if tokens[k + 2].lower in WE_CALL else k + 4  # "which we call X" / "which we refer to as X"
    return cue + 1 < len(tokens) and (cue == k + 2 or tokens[cue].lower == "as") and _we_name(tokens, cue) \
        and _distinctive(tokens[cue + 1].text)


def _indefinite_before(tokens: list[Token], k: int) -> bool:
    """Does the phrase ending at k open with "a"/"an" ("a high-quality instruction dataset")?"""
    for j in range(k - 1, max(-1, k - 6), -1):
        if tokens[j].trail.strip():
            return False
        if tokens[j].lower in ("a", "an"):
            return True
    return False


ALONG_WITH = frozenset({("along", "with"), ("together", "with"), ("as", "well")})


def _along_with(tokens: list[Token], k: int) -> int | None:
    """", along with" / ", together with" / ", as well as" at k: where another object of the same verb
    starts (an article or "our" must open it), or None."""
    pair = (tokens[k].lower, tokens[k + 1].lower)
    if pair not in ALONG_WITH or not tokens[k - 1].trail.strip().startswith(","):
        return None
    start = k + 3 if pair == ("as", "well") and tokens[k + 2].lower == "as" else k + 2
    if start < len(tokens) and tokens[start].lower in ("a", "an", "our", "the"):
        return start
    return None


def _after_comma(tokens: list[Token], first: Token) -> bool:
    k = next((i for i, t in enumerate(tokens) if t.start == first.start), 0)
    return k > 0 and tokens[k - 1].trail.rstrip().endswith(",")


OUR_NEW = re.compile(r"\bour (?:new|novel)\b", re.IGNORECASE)
CONTRIBUTION_IS = re.compile(r"^(?:our (?:key |main |core |central |primary )?(?:contribution|innovation|idea)"
                             r"|(?:central|key) to our \w+|at the (?:core|heart) of our \w+) is ", re.IGNORECASE)
NEW_SUBJECT = re.compile(r"^(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) is an? (?:new|novel) (?:[\w-]+ ){0,3}?(?P<head>\w+)")


def _stated_contribution(text: str, tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """"Our key contribution is X", "Central to our approach is X", "X is a new benchmark we built"."""
    m = CONTRIBUTION_IS.match(text)
    if m:
        k = next((i for i, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
        return [c for phrase, head in object_phrases(tokens, k)[:1] for c in _contribution(phrase, head, model_keys)]
    m = NEW_SUBJECT.match(text)
    if m and m.group("head").lower() in _heads() and model_key(m.group("name")) not in model_keys \
            and (_distinctive(m.group("name")) or " " in m.group("name")):
        return [Contribution(m.group("name"), kind_of(m.group("head").lower(), m.group("name")), 0.8)]
    return []


WE_CALL = frozenset("call name dub term coin".split())
EVALUATED_ON = frozenset("on across over using".split())
OWN_WORDS = frozenset("new novel our introduce introduces propose proposes present presents release releases "
                      "curate curates construct constructs build builds create creates develop develops".split())


def _evaluated_on(tokens: list[Token], k: int) -> bool:
    """"experiments on two benchmarks, namely X and Y": sets the paper evaluates on, not its own."""
    for j in range(k - 1, max(-1, k - 9), -1):
        t = tokens[j]
        if t.lower in OWN_WORDS or (j < k - 1 and t.trail.strip().startswith(",")):
            return False  # our own, or a clause before the cue's ("..., which we refer to as X")
        if t.lower in EVALUATED_ON:
            return True
    return False


def names_in_parentheses(tokens: list[Token], model_keys: set[str]) -> list[tuple[Contribution, str]]:
    """"new specialized datasets (FineMath, Stack-Edu, and SmolTalk)": names listed after a head."""
    heads = _heads()
    out: list[tuple[Contribution, str]] = []
    for k, t in enumerate(tokens[:-1]):
        if t.lower not in heads or not tokens[k + 1].lead.startswith("(") or t.trail.strip():
            continue
        if not any(x.lower in OWN_WORDS for x in tokens[max(0, k - 6):k]) or _evaluated_on(tokens, k):
            continue  # "on four benchmarks (A, B, C, D)": what it is measured on
        names, j = [], k + 1
        while j < len(tokens) and j < k + 16:
            word = tokens[j]
            if word.lower not in ("and", "or") and word.text[:1].isalpha() and \
                    (_distinctive(word.text) or word.text[:1].isupper()):
                names.append(word.text)
            elif word.lower not in ("and", "or"):
                names = []  # "(with 2M pairs)": not a list of names
                break
            if ")" in word.trail:
                break
            j += 1
        for name in names if len(names) >= 2 else []:  # one name in parentheses is an acronym
            if model_key(name) not in model_keys:
                out.append((Contribution(name, kind_of(t.lower, name), 0.8), t.lower))
    return out


TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
ENUMERATED_NAME = re.compile(r"(?:^|\s)\(?\d\)\s*([A-Z][\w-]{1,30}):")


def named_in(tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """Names the sentence itself marks as new: "called X", "X, a ... algorithm", "a corpus, X", "(1) X: ..."."""
    name_cues = _words()["name_cues"]
    heads = _heads()
    out: list[Contribution] = []
    for k, (t, nxt) in enumerate(zip(tokens, tokens[1:])):
        # "a technique called MiniPuzzle", "named \textit{AF-AudioSet}"
        if (t.lower in name_cues or _we_name(tokens, k)) and not _evaluated_on(tokens, k):
            if nxt.lower == "the" and k + 2 < len(tokens) and _distinctive(tokens[k + 2].text):
                k, nxt = k + 1, tokens[k + 2]  # "which we call the HelpSteer-3 dataset"
            title = _title_run(tokens, k + 1)
            if _distinctive(nxt.text.strip("{}")) and title and not nxt.trail.strip() \
                    and not re.search(r" (?:and|or) ", title) \
                    and not any(model_key(x) in model_keys for x in [title, *title.split()]):
                # "called Grouped-Query Attention": the coined word begins a longer name
                out.append(Contribution(title, kind_of(_head_before(tokens, k, heads), title), 0.8))
            elif _distinctive(nxt.text.strip("{}")):
                if model_key(nxt.text) not in model_keys:
                    after = tokens[k + 2].lower if k + 2 < len(tokens) and not nxt.trail.strip() else ""
                    head = after if after in heads else _head_before(tokens, k, heads)  # "X dataset"
                    for cand in _listed_names(tokens, k + 1):
                        name = re.sub(r"^\\textit\{|[{}]", "", cand)
                        if model_key(name) not in model_keys:
                            out.append(Contribution(name, kind_of(head, name), 0.8))
            elif title := _title_run(tokens, k + 1) or _defined_run(tokens, k + 1) or (
                    k > 0 and tokens[k - 1].lower in heads and _method_run(tokens, k + 1)):
                # "which we call Direct Preference Optimization (DPO)", "called depth up-scaling (DUS)"
                out.append(Contribution(title, kind_of(_head_before(tokens, k, heads), title), 0.8))
        if t.trail.strip() != ",":
            continue  # the two rules below read "X, ..."
        # "a new math corpus, MIND-OWM"
        if t.lower in heads and model_key(nxt.text) not in model_keys and \
                (_distinctive(nxt.text) or (_plain_name(nxt.text) and _new_before(tokens, k))) and \
                nxt.trail.strip()[:1] in (".", ",", ";", ""):
            for name in _listed_names(tokens, k + 1):  # "two new benchmarks, A and B,"
                if model_key(name) not in model_keys:
                    out.append(Contribution(name, kind_of(_head_at(tokens, k), name), 0.75))
        # "G-Vendi, a metric that ...", "CircuitVAE, a search algorithm"
        if _distinctive(t.text) and model_key(t.text) not in model_keys and \
                t.lower not in not_models_lower() and TWO_LETTERS.search(t.text):
            head = _appositive_head(tokens, k + 1, heads)
            if head:
                start = k
                while start > 0 and tokens[start - 1].text[:1].isupper() and not tokens[start - 1].trail \
                        and tokens[start - 1].lower not in DETERMINERS and start > k - 3:
                    start -= 1
                name = " ".join(x.text for x in tokens[start:k + 1])
                out.append(Contribution(name, kind_of(head, name), 0.8))
    if any(")" in t.text or ")" in t.trail for t in tokens):  # "(1) X:" is numbered; most sentences are not
        text = " ".join(f"{t.lead}{t.text}{t.trail}" for t in tokens)
        for m in ENUMERATED_NAME.finditer(text):
            if model_key(m.group(1)) not in model_keys and _distinctive(m.group(1)):
                out.append(Contribution(m.group(1), "technique", 0.7))
    return out


def _defined_run(tokens: list[Token], k: int) -> str | None:
    """"depth up-scaling (DUS)" from position k: up to five lower-case words its acronym closes."""
    for end in range(k, min(k + 5, len(tokens) - 1)):
        t = tokens[end]
        if not t.text[:1].islower() or t.lead or (t.trail.strip() and end < len(tokens) - 1):
            return None
        acronym = tokens[end + 1]
        if acronym.lead.startswith("(") and acronym.text[:1].isupper() and \
                sum(c.isupper() for c in acronym.text) >= 2 and end > k:
            return " ".join(x.text for x in tokens[k:end + 1])
    return None


def _method_run(tokens: list[Token], k: int) -> str | None:
    """"called chain of thought prompting.": two to five lower-case words that end the clause on a
    method word (a technique head or a gerund)."""
    for end in range(k, min(k + 5, len(tokens))):
        t = tokens[end]
        if not t.text[:1].islower() or t.lead:
            return None
        if t.trail.strip()[:1] in (".", ",", ";", ":") or end == len(tokens) - 1:
            last = t.lower.split("-")[-1]
            if end > k and (last in _words()["technique_heads"] or (last.endswith("ing") and len(last) > 5)):
                return " ".join(x.text for x in tokens[k:end + 1])
            return None
    return None


def _title_run(tokens: list[Token], k: int) -> str | None:
    """"Direct Preference Optimization" from position k: two to six capitalised words, one name."""
    words: list[str] = []
    for t in tokens[k:k + 6]:
        if t.lead or not (t.text[:1].isupper() or (words and t.lower in ("of", "for", "and", "in", "to", "with",
                                                                          "from", "on", "via"))):
            break
        words.append(t.text)
        if t.trail.strip():
            break
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def _listed_names(tokens: list[Token], k: int) -> list[str]:
    """"X (133B tokens) and Y" from position k: distinctive names joined by commas or "and"."""
    names = [tokens[k].text]
    j = k + 1
    while j < len(tokens) and len(names) < 6:
        t = tokens[j]
        if t.lead.startswith("("):
            while j < len(tokens) and ")" not in tokens[j].trail:
                j += 1
            j += 1
            continue
        if t.lower in ("and", "or") and j + 1 < len(tokens) and _distinctive(tokens[j + 1].text):
            names.append(tokens[j + 1].text)
            j += 2
            continue
        break
    return names


def _head_before(tokens: list[Token], k: int, heads: frozenset[str]) -> str | None:
    for j in range(k - 1, max(-1, k - 4), -1):
        if tokens[j].lower in heads:
            return tokens[j].lower
    return None


@lru_cache(maxsize=1)
def not_models_lower() -> frozenset[str]:
    from kg.extract.modelnames import not_models

    return not_models()


QUESTION_WORDS = frozenset("how what why which when where who does do did can could is are was were should "
                           "would will".split())
BARE_DATA = frozenset("data dataset datasets benchmark benchmarks corpus corpora set sets".split())


def _contribution(phrase: list[Token], head: str | None, model_keys: set[str],
                  enumerated: bool = False) -> list[Contribution]:
    w = _words()
    heads = _heads()
    cut = next((i for i, t in enumerate(phrase) if model_key(t.text) in model_keys), None)
    if cut is not None:  # "a recipe to extend the context window of <model>": keep what names the recipe
        phrase = phrase[:cut]
        while phrase and phrase[-1].lower in _words()["np_stop"] | DETERMINERS:
            phrase = phrase[:-1]
        if not phrase:
            return []
    words = [t.text for t in phrase]
    name = _strip(" ".join(words))
    if not name or model_key(name) in model_keys or not TWO_LETTERS.search(name):
        return []
    if phrase[-1].lower in MODEL_WORDS or re.fullmatch(r"[A-Z]{0,3}LMs?", phrase[-1].text):
        return []  # "a Llama3-based model", "a bilingual SLM": models are the models component's
    if PARAMETER_COUNT.fullmatch(phrase[-1].text) or phrase[-1].lower in ("billion", "million", "trillion"):
        return []  # "a family of fully open 7B and 13B language models": a size, cut from its model
    if phrase[0].lower in w["count_words"] and phrase[-1].lower.endswith("s"):
        return []  # "two novel strategies": an enumeration follows, not a name
    if "-" in phrase[-1].text and phrase[-1].lower.split("-")[-1] in ("quantized", "pruned", "distilled",
                                                                      "tuned", "aligned", "based", "trained"):
        return []  # "a 4-bit GPTQ-quantized <model>": a description of a model, cut at the model
    # "a novel instruction fine-tuning framework RankRAG": the proper name after the head
    for k in range(len(phrase) - 1):
        if phrase[k].lower in heads and is_proper(phrase[k + 1:]):
            proper = _strip(" ".join(words[k + 1:]))
            if model_key(proper) in model_keys:
                return []
            return [Contribution(proper, kind_of(phrase[k].lower, proper), 0.85)]
    if head and is_proper([t for t in phrase if t.lower not in ("a", "an", "the", "our")]):
        return [Contribution(name, kind_of(head, name), 0.85)]
    ext = next((i for i in range(1, len(phrase)) if phrase[i].lower in ("for", "to", "of", "on")
                and phrase[i - 1].lower in GENERIC_HEADS | heads), None)
    core = phrase[:ext] if ext else phrase  # the head is before "for ..."/"to ..."
    last = core[-1].lower.strip("\"'")
    last_part = last.split("-")[-1]
    if not [c for c in content_words(name) if c not in GENERIC_HEADS | BARE_DATA]:
        return []
    if head == "(acronym)":
        return [Contribution(name, kind_of(last, name), 0.8)]
    if enumerated:
        if phrase[0].lower in QUESTION_WORDS or (len(name.split()) < 2 and last not in heads):
            return []
        return [Contribution(name, kind_of(last, name), 0.6)]
    if len(core) >= 2 and last.endswith("ed") and core[-2].lower in heads:
        return [Contribution(name, kind_of(core[-2].lower, name), 0.65)]
    if head or last in heads or last_part in heads or core[-1].lower.endswith("ing"):
        return [Contribution(name, kind_of(head or last, name), 0.7)]
    if len(phrase) <= 3 and is_proper(phrase) and any(_distinctive(t.text) for t in phrase):
        return [Contribution(name, "technique", 0.6)]
    return []


def uses_in(text: str, model_keys: set[str], tokens: list[Token] | None = None) -> list[Contribution]:
    """Existing techniques a sentence says the authors build on ("we leverage X", "utilizing X")."""
    w = _words()
    tokens = tokenize(text) if tokens is None else tokens
    out: list[Contribution] = []
    for k, t in enumerate(tokens):
        if t.lower not in w["use_verbs"]:
            continue
        for phrase, head in object_phrases(tokens, k + 1)[:3]:
            name = _strip(" ".join(x.text for x in phrase))
            last = phrase[-1].lower.split("-")[-1] if phrase else ""
            if name and content_words(name) and model_key(name) not in model_keys and \
                    (last in w["technique_heads"] or head or phrase[-1].lower.endswith("ing")):
                out.append(Contribution(name, kind_of(head or last, name), 0.55))
        break
    return out


@component("techniques", version=VERSION, requires=("abbreviations", "models"), assigns=("facts.techniques",))
def techniques(doc: Doc) -> None:
    model_keys = {model_key(m.name) for m in doc.entities if m.kind == "model"} | doc.user.get("model_like", set())
    abbrs = doc.user.get("abbreviations", [])
    long_of = {a.short: a.long for a, _ in abbrs}
    short_of = {technique_key(a.long): a.short for a, _ in abbrs}
    introduced: set[str] = set()
    for idx, text in enumerate(doc.clean):
        found = contributions_in(text, model_keys, title=idx == doc.title_index,
                                 new_names=frozenset(introduced), tokens=doc.user.get("tokens", {}).get(idx))
        for c in found:
            if _names_models(c.name, model_keys):
                continue  # "we introduce X, ...; our X-v1 and X-v2 models": X names the models
            _emit(doc, idx, "introduces", c, long_of, short_of)
            introduced.add(technique_key(c.name))
        # an acronym defined in a contribution sentence is contributed
        if found:
            for a, aidx in abbrs:
                if aidx == idx and technique_key(a.long) not in introduced and \
                        model_key(a.short) not in model_keys and \
                        any(technique_key(a.long) in technique_key(c.name) or
                            technique_key(c.name) in technique_key(a.long) for c in found):
                    introduced.add(technique_key(a.long))
    used: set[str] = set()
    for idx in doc.abstract_sentences():
        text = doc.clean[idx]
        if not SUBJECT.search(text[:80]) and not OUR_METHOD.match(text):
            continue
        for c in uses_in(text, model_keys, doc.user.get("tokens", {}).get(idx)):
            if technique_key(c.name) not in introduced:
                used.add(technique_key(c.name))
                _emit(doc, idx, "uses", c, long_of, short_of)
    # a technique the text defines an acronym for, and does not claim, is one it builds on:
    # "reinforcement learning (RL)", "knowledge distillation (KD)"
    for a, idx in abbrs:
        key = technique_key(a.long)
        if key in introduced or key in used or model_key(a.short) in model_keys or \
                model_key(a.long) in model_keys or not _technique_like(a.long):
            continue
        used.add(key)
        _emit(doc, idx, "uses", Contribution(a.long, "technique", 0.5), long_of, short_of)


VERSION_TAIL = re.compile(r"v?\d[\w.]*")


def _names_models(name: str, model_keys: set[str]) -> bool:
    """Is ``name`` the stem of a model the record names with a version or size ("X" of "X-v1", "X-7B")?"""
    key = model_key(name)
    return len(key) >= 3 and any(k != key and k.startswith(key) and VERSION_TAIL.fullmatch(k[len(key):])
                                 for k in model_keys)


FIELDS = ("natural language", "computer vision", "question answering", "speech recognition", "machine translation",
          "information retrieval")
"""Fields and tasks an acronym is often defined for: not techniques a paper uses."""
THINGS = frozenset("memory memories hardware unit units device devices task tasks".split())


def _technique_like(long: str) -> bool:
    """A long form that names a method ("supervised fine-tuning"), not a thing ("large language models")."""
    words = long.lower().split()
    if not words or words[-1] in MODEL_WORDS or words[-1].endswith("models") or len(words) > 6:
        return False
    w = _words()
    last = words[-1].split("-")[-1]
    if long.lower().startswith(FIELDS) or last in THINGS:
        return False  # "natural language processing (NLP) tasks", "high bandwidth memory (HBM)"
    return last in w["technique_heads"] or last.endswith(("ing", "tion", "ment", "sis")) or long[:1].islower()


def _emit(doc: Doc, idx: int, predicate: str, c: Contribution, long_of: dict[str, str],
          short_of: dict[str, str]) -> None:
    for long in long_of.values():  # "diverse Math Informed syNthetic Dialogue" -> the defined long form
        if c.name != long and c.name.endswith(" " + long) and len(long.split()) >= 2:
            c = Contribution(long, c.kind, c.confidence)
            break
    kind = c.kind
    quote = doc.quote(idx)
    if quote is None:  # a fact we cannot quote, we do not emit
        return
    doc.facts.append(Fact(Mention.paper(), predicate, Mention(kind, c.name), quote,
                          c.confidence, EXTRACTOR, doc.record))
    alias = long_of.get(c.name) or short_of.get(technique_key(c.name))
    if alias:
        doc.entities.append(Mention(kind, alias))
        doc.aliases.append(Alias(kind, c.name, alias))
