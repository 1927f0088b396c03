"""Forgetting what the engine memoised.

For speed the engine memoises per word, per date and per set of known identifiers, and
those memos hold fragments of the notes it read (names among them). A long batch (the
JSON-lines command) keeps them; the web app calls ``forget`` at the end of every request,
so no client's words outlive the request that needed them.
"""

from confide.deid import generalise, known, lexicon, ner, pseudonyms, scan, tagger


def forget() -> None:
    """Drop every memo that may hold text from a note."""
    known._compile.cache_clear()
    generalise.generalise_date.cache_clear()
    lexicon.is_common.cache_clear()
    lexicon.is_english.cache_clear()
    lexicon.in_dictionary.cache_clear()
    pseudonyms._split_title.cache_clear()
    pseudonyms._key.cache_clear()
    scan._split_lookbehind.cache_clear()
    ner._WORD_INFO.clear()
    tagger.clear_cached_scores()
