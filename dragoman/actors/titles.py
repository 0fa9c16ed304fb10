"""Title and institution words: the grammar of "Iran's foreign minister".

These are English phrases, not actors, so they live in code next to the
resolver rather than in the knowledge-base data.
"""

from __future__ import annotations

# title phrase (lower case) -> (office key, default scope or None)
TITLES: dict[str, tuple[str, str | None]] = {
    "president": ("president", None),
    "vice president": ("vice-president", None),
    "vice-president": ("vice-president", None),
    "prime minister": ("head-of-government", None),
    "premier": ("head-of-government", None),
    "pm": ("head-of-government", None),
    "chancellor": ("head-of-government", "DEU"),
    "foreign minister": ("foreign-minister", None),
    "foreign affairs minister": ("foreign-minister", None),
    "minister of foreign affairs": ("foreign-minister", None),
    "top diplomat": ("foreign-minister", None),
    "foreign secretary": ("foreign-minister", "GBR"),
    "secretary of state": ("foreign-minister", "USA"),
    "defence minister": ("defence-minister", None),
    "defense minister": ("defence-minister", None),
    "minister of defence": ("defence-minister", None),
    "minister of defense": ("defence-minister", None),
    "defence secretary": ("defence-minister", "GBR"),
    "defense secretary": ("defence-minister", "USA"),
    "secretary of defense": ("defence-minister", "USA"),
    "interior minister": ("interior-minister", None),
    "finance minister": ("finance-minister", None),
    "supreme leader": ("supreme-leader", "IRN"),
    "national security adviser": ("security-chief", None),
    "national security advisor": ("security-chief", None),
    "security council secretary": ("security-chief", None),
    "secretary of the supreme national security council": ("security-chief", "IRN"),
    "secretary of the security council": ("security-chief", None),
    "foreign ministry spokesman": ("mfa-spokesperson", None),
    "foreign ministry spokeswoman": ("mfa-spokesperson", None),
    "foreign ministry spokesperson": ("mfa-spokesperson", None),
    "foreign ministry spokesmen": ("mfa-spokesperson", None),
    "kremlin spokesman": ("spokesperson", "RUS"),
    "kremlin spokesperson": ("spokesperson", "RUS"),
    "government spokesman": ("spokesperson", None),
    "government spokesperson": ("spokesperson", None),
    "chief of the general staff": ("chief-of-staff", None),
    "chief of staff of the armed forces": ("chief-of-staff", None),
    "king": ("king", None),
    "crown prince": ("crown-prince", None),
    "secretary-general": ("secretary-general", None),
    "secretary general": ("secretary-general", None),
    "speaker": ("speaker", None),
    "parliament speaker": ("speaker", None),
}

# Words before a title that move it into the past ("then-Ambassador", "former foreign minister").
FORMER = frozenset({"then", "former", "ex"})
# Titles posted to another state, named after "to" ("ambassador to Moscow").
POSTED_TITLES = frozenset({"ambassador", "envoy"})

# Titles that name a kind of person but no single office: used for unknown people.
# phrase -> (role label, sector)
GENERIC_TITLES: dict[str, tuple[str, str]] = {
    "ambassador": ("Ambassador", "GOV"),
    "envoy": ("Envoy", "GOV"),
    "diplomat": ("Diplomat", "GOV"),
    "deputy foreign minister": ("Deputy Foreign Minister", "GOV"),
    "deputy defence minister": ("Deputy Defence Minister", "GOV"),
    "deputy defense minister": ("Deputy Defence Minister", "GOV"),
    "deputy prime minister": ("Deputy Prime Minister", "GOV"),
    "minister": ("Minister", "GOV"),
    "official": ("Official", "GOV"),
    "lawmaker": ("Lawmaker", "LEG"),
    "mp": ("Member of Parliament", "LEG"),
    "senator": ("Senator", "LEG"),
    "general": ("General", "MIL"),
    "brigadier general": ("Brigadier General", "MIL"),
    "major general": ("Major General", "MIL"),
    "commander": ("Commander", "MIL"),
    "admiral": ("Admiral", "MIL"),
    "colonel": ("Colonel", "MIL"),
    "military spokesman": ("Military Spokesperson", "MIL"),
    "defence ministry spokesman": ("Defence Ministry Spokesperson", "GOV"),
    "defense ministry spokesman": ("Defence Ministry Spokesperson", "GOV"),
    "spokesman": ("Spokesperson", "GOV"),
    "spokeswoman": ("Spokesperson", "GOV"),
    "spokesperson": ("Spokesperson", "GOV"),
}

# Institution nouns after a demonym or "X's": key -> (label, sector)
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "foreign-ministry": ("Foreign Ministry", "GOV"),
    "defence-ministry": ("Defence Ministry", "GOV"),
    "interior-ministry": ("Interior Ministry", "GOV"),
    "government": ("Government", "GOV"),
    "parliament": ("Parliament", "LEG"),
    "military": ("Armed Forces", "MIL"),
    "navy": ("Navy", "MIL"),
    "air-force": ("Air Force", "MIL"),
    "central-bank": ("Central Bank", "GOV"),
    "embassy": ("Embassy", "GOV"),
    "judiciary": ("Judiciary", "JUD"),
    "police": ("Police", "COP"),
}

INSTITUTION_PHRASES: dict[str, str] = {
    "foreign ministry": "foreign-ministry",
    "ministry of foreign affairs": "foreign-ministry",
    "foreign affairs ministry": "foreign-ministry",
    "foreign office": "foreign-ministry",
    "defence ministry": "defence-ministry",
    "defense ministry": "defence-ministry",
    "ministry of defence": "defence-ministry",
    "ministry of defense": "defence-ministry",
    "interior ministry": "interior-ministry",
    "government": "government",
    "authorities": "government",
    "officials": "government",
    "leadership": "government",
    "regime": "government",
    "administration": "government",
    "parliament": "parliament",
    "lawmakers": "parliament",
    "legislature": "parliament",
    "military": "military",
    "army": "military",
    "armed forces": "military",
    "forces": "military",
    "troops": "military",
    "soldiers": "military",
    "security forces": "military",
    "service members": "military",
    "servicemembers": "military",
    "military forces": "military",
    "navy": "navy",
    "air force": "air-force",
    "central bank": "central-bank",
    "embassy": "embassy",
    "judiciary": "judiciary",
    "police": "police",
}

PRONOUNS = {"he", "she", "him", "his", "her", "hers"}
PLURAL_REFS = (
    "the two countries",
    "both countries",
    "the two sides",
    "the two nations",
    "both sides",
    "the two states",
    "both nations",
    "the two governments",
)

# Named things the statistical NER takes for organisations or places but that are
# not actors (weapons, common nouns); their NER spans are not reported.
NOT_ENTITIES = frozenset(
    {
        "UAV",
        "UAVs",
        "drone",
        "drones",
        "S-300",
        "S-400",
        "Shahed-136",
        "Shahed-131",
        "Shahed",
        "Mohajer-6",
        "Su-35",
        "Su-35s",
        "F-35",
        "F-16",
        "F-16s",
        "HIMARS",
        "ATACMS",
        "Fateh-110",
        "Zolfaghar",
        "Lancet",
        "Geran-2",
        "Iskander",
        "Kalibr",
        "Kinzhal",
        "Patriot",
        "COVID-19",
        "Covid-19",
        "GIF",
        "CC",
    }
)
