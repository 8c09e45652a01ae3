"""Controlled vocabularies: event types (with PLOVER and CAMEO equivalents), roles, kinds.

Each pakru event type maps to one PLOVER event type (with its mode where PLOVER has one)
and one CAMEO code, after the PLOVER project's CAMEO-to-PLOVER table (2021). The CAMEO
root is the code's first two digits. Where neither scheme has an equivalent (a period
such as the end of the Cold War, a standing territorial dispute, a published analysis),
the mapping is an explicit ``None``: pakru records the development and does not force it
into a code that means something else.
"""

from __future__ import annotations

from types import MappingProxyType

import attrs

__all__ = ["ACTOR_KINDS", "EVENT_TYPES", "ROLES", "SKIP_REASONS", "SOURCE_KINDS", "EventType"]


@attrs.frozen
class EventType:
    """One entry of the event-type vocabulary."""

    id: str
    label: str
    definition: str
    plover: str | None
    """The PLOVER event type, or ``None`` where PLOVER has no equivalent."""
    plover_mode: str | None
    cameo: str | None
    """The CAMEO code, or ``None`` where CAMEO has no equivalent."""

    @property
    def cameo_root(self) -> str | None:
        """The two-digit CAMEO root code (for example ``"04"`` for consult), or ``None``."""
        return None if self.cameo is None else self.cameo[:2]


def _types(
    *rows: tuple[str, str, str, str | None, str | None, str | None],
) -> MappingProxyType[str, EventType]:
    return MappingProxyType({r[0]: EventType(*r) for r in rows})


EVENT_TYPES: MappingProxyType[str, EventType] = _types(
    ("visit", "Visit", "A leader or official travels to another state.", "CONSULT", "visit", "042"),
    (
        "talks",
        "Talks",
        "Officials meet or negotiate, bilaterally or in a small group.",
        "CONSULT",
        None,
        "040",
    ),
    (
        "summit",
        "Multilateral meeting",
        "Leaders or ministers of several states meet at a multilateral forum.",
        "CONSULT",
        "third-party",
        "044",
    ),
    (
        "mediation",
        "Mediation",
        "A third party brokers talks between parties in dispute.",
        "CONSULT",
        None,
        "045",
    ),
    (
        "agreement",
        "Agreement",
        "Parties sign a treaty, declaration, contract or accord.",
        "SUPPORT",
        None,
        "057",
    ),
    (
        "diplomatic-relations",
        "Diplomatic relations",
        "States establish or upgrade diplomatic relations.",
        "SUPPORT",
        None,
        "054",
    ),
    (
        "rapprochement",
        "Rapprochement",
        "Over time, parties improve, renew or deepen their relations (a thaw, a drawing closer).",
        "SUPPORT",
        None,
        "050",
    ),
    (
        "membership",
        "Membership",
        "A state joins an organisation or receives observer or member status.",
        "SUPPORT",
        None,
        "050",
    ),
    (
        "endorsement",
        "Endorsement",
        "A party praises, backs or defends another in public.",
        "SUPPORT",
        None,
        "051",
    ),
    (
        "apology",
        "Apology",
        "A party formally apologises to another.",
        "SUPPORT",
        None,
        "055",
    ),
    (
        "intent",
        "Intent to cooperate",
        "A party announces that it will cooperate or act.",
        "AGREE",
        None,
        "030",
    ),
    (
        "economic-cooperation",
        "Economic cooperation",
        "Trade, energy, industrial or financial cooperation takes place.",
        "COOPERATE",
        None,
        "061",
    ),
    (
        "military-cooperation",
        "Military cooperation",
        "Arms transfers, joint exercises, training or other military cooperation.",
        "COOPERATE",
        None,
        "062",
    ),
    (
        "economic-aid",
        "Economic aid",
        "A party gives economic or technical assistance.",
        "AID",
        None,
        "071",
    ),
    ("military-aid", "Military aid", "A party gives military assistance.", "AID", None, "072"),
    (
        "withdrawal",
        "Military withdrawal",
        "Armed forces are withdrawn or de-escalate.",
        "RETREAT",
        "withdraw",
        "087",
    ),
    (
        "release",
        "Release",
        "A party frees or hands back a person it holds.",
        "RETREAT",
        "release",
        "0841",
    ),
    (
        "criticism",
        "Criticism",
        "A party voices concern about or criticises another.",
        "ACCUSE",
        "disapprove",
        "111",
    ),
    (
        "accusation",
        "Accusation",
        "A party accuses another of wrongdoing.",
        "ACCUSE",
        "disapprove",
        "112",
    ),
    (
        "rejection",
        "Rejection or postponement",
        "A party declines, cancels or puts off a meeting, proposal or cooperation.",
        "REJECT",
        None,
        "120",
    ),
    ("threat", "Threat", "A party threatens another.", "THREATEN", None, "130"),
    (
        "reduced-relations",
        "Reduced relations",
        "A party reduces or breaks relations, or stops aid.",
        "SANCTION",
        None,
        "160",
    ),
    (
        "sanctions",
        "Sanctions",
        "A party imposes an embargo, boycott or sanctions.",
        "COERCE",
        "restrict",
        "163",
    ),
    (
        "mobilization",
        "Mobilization",
        "A party raises alert or mobilises armed forces.",
        "MOBILIZE",
        "troops",
        "154",
    ),
    (
        "weapons-test",
        "Weapons test",
        "A state tests a nuclear device, a missile or another weapon as a show of strength.",
        "MOBILIZE",
        None,
        "150",
    ),
    (
        "attack",
        "Attack",
        "An armed group carries out a bombing, raid or assassination.",
        "ASSAULT",
        None,
        "180",
    ),
    (
        "war",
        "War or armed conflict",
        "States or armed groups fight with conventional force.",
        "FIGHT",
        None,
        "190",
    ),
    (
        "rapprochement",
        "Rapprochement",
        "Relations between parties improve over a period (a trend, dated as an interval).",
        "SUPPORT",
        None,
        "050",
    ),
    (
        "partnership",
        "Strategic partnership",
        "Parties keep up a standing political and military partnership over a period.",
        "COOPERATE",
        None,
        "060",
    ),
    (
        "territorial-dispute",
        "Territorial dispute",
        "States contest a border or a territory over a period.",
        None,
        None,
        None,
    ),
    (
        "era",
        "Era or turning point",
        "A period of international politics begins or ends (the end of the Cold War, say).",
        None,
        None,
        None,
    ),
    (
        "proliferation",
        "Nuclear proliferation",
        "Nuclear weapons technology spreads, or an affair over its spread comes to light.",
        None,
        None,
        None,
    ),
    (
        "publication",
        "Publication or interview",
        "A named author publishes an analysis or gives an interview that sources discuss.",
        None,
        None,
        "010",
    ),
)

ROLES: MappingProxyType[str, str] = MappingProxyType(
    {
        "host": "receives a visit or hosts a meeting",
        "visitor": "makes the visit",
        "mediator": "brokers between the parties",
        "party": "one side of talks, a dispute or a war",
        "signatory": "signs an agreement",
        "seller": "sells or supplies goods or arms",
        "buyer": "buys or receives goods or arms",
        "donor": "gives aid or assistance",
        "recipient": "receives aid or assistance",
        "member": "joins or belongs to an organisation",
        "observer": "holds observer status",
        "organization": "the organisation acted upon or within",
        "organizer": "convenes a meeting or process",
        "participant": "takes part without a more specific role",
        "attacker": "carries out an attack or invasion",
        "target": "is attacked, criticised or acted upon",
        "supporter": "backs one side",
        "critic": "voices concern or criticism",
        "subject": "is what the event is about",
    }
)

ACTOR_KINDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "state": "a sovereign state, past or present",
        "organization": "an intergovernmental or other organisation",
        "armed-group": "a non-state armed group",
        "company": "a company or state enterprise",
        "person": "a person",
    }
)

#: Why a curator cites no part of a paragraph of a source (see :class:`pakru.Skip`).
SKIP_REASONS: MappingProxyType[str, str] = MappingProxyType(
    {
        "furniture": "page furniture: a heading, byline, menu, caption, credit or link list",
        "opinion": "opinion or analysis that states no development of the relations",
        "background": "general background with no dated development of the relations",
        "off-topic": "about something other than Pakistan's relations with the USSR or Russia",
        "repeat": "repeats what another paragraph of the same source states, which is cited",
    }
)

SOURCE_KINDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "interview": "an interview",
        "news-report": "a news report",
        "magazine-article": "an article in a magazine",
        "opinion": "an opinion piece or column",
        "commentary": "a commentary or blog post",
        "analysis": "an analytical article or report",
        "reference": "an encyclopedia or reference entry",
        "official": "a government or organisation statement or page",
        "web-page": "another kind of web page",
    }
)
