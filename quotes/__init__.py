"""quotes: who said what in Arabic news.

The pipeline, one module per stage:

    sources    bytes/files in  -> Article (decoded text; every offset indexes Article.text)
    normalize  Article.text    -> NormalizedText (folded text + map back to original offsets)
    cues       NormalizedText  -> Cue (reporting verbs, participles, nominal cues; via camel-tools morphology)
    spans      cues + text     -> QuoteSpan (direct / indirect / mixed content spans)
    mentions   spans + text    -> Mention (speaker mention next to each cue)
    resolve    mentions        -> resolved canonical speakers across the document
    extract    all of the above -> Quote records (with confidence and evidence)

`store`, `export` and `evaluate` consume the records; `cli` and `gui` are thin shells.
"""

__version__ = "0.1.0"

from . import compiled as _compiled

# "in use" when the stage modules run compiled (see quotes/compiled.py), else why not.
COMPILED: str = _compiled.activate(__path__)
