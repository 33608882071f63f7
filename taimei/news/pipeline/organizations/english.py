"""English names of organisations that are not in the directory.

Three kinds of evidence, each enough on its own: a legal or organisational last word (Acme
Widgets Inc., Hudson Ledger Technologies); a government unit, with the state or country that owns
it (the Georgia Department of Agriculture, the Hsinchu County Government); a business described
beside its name ("The developer, Atlantic Shoreline Wind, …", "Acme Widgets, a Texas maker of
…") or a name ending in a sector word that acts like a business (Pacific Tea Trading said …).
"""

from __future__ import annotations

import re

from taimei.news.pipeline.organizations.patterns import Collector

# fmt: off
_US_STATES_EN = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
)
# Last words that make a capitalised name a business when it acts like one (said, signed, …).
_SECTOR_WORDS = (
    "Wind", "Solar", "Energy", "Steel", "Metals", "Quantum", "Robotics", "Automation", "Motors",
    "Mobility", "Foods", "Farms", "Agri", "Pharma", "Therapeutics", "Biosciences", "Biotech",
    "Medical", "MedTech", "Logistics", "Shipping", "Offshore", "Engineering", "Construction",
    "Builders", "Aerospace", "Airlines", "Dynamics", "Networks", "Telecom", "Semiconductors",
    "Materials", "Chemicals", "Analytics", "Software", "Ventures", "Capital", "Partners", "Labs",
    "Technology", "Tech", "Exports", "Trading", "Supply", "Fasteners", "Machinery", "Textiles",
    "Apparel", "Tea", "Coffee", "Beverages", "Insurance", "Securities", "Industries",
    "Manufacturing", "Solutions", "Devices", "Instruments", "Electric", "Precision", "Optics",
    "Photonics", "Batteries",
)
# Two-word names that are phrases, not businesses: Big Tech, Clean Energy, Offshore Wind.
_PHRASE_STARTS = frozenset({
    "Big", "Clean", "Green", "Renewable", "Offshore", "Onshore", "Advanced", "Federal", "National",
    "Social", "Domestic", "Foreign", "Local", "Global", "Chinese", "Taiwanese", "American",
    "Japanese", "Korean", "European", "Asian", "Critical", "Strategic", "High", "Low", "New",
    "Many", "Several", "Some", "Other", "Such", "Both", "All", "Its", "Their", "This", "That",
})
_COMPANY_NOUNS = (
    "company", "firm", "maker", "manufacturer", "supplier", "distributor", "exporter", "importer",
    "retailer", "startup", "start-up", "chipmaker", "automaker", "carmaker", "shipbuilder",
    "utility", "lender", "insurer", "conglomerate", "subsidiary", "foundry", "integrator",
    "consultancy",
)
# Nouns that also describe people ("a software developer"): only in "the developer, X,".
_ROLE_NOUNS = ("developer", "contractor", "producer", "builder", "operator", "provider", "vendor")
# fmt: on
_WORD = r"[A-Z][A-Za-z0-9&'’.-]*"
# Every alternative starts with a capital: the lookahead lets a scan of Chinese text skip the
# other positions in C instead of trying each alternative at each character.
_EN_ORG_RE = re.compile(
    r"(?=[A-Z])"
    rf"(?:\b((?:{_WORD}\s+){{0,4}}{_WORD}),?\s+"
    r"(Inc\.?|Corp\.?|Corporation|Co\.|Company|Ltd\.?|LLC|Group|Association|Council|Foundation"
    r"|Institute|University|Bank|Holdings|Technologies|Systems|Semiconductor|Electronics)(?![a-z])"
    rf"|\b((?:(?:U\.S\.|US|United States|Federal|{'|'.join(_US_STATES_EN)})\s+)?"
    r"(?:Department|Ministry|Bureau|University|Bank|Office) of (?:the )?"
    r"[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3})"
    r"|\b((?:[A-Z][a-z]+\s+){1,2}(?:City|County)\s+Government)"
    rf"|\b((?:{_WORD}\s+){{1,3}}(?:{'|'.join(_SECTOR_WORDS)}))"
    r"(?=,|['’]s\b|\s+(?:said|says|will|would|has|had|is|was|plans|signed|agreed|announced|won"
    r"|wins|builds|opened|opens|expects|must|declined|also)\b))"
)
# A business named next to what it is: "The developer, Atlantic Shoreline Wind, must …" and
# "Acme Widgets, a Texas maker of …". Fillers may not be prepositions, which would make the
# noun someone else's ("a spokeswoman for the company").
_NAME = rf"{_WORD}(?:\s+(?:of|and|&|{_WORD})){{0,5}}"
_FILLER = r"(?:(?!(?:for|of|at|with|from|in|on|to|by|who|that)\b)[\w.'’-]+\s+){0,4}?"
# The noun must head its phrase: "a company spokesman" describes a person.
_HEAD = r"(?=\s*(?:[,.;:)]|$)|\s+(?:of|in|from|based|that|which|whose|with|and|for)\b)"
_NOUN = rf"(?:{'|'.join(_COMPANY_NOUNS)})"
_ANY_NOUN = rf"(?:{'|'.join(_COMPANY_NOUNS + _ROLE_NOUNS)})"
_APPOSITIVE_RE = re.compile(
    r"(?=[A-Zti])"  # the first letters of the alternatives (see _EN_ORG_RE)
    rf"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+{_FILLER}{_ANY_NOUN},\s+({_NAME}),"
    rf"|(?<![\w'’.-])({_NAME}),\s+(?:a|an|the)\s+{_FILLER}{_NOUN}{_HEAD})"
)
# Words that open a sentence before a name ("Yesterday Acme Robotics said").
# fmt: off
_EN_STOP = frozenset({
    "The", "A", "An", "In", "On", "At", "By", "For", "And", "But", "With", "As", "Yesterday",
    "Today", "Meanwhile", "However", "Also", "Separately", "Earlier", "Later", "Last", "Next",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "When", "While",
    "After", "Before", "Since", "If", "Both", "Then", "Now", "Its", "Their", "This", "That",
})
# fmt: on


def english_pass(collector: Collector) -> None:
    """Acme Corp., the Georgia Department of Agriculture, Atlantic Shoreline Wind said …"""
    for match in _APPOSITIVE_RE.finditer(collector.text):
        group = 1 if match.group(1) else 2
        _add_english(collector, *match.span(group), appositive=True)
    for match in _EN_ORG_RE.finditer(collector.text):
        _add_english(collector, match.start(), match.end(), appositive=False)


def _add_english(collector: Collector, start: int, end: int, *, appositive: bool) -> None:
    """Claim text[start:end] as an English organisation name, without a leading article."""
    text = collector.text
    words = text[start:end].split()
    while words and words[0] in _EN_STOP:
        start += len(words.pop(0)) + 1
        while start < end and text[start] == " ":
            start += 1
    if len(words) == 2 and words[0] in _PHRASE_STARTS:
        return
    # One word will do beside "the developer," when it is shaped like a brand (TrueShield, AIDC).
    branded = len(words) == 1 and appositive and _is_brand(words[0])
    if start < end and collector.free(start, end) and (len(words) >= 2 or branded):
        collector.add(start, end, collector.resolve(collector.folded[start:end]))


def _is_brand(word: str) -> bool:
    """CamelCase (TrueShield) or an acronym of three or more capitals (AIDC)."""
    return any(c.isupper() for c in word[1:]) and (len(word) >= 3) and word not in _EN_STOP
