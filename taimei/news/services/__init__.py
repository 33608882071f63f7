"""News writes and the work around the pure pipeline: one module per concern.

- `options`: the pipeline's `Options` built from the database (directory, lexicon, settings);
- `lexicon`: the shipped lexicon synchronised into the staff-editable table;
- `store`: one processed document written as an article, atomically, idempotently;
- `ingest`: a batch of sources run through the pipeline and stored, with a report;
- `classify`: labels recomputed for stored articles (after lexicon edits);
- `polling`: feeds fetched with conditional GET and per-source back-off.
"""
