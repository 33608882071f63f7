"""Near-duplicates against what is already stored, with the pipeline's own similarity rule.

`taimei.news.pipeline.dedupe` decides within one run; here every stored article keeps its
MinHash signature (`Article.fingerprint`), so a batch loads signatures, not texts, into an LSH
index and only re-reads the few candidate texts for the exact check (`dedupe.same_story`).
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from django.utils import timezone

from taimei.news import conf
from taimei.news.models import Article
from taimei.news.pipeline import dedupe
from taimei.news.pipeline.document import Document


def _hashes(title: str, text: str) -> dedupe.Hashes:
    # The same key `NearDuplicateIndex.add` shingles, so stored and in-run decisions agree.
    return dedupe.shingle_hashes(dedupe.shingle_key(f"{title}\n{text}"))


class DuplicateFinder:
    """Stored articles of the last `duplicate_window_days`, searchable for the same story."""

    def __init__(self) -> None:
        self._bands: dedupe.BandIndex[int] | None = None
        self._signatures: dict[int, dedupe.Signature] = {}
        self._sizes: dict[int, int] = {}

    @staticmethod
    def fingerprint(document: Document) -> list[int]:
        """The signature stored with the article made from `document`."""
        return DuplicateFinder.fingerprint_of(document.title, document.text)

    @staticmethod
    def fingerprint_of(title: str, text: str) -> list[int]:
        """The stored signature: shingle count, then the MinHash values (empty: text too short)."""
        hashes = _hashes(title, text)
        if not len(hashes):
            return []
        return [len(hashes), *dedupe.signature(hashes).tolist()]

    def _index(self) -> dedupe.BandIndex[int]:
        if self._bands is None:
            self._bands = dedupe.BandIndex()
            since = timezone.now() - timedelta(days=conf.duplicate_window_days())
            rows = Article.objects.filter(created_at__gte=since).values_list("pk", "fingerprint")
            for pk, values in rows.iterator(chunk_size=500):
                self._insert(pk, values)
        return self._bands

    def _insert(self, pk: int, values: list[int]) -> None:
        # Fingerprints of another length come from an older scheme (migration 0002 rewrites them).
        if self._bands is not None and len(values) == dedupe.NUM_PERM + 1:
            signature = np.array(values[1:], dtype=np.uint32)
            self._signatures[pk] = signature
            self._sizes[pk] = int(values[0])
            self._bands.insert(pk, signature)

    def find(self, document: Document) -> int | None:
        """The oldest stored article that tells the same story as `document`, or None."""
        hashes = _hashes(document.title, document.text)
        if not len(hashes):
            return None
        signature = dedupe.signature(hashes)
        candidates = [
            pk
            for pk in self._index().query(signature)
            if dedupe.plausible(signature, self._signatures[pk], (len(hashes), self._sizes[pk]))
        ]
        if not candidates:
            return None
        texts = Article.objects.filter(pk__in=candidates).values_list("pk", "title", "text")
        for pk, title, text in sorted(texts):
            if dedupe.same_story(hashes, _hashes(title, text)):
                return int(pk)
        return None

    def add(self, pk: int, fingerprint: list[int]) -> None:
        """Make a just-stored article findable by the rest of the batch."""
        if self._bands is not None and pk not in self._signatures:
            self._insert(pk, fingerprint)
