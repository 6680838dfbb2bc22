"""Names a sentence marks as new, whatever its verb.

"a technique called MiniRiddle", "X, a search algorithm", "a new math
corpus, Kelp-MathX", "new datasets (A, B and C)", "Our key contribution is X",
"X is a new benchmark we built", "(1) X: ...".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kg.extract.contributions.candidates import from_phrase
from kg.extract.contributions.chunker import object_phrases
from kg.extract.contributions.contribution import MODEL_WORDS, Contribution, DETERMINERS, TWO_LETTERS, not_models_lower
from kg.extract.contributions.kinds import EVALUATION_WORDS, after_aside, appositive_head, head_at, head_before, kind_of, sized_data
from kg.extract.contributions.shapes import defined_run, distinctive, listed_names, method_run, name_closes, new_before, plain_name, title_run
from kg.extract.lexicon import lexicon
from kg.extract.prefilter import gated
from kg.extract.tokens import DASH_TOKENS, Token
from kg.keys import model_key

WE_CALL: Final = frozenset("call name dub term coin".split())
EVALUATED_ON: Final = frozenset("on across over using".split())
OWN_WORDS: Final = frozenset("new novel our introduce introduces propose proposes present presents release releases releasing "
                      "curate curates construct constructs build builds create creates develop develops".split())


ENUMERATED_NAME: Final = re.compile(r"(?:^|\s)\(?\d\)\s*([A-Z][\w-]{1,30}):")
OUR_NEW: Final = re.compile(r"\bour (?:new|novel)\b", re.IGNORECASE)
NEW_APPOSITIVE: Final = re.compile(r", (?:a|an) (?:new|novel)\b")
""""X, a novel approach to ...": the appositive marks X as new, whoever the subject is."""
CONTRIBUTION_IS: Final = re.compile(r"^(?:our (?:key |main |core |central |primary |first |second |third |fourth |final |last )?"
                             r"(?:contribution|innovation|idea)"
                             r"|(?:central|key) to our \w+|at the (?:core|heart) of our \w+) is "
                             r"(?:the (?:release|introduction|creation|construction|development|design) of )?",
                             re.IGNORECASE)
""""Our key contribution is X", "Our second contribution is the release of X": X is the contribution."""


MADE_NEW: Final = ("proposed", "introduced", "presented", "developed", "devised")
"""Participles that say a thing is new: "the proposed X", "X is introduced"."""
AGENTLESS_PASSIVE: Final = rf"(?:is|are) (?:then |also |further )?(?:{'|'.join(MADE_NEW)})\b(?! (?:by|in) (?!this\b|our\b))"
"""The verb of "X is (also) proposed" with no agent but the authors: what the two passives below share."""
PASSIVE_INTRO: Final = re.compile(rf"\b{AGENTLESS_PASSIVE}")
""""a novel few-shot tuning approach is proposed": a passive with no agent, or "in this paper", is the authors'
(not "was proposed by Smith et al.", "introduced in prior work")."""
PASSIVE_NAMED: Final = re.compile(rf"^(?:[A-Z][a-z]+, )?(?P<name>[A-Z][\w-]*(?: [\w-]+){{0,4}}?) {AGENTLESS_PASSIVE}")
""""Disturbed Kelp pruning is also proposed to ...": a name as the subject of an agentless passive is the authors'."""
NEW_SUBJECT: Final = re.compile(r"^(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) is an? (?:new|novel) (?:[\w-]+ ){0,3}?(?P<head>\w+)")


LONG_FORM_LINKS: Final = frozenset("from of for with to in".split())
"""Small words inside a capitalised long form before its acronym ("Learning *from* Human Feedback (RLHF)")."""


def _long_form_start(tokens: list[Token], k: int, linked_ok: bool) -> int:
    """Where the capitalised name ending at k opens: up to three capitalised words ("Open Kelp Eval"), or,
    before an acronym in parentheses (``linked_ok``), a long form with small words ("Safe Kelp Learning from
    Human Votes (Safe KLHV)")."""
    start, linked = k, False
    while start > 0 and start > k - 7:
        prev = tokens[start - 1]
        if prev.text[:1].isupper() and not prev.trail and prev.lower not in DETERMINERS \
                and prev.lower not in lexicon().np_stop and (start > k - 3 or linked):
            start -= 1
        elif linked_ok and prev.lower in LONG_FORM_LINKS and start > 1 and tokens[start - 2].text[:1].isupper() \
                and not tokens[start - 2].trail and tokens[start - 2].lower not in DETERMINERS:
            start, linked = start - 1, True
        else:
            break
    return start


def _closes_described(tokens: list[Token], cue: int) -> bool:
    """", termed as deep kelp distillation": a cue after a comma that closes a description the sentence
    opened with a kind head a few words before ("an approach to compress ... models, termed as ...")."""
    if cue < 1 or tokens[cue - 1].trail.strip() != ",":
        return False
    heads = lexicon().kinds.every
    depth = 0
    for j in range(cue - 2, max(-1, cue - 17), -1):  # back to the head, within the same phrase
        x = tokens[j]
        depth += x.trail.count(")") - x.lead.count("(")
        if depth == 0 and x.trail.strip().startswith(","):
            return False  # "techniques for retrieval, enabling a broader search scenario, termed ...": another phrase
        if depth == 0 and x.lower in heads and x.text.islower() and tokens[j + 1].lower in lexicon().np_stop:
            return True  # (the head that ends its phrase: "an approach to ...", not "search" of "search scenario")
    return False


def named_in(tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """Names the sentence itself marks as new: "called X", "X, a ... algorithm", "a corpus, X", "(1) X: ..."."""
    name_cues = lexicon().name_cues
    heads = lexicon().kinds.every
    cues = _cue_words()
    out: list[Contribution] = []
    for k, (t, nxt) in enumerate(zip(tokens, tokens[1:])):
        if not t.trail and not nxt.lead and t.lower not in cues and nxt.text not in DASH_TOKENS:
            continue  # most words: no cue, nor a comma, colon, parenthesis or dash after them (every rule below
            # needs one)
        # "a technique called MiniRiddle", "named \textit{AF-SoundBank}"
        cue = k
        if ((t.lower in name_cues and t.lower != "known") or we_name(tokens, k)) and not evaluated_on(tokens, k):
            # (not "known as": "the X benchmark (also known as Y)" gives another name of a known thing)
            if nxt.lower == "as" and t.lower in name_cues and k + 2 < len(tokens) and not t.trail.strip():
                k, nxt = k + 1, tokens[k + 2]  # "a benchmark with rationale, termed as KelpQA"
            if nxt.lower == "the" and k + 2 < len(tokens) and distinctive(tokens[k + 2].text):
                k, nxt = k + 1, tokens[k + 2]  # "which we call the GuideRank-3 dataset"
            elif we_name(tokens, k) and nxt.lower in ("this", "our", "the", "it", "them") and k + 3 < len(tokens):
                skip = 1 if nxt.lower in ("it", "them") else 2
                if skip == 2 and tokens[k + 2].lower not in heads:
                    continue
                k, nxt = k + skip, tokens[k + skip + 1]  # "we call this approach X", "we name it X"
                if (run := title_run(tokens, k + 1)) and " and " not in run:  # "we call this approach Kelp Tuning"
                    out.append(Contribution(run, kind_of(head_before(tokens, k + 1, heads), run), 0.8))
                    continue
                if plain_name(nxt.text) and nxt.trail.strip()[:1] in ("", ".", ",", ";"):
                    out.append(Contribution(nxt.text, kind_of(head_before(tokens, k + 1, heads), nxt.text), 0.8))
                    continue
                if skip == 2 and (run := method_run(tokens, k + 1)):  # "we name this approach span tuning."
                    out.append(Contribution(run, kind_of(head_before(tokens, k + 1, heads), run), 0.8))
                    continue
            title = title_run(tokens, k + 1)
            if distinctive(nxt.text.strip("{}")) and title and not nxt.trail.strip() \
                    and not re.search(r" (?:and|or) ", title) \
                    and not any(model_key(x) in model_keys for x in [title, *title.split()]):
                # "called Grouped-Query Attention": the coined word begins a longer name
                out.append(Contribution(title, kind_of(head_before(tokens, cue, heads), title), 0.8))
            elif distinctive(nxt.text.strip("{}")):
                if model_key(nxt.text) not in model_keys:
                    after = tokens[k + 2].lower if k + 2 < len(tokens) and not nxt.trail.strip() else ""
                    head = after if after in heads else head_before(tokens, cue, heads)  # "X dataset"
                    for cand in listed_names(tokens, k + 1):
                        name = re.sub(r"^\\textit\{|[{}]", "", cand)
                        if model_key(name) not in model_keys:
                            out.append(Contribution(name, kind_of(head, name), 0.8))
            elif plain_name(nxt.text) and not title_run(tokens, k + 1) and model_key(nxt.text) not in model_keys \
                    and (named_head := head_before(tokens, cue, heads)):
                # "a pruning method, termed Kelpa (Pruning by ...)": one capitalised word the cue gives a kind
                out.append(Contribution(nxt.text, kind_of(named_head, nxt.text), 0.8))
            elif title := title_run(tokens, k + 1) or defined_run(tokens, k + 1) or (
                    k > 0 and (tokens[k - 1].lower in heads or (we_name(tokens, k) and any(
                        x.lower in heads for x in tokens[max(0, k - 5):k])) or _closes_described(tokens, cue))
                    and method_run(tokens, k + 1) or None):  # (None, not False: compiled code checks str | None)
                # "a technique we dub span recycling": the head a few words before "we call" 
                # "which we call Direct Preference Optimization (DPO)", "called depth up-scaling (DUS)"
                out.append(Contribution(title, kind_of(head_before(tokens, k, heads), title), 0.8))
        # "X (Expansion Of X), a method ...": the appositive after the aside
        app = after_aside(tokens, k) if nxt.lead[:1] == "(" else None
        if app is None and nxt.text in DASH_TOKENS and not t.trail.strip() and k + 2 < len(tokens):
            app = k + 2  # "and Kelpbench -- a new benchmark dataset for ...": the dash opens the appositive
        colon = _named_after_colon(tokens, k)  # "we develop an automatic evaluator: KelpEval"
        if t.trail.strip() != "," and app is None and not colon:
            continue  # the two rules below read "X, ..."
        # "a new math corpus, Kelp-MathX"
        h = k if t.lower in heads else _purposed_head(tokens, k)  # "a dataset for math reasoning, X"
        if h is not None and evaluated_on(tokens, h):
            h = None  # "we evaluate on a benchmark for math reasoning, X": measured on
        run = title_run(tokens, k + 1) if app is None and h is not None and new_before(tokens, h) else None
        if run and h is not None and " and " not in run and " or " not in run \
                and tokens[k + len(run.split())].trail.strip().startswith(",") and model_key(run) not in model_keys:
            out.append(Contribution(run, kind_of(head_at(tokens, h), run), 0.75))  # "A new router, Kelp Router, is ..."
            continue
        if app is None and h is not None and model_key(nxt.text) not in model_keys and \
                (distinctive(nxt.text) or (plain_name(nxt.text) and new_before(tokens, h))) and \
                name_closes(tokens, k + 1) and not any(x.lower in lexicon().study_verbs for x in tokens[max(0, h - 4):h]):
            # (not "we investigate two methods, A and B": what is studied is someone else's)
            names = listed_names(tokens, k + 1)  # "two new benchmarks, A and B,"
            if colon:  # "four new datasets: A, comprising ...; B, comprising ...; and C, ..."
                names += [n for n in _items_after_semicolons(tokens, k + 2) if n not in names]
            for name in names:
                if model_key(name) not in model_keys:
                    out.append(Contribution(name, kind_of(head_at(tokens, h), name), 0.75))
        if colon:
            continue
        # "Q-Vento, a metric that ...", "GateVAE, a search algorithm"
        app = k + 1 if app is None else app
        if (distinctive(t.text) or (plain_name(t.text) and _new_appositive(tokens, app))) \
                and t.lower not in lexicon().connectives and model_key(t.text) not in model_keys and \
                (t.lower not in not_models_lower() or _new_appositive(tokens, app)) and TWO_LETTERS.search(t.text):
            # a known benchmark's name is still the paper's when the appositive says so: "X, a new evaluation set we release"
            head = appositive_head(tokens, app, heads)
            if head and not someone_elses(tokens, k):
                start = _long_form_start(tokens, k, linked_ok=app != k + 1)
                # "Open Kelp Eval, a new ..." (not "On KelpEval, a new ...": a preposition)
                name = " ".join(x.text for x in tokens[start:k + 1])
                out.append(Contribution(name, kind_of(head, name), 0.8))
            elif (listed := _listed_before(tokens, k, app, model_keys)) and not someone_elses(tokens, k):
                # "we introduce FernQA and LoamQA, two benchmarks for ...": every name the count covers
                out.extend(Contribution(n, kind_of(listed, n), 0.8) for n in _names_before(tokens, k))
    if any(")" in t.text or ")" in t.trail for t in tokens):  # "(1) X:" is numbered; most sentences are not
        text = " ".join(f"{t.lead}{t.text}{t.trail}" for t in tokens)
        for m in ENUMERATED_NAME.finditer(text):
            if model_key(m.group(1)) not in model_keys and distinctive(m.group(1)):
                out.append(Contribution(m.group(1), "technique", 0.7))
    return out


def _items_after_semicolons(tokens: list[Token], start: int) -> list[str]:
    """The coined names opening each item of a list whose items end with semicolons ("A, comprising 5k
    questions; B, comprising 352 questions; and C, ..."): a name followed by a comma, colon or parenthesis."""
    out = []
    for j in range(start, len(tokens) - 1):
        if ";" not in tokens[j].trail:
            continue
        n = j + 2 if tokens[j + 1].lower in ("and", "or") and j + 2 < len(tokens) else j + 1
        t = tokens[n]
        if distinctive(t.text) and (t.trail.strip()[:1] in (",", ":") or
                                    (n + 1 < len(tokens) and tokens[n + 1].lead.startswith("("))):
            out.append(t.text)
    return out


def _purposed_head(tokens: list[Token], k: int) -> int | None:
    """Where the head of "a large synthetic dataset for math reasoning," is, when its purpose ends at k
    (a comma after k, no other punctuation between), the phrase opening with "a"/"an"; or None."""
    for h in range(k - 1, max(0, k - 6), -1):
        if tokens[h].trail.strip():
            return None
        if tokens[h].lower in lexicon().kinds.every and (tokens[h + 1].lower in ("for", "of", "on") or (
                tokens[h + 1].lower == "to" and tokens[h + 2].lower == "date")) and _indefinite_before(tokens, h):
            # (and "the largest clinical benchmark to date, X")
            return h
    return None


def _listed_before(tokens: list[Token], k: int, app: int, model_keys: set[str]) -> str | None:
    """The plural head of ", two benchmarks ..." at ``app`` when two names or more end at k, or None."""
    lex = lexicon()
    if app + 1 >= len(tokens) or tokens[app].lower not in lex.count_words or len(_names_before(tokens, k)) < 2 \
            or any(model_key(n) in model_keys for n in _names_before(tokens, k)):
        return None
    for j in range(app + 1, min(app + 4, len(tokens))):
        if tokens[j].lower in lex.kinds.every and tokens[j].lower.endswith("s"):
            return tokens[j].lower
        if tokens[j].trail.strip() or tokens[j].lower in MODEL_WORDS:
            return None
    return None


def _names_before(tokens: list[Token], k: int) -> list[str]:
    """"FernQA, LoamQA and SiltQA" ending at k: the coined names joined by commas or "and"."""
    names = [tokens[k].text]
    j = k - 1
    while j >= 0 and len(names) < 6:
        if tokens[j].lower in ("and", "or") and not tokens[j].trail.strip():
            j -= 1
            continue
        if distinctive(tokens[j].text) and tokens[j].trail.strip() in ("", ",") and (
                tokens[j].trail.strip() == "," or tokens[j + 1].lower in ("and", "or")):
            names.insert(0, tokens[j].text)
            j -= 1
            continue
        break
    return names if all(distinctive(n) for n in names) else []


def _new_appositive(tokens: list[Token], j: int) -> bool:
    """"Rill, a new benchmark ...": an appositive that says new makes a plain word a name."""
    return j + 1 < len(tokens) and tokens[j].lower in ("a", "an") and tokens[j + 1].lower in lexicon().new_words


def someone_elses(tokens: list[Token], k: int) -> bool:
    """Is the name at k, described by an appositive, another's: the object of a use or comparison
    ("we compare against X, a strong retrieval method", "we build on X, an efficient attention
    mechanism") or said to be prior work in its appositive ("X, a method from prior work")?"""
    lex = lexicon()
    if any(t.lower in lex.new_words for t in tokens[k + 1:k + 4]):
        return False  # "we adopt X, a novel sampler for ...": the appositive says it is new
    build_verbs, build_preps = lex.build_on
    for j in range(k - 1, max(-1, k - 8), -1):
        low = tokens[j].lower
        if low in lex.intro.for_contributions or tokens[j].trail.strip()[:1] in (".", ";", ":"):
            break
        if low in lex.use_verbs or low in lex.others_words or low in lex.study_verbs or \
                (low in build_preps and j > 0 and tokens[j - 1].lower in build_verbs):
            return True
    if k > 0 and tokens[k - 1].lower in EVALUATED_ON:
        return True  # "Kelp-7B scores 60 on X, a benchmark of 200 puzzles": measured on, not made
    after = tokens[k + 1:k + 12]
    return any(t.lower in lex.others_words for t in after if t.lower not in ("than", "outperforms", "outperform"))


def names_in_parentheses(tokens: list[Token], model_keys: set[str]) -> list[tuple[Contribution, str]]:
    """"new specialized datasets (FineMath, Stack-Edu, and SmolTalk)": names listed after a head."""
    heads = lexicon().kinds.every
    out: list[tuple[Contribution, str]] = []
    for k, t in enumerate(tokens[:-1]):
        evaluation = k > 0 and tokens[k - 1].lower in EVALUATION_WORDS and t.lower in ("tasks", "task")
        if (t.lower not in heads and not evaluation) or not tokens[k + 1].lead.startswith("(") or t.trail.strip():
            continue  # "new datasets (A, B)", "three new evaluation tasks (A, B and C)"
        single_ok = ")" in tokens[k + 1].trail and "-" in tokens[k + 1].text \
            and any(c.isdigit() for c in tokens[k + 1].text) \
            and not _named_before(tokens, k)  # "and corresponding dataset (SA-1B)": the verb further back
        if not any(x.lower in OWN_WORDS for x in tokens[max(0, k - (10 if single_ok else 6)):k]) or evaluated_on(tokens, k):
            continue  # "on four benchmarks (A, B, C, D)": what it is measured on
        names, j = [], k + 1
        while j < len(tokens) and j < k + 16:
            word = tokens[j]
            if word.lower not in ("and", "or") and word.text[:1].isalpha() and \
                    (distinctive(word.text) or word.text[:1].isupper()):
                names.append(word.text)
            elif word.lower not in ("and", "or"):
                names = []  # "(with 2M pairs)": not a list of names
                break
            if ")" in word.trail:
                break
            j += 1
        # one name in parentheses is an acronym, unless it holds a size ("corresponding dataset (SA-1B)")
        for name in names if len(names) >= 2 or (len(names) == 1 and single_ok) else []:
            if model_key(name) not in model_keys:
                out.append((Contribution(name, kind_of(head_at(tokens, k), name), 0.8), t.lower))
    return out


def _named_before(tokens: list[Token], k: int) -> bool:
    """Does the phrase whose head is at k describe a name before it ("KelpPairs, a permissively licensed
    preference dataset (CC-BY-4.0)")? Then one name in parentheses after the head is an aside (a licence,
    a version), not a second name."""
    for j in range(k - 1, max(0, k - 9), -1):
        if tokens[j].trail.strip():
            return False
        if tokens[j].lower in ("a", "an", "the"):
            before = tokens[j - 1]
            return before.trail.strip() == "," and before.text[:1].isupper()
    return False


NAMELY: Final = frozenset({"i.e", "namely", "viz"})
PUBLISH_WORDS: Final = OWN_WORDS | {"publish", "publishes", "release", "released", "contribute", "contributes"}


def names_after_namely(tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """"we publish the datasets that are meticulously curated for ..., i.e., KelpChemQA and KelpProtQA": the
    names a list after "i.e." / "namely" gives the plural data or benchmark head the authors put before it."""
    data = lexicon().kinds.data
    for k, t in enumerate(tokens):
        if t.lower not in NAMELY or k + 1 >= len(tokens):
            continue
        head = next((j for j in range(k - 1, max(-1, k - 16), -1) if tokens[j].lower.endswith("s")
                     and tokens[j].lower in data), None)
        if head is None or not any(x.lower in PUBLISH_WORDS or x.lower == "we" for x in tokens[max(0, head - 5):head]):
            continue
        names = []
        for word in tokens[k + 1:k + 12]:
            if word.lower in ("and", "or"):
                continue
            if not (distinctive(word.text) and word.text[:1].isupper()):
                break
            names.append(word.text)
            if word.trail.strip() not in (",", ""):
                break
        if len(names) >= 2:
            return [Contribution(n, kind_of(tokens[head].lower, n), 0.75) for n in names
                    if model_key(n) not in model_keys]
    return []


def name_closing_object(tokens: list[Token], start: int, model_keys: set[str]) -> tuple[Contribution, str] | None:
    """"we propose a two-stage framework using ... for ranking-based recommendation (KelpRec).": a coined
    name in parentheses closing the object (from ``start``) names it; the object's first kind head says
    what it is. Not an acronym (all capitals: the abbreviation detector reads those), not a model."""
    heads = lexicon().kinds.every
    end = next((j for j in range(start, len(tokens)) if tokens[j].trail.strip()[:1] in (";",) or
                tokens[j].trail.strip().endswith((").", ")")) or _closes_before_clause(tokens, j)), None)
    if end is None or end == start or not tokens[end].lead.startswith("(") or ")" not in tokens[end].trail \
            or (end + 1 < len(tokens) and not tokens[end].trail.strip().startswith((").", ");"))
                and not _closes_before_clause(tokens, end)):
        return None
    name = tokens[end].text
    if not distinctive(name) or name.isupper() or not any(c.islower() for c in name) or len(name) < 4 \
            or model_key(name) in model_keys:
        return None
    head = next((tokens[j].lower for j in range(start, end) if tokens[j].lower in heads), None)
    if head is None:
        return None
    return Contribution(name, kind_of(head, name), 0.75), head


APPOSITIVE_CLOSE: Final = frozenset("which that with containing comprising consisting featuring and".split())
"""Words after "..., X," that close an appositive name: "a dataset ..., X, which has 5M images"."""


def name_after_object(tokens: list[Token], start: int, model_keys: set[str]) -> tuple[Contribution, str] | None:
    """"we present an image-text paired dataset in the field of remote sensing (RS), KS5M, which has 5
    million images": a coined name set off by commas right after the object (from ``start``) names it,
    of the kind of the object's first head; the head, so that the description is not a second contribution."""
    heads = lexicon().kinds.every
    head_at = None
    for j in range(start, min(start + 16, len(tokens) - 2)):
        if head_at is None and tokens[j].lower in heads:
            head_at = j
        mark = tokens[j].trail.strip()
        if mark[:1] in (".", ";", ":"):
            return None
        if mark.endswith(","):
            if head_at is None:
                return None  # a comma before the head: a list or a clause, not this shape
            name = tokens[j + 1]
            if name.trail.strip() == "," and not name.lead and distinctive(name.text) and len(name.text) >= 3 \
                    and model_key(name.text) not in model_keys and tokens[j + 2].lower in APPOSITIVE_CLOSE \
                    and (not name.text.isupper() or any(c.isdigit() for c in name.text)):
                return Contribution(name.text, kind_of(tokens[head_at].lower, name.text), 0.8), tokens[head_at].lower
            return None
    return None


DATA_PASSIVE: Final = gated(re.compile(
    r"(?:^|, |\b)(?:[Tt]he |[Oo]ur )?(?:(?:[a-z-]+ ){0,2}?(?P<head>dataset|benchmark|corpus|suite), )?(?P<name>(?:(?!the |an? |our |this |its |their )[a-z-]+ )?[A-Z][\w-]*"
    r"(?: (?P<tail>Bench|Benchmark|Dataset|Corpus|Set|Suite))?),? (?:was|were|is|are) (?:then |also |further |carefully )?"
    r"(?:constructed|built|created|curated|collected|compiled|devised|assembled)\b(?! by (?!this\b|our\b))"))
""""The training dataset, Kelpsych8k, was constructed from ...", "the KelpCounsel Bench was devised": data the
sentence says was made, with no agent but the authors, named (searched only where a participle stands: prefilter)."""
DATA_ITEM: Final = r"(?:the |a |an |our )?(?P<name>[A-Z][\w-]*) (?:[\w-]+ ){0,3}?(?P<head>dataset|benchmark|corpus|suite)\b"
"""One named item of data and its head: "the KelpCorpora multilingual medical dataset"."""
DATA_CREATED: Final = gated(re.compile(r"\b(?:creation|construction|curation|release|introduction|development) of " + DATA_ITEM))
""""... culminates in the creation of the KelpCorpora multilingual medical dataset and the XKelpBench benchmark"."""
DATA_ITEMS: Final = re.compile(r"(?:\bof|\band) " + DATA_ITEM)
""""of the A dataset", "and the B benchmark": each item, from the making's noun on."""


def made_data_named(text: str, model_keys: set[str]) -> list[Contribution]:
    """Named data a sentence says was made (``DATA_PASSIVE``) or whose making it names (``DATA_CREATED``,
    each item of "the creation of the A dataset and the B benchmark")."""
    out = []
    for m in DATA_PASSIVE.finditer(text):
        name = m.group("name")
        head = m.group("head") or (m.group("tail") or "").lower()
        if head and (distinctive(name.split()[-1]) or m.group("tail")) and model_key(name) not in model_keys:
            out.append(Contribution(name, kind_of(head if head != "set" else "dataset", name), 0.75))
    if (m := DATA_CREATED.search(text)) is not None:
        for item in DATA_ITEMS.finditer(text, m.start()):
            if distinctive(item.group("name")) and model_key(item.group("name")) not in model_keys:
                out.append(Contribution(item.group("name"), kind_of(item.group("head"), item.group("name")), 0.75))
    return out


def name_after_final_colon(tokens: list[Token], start: int, model_keys: set[str]) -> tuple[Contribution, str] | None:
    """"we present a challenging new benchmark and environment for robot learning: KelpBench.": one coined name
    after a colon that ends the sentence names the object (from ``start``); its first kind head says what it is."""
    last = len(tokens) - 1
    if last <= start + 1 or not tokens[last - 1].trail.strip().endswith(":") or not distinctive(tokens[last].text) \
            or model_key(tokens[last].text) in model_keys or tokens[last].trail.strip() not in (".", "") \
            or "/" in tokens[last].text or "." in tokens[last].text:  # not an address: "available at: https://..."
        return None
    heads = lexicon().kinds.every
    head = next((tokens[j].lower for j in range(start, last) if tokens[j].lower in heads), None)
    if head is None or any(tokens[j].trail.strip()[:1] in (".", ";") for j in range(start, last - 1)):
        return None
    return Contribution(tokens[last].text, kind_of(head, tokens[last].text), 0.75), head


def _closes_before_clause(tokens: list[Token], j: int) -> bool:
    """"(X), which we then apply ...": a parenthesis that closes the object before a relative clause."""
    return tokens[j].trail.strip() == ")," and j + 1 < len(tokens) and tokens[j + 1].lower in ("which", "that")


def evaluated_on(tokens: list[Token], k: int) -> bool:
    """"experiments on two benchmarks, namely X and Y": sets the paper evaluates on, not its own."""
    for j in range(k - 1, max(-1, k - 9), -1):
        t = tokens[j]
        if t.lower in OWN_WORDS or t.lower in lexicon().new_words or (j < k - 1 and t.trail.strip().startswith(",")):
            return False  # our own, or a clause before the cue's ("..., which we refer to as X")
        if t.lower in EVALUATED_ON:
            return True
    return False


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The words that may open a name (``name_cues``, "we *call*", "refer to *as*"): what ``named_in`` reads first."""
    return lexicon().name_cues | WE_CALL | {"as"}


def we_name(tokens: list[Token], k: int) -> bool:
    """Is token k the cue of "we call X" or "refer to as X" (the name follows it)?"""
    w = tokens[k].lower
    if w in WE_CALL:
        return k > 0 and tokens[k - 1].lower == "we"
    return w == "as" and k > 2 and ((tokens[k - 1].lower == "to" and tokens[k - 2].lower == "refer") or (
        k > 4 and tokens[k - 4].lower == "refer" and tokens[k - 3].lower == "to"
        and tokens[k - 2].lower in ("this", "our", "the", "such") and not tokens[k - 1].trail.strip()
        and tokens[k - 1].lower not in MODEL_WORDS))
    # (and "we refer to this setting as X")


def _we_name_after(tokens: list[Token], k: int) -> bool:
    """"which we call X" / "which we refer to as X" at k, X a coined name."""
    if k + 2 >= len(tokens) or tokens[k].lower != "which" or tokens[k + 1].lower != "we":
        return False
    cue = k + 2 if tokens[k + 2].lower in WE_CALL else k + 4  # "which we call X" / "which we refer to as X"
    return cue + 1 < len(tokens) and (cue == k + 2 or tokens[cue].lower == "as") and we_name(tokens, cue) \
        and distinctive(tokens[cue + 1].text)


def _named_after_colon(tokens: list[Token], k: int) -> bool:
    """"we develop an automatic evaluator: KelpEval", "a new benchmark: X": a kind head the authors make
    (an introducing verb or "new" a few words before it) and a colon; not "we evaluate on a benchmark: X"."""
    t, lex = tokens[k], lexicon()
    return t.trail.strip() == ":" and t.lower in lex.kinds.every and not evaluated_on(tokens, k) and any(
        x.lower in lex.intro.for_contributions or x.lower in lex.new_words for x in tokens[max(0, k - 6):k])


def named_heads(tokens: list[Token]) -> set[str]:
    """Heads a name follows: "a high-quality instruction dataset, Wren-Pro", "a corpus named X"."""
    heads = lexicon().kinds.every
    out = set()
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.lower not in heads:
            h = _purposed_head(tokens, k) if t.trail.strip() == "," else None
            if h is not None and distinctive(nxt.text):
                out |= {tokens[h].lower, f"{tokens[h].lower} {tokens[h + 1].lower}"}  # "a new dataset for math reasoning, FernMath":
                # the name, not the description
            continue
        if _named_after_colon(tokens, k) and distinctive(nxt.text):
            out.add(t.lower)  # "we develop an automatic evaluator: KelpEval": the name, not the description
        elif t.trail.strip() == "," and _indefinite_before(tokens, k) and (
                distinctive(nxt.text) or defined_run(tokens, k + 1) or title_run(tokens, k + 1)):
            out.add(t.lower)  # not a list: "the weights, instruction tuning data, ChatBench, and ..."; "a novel
            # decoding strategy, contrastive lookahead decoding (CLD)": the name, not the description
        elif (cue := _cue_after(tokens, k)) is not None and distinctive(tokens[cue + 1].text):
            out.add(t.lower)  # "a corpus named X", "a benchmark with rationale, termed as X"
        else:
            # "a data selection method based on ..., which we refer to as LESS": the name is the method
            after = [x.lower for x in tokens[k + 1:k + 9]]
            if "which" in after and _we_name_after(tokens, k + 1 + after.index("which")):
                out.add(t.lower)
    return out


def _cue_after(tokens: list[Token], k: int) -> int | None:
    """Where a name cue follows the head at k, a short phrase and a comma at most between ("a corpus named
    X", "a benchmark with rationale, termed as X"): the index of the word the name follows, or None."""
    cues = lexicon().name_cues
    for j in range(k + 1, min(k + 5, len(tokens) - 1)):
        if tokens[j].lower in cues:
            if tokens[j - 1].trail.strip() not in ("", ","):
                return None
            at = j + 1 if tokens[j + 1].lower == "as" and not tokens[j].trail.strip() else j
            return at if at + 1 < len(tokens) else None
        if tokens[j - 1].trail.strip() not in ("", ",") or tokens[j].lower in lexicon().kinds.every:
            return None
    return None


def _indefinite_before(tokens: list[Token], k: int) -> bool:
    """Does the phrase ending at k open with "a"/"an" ("a high-quality instruction dataset"), or with "the"
    and a first or a superlative ("the first geoscience benchmark", "the largest NER benchmark")?"""
    lex = lexicon()
    for j in range(k - 1, max(-1, k - 8), -1):
        if tokens[j].trail.strip() and not (tokens[j].trail.strip() == "," and tokens[j].lower in lex.new_words | lex.praise_words):
            return False  # (but "a novel, diverse and comprehensive ... dataset": one phrase)
        if tokens[j].lower in ("a", "an", "our"):
            return True  # (and "our newly curated benchmark, X")
        if tokens[j].lower == "the" and j + 1 < k and (tokens[j + 1].lower == "first" or tokens[j + 1].lower.endswith("est")):
            return True
    return False


def stated_contribution(text: str, tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """"Our key contribution is X", "Central to our approach is X", "X is a new benchmark we built"."""
    m = CONTRIBUTION_IS.match(text)
    if m:
        k = next((i for i, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
        return [c for phrase, head in object_phrases(tokens, k)[:1] for c in from_phrase(phrase, head, model_keys, bare_ok=True)]
    m = PASSIVE_NAMED.match(text)
    if m and _passive_name(m.group("name"), model_keys):
        words = m.group("name").split()
        return [Contribution(m.group("name"), kind_of(words[-1].lower(), m.group("name")), 0.75)]
    m = NEW_SUBJECT.match(text)
    if m and m.group("head").lower() in lexicon().kinds.every and model_key(m.group("name")) not in model_keys \
            and (distinctive(m.group("name")) or " " in m.group("name")):
        return [Contribution(m.group("name"), kind_of(m.group("head").lower(), m.group("name")), 0.8)]
    return []


def _passive_name(name: str, model_keys: set[str]) -> bool:
    """Is the subject of "<subject> is proposed" a name: a coined word in it, or two capitalised words
    ("Disturbed Kelp pruning"), no determiner, connective or pronoun first, and no model?"""
    words = name.split()
    lex = lexicon()
    if words[0].lower() in DETERMINERS or words[0].lower() in lex.connectives or words[0].lower() in (
            "our", "this", "these", "it", "they", "which") or model_key(name) in model_keys \
            or any(w in ("and", "or", "with") or model_key(w) in model_keys for w in words):
        # "X and X-Chat are proposed": models, listed
        return False
    return any(distinctive(w) for w in words) or sum(w[:1].isupper() for w in words) >= 2


def sized_name(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """A coined name the authors make, defined by its size: "we collect KelpLogs: 9 gigabytes of
    server logs", "we release LoamWeb, which contains 2T tokens of web text" (kinds.sized_data)."""
    name = tokens[start] if start < len(tokens) else None
    if name is None or not distinctive(name.text) or model_key(name.text) in model_keys \
            or not sized_data(tokens, start):
        return []
    return [Contribution(name.text, "dataset", 0.75)]


def introduced_as(tokens: list[Token], verb_at: int, model_keys: set[str]) -> tuple[Contribution, str] | None:
    """"We introduce KIT-19 as an instruction dataset for ...", "We present KelpSet as a new benchmark": the
    name the introducing verb takes, of the kind its "as a ..." phrase gives; the head, so that the
    description is not taken for a second contribution."""
    heads = lexicon().kinds.every
    end = verb_at + 1
    while end < len(tokens) and end - verb_at <= 4 and tokens[end].text[:1].isupper() \
            and not tokens[end - 1].trail.strip():
        end += 1
    if end == verb_at + 1 or end + 2 >= len(tokens) or tokens[end].lower != "as" \
            or tokens[end + 1].lower not in ("a", "an", "the"):
        return None
    name = " ".join(t.text for t in tokens[verb_at + 1:end])
    if not any(distinctive(t.text) for t in tokens[verb_at + 1:end]) or model_key(name) in model_keys:
        return None  # "we introduce Korean as a ..." names no thing of the paper's
    for j in range(end + 2, min(end + 7, len(tokens))):
        if tokens[j].lower in heads:
            return Contribution(name, kind_of(tokens[j].lower, name), 0.85), tokens[j].lower
        if tokens[j].trail.strip():
            break
    return None
