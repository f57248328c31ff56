from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from qingshan.core.audit import log_read
from qingshan.core.translations import untranslated_entries
from tests.factories import StudentFactory, UserFactory


def test_every_zh_hans_string_is_translated() -> None:
    path = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"

    assert untranslated_entries(path) == []


def test_the_checker_finds_empty_and_fuzzy_entries(tmp_path: Path) -> None:
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n\n'
        'msgid "done"\nmsgstr "完成"\n\n'
        'msgid "empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "guessed"\nmsgstr "猜的"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\n',
        encoding="utf-8",
    )

    assert untranslated_entries(catalogue) == ["empty", "guessed", "one"]


def test_reading_a_confidential_record_is_logged_with_who_and_where(school: Any) -> None:
    student = StudentFactory(school=school)
    reader = UserFactory()

    entry = log_read(obj=student, actor=reader, remote_addr="10.1.2.3")

    assert (entry.action, entry.actor, entry.remote_addr) == (
        LogEntry.Action.ACCESS,
        reader,
        "10.1.2.3",
    )
    assert entry.additional_data == {"school_id": school.pk}


def test_pruning_keeps_entries_younger_than_180_days_whatever_the_setting(
    school: Any, settings: Any
) -> None:
    settings.QS_AUDIT_RETENTION_DAYS = 30
    student = StudentFactory(school=school)
    old = log_read(obj=student, actor=None)
    recent = log_read(obj=student, actor=None)
    LogEntry.objects.filter(pk=old.pk).update(timestamp=timezone.now() - dt.timedelta(days=181))
    LogEntry.objects.filter(pk=recent.pk).update(timestamp=timezone.now() - dt.timedelta(days=179))

    call_command("prune_audit_log", stdout=StringIO())

    assert not LogEntry.objects.filter(pk=old.pk).exists()
    assert LogEntry.objects.filter(pk=recent.pk).exists()
