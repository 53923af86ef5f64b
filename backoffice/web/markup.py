"""Markdown from the content panel rendered to HTML, then sanitised.

Administrators may write HTML inside Markdown; whatever they write, the portal shows only a safe
set of tags: no scripts, styles, frames, forms or event attributes, links only to http(s),
mailto and tel, and every link gets rel="noopener noreferrer".
"""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del",
    "ins", "sub", "sup", "small", "mark", "blockquote", "code", "pre", "ul", "ol", "li", "dl",
    "dt", "dd", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "abbr", "figure", "figcaption",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_LEADING_TITLE = re.compile(r"\A\s*#\s[^\n]*\n?")
_H1 = re.compile(r"<(/?)h1(\s|>)")


def render_markdown(text: str | None, *, drop_title: bool = False) -> Markup:
    """Safe HTML for a Markdown body. ``drop_title``: the body's own leading ``# Title`` is
    left out, for pages whose title is already the page's heading; other level-1 headings
    become level 2, so that a page keeps one ``h1``."""
    text = text or ""
    if drop_title:
        text = _LEADING_TITLE.sub("", text, count=1)
    html = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    html = _H1.sub(r"<\1h2\2", html)
    return Markup(
        nh3.clean(
            html,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
    )
