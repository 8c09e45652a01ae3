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

__all__ = [
    "ACTOR_KINDS",
    "EVENT_TYPES",
    "ROLES",
    "SKIP_REASONS",
    "SOURCE_KINDS",
    "TAGS",
    "TAG_ALIASES",
    "EventType",
    "canonical_tag",
]


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
        "cut-off": "a fragment cut off where the stored copy of the document ends, too short "
        "to state a development",
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

#: The tags of events, each with its definition. A tag says what an event concerns
#: beyond its type (a region, a programme, a subject); near-duplicates were merged in
#: data 0.2.0 and their old names are in :data:`TAG_ALIASES`.
TAGS: MappingProxyType[str, str] = MappingProxyType(
    {
        "afghanistan": "Afghanistan, its wars and governments",
        "afghanistan-pakistan-border": "the Afghanistan-Pakistan frontier and incidents across it",
        "analysis": "a published assessment of the relationship rather than a single act",
        "arabian-monsoon": "the Arabian Monsoon naval exercises",
        "arms-embargo": "a ban or freeze on supplying arms",
        "arms-trade": "sales, offers and deliveries of weapons and military equipment",
        "bangladesh-war-1971": "the East Pakistan crisis and the India-Pakistan war of 1971",
        "border-incident": "a clash, incursion or violation at a border",
        "cento": "the Baghdad Pact and its successor, the Central Treaty Organization",
        "chechnya": "the Chechen conflicts and claims of foreign involvement in them",
        "china": "China's relations with Pakistan, the USSR or Russia",
        "civil-aviation": "air links and civil aviation agreements",
        "cold-war": "the bloc rivalry between the USSR and the United States, 1947-1991",
        "counter-terrorism": "cooperation or measures against terrorism",
        "covid-19": "the COVID-19 pandemic",
        "cpec": "the China-Pakistan Economic Corridor",
        "cultural-exchange": "culture, arts and scientific exchanges and their agreements",
        "diplomacy": "diplomatic practice not covered by a narrower tag",
        "diplomatic-anniversary": "the marking of an anniversary of diplomatic relations",
        "diplomatic-relations": "the establishment, level or state of diplomatic relations",
        "druzhba": "the Druzhba (Friendship) joint military exercises",
        "economic-assistance": "credits, loans, grants and technical aid",
        "education": "education, scholarships and training of students",
        "energy": "power, fuel and energy cooperation in general",
        "floods-2022": "the 2022 floods in Pakistan and the relief that followed",
        "gas-pipeline": "gas pipelines, among them the North-South (Pakistan Stream) line",
        "geneva-accords": "the 1988 Geneva Accords on Afghanistan and their negotiation",
        "high-level-contact": "a call, message or meeting between leaders that is not a visit",
        "high-level-visit": "a visit by a head of state or government, or a minister",
        "humanitarian-aid": "relief supplies and humanitarian assistance",
        "india": "India as a third party in Pakistan-Soviet or Pakistan-Russian relations",
        "india-pakistan-war-1965": "the India-Pakistan war of 1965 and its settlement",
        "india-russia": "relations between India and the Russian Federation",
        "india-ussr": "relations between India and the Soviet Union",
        "intergovernmental-commission": "the Pakistan-Russia intergovernmental commission",
        "jf-17": "the JF-17 fighter and its Russian engines",
        "jmcc": "the joint military consultative committee",
        "joint-exercise": "military exercises held together on land, at sea or in the air",
        "kashmir": "the Kashmir dispute",
        "liaquat-invitation": "the Soviet invitation to Liaquat Ali Khan, 1949-1950",
        "lng": "liquefied natural gas",
        "lpg": "liquefied petroleum gas",
        "mi-35": "Mi-35 helicopters and their supply",
        "military-cooperation": "defence and military cooperation in general",
        "military-to-military": "contacts between the armed forces themselves",
        "military-training": "training of military personnel",
        "moscow-format": "the Moscow format consultations on Afghanistan",
        "naval": "navies, warships and port calls",
        "naval-cooperation": "cooperation between navies",
        "northern-distribution-network": "the northern supply route to forces in Afghanistan",
        "nuclear": "nuclear weapons, tests, energy and non-proliferation",
        "nuclear-suppliers-group": "the Nuclear Suppliers Group and membership bids",
        "oil-and-gas": "oil and gas exploration, production and trade",
        "pakistan-steel": "the Soviet-built steel mill at Karachi",
        "pakistan-stream": "the Pakistan Stream gas pipeline project by that name",
        "pashtunistan": "the Pashtunistan question",
        "post-soviet-transition": "the passage from the USSR to the Russian Federation",
        "prisoners": "prisoners of war and detained soldiers",
        "quadrilateral": "four-country groupings and meetings",
        "rapprochement": "a drawing closer after estrangement",
        "sanctions": "economic or political sanctions",
        "sco": "the Shanghai Cooperation Organisation",
        "seato": "the Southeast Asia Treaty Organization",
        "strategic-partnership": "a declared strategic partnership",
        "strategic-stability": "arms control and strategic stability talks",
        "taliban": "the Taliban movement and its government",
        "tashkent": "the Tashkent conference and declaration of 1966",
        "terrorism": "terrorist attacks and their condemnation",
        "trade": "trade, trade agreements and their volume",
        "trilateral": "three-country groupings and meetings",
        "u-2-incident": "the U-2 flights from Pakistan and the 1960 shoot-down",
        "ukraine-war": "the war in Ukraine since 2022 and its effects",
        "un-security-council": "the UN Security Council: its votes, vetoes and resolutions",
        "united-nations": "the United Nations other than the Security Council",
        "united-states": "the United States as a third party",
        "us-pakistan": "relations between the United States and Pakistan",
        "wheat": "wheat trade and supplies",
    }
)

#: Tags merged into another: a query by the old tag finds the events of the new one.
TAG_ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "military-exercise": "joint-exercise",
        "north-south-gas-pipeline": "gas-pipeline",
        "arms-sales": "arms-trade",
        "us-pakistan-relations": "us-pakistan",
        "oil": "oil-and-gas",
        "india-soviet-relations": "india-ussr",
        "defence-cooperation": "military-cooperation",
        "culture": "cultural-exchange",
    }
)


def canonical_tag(tag: str) -> str:
    """The tag a tag name stands for now: ``canonical_tag("arms-sales")`` is ``"arms-trade"``."""
    return TAG_ALIASES.get(tag, tag)
