"""Maximise the accepted meetings placed with OR-Tools CP-SAT.

The model decides only the slot of each meeting (a boolean per meeting and slot the two
people can both attend): at most one slot per meeting, at most one meeting per person and
slot, at most as many meetings per slot as there are tables. Tables are interchangeable, so
`assign_tables` completes the answer.

Two phases, because a single weighted objective made the search markedly slower: first the
number placed is maximised (hinted with the greedy answer), then, with that number fixed, the
must-meet weight. The better of solver and greedy is returned, so the answer is never worse
than the baseline even when time runs out; when greedy already reaches an upper bound the
solver is not run at all.
"""

from __future__ import annotations

import time
from collections import defaultdict

from ortools.sat.python import cp_model

from taimei.events.scheduling.greedy import schedule_greedy
from taimei.events.scheduling.problem import Problem, Schedule, assign_tables


def upper_bound(problem: Problem) -> int:
    """A cheap bound: meetings, table-slots, and each person's free slots all cap the answer."""
    degree: dict[int, int] = defaultdict(int)
    for meeting in problem.meetings:
        if meeting.a != meeting.b:
            degree[meeting.a] += 1
            degree[meeting.b] += 1
    seats = sum(
        min(n, sum(1 for slot in problem.slots if problem.is_free(person, slot)))
        for person, n in degree.items()
    )
    return min(sum(degree.values()) // 2, len(problem.slots) * len(problem.tables), seats // 2)


class _Model:
    """The CP-SAT variables of one problem."""

    def __init__(self, problem: Problem) -> None:
        fixed = problem.usable_fixed()
        self.model = cp_model.CpModel()
        self.choice: dict[tuple[int, int], cp_model.IntVar] = {}
        self.weighted: list[tuple[int, cp_model.IntVar]] = []
        per_person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        per_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        for meeting in problem.meetings:
            kept = fixed.get(meeting.id)
            if meeting.a == meeting.b:
                continue
            slots = [kept.slot] if kept else self._common_slots(problem, meeting.a, meeting.b)
            options = []
            for slot in slots:
                var = self.model.new_bool_var(f"m{meeting.id}s{slot}")
                self.choice[meeting.id, slot] = var
                per_person_slot[meeting.a, slot].append(var)
                per_person_slot[meeting.b, slot].append(var)
                per_slot[slot].append(var)
                options.append(var)
            if kept:
                self.model.add(options[0] == 1)
            elif options:
                self.model.add_at_most_one(options)
            if meeting.weight:
                self.weighted.extend((meeting.weight, var) for var in options)
        for variables in per_person_slot.values():
            if len(variables) > 1:
                self.model.add_at_most_one(variables)
        for variables in per_slot.values():
            if len(variables) > len(problem.tables):
                self.model.add(sum(variables) <= len(problem.tables))

    @staticmethod
    def _common_slots(problem: Problem, a: int, b: int) -> list[int]:
        return [s for s in problem.slots if problem.is_free(a, s) and problem.is_free(b, s)]

    def hint(self, slot_of: dict[int, int]) -> None:
        self.model.clear_hints()
        for (meeting_id, slot), var in self.choice.items():
            self.model.add_hint(var, 1 if slot_of.get(meeting_id) == slot else 0)

    def solve(
        self, seconds: float, workers: int
    ) -> tuple[cp_model.CpSolverStatus, dict[int, int] | None]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(seconds, 0.5)
        solver.parameters.num_workers = workers
        status = solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return status, None
        return status, {mid: slot for (mid, slot), var in self.choice.items() if solver.value(var)}


def schedule_cpsat(problem: Problem, *, time_limit: float = 20.0, workers: int = 2) -> Schedule:
    """The best schedule CP-SAT proves or finds within about `time_limit` seconds."""
    started = time.perf_counter()
    baseline = schedule_greedy(problem)
    if baseline.placed >= upper_bound(problem) and not any(m.weight for m in problem.meetings):
        return Schedule(baseline.placements, "greedy", "optimal (bound)", baseline.seconds)
    greedy_slots = {mid: placement.slot for mid, placement in baseline.placements.items()}
    state = _Model(problem)
    state.hint(greedy_slots)
    state.model.maximize(sum(state.choice.values()))
    status, slot_of = state.solve(time_limit * 0.75, workers)
    if slot_of is None or len(slot_of) < baseline.placed:
        return Schedule(
            baseline.placements,
            "greedy",
            "solver found no better answer in time; greedy kept",
            time.perf_counter() - started,
        )
    proven = status == cp_model.OPTIMAL
    if state.weighted:
        state.model.add(sum(state.choice.values()) == len(slot_of))
        state.model.maximize(sum(weight * var for weight, var in state.weighted))
        state.hint(slot_of)
        remaining = time_limit - (time.perf_counter() - started)
        weight_status, weighted = state.solve(remaining, workers)
        if weighted is not None:
            slot_of = weighted
            proven = proven and weight_status == cp_model.OPTIMAL
    return Schedule(
        placements=assign_tables(problem, slot_of),
        solver="cp-sat",
        status="optimal" if proven else "feasible",
        seconds=time.perf_counter() - started,
    )
