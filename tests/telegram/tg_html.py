"""Telegram's HTML parse mode, strictly: supported tags only, balanced, entities escaped.

Returns the text a user would see, or raises HtmlError with Telegram's wording, so a test
fails exactly where real Telegram would answer "can't parse entities".
"""

from __future__ import annotations

import html
import re

TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a",
        "tg-spoiler", "span", "blockquote"}
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)((?:\s+[a-z-]+=\"[^\"<>]*\")*)\s*>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class HtmlError(ValueError):
    """The text is not valid Telegram HTML."""


def render_html(markup: str) -> str:
    """Validate `markup` and return its visible text."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(markup):
        char = markup[pos]
        if char == "<":
            match = _TAG.match(markup, pos)
            if not match or match.group(2).lower() not in TAGS:
                raise HtmlError(f"Unsupported start tag at byte offset {pos}")
            closing, name = match.group(1), match.group(2).lower()
            if closing:
                if not stack or stack.pop() != name:
                    raise HtmlError(f"Unmatched end tag at byte offset {pos}")
            else:
                stack.append(name)
            pos = match.end()
        elif char == "&":
            match = _ENTITY.match(markup, pos)
            if not match:
                raise HtmlError(f"Unsupported entity at byte offset {pos}")
            out.append(html.unescape(match.group(0)))
            pos = match.end()
        else:
            out.append(char)
            pos += 1
    if stack:
        raise HtmlError(f"Can't find end tag corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)
