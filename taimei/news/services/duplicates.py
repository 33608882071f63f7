"""Near-duplicates against what is already stored, with the pipeline's own similarity rule.

`taimei.news.pipeline.dedupe` decides within one run; here every stored article keeps its
MinHash signature (`Article.fingerprint`), so a batch loads signatures, not texts, into an LSH
index and only re-reads the few candidate texts for the exact check (`dedupe.same_story`).
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH
from django.utils import timezone

from taimei.news import conf
from taimei.news.models import Article
from taimei.news.pipeline import dedupe
from taimei.news.pipeline.document import Document

# Stored signatures are only comparable with signatures made by the same hashing scheme.
SCHEME = "affine32"


def _key_text(title: str, text: str) -> str:
    # The same key `NearDuplicateIndex.add` shingles, so stored and in-run decisions agree.
    return f"{title}\n{text}"


def _signature(grams: set[str]) -> MinHash:
    signature = MinHash(num_perm=dedupe.NUM_PERM, scheme=SCHEME)
    signature.update_batch([gram.encode("utf-8") for gram in grams])
    return signature


# LSH candidates whose signatures agree on fewer positions than this (estimated Jaccard) are
# its false positives: skip re-reading their text. A copy trimmed to a third of the story still
# estimates about 0.3; smaller fragments are beyond what LSH at its threshold finds anyway.
PREFILTER = 0.15


class DuplicateFinder:
    """Stored articles of the last `duplicate_window_days`, searchable for the same story."""

    def __init__(self) -> None:
        self._lsh: MinHashLSH | None = None
        self._signatures: dict[int, np.ndarray] = {}

    @staticmethod
    def fingerprint(document: Document) -> list[int]:
        """The MinHash signature stored with an article (empty when the text is too short)."""
        grams = dedupe.shingles(_key_text(document.title, document.text))
        if not grams:
            return []
        return [int(value) for value in _signature(grams).hashvalues]

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=dedupe.LSH_THRESHOLD, num_perm=dedupe.NUM_PERM)
            since = timezone.now() - timedelta(days=conf.duplicate_window_days())
            rows = Article.objects.filter(created_at__gte=since).values_list("pk", "fingerprint")
            for pk, values in rows.iterator(chunk_size=500):
                self._insert(pk, values)
        return self._lsh

    def _insert(self, pk: int, values: list[int]) -> None:
        if self._lsh is not None and len(values) == dedupe.NUM_PERM:
            hashvalues = np.array(values, dtype=np.uint32)
            self._signatures[pk] = hashvalues
            self._lsh.insert(
                pk, MinHash(num_perm=dedupe.NUM_PERM, hashvalues=hashvalues, scheme=SCHEME)
            )

    def find(self, document: Document) -> int | None:
        """The oldest stored article that tells the same story as `document`, or None."""
        grams = dedupe.shingles(_key_text(document.title, document.text))
        if not grams:
            return None
        signature = _signature(grams)
        candidates = [
            pk
            for pk in self._index().query(signature)
            if float(np.mean(self._signatures[pk] == signature.hashvalues)) >= PREFILTER
        ]
        texts = Article.objects.filter(pk__in=candidates).values_list("pk", "title", "text")
        for pk, title, text in sorted(texts):
            if dedupe.same_story(grams, dedupe.shingles(_key_text(title, text))):
                return int(pk)
        return None

    def add(self, pk: int, fingerprint: list[int]) -> None:
        """Make a just-stored article findable by the rest of the batch."""
        if self._lsh is not None and pk not in self._lsh:
            self._insert(pk, fingerprint)
