"""The opportunity vocabularies (DESIGN.md, capability 4): kinds, statuses, currencies.

Kinds carry both labels as data like the core taxonomy, so filters, the importer and the API
read one definition.
"""

from __future__ import annotations

from taimei.core.taxonomy import Term, Vocabulary

OPPORTUNITY_KINDS = Vocabulary(
    "opportunity kinds",
    [
        Term("sourcing-request", "採購需求", "Sourcing request"),
        Term("supply-offer", "供貨提案", "Supply offer"),
        Term("investment-seeking", "尋求投資", "Seeking investment"),
        Term("investment-offer", "投資提案", "Investment offer"),
        Term("procurement-tender", "政府採購標案", "Procurement tender"),
        Term("partnership", "合作夥伴", "Partnership"),
        Term("job", "職缺", "Job"),
        Term("talent-seeking", "人才招募", "Talent seeking"),
        Term("startup-fundraising", "新創募資", "Startup fundraising"),
    ],
)

CURRENCIES = Vocabulary(
    "currencies",
    [
        Term("TWD", "新臺幣", "New Taiwan dollar"),
        Term("USD", "美元", "U.S. dollar"),
    ],
)


def kind_choices() -> list[tuple[str, str]]:
    return OPPORTUNITY_KINDS.choices


def currency_choices() -> list[tuple[str, str]]:
    return CURRENCIES.choices
