"""The value rules of pakru's data, each defined once: patterns, limits and record kinds.

Every module that checks, describes or reads a value imports its rule from here: the
record readers (:mod:`pakru.loader.records`), the JSON Schemas (:mod:`pakru.schemas`),
the manifest and release readers, and the reader of exports. This module imports
nothing of pakru, so every layer may use it.
"""

from __future__ import annotations

import re
from types import MappingProxyType

__all__ = [
    "ACTOR_ID",
    "CLAIM_STATUSES",
    "CREATOR_ROLES",
    "DATAPACKAGE_FILE",
    "DATA_DIRS",
    "DATE_MATCHES",
    "DAY",
    "DISPUTE_FIELDS",
    "EDGE_HASH",
    "EDGE_HEX",
    "EVENT_ID",
    "FINGERPRINTS",
    "FORMULA_START",
    "ISO3",
    "JSONL_FILE",
    "JSON_FILE",
    "KINDS",
    "LANGUAGE",
    "MATCHES_TABLE",
    "MATCH_MARKS",
    "MAX_ALIAS_CHARS",
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_INT",
    "MAX_KEYWORD",
    "MAX_LICENSE",
    "MAX_PASSAGE",
    "MAX_PROBLEMS",
    "MAX_RESOURCES",
    "MAX_URL",
    "NOT_TEXT",
    "RELEASES",
    "SEMVER",
    "SHA256",
    "SOURCE_ID",
    "TAG",
    "URL",
]

# -- identifiers and values --------------------------------------------------------------

#: Event ids lead with their date (year, month or day) and end in a slug.
EVENT_ID = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}-[a-z0-9]+(?:-[a-z0-9]+)*")
#: Actor ids and tags: lower-case words joined by hyphens.
ACTOR_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
TAG = ACTOR_ID
#: Source ids are corpus document ids.
SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9_]*(?:-[a-z0-9_]+)*")
#: A SHA-256 digest: 64 lower-case hex digits.
SHA256 = re.compile(r"[0-9a-f]{64}")
#: Hex digits kept of an edge hash of a passage fingerprint (48 bits: enough to find
#: candidates, too few to read).
EDGE_HEX = 12
#: A fingerprint's edge hash: the first hex digits of a SHA-256.
EDGE_HASH = re.compile(f"[0-9a-f]{{{EDGE_HEX}}}")
#: A data version: a semantic version without pre-release or build parts ("1.0.0").
SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
ISO3 = re.compile(r"[A-Z]{3}")
URL = re.compile(r"https?://\S+")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: Characters no record text may hold: control characters (tab and line breaks aside)
#: and lone surrogates, which no file can encode and no terminal shows safely.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

# -- limits ------------------------------------------------------------------------------

#: Longest quoted passage, in characters.
MAX_PASSAGE = 5000
#: Longest id, tag or other keyword accepted (URLs may be longer: :data:`MAX_URL`).
MAX_KEYWORD = 200
MAX_URL = 2000
#: Longest licence expression in a data header.
MAX_LICENSE = 200
#: Largest data file pakru reads, in bytes; larger files are refused, not read whole.
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Deepest nesting of mappings and lists in a data file.
MAX_DEPTH = 32
#: Most nodes that YAML aliases may repeat in one document.
MAX_ALIAS_NODES = 10_000
#: Most characters of text that YAML aliases may repeat in one document: a file's text
#: plus its repeats stays within twice :data:`MAX_FILE_BYTES`, however it is aliased.
MAX_ALIAS_CHARS = MAX_FILE_BYTES
#: Most resources a data package descriptor may list (pakru's own exports list nine).
MAX_RESOURCES = 64

#: Most problems collected from one load; the rest are counted ("and N more").
MAX_PROBLEMS = 1000
#: Integers in data files stay below this magnitude.
MAX_INT = 2**63

#: First characters that make a spreadsheet read a CSV cell as a formula. A text cell that
#: begins with one (or with the guard ``'`` itself) is written with a ``'`` before it, and
#: pakru's reader takes it off again (:func:`pakru.tables.guard_cell`).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")

# -- record kinds and closed lists -------------------------------------------------------

#: The kinds of records, plural (a data file's key or folder) to singular.
KINDS: MappingProxyType[str, str] = MappingProxyType(
    {"events": "event", "actors": "actor", "sources": "source"}
)
#: The files of whole-dataset exports.
JSON_FILE = "pakru.json"
#: The generated file of passage fingerprints (``pakru.loader.fingerprints``), a data file too.
FINGERPRINTS = "fingerprints.json"
JSONL_FILE = "pakru.jsonl"
DATAPACKAGE_FILE = "datapackage.json"
#: The folder of release records beside the data files.
RELEASES = "releases"
#: Folders whose YAML files hold records of one kind each.
DATA_DIRS: tuple[str, ...] = tuple(KINDS)
DISPUTE_FIELDS = ("date", "place", "number", "actor", "role", "title", "status", "other")
CLAIM_STATUSES = ("accepted", "rejected", "unresolved")
CREATOR_ROLES = ("author", "interviewee", "interviewer", "editor")

#: The rules of ``date_match`` (see :func:`pakru.query.date_fit`): ``certain`` (the
#: default) keeps events that certainly lie in the window, ``possible`` adds those that
#: only may; ``within`` and ``overlap`` are the same day tests with qualifiers ignored.
DATE_MATCHES = ("certain", "possible", "within", "overlap")
#: How an event of a windowed query falls in the window: what ``EventList.matches``
#: holds, the table's ``match`` column and an export's ``matches`` header.
MATCH_MARKS = ("certain", "possible")
#: The extra table an export of a windowed query writes: each event's match.
MATCHES_TABLE = "matches"
