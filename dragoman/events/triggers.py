"""Words that report events, by PLOVER type: verb lemmas and the nouns of analysis prose."""

from __future__ import annotations

# lemma -> (type, mode)
VERBS: dict[str, tuple[str, str | None]] = {
    "visit": ("CONSULT", "visit"),
    "meet": ("CONSULT", "meet"),
    "host": ("CONSULT", "host"),
    "phone": ("CONSULT", "phone"),
    "call": ("CONSULT", "phone"),
    "talk": ("CONSULT", None),
    "speak": ("CONSULT", None),
    "discuss": ("CONSULT", None),
    "negotiate": ("CONSULT", None),
    "travel": ("CONSULT", "visit"),
    "receive": ("CONSULT", "host"),
    "welcome": ("CONSULT", "host"),
    "mediate": ("CONSULT", "mediate"),
    "sign": ("AGREE", "treaty"),
    "agree": ("AGREE", None),
    "ratify": ("AGREE", "treaty"),
    "pledge": ("AGREE", "promise"),
    "promise": ("AGREE", "promise"),
    "conclude": ("AGREE", None),
    "supply": ("AID", None),
    "deliver": ("AID", None),
    "provide": ("AID", None),
    "send": ("AID", None),
    "sell": ("AID", None),
    "transfer": ("AID", None),
    "ship": ("AID", None),
    "give": ("AID", None),
    "arm": ("AID", "military"),
    "equip": ("AID", "military"),
    "export": ("AID", None),
    "sanction": ("SANCTION", None),
    "impose": ("SANCTION", None),
    "expel": ("SANCTION", "expel"),
    "downgrade": ("SANCTION", "discontinue"),
    "sever": ("SANCTION", "discontinue"),
    "ban": ("SANCTION", "embargo"),
    "freeze": ("SANCTION", "economic"),
    "cut": ("SANCTION", "discontinue"),
    "blacklist": ("SANCTION", None),
    "suspend": ("SANCTION", "discontinue"),
    "attack": ("ASSAULT", None),
    "strike": ("ASSAULT", None),
    "bomb": ("ASSAULT", "aerial"),
    "shell": ("ASSAULT", "explosives"),
    "invade": ("ASSAULT", "invasion"),
    "target": ("ASSAULT", None),
    "hit": ("ASSAULT", None),
    "kill": ("ASSAULT", None),
    "shoot": ("ASSAULT", "firearms"),
    "accuse": ("ACCUSE", None),
    "blame": ("ACCUSE", None),
    "condemn": ("ACCUSE", None),
    "criticize": ("ACCUSE", None),
    "criticise": ("ACCUSE", None),
    "denounce": ("ACCUSE", None),
    "summon": ("ACCUSE", None),
    "protest": ("ACCUSE", None),
    "decry": ("ACCUSE", None),
    "threaten": ("THREATEN", None),
    "warn": ("THREATEN", None),
    "reject": ("REJECT", None),
    "refuse": ("REJECT", "refuse"),
    "veto": ("REJECT", "veto"),
    "rebuff": ("REJECT", None),
    "decline": ("REJECT", "refuse"),
    "support": ("SUPPORT", None),
    "back": ("SUPPORT", None),
    "endorse": ("SUPPORT", None),
    "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None),
    "praise": ("SUPPORT", None),
    "urge": ("REQUEST", None),
    "request": ("REQUEST", None),
    "demand": ("REQUEST", None),
    "ask": ("REQUEST", None),
    "appeal": ("REQUEST", None),
    "cooperate": ("COOPERATE", None),
    "train": ("COOPERATE", None),
    "coordinate": ("COOPERATE", None),
    "deploy": ("MOBILIZE", None),
    "mobilize": ("MOBILIZE", None),
    "mobilise": ("MOBILIZE", None),
    "withdraw": ("RETREAT", None),
    "retreat": ("RETREAT", None),
    "release": ("CONCEDE", None),
}

NOUNS: dict[str, tuple[str, str | None]] = {
    "visit": ("CONSULT", "visit"),
    "meeting": ("CONSULT", "meet"),
    "talk": ("CONSULT", None),
    "summit": ("CONSULT", "meet"),
    "call": ("CONSULT", "phone"),
    "negotiation": ("CONSULT", None),
    "trip": ("CONSULT", "visit"),
    "consultation": ("CONSULT", None),
    "deal": ("AGREE", None),
    "agreement": ("AGREE", None),
    "memorandum": ("AGREE", None),
    "treaty": ("AGREE", "treaty"),
    "accord": ("AGREE", None),
    "contract": ("AGREE", None),
    "supply": ("AID", None),
    "delivery": ("AID", None),
    "shipment": ("AID", None),
    "transfer": ("AID", None),
    "sale": ("AID", None),
    "provision": ("AID", None),
    "sanction": ("SANCTION", None),
    "expulsion": ("SANCTION", "expel"),
    "embargo": ("SANCTION", "embargo"),
    "attack": ("ASSAULT", None),
    "strike": ("ASSAULT", None),
    "invasion": ("ASSAULT", "invasion"),
    "bombardment": ("ASSAULT", "aerial"),
    "offensive": ("ASSAULT", None),
    "accusation": ("ACCUSE", None),
    "condemnation": ("ACCUSE", None),
    "threat": ("THREATEN", None),
    "warning": ("THREATEN", None),
    "cooperation": ("COOPERATE", None),
    "exercise": ("COOPERATE", None),
    "drill": ("COOPERATE", None),
    "trade": ("COOPERATE", None),
    "turnover": ("COOPERATE", None),
}

MILITARY = frozenset(
    "drone drones uav uavs shahed shahed-136 mohajer mohajer-6 missile missiles weapon weapons arms ammunition "
    "munitions shells rockets jets fighter fighters su-35 tanks artillery helicopters military equipment".split()
)
ECONOMIC = frozenset("oil gas wheat grain money loan loans credit aid fuel goods investment".split())
HUMANITARIAN = frozenset("humanitarian food medicine medical relief".split())

# Verbs whose object tells the event type rather than the verb ("impose sanctions", "launch attacks").
LIGHT_VERBS = frozenset("impose launch carry hold conduct sign make reach strike stage announce".split())
# Verbs of denial: the event in their complement is denied by their subject.
DENY = frozenset("deny dismiss refute reject".split())
ALLEGE = frozenset("allege claim accuse suspect report".split())
ALLEGE_ADVERBS = frozenset("allegedly reportedly purportedly apparently supposedly".split())
# Verbs that are a consultation only with a partner ("spoke with Raisi", "Raisi and Putin spoke"),
# not when someone speaks to an audience.
NEEDS_PARTNER = frozenset({"speak", "talk"})
# "led the government to expel": verbs whose object is the subject of the verb after "to".
OBJECT_CONTROL = frozenset("lead force urge ask persuade push prompt compel allow encourage invite cause press".split())
MODALS = frozenset("could would may might should".split())
PLAN_VERBS = frozenset("plan intend aim expect hope seek want".split())
