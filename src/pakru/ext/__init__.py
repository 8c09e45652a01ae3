"""Integrations that let other tools and sites name pakru records.

- :mod:`pakru.ext.links`: where each record's page lives on the pakru documentation
  site, and a reader's wording of its date (no extra dependency).
- :mod:`pakru.ext.markdown`: a Python-Markdown extension (``pip install 'pakru[markdown]'``)
  that turns ``[[pakru:ID]]`` into the record's title, date and a link.
- :mod:`pakru.ext.sphinx`: a Sphinx extension (``pip install 'pakru[sphinx]'``) with a
  ``:pakru:`` role doing the same in reStructuredText.

Nothing here is imported by ``import pakru``; each module imports its tool only when
it is itself imported.
"""
