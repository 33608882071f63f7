"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages_by_default():
    """Tests compare messages in English unless they switch language on purpose."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_under_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
