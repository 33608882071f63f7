"""The baseline: place meetings one by one in the earliest slot that still fits."""

from __future__ import annotations

import time

from taimei.events.scheduling.problem import Problem, Schedule, assign_tables


def schedule_greedy(problem: Problem) -> Schedule:
    """First fit: must-meet meetings first, then by id (request order); fixed ones stay put."""
    started = time.perf_counter()
    fixed = problem.usable_fixed()
    busy: set[tuple[int, int]] = set()
    load = dict.fromkeys(problem.slots, 0)
    slot_of: dict[int, int] = {}
    by_id = {meeting.id: meeting for meeting in problem.meetings}
    for meeting_id, placement in fixed.items():
        meeting = by_id[meeting_id]
        slot_of[meeting_id] = placement.slot
        busy.update({(meeting.a, placement.slot), (meeting.b, placement.slot)})
        load[placement.slot] += 1
    capacity = len(problem.tables)
    for meeting in sorted(problem.meetings, key=lambda m: (-m.weight, m.id)):
        if meeting.id in slot_of or meeting.a == meeting.b:
            continue
        for slot in problem.slots:
            if (
                load[slot] < capacity
                and (meeting.a, slot) not in busy
                and (meeting.b, slot) not in busy
                and problem.is_free(meeting.a, slot)
                and problem.is_free(meeting.b, slot)
            ):
                slot_of[meeting.id] = slot
                busy.update({(meeting.a, slot), (meeting.b, slot)})
                load[slot] += 1
                break
    return Schedule(
        placements=assign_tables(problem, slot_of),
        solver="greedy",
        status="heuristic",
        seconds=time.perf_counter() - started,
    )
