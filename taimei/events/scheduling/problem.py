"""The scheduling problem and its answer, as plain immutable data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Meeting:
    """An accepted 1:1 meeting between participants `a` and `b` that needs a slot and a table.

    `weight` ranks meetings that matter more (a "must meet" mark) among solutions that place
    the same number of meetings; it never trades one placed meeting for another.
    """

    id: int
    a: int
    b: int
    weight: int = 0


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and when a meeting happens."""

    slot: int
    table: int


@dataclass(frozen=True)
class Problem:
    """Slots (chronological), tables, accepted meetings and who is unavailable when.

    `fixed` holds placements to keep as they are (a stable re-plan: people who already have an
    agenda keep it); a fixed placement that no longer fits is dropped by `usable_fixed`.
    """

    slots: tuple[int, ...]
    tables: tuple[int, ...]
    meetings: tuple[Meeting, ...]
    unavailable: Mapping[int, frozenset[int]] = field(default_factory=dict)
    fixed: Mapping[int, Placement] = field(default_factory=dict)

    def is_free(self, participant: int, slot: int) -> bool:
        return slot not in self.unavailable.get(participant, frozenset())

    def usable_fixed(self) -> dict[int, Placement]:
        """The fixed placements that still respect slots, tables, availability and clashes."""
        slots, tables = set(self.slots), set(self.tables)
        by_id = {meeting.id: meeting for meeting in self.meetings}
        kept: dict[int, Placement] = {}
        busy: set[tuple[int, int]] = set()
        taken: set[tuple[int, int]] = set()
        for meeting_id, placement in sorted(self.fixed.items()):
            meeting = by_id.get(meeting_id)
            if meeting is None or placement.slot not in slots or placement.table not in tables:
                continue
            people = ((meeting.a, placement.slot), (meeting.b, placement.slot))
            if (placement.slot, placement.table) in taken or any(p in busy for p in people):
                continue
            if not all(self.is_free(person, slot) for person, slot in people):
                continue
            kept[meeting_id] = placement
            busy.update(people)
            taken.add((placement.slot, placement.table))
        return kept


@dataclass(frozen=True)
class Schedule:
    """The solver's answer: placements by meeting id, and how it got there."""

    placements: dict[int, Placement]
    solver: str
    status: str
    seconds: float

    @property
    def placed(self) -> int:
        return len(self.placements)


def assign_tables(problem: Problem, slot_of: Mapping[int, int]) -> dict[int, Placement]:
    """Give each meeting in `slot_of` a table: fixed meetings keep theirs, others fill gaps.

    Tables are interchangeable, so a slot-only solution becomes a full one whenever no slot
    holds more meetings than there are tables.
    """
    fixed = problem.usable_fixed()
    placements: dict[int, Placement] = {}
    used: dict[int, set[int]] = {slot: set() for slot in problem.slots}
    for meeting_id, slot in slot_of.items():
        kept = fixed.get(meeting_id)
        if kept is not None and kept.slot == slot:
            placements[meeting_id] = kept
            used[slot].add(kept.table)
    for meeting_id, slot in sorted(slot_of.items()):
        if meeting_id in placements:
            continue
        table = next(t for t in problem.tables if t not in used[slot])
        used[slot].add(table)
        placements[meeting_id] = Placement(slot=slot, table=table)
    return placements
