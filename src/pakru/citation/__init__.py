"""Citations of pakru's sources, events and dataset in the formats researchers use.

:func:`pakru.cite` is the entry point. Each format has its own module: ``csl`` builds
CSL-JSON items (the common model every other format starts from), ``bibtex`` writes
BibLaTeX, ``bibtex_classic`` classic BibTeX for natbib, ``ris`` writes RIS, and
``styles`` formats APA, Chicago (author-date) and MLA
references without a CSL processor at run time.
"""

from __future__ import annotations

from pakru.citation.cite import STYLES, cite

__all__ = ["STYLES", "cite"]
