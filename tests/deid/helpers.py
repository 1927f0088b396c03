"""What the de-identification tests share."""

from confide.deid import find_identifiers


def found(text: str) -> dict[str, str]:
    """Surface text -> label of each span."""
    return {text[s.start : s.end]: s.label for s in find_identifiers(text)}
