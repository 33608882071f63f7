"""Seed the three policies the alliance follows from day one (DESIGN.md, capability 6)."""

from django.db import migrations

SEEDS = [
    {
        "label_zh": "232條款",
        "label_en": "Section 232",
        "terms": ["232條款", "232条款", "232關稅", "232关税", "232調查", "232调查", "Section 232"],
        "position": 10,
    },
    {
        "label_zh": "對等關稅",
        "label_en": "Reciprocal tariffs",
        "terms": ["對等關稅", "对等关税", "reciprocal tariff"],
        "position": 20,
    },
    {
        "label_zh": "避免雙重課稅協定（ADTA）",
        "label_en": "ADTA (double-taxation relief)",
        "terms": [
            "ADTA",
            "避免雙重課稅",
            "避免双重课税",
            "雙重課稅",
            "双重课税",
            "double taxation",
        ],
        "position": 30,
    },
]


def seed(apps, schema_editor):
    WatchTerm = apps.get_model("dashboard", "WatchTerm")
    for values in SEEDS:
        WatchTerm.objects.get_or_create(label_en=values["label_en"], defaults=values)


def unseed(apps, schema_editor):
    WatchTerm = apps.get_model("dashboard", "WatchTerm")
    WatchTerm.objects.filter(label_en__in=[values["label_en"] for values in SEEDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("dashboard", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
