"""Track which shipped lexicon terms staff edited, so syncs can update the others.

Before this field, syncs never changed an existing row, so any shipped row that is inactive or
was saved after it was created was changed by staff: those are marked edited and kept as they
are. The rest follow the shipped weights from the next sync on.
"""

from datetime import timedelta

from django.db import migrations, models
from django.db.models import F, Q


def _mark_staff_edits(apps, schema_editor):
    LexiconTerm = apps.get_model("news", "LexiconTerm")
    LexiconTerm.objects.using(schema_editor.connection.alias).filter(origin="default").filter(
        Q(is_active=False) | Q(updated_at__gt=F("created_at") + timedelta(seconds=1))
    ).update(edited_by_staff=True)


class Migration(migrations.Migration):
    dependencies = [("news", "0002_article_fingerprint_numpy_minhash")]

    operations = [
        migrations.AddField(
            model_name="lexiconterm",
            name="edited_by_staff",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text=(
                    "A shipped term staff changed: updates of the shipped lexicon leave it alone."
                ),
                verbose_name="edited by staff",
            ),
        ),
        migrations.RunPython(_mark_staff_edits, migrations.RunPython.noop),
    ]
