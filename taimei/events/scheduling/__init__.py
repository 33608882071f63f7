"""B2B meeting scheduling: pure functions over plain data, no database access.

`problem` defines the input and output types, `greedy` the baseline, `cpsat` the OR-Tools
CP-SAT solver that maximises the accepted meetings placed, `validate` an independent checker
that shares no code with either solver. The events services translate models to a `Problem`
and write the resulting placements back.
"""

from taimei.events.scheduling.cpsat import schedule_cpsat
from taimei.events.scheduling.greedy import schedule_greedy
from taimei.events.scheduling.problem import Meeting, Placement, Problem, Schedule
from taimei.events.scheduling.validate import validate_schedule

__all__ = [
    "Meeting",
    "Placement",
    "Problem",
    "Schedule",
    "schedule_cpsat",
    "schedule_greedy",
    "validate_schedule",
]
