"""The pure scheduler: greedy baseline, CP-SAT and the independent validator."""

import random

import pytest

from taimei.events.scheduling import (
    Meeting,
    Placement,
    Problem,
    schedule_cpsat,
    schedule_greedy,
    validate_schedule,
)


def check(problem, schedule):
    return validate_schedule(
        slots=problem.slots,
        tables=problem.tables,
        meetings={m.id: (m.a, m.b) for m in problem.meetings},
        unavailable=problem.unavailable,
        placements={mid: (p.slot, p.table) for mid, p in schedule.placements.items()},
    )


def trap():
    """Greedy puts A–B in slot 0, which A–C needed (C is free only then)."""
    return Problem(
        slots=(0, 1),
        tables=(10,),
        meetings=(Meeting(1, a=1, b=2), Meeting(2, a=1, b=3)),
        unavailable={3: frozenset({1})},
    )


def test_greedy_falls_into_the_trap_and_the_solver_does_not():
    problem = trap()
    greedy, solved = schedule_greedy(problem), schedule_cpsat(problem, time_limit=5)
    assert greedy.placed == 1
    assert solved.placed == 2
    assert solved.placements[2].slot == 0 and solved.placements[1].slot == 1
    assert check(problem, greedy) == [] and check(problem, solved) == []


@pytest.mark.parametrize("seed", range(4))
def test_random_instances_are_valid_and_solver_never_worse(seed):
    rng = random.Random(seed)
    people = range(30)
    meetings = tuple(
        Meeting(i, a, b, weight=rng.randint(0, 1))
        for i, (a, b) in enumerate({tuple(rng.sample(people, 2)) for _ in range(120)})
    )
    unavailable = {p: frozenset(rng.sample(range(8), rng.randint(0, 4))) for p in people}
    problem = Problem(tuple(range(8)), tuple(range(5)), meetings, unavailable)
    greedy, solved = schedule_greedy(problem), schedule_cpsat(problem, time_limit=5)
    assert check(problem, greedy) == []
    assert check(problem, solved) == []
    assert solved.placed >= greedy.placed
    assert solved.placed <= len(problem.slots) * len(problem.tables)


def test_fixed_placements_stay_put_in_a_stable_replan():
    problem = Problem(
        slots=(0, 1, 2),
        tables=(7, 8),
        meetings=(Meeting(1, 1, 2), Meeting(2, 3, 4), Meeting(3, 1, 3)),
        fixed={1: Placement(2, 8), 2: Placement(2, 7)},
    )
    for schedule in (schedule_greedy(problem), schedule_cpsat(problem, time_limit=5)):
        assert schedule.placements[1] == Placement(2, 8)
        assert schedule.placements[2] == Placement(2, 7)
        assert schedule.placements[3].slot in (0, 1)


def test_a_fixed_placement_that_no_longer_fits_is_replanned():
    problem = Problem(
        slots=(0, 1),
        tables=(7,),
        meetings=(Meeting(1, 1, 2),),
        unavailable={2: frozenset({0})},
        fixed={1: Placement(0, 7)},
    )
    assert schedule_cpsat(problem, time_limit=5).placements[1] == Placement(1, 7)


def test_must_meet_weight_decides_between_equally_large_schedules():
    # One slot, one table: only one of the two meetings fits; the weighted one wins.
    problem = Problem(
        slots=(0,), tables=(1,), meetings=(Meeting(1, 1, 2), Meeting(2, 3, 4, weight=1))
    )
    assert set(schedule_cpsat(problem, time_limit=5).placements) == {2}


def test_validator_reports_every_kind_of_violation():
    problems = validate_schedule(
        slots=[0, 1],
        tables=[5],
        meetings={1: (1, 2), 2: (1, 3), 3: (4, 4)},
        unavailable={2: [0]},
        placements={1: (0, 5), 2: (0, 5), 3: (9, 6), 99: (1, 5)},
    )
    text = "\n".join(problems)
    assert "meeting 99 is placed but not an accepted meeting" in text
    assert "unknown slot 9" in text and "unknown table 6" in text
    assert "same person on both sides" in text
    assert "participant 2 is unavailable in slot 0" in text
    assert "participant 1 has 2 meetings in slot 0" in text
    assert "table 5 hosts 2 meetings in slot 0" in text


def test_no_capacity_means_nothing_placed_and_still_valid():
    problem = Problem(slots=(), tables=(1,), meetings=(Meeting(1, 1, 2),))
    assert schedule_cpsat(problem, time_limit=2).placed == 0
