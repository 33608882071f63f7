from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
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


def test_every_declared_task_is_found_in_a_fresh_serving_process(tmp_path):
    """`taimei serve` imports no tasks module of its own: the ticker must find them all."""
    script = textwrap.dedent(
        """
        import json, os, django
        os.environ["DJANGO_SETTINGS_MODULE"] = "taimei.config.settings"
        django.setup()
        from taimei.config.celery import app
        from taimei.operations.ticker import PeriodicTicker
        ticker = PeriodicTicker()
        tasks = [spec["task"] for spec in ticker.schedule.values()]
        print(json.dumps({"declared": tasks, "missing": [t for t in tasks if t not in app.tasks]}))
        """
    )
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TAIMEI_VAR_DIR": str(tmp_path)},
    )
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    assert "taimei.news.tasks.poll_feeds" in found["declared"]
    assert found["missing"] == []
