"""The templates keep to the CSP: no scripts, no inline styles or handlers, nothing external."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"


def test_no_script_inline_style_event_handler_or_external_resource() -> None:
    pages = sorted(TEMPLATES.glob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html, page.name
        assert not re.search(r"\sstyle=", html), page.name
        assert not re.search(r"\son[a-z]+=", html), page.name
        assert not re.search(r"(src|href)=\"(https?:)?//", html), page.name


def test_every_form_that_changes_something_carries_the_csrf_token() -> None:
    for page in sorted(TEMPLATES.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        for form in re.findall(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", html, re.S):
            assert 'name="csrf"' in form or 'action="/login"' in form, (page.name, form)
