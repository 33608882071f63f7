"""The PostgreSQL backend's table (created only on PostgreSQL; SQLite uses the embedded index).

Text is segmented and script-folded in Python and stored as a ready-made tsvector (names
weighted A, title B, body D), so the `simple` configuration's parser never sees Chinese.
"""

from django.db import migrations

CREATE = """
CREATE TABLE IF NOT EXISTS search_document (
    doc_id text PRIMARY KEY,
    visibility text NOT NULL,
    facets text[] NOT NULL DEFAULT '{}',
    name_keys text[] NOT NULL DEFAULT '{}',
    fresh timestamptz NULL,
    vector tsvector NOT NULL,
    payload jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS search_document_vector ON search_document USING gin (vector);
CREATE INDEX IF NOT EXISTS search_document_facets ON search_document USING gin (facets);
"""
DROP = "DROP TABLE IF EXISTS search_document;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
