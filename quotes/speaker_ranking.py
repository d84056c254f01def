"""The weights that rank a zero subject's candidates (وأضاف، مضيفا: who is speaking?).

A quote with no subject of its own is given to one of the people its context offers: the
subject of its own sentence, the subject of a narrative sentence since the previous quote,
the previous speaker, an earlier speaker, the last person the article named with a title.
Each candidate is described by the features below; its score is their weighted sum, and the
highest score wins if it is above zero (else the quote has no speaker). The winner's score
over the runner-up's is the margin the evidence shows.

The weights are data (``quotes/data/speaker_weights.tsv``), not code: the shipped ones are set
by hand so that the ranking reads as the order a reader applies (the sentence's own subject,
then a narrative subject unless the verb continues a quotation, then the previous speaker who
agrees with the verb, …); ``benchmarks/fit_speaker_weights.py`` fits them on gold sets and
reports cross-validated figures. No ML library at run time: a dot product.
"""

from __future__ import annotations

from operator import mul
from pathlib import Path

# One name per feature, in the order of a candidate's feature tuple.
FEATURES: tuple[str, ...] = (
    "own_sentence_subject",  # the subject of the verb that opens the cue's sentence, no quote between
    "narrative_subject",  # a salient subject of a sentence since the previous quote that agrees
    "narrative_subject_continued",  # … while the cue continues a quotation (وأضاف) of a speaker so far
    "previous_speaker",
    "earlier_speaker",  # the nearest speaker before the previous one who agrees with the verb
    "named_before",  # the last person the article named with a title before the cue
    "sentence_subject",  # another subject of a sentence since the previous quote
    "agrees",  # with the cue verb's gender and number, where both are known
    "named_first_quote",  # named before the article's first quote, the verb neither feminine nor plural
    "named_agrees",  # named before, and the verb's gender is known and the same as the name's
    "someone_named_since",  # another person was named with a title since this candidate spoke
    "named_since_previous",  # named after the previous speaker's cue
    "sentences_back",  # how many sentences back the candidate was met, over 5, at most 1
    "speakers_back",  # 0 for the previous speaker, 1 for the one before, …, over 5, at most 1
)

WEIGHTS_FILE = Path(__file__).with_name("data") / "speaker_weights.tsv"


def load_weights(path: Path = WEIGHTS_FILE) -> tuple[float, ...]:
    """The weights of ``path`` in FEATURES order; a feature the file does not name weighs 0, and
    a name the file has that FEATURES lacks is an error (a renamed feature, a stale file)."""
    weights = dict.fromkeys(FEATURES, 0.0)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, value, *_ = line.split("\t")
        if name not in weights:
            raise ValueError(f"{path}:{number}: unknown feature {name!r}; known: {', '.join(FEATURES)}")
        weights[name] = float(value)
    return tuple(weights[f] for f in FEATURES)


def score(weights: tuple[float, ...], features: tuple[float, ...]) -> float:
    """A candidate's score: the weighted sum of its features."""
    return sum(map(mul, weights, features))

