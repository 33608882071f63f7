from __future__ import annotations

import socket

import pytest
from django.core.management import CommandError, call_command


def test_a_taken_port_is_one_clear_error_and_starts_nothing(monkeypatch):
    started: list[str] = []
    monkeypatch.setattr(
        "taimei.operations.management.commands.serve.PeriodicTicker.start",
        lambda self: started.append("ticker"),
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match=rf"{port}.*--port"):
            call_command("serve", host="127.0.0.1", port=port)
    assert started == []
