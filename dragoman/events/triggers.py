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
# Verbs that are a consultation only with a partner ("spoke with Raisi", "Raisi and Putin spoke"),
# not when someone speaks to an audience.
NEEDS_PARTNER = frozenset({"speak", "talk"})
# "led the government to expel": verbs whose object is the subject of the verb after "to".
OBJECT_CONTROL = frozenset("lead force urge ask persuade push prompt compel allow encourage invite cause press".split())

# ---------------------------------------------------------------------------------------
# Recall of clear events (attacks, clashes, arrests, protests), added for event locations.
# Kept apart so that it moves as one block into dragoman/lexicon/en/ with the lists above.
VERBS.update(
    {
        "clash": ("ASSAULT", None),
        "fight": ("ASSAULT", None),
        "raid": ("ASSAULT", None),
        "seize": ("COERCE", None),
        "arrest": ("COERCE", None),
        "detain": ("COERCE", None),
        "demonstrate": ("PROTEST", None),
        "rally": ("PROTEST", None),
    }
)
NOUNS.update(
    {
        "assault": ("ASSAULT", None),
        "airstrike": ("ASSAULT", "aerial"),
        "shelling": ("ASSAULT", "explosives"),
        "raid": ("ASSAULT", None),
        "clash": ("ASSAULT", None),
        "fire": ("ASSAULT", "firearms"),
        "arrest": ("COERCE", None),
        "demonstration": ("PROTEST", None),
    }
)
# "exchanged fire": a verb whose object names the event, like LIGHT_VERBS above.
EXCHANGE_VERBS = frozenset({"exchange"})
# Verbs that report an event only without an object: "students demonstrated", not
# "demonstrated its resolve"; "supporters rallied", not "rallied support".
INTRANSITIVE_ONLY = frozenset({"demonstrate", "rally"})
# Verbs of gathering that are a protest when their subject is a crowd of protesters.
GATHERING_VERBS = frozenset({"gather", "assemble", "march", "converge"})
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher"})
# Verbs of firing that are an attack when what is fired is a weapon (MILITARY) or has a target
# ("fired rockets at", "launched drones at"), not "fired the minister" or "launched a plan".
FIRING_VERBS = frozenset({"fire", "launch"})
FIRING_TARGET_PREPOSITIONS = frozenset({"at", "on", "into", "toward", "towards"})
# Verbs of going: a meeting noun after "for" takes the traveller as its actor
# ("arrived in Muscat for talks with American envoys").
TRAVEL_VERBS = frozenset({"arrive", "travel", "fly", "come", "go", "head", "return"})
