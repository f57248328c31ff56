"""The GIN index of the document search on PostgreSQL (nothing on SQLite, which searches by
substring). Its expression is the one ``selectors._DocumentVector`` writes, so searches use it."""

from django.db import migrations

INDEX = "document_search_gin"
CREATE = f"""
CREATE INDEX IF NOT EXISTS {INDEX} ON documents_document USING gin (
    (setweight(to_tsvector('simple'::regconfig, search_title), 'A') ||
     setweight(to_tsvector('simple'::regconfig, search_body), 'B'))
)
"""
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_documents_and_attachments")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
