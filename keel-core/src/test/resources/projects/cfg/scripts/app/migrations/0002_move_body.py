from django.db import migrations


def move(apps, schema_editor):
    print("moving bodies")


class Migration(migrations.Migration):
    operations = [migrations.RunPython(move)]
