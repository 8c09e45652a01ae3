"""A Sphinx extension: the ``:pakru:`` role shows a record's title, date and links.

In ``conf.py``::

    extensions = ["pakru.ext.sphinx"]
    pakru_base_url = "https://example.org/pakru/"  # where the pakru documentation lives

then in reStructuredText::

    Signed at :pakru:`1966-01-10-tashkent-declaration`.
    Mediated by :pakru:`the Soviet Union <ussr>`.

An event renders as its title linked to its page, then its date and a link to its
citation block; an actor as its name; a source as its title and date of issue. An
unknown id, or a missing ``pakru_base_url``, is reported as a build error (a warning
that ``sphinx-build -W`` turns into a failure).

To link by id without this extension, point intersphinx at the site's ``objects.inv``:
every record is a ``std:label`` named by its id (``:ref:`pakru:ussr```).

Needs Sphinx: ``pip install 'pakru[sphinx]'``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pakru._version import __version__
from pakru.errors import UnknownIdError, require_extra
from pakru.ext.links import reference

require_extra("docutils", "sphinx", "pakru.ext.sphinx")  # a MissingExtraError if absent

from docutils import nodes  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx

__all__ = ["pakru_role", "setup"]

_EXPLICIT = re.compile(r"^(.+?)\s*<([^<>\s]+)>$", re.DOTALL)


def _base_url(inliner: Inliner) -> str | None:
    env = getattr(inliner.document.settings, "env", None)
    if env is None:  # plain docutils: settings may carry it directly
        value = getattr(inliner.document.settings, "pakru_base_url", None)
    else:
        value = getattr(env.config, "pakru_base_url", None)
    return value or None


def pakru_role(  # noqa: PLR0917 - the signature docutils calls roles with
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``:pakru:`ID``` or ``:pakru:`own words <ID>```: the record's title, date and links."""
    del name, options, content  # part of the role signature; not needed here
    match = _EXPLICIT.match(text)
    own, key = (match.group(1), match.group(2)) if match else (None, text.strip())
    base = _base_url(inliner)
    try:
        ref = reference(key)
    except UnknownIdError as exc:
        message = inliner.reporter.error(f":pakru: role: {exc}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    messages: list[nodes.system_message] = []
    if base is None:
        messages.append(
            inliner.reporter.error(
                ":pakru: role: set pakru_base_url in conf.py to the address of the pakru "
                "documentation (for example 'https://example.org/pakru/') so links can be made",
                line=lineno,
            )
        )
    title = own or ref.title
    span = nodes.inline(classes=["pakru-ref", f"pakru-{ref.kind}"])
    if base is None:
        span += nodes.Text(title)
    else:
        span += nodes.reference(rawtext, title, refuri=ref.url(base), internal=False)
    if ref.kind == "event":
        span += nodes.Text(f" ({ref.date}, ")
        if base is None:
            span += nodes.Text("cite")
        else:
            span += nodes.reference("", "cite", refuri=ref.cite_url(base), internal=False)
        span += nodes.Text(")")
    elif ref.date:
        span += nodes.Text(f" ({ref.date})")
    return [span], messages


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``pakru_base_url`` setting and the ``:pakru:`` role."""
    app.add_config_value("pakru_base_url", "", "env", types=(str,))
    app.add_role("pakru", pakru_role)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
