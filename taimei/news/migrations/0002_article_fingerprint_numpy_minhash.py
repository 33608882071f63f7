"""Recompute every article's near-duplicate fingerprint with the numpy MinHash scheme.

Signatures of the former scheme (SHA-1 per shingle, 128 values) cannot be compared with the
new ones (shingle count, then 128 values), so they are rewritten from the stored text. The
pipeline's `dedupe` module is pure, so calling it from a migration is safe.
"""

from django.db import migrations


def _recompute(apps, schema_editor):
    from taimei.news.services.duplicates import DuplicateFinder

    Article = apps.get_model("news", "Article")
    rows = Article.objects.using(schema_editor.connection.alias).only("pk", "title", "text")
    batch = []
    for article in rows.iterator(chunk_size=500):
        article.fingerprint = DuplicateFinder.fingerprint_of(article.title, article.text)
        batch.append(article)
        if len(batch) >= 500:
            Article.objects.using(schema_editor.connection.alias).bulk_update(
                batch, ["fingerprint"]
            )
            batch = []
    if batch:
        Article.objects.using(schema_editor.connection.alias).bulk_update(batch, ["fingerprint"])


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(_recompute, migrations.RunPython.noop)]
