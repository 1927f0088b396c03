"""A deliberately tiny Markdown: paragraphs, headings, bullet and numbered lists, bold.

Everything else is text. Every character an author types is HTML-escaped before the
only markup this module adds (the tags of those few constructs), so no HTML an author
writes ever reaches a page. The same parsed blocks feed the web page, the readability
measure and the PDF handout.
"""

import re
from dataclasses import dataclass
from typing import Literal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# (text, bold) pieces of one line of text.
Spans = tuple[tuple[str, bool], ...]
Kind = Literal["heading", "paragraph", "bullets", "numbered"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    kind: Kind
    items: tuple[Spans, ...]  # one item for a heading or paragraph, one per list entry
    level: int = 0  # headings: 2 or 3 (the page title is the only h1)


def spans(text: str) -> Spans:
    """Split ``**bold**`` out of one line; unmatched asterisks stay as typed."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _BOLD.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], False))
        pieces.append((match.group(1), True))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return tuple(pieces)


def parse(source: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    list_kind: Kind | None = None
    items: list[str] = []

    def flush() -> None:
        nonlocal list_kind
        if paragraph:
            blocks.append(Block("paragraph", (spans(" ".join(paragraph)),)))
            paragraph.clear()
        if list_kind is not None and items:
            blocks.append(Block(list_kind, tuple(spans(item) for item in items)))
        items.clear()
        list_kind = None

    for raw in source.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        if heading:
            flush()
            level = 2 if len(heading.group(1)) <= 2 else 3
            blocks.append(Block("heading", (spans(heading.group(2).strip()),), level))
        elif bullet or numbered:
            kind: Kind = "bullets" if bullet else "numbered"
            if paragraph or list_kind != kind:
                flush()
                list_kind = kind
            items.append((bullet or numbered).group(1).strip())  # type: ignore[union-attr]
        elif list_kind is not None and raw[:1].isspace() and items:
            items[-1] = f"{items[-1]} {line}"  # an indented line continues the item
        else:
            if list_kind is not None:
                flush()
            paragraph.append(line)
    flush()
    return blocks


def _html_spans(pieces: Spans) -> str:
    return "".join(
        f"<strong>{escape(text)}</strong>" if bold else str(escape(text)) for text, bold in pieces
    )


def to_html(blocks: list[Block]) -> SafeString:
    out: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            out.append(f"<h{block.level}>{_html_spans(block.items[0])}</h{block.level}>")
        elif block.kind == "paragraph":
            out.append(f"<p>{_html_spans(block.items[0])}</p>")
        else:
            tag = "ul" if block.kind == "bullets" else "ol"
            entries = "".join(f"<li>{_html_spans(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{entries}</{tag}>")
    # Safe: every piece of author text above went through escape().
    return mark_safe("\n".join(out))  # noqa: S308


def render(source: str) -> SafeString:
    """The safe HTML of a Markdown source."""
    return to_html(parse(source))


def plain_text(blocks: list[Block]) -> str:
    """The text as sentences, for readability measures: each heading and list entry
    counts as a sentence of its own, as a reader takes it."""
    sentences = []
    for block in blocks:
        for item in block.items:
            text = "".join(piece for piece, _bold in item).strip()
            if text:
                sentences.append(text if text[-1] in ".!?:;" else f"{text}.")
    return " ".join(sentences)
