from __future__ import annotations

import threading

from taimei.operations.ticker import PeriodicTicker


def test_ticker_runs_each_task_on_its_own_interval():
    calls: list[str] = []
    enough = threading.Event()

    def run(task: str) -> None:
        calls.append(task)
        if calls.count("fast") >= 3:
            enough.set()

    ticker = PeriodicTicker(
        {"fast": {"task": "fast", "every": 0.05}, "slow": {"task": "slow", "every": 60}},
        first_delay=0,
        run=run,
    )
    ticker.start()
    assert enough.wait(5), "the fast task ran three times"
    ticker.stop()
    ticker.join(2)

    assert not ticker.is_alive()
    assert calls.count("slow") == 1, "the slow task ran once, at start, and waits its interval"


def test_a_failing_task_does_not_stop_the_ticker():
    from taimei.operations import ticker as module

    ran = threading.Event()
    attempts: list[str] = []

    def boom(task: str) -> None:
        attempts.append(task)
        if len(attempts) >= 2:
            ran.set()
        module._run_task("no.such.task")  # unknown task: logged, not raised

    t = PeriodicTicker({"x": {"task": "x", "every": 0.01}}, first_delay=0, run=boom)
    t.start()
    assert ran.wait(5)
    t.stop()
    t.join(2)
