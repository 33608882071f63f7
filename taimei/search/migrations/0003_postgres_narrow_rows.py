"""The PostgreSQL search table in a layout built for speed (PostgreSQL only; a no-op on SQLite).

- Narrow rows: the tsvector and the payload are stored out of line (STORAGE EXTERNAL, a low
  `toast_tuple_target`), so scanning the rows of many matches reads a few pages, and a
  vector is read (uncompressed) only to rank or recheck it.
- Facet counting reads two short text columns (`facet_doc`: kind, language, year and
  country; `facet_tags`: topics and industries) instead of unnesting an array per row, and
  samples huge results by `shard` (a stable hash of the document id, 0-255).
- GIN indexes with `fastupdate = off`: no pending list for every search to scan.

The table is derived data: it is re-created empty, and when the old one held documents a
row in `search_rebuild_needed` makes the next outbox drain rebuild it from the records.
"""

from django.db import migrations

CREATE = """
CREATE TABLE search_document (
    doc_id text PRIMARY KEY,
    visibility text NOT NULL,
    fresh timestamptz NULL,
    shard smallint NOT NULL,
    facets text[] NOT NULL DEFAULT '{}',
    facet_doc text NOT NULL DEFAULT '',
    facet_tags text NOT NULL DEFAULT '',
    name_keys text[] NOT NULL DEFAULT '{}',
    vector tsvector NOT NULL,
    payload jsonb NOT NULL
) WITH (toast_tuple_target = 512);
ALTER TABLE search_document
    ALTER COLUMN vector SET STORAGE EXTERNAL,
    ALTER COLUMN payload SET STORAGE EXTERNAL,
    ALTER COLUMN facets SET STORAGE MAIN,
    ALTER COLUMN facet_doc SET STORAGE MAIN,
    ALTER COLUMN facet_tags SET STORAGE MAIN,
    ALTER COLUMN name_keys SET STORAGE MAIN;
CREATE INDEX search_document_vector ON search_document USING gin (vector) WITH (fastupdate = off);
CREATE INDEX search_document_facets ON search_document USING gin (facets) WITH (fastupdate = off);
CREATE TABLE IF NOT EXISTS search_rebuild_needed (since timestamptz NOT NULL DEFAULT now());
"""
# The 0002 layout, for migrating backwards.
CREATE_0002 = """
CREATE TABLE search_document (
    doc_id text PRIMARY KEY,
    visibility text NOT NULL,
    facets text[] NOT NULL DEFAULT '{}',
    name_keys text[] NOT NULL DEFAULT '{}',
    fresh timestamptz NULL,
    vector tsvector NOT NULL,
    payload jsonb NOT NULL
);
CREATE INDEX search_document_vector ON search_document USING gin (vector);
CREATE INDEX search_document_facets ON search_document USING gin (facets);
"""


def _had_documents(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM search_document)")
        return bool(cursor.fetchone()[0])


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    had_documents = _had_documents(schema_editor)
    schema_editor.execute("DROP TABLE search_document")
    schema_editor.execute(CREATE)
    if had_documents:
        schema_editor.execute("INSERT INTO search_rebuild_needed DEFAULT VALUES")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TABLE search_document; DROP TABLE search_rebuild_needed")
    schema_editor.execute(CREATE_0002)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_documents")]
    operations = [migrations.RunPython(forward, backward)]
