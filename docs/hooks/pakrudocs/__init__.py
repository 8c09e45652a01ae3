"""Build pakru's documentation site from the installed data.

- :mod:`pakrudocs.figure`: the timeline figure (SVG, written here, no plotting library).
- :mod:`pakrudocs.pages`: the Markdown of the generated pages (timeline, one page per
  event, actor and source, and their indexes).
- :mod:`pakrudocs.inventory`: the Sphinx inventory (``objects.inv``) of every record.
- :mod:`pakrudocs.links`: a checker of the links and anchors of the built HTML.

``docs/hooks/mkdocs_hooks.py`` wires them into MkDocs; everything here is plain Python
that takes a :class:`pakru.Dataset` and returns text, so it is tested without MkDocs.
"""
