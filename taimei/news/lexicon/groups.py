"""The shape of a term list: slug → ((weight, terms), …)."""

from __future__ import annotations

Groups = dict[str, tuple[tuple[float, tuple[str, ...]], ...]]
