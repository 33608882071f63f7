"""An independent check of a schedule against the rules, sharing no code with the solvers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


def validate_schedule(
    *,
    slots: Iterable[int],
    tables: Iterable[int],
    meetings: Mapping[int, tuple[int, int]],
    unavailable: Mapping[int, Iterable[int]],
    placements: Mapping[int, tuple[int, int]],
) -> list[str]:
    """Every broken rule, as readable sentences; an empty list means the schedule is valid.

    `meetings` maps each accepted meeting id to its two participants, `placements` maps a
    meeting id to (slot, table). Checked: only accepted meetings are placed, on slots and
    tables that exist; nobody is in two meetings at once; no table hosts two meetings at once;
    nobody meets in a slot they marked unavailable; nobody meets themselves.
    """
    slot_set, table_set = set(slots), set(tables)
    blocked = {person: set(busy) for person, busy in unavailable.items()}
    problems: list[str] = []
    people_in_slot: Counter[tuple[int, int]] = Counter()
    tables_in_slot: Counter[tuple[int, int]] = Counter()
    for meeting_id, (slot, table) in placements.items():
        pair = meetings.get(meeting_id)
        if pair is None:
            problems.append(f"meeting {meeting_id} is placed but not an accepted meeting")
            continue
        if slot not in slot_set:
            problems.append(f"meeting {meeting_id} is in unknown slot {slot}")
        if table not in table_set:
            problems.append(f"meeting {meeting_id} is at unknown table {table}")
        if pair[0] == pair[1]:
            problems.append(f"meeting {meeting_id} has the same person on both sides")
        tables_in_slot[slot, table] += 1
        for person in set(pair):
            people_in_slot[person, slot] += 1
            if slot in blocked.get(person, set()):
                problems.append(f"participant {person} is unavailable in slot {slot}")
    problems.extend(
        f"participant {person} has {n} meetings in slot {slot}"
        for (person, slot), n in sorted(people_in_slot.items())
        if n > 1
    )
    problems.extend(
        f"table {table} hosts {n} meetings in slot {slot}"
        for (slot, table), n in sorted(tables_in_slot.items())
        if n > 1
    )
    return problems
