"""One-time keys kept only as keyed hashes (the keys already printed keep working); ratings given
while a campaign is open wait sealed until it closes."""

import django.db.models.deletion
from django.db import migrations, models

from qingshan.core.sealing import keyed_hash

KEY_PURPOSE = "rater key"  # as qingshan.evaluations.services.keys.KEY_PURPOSE


def hash_keys(apps, schema_editor):
    RaterToken = apps.get_model("evaluations", "RaterToken")
    tokens = list(RaterToken.objects.exclude(key=""))
    for token in tokens:
        token.key_hash = keyed_hash(KEY_PURPOSE, token.key)
    RaterToken.objects.bulk_update(tokens, ["key_hash"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_instruments_campaigns_anonymous_answers_followups"),
        ("organization", "0001_schools_people_and_structure"),
    ]

    operations = [
        migrations.AddField(
            model_name="ratertoken",
            name="key_hash",
            field=models.CharField(
                editable=False,
                max_length=64,
                null=True,
                unique=True,
                verbose_name="keyed hash of the key",
            ),
        ),
        migrations.RunPython(hash_keys, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="ratertoken", name="key"),
        migrations.CreateModel(
            name="SealedBallot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sealed", models.BinaryField(verbose_name="sealed rating")),
                (
                    "campaign",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sealed_ballots",
                        to="evaluations.campaign",
                        verbose_name="campaign",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organization.school",
                        verbose_name="school",
                    ),
                ),
            ],
            options={"verbose_name": "sealed rating", "verbose_name_plural": "sealed ratings"},
        ),
    ]
