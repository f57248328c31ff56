"""QR slips of every class of a campaign in one file, made in the background (django-tasks; the
immediate backend in tests), with the progress on the page and one download."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core.errors import DomainError
from qingshan.evaluations import tasks
from qingshan.evaluations.enums import InstrumentKind, SlipBatchStatus
from qingshan.evaluations.models import Campaign, RaterToken, SlipBatch
from qingshan.evaluations.selectors.rating import token_for_key
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.services import slips as services
from qingshan.evaluations.services.keys import issue_keys
from qingshan.evaluations.services.library import install_instrument
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(school: Any) -> Campaign:
    """A prepared campaign: one teacher rated by two classes of three students each."""
    term = factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    teacher = factories.StaffFactory(school=school)
    for name in ("13机电1班", "13财会1班"):
        school_class = factories.SchoolClassFactory(school=school, name=name)
        factories.TeachingAssignmentFactory(
            school=school, term=term, school_class=school_class, teacher=teacher
        )
        for _n in range(3):
            factories.StudentFactory(
                school=school, school_class=school_class, enrolled_on=dt.date(2012, 9, 1)
            )
    now = timezone.now()
    campaign = campaigns.create_campaign(
        school=school,
        instrument=install_instrument(school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS),
        term=term,
        name="2013秋评教",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=7),
    )
    return campaigns.prepare_campaign(campaign=campaign)


@pytest.fixture
def secretary(school: Any, client_for: Any) -> Client:
    return client_for(Role.SECRETARY, school)


def _pages(pdf: bytes) -> int:
    """The pages of a PDF, its object streams inflated.

    A stream is inflated as far as it goes: its compressed bytes may end in a carriage
    return that the pattern takes as part of the line end, and a strict inflate would
    then drop the whole stream (one run in about 256).
    """
    text = pdf
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, flags=re.DOTALL):
        try:
            text += zlib.decompressobj().decompress(stream)
        except zlib.error:
            continue
    return len(re.findall(rb"/Type\s*/Page\b", text))


def _drawn_keys(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Keep the keys the task draws, to try them as a rater would."""
    drawn: list[Any] = []
    original = tasks.draw_keys

    def keep(**kwargs: Any) -> Any:
        found = original(**kwargs)
        drawn.extend(found)
        return found

    monkeypatch.setattr(tasks, "draw_keys", keep)
    return drawn


def test_every_class_is_made_in_one_file_downloaded_once(
    campaign: Campaign, secretary: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_key = issue_keys(tokens=RaterToken.objects.filter(campaign=campaign)[:1])[0].key
    drawn = _drawn_keys(monkeypatch)

    secretary.post(reverse("evaluations:slips_all", args=[campaign.pk]))
    batch = SlipBatch.objects.get(campaign=campaign)
    page = secretary.get(reverse("evaluations:qr_sheets", args=[campaign.pk])).content.decode()
    first = secretary.post(reverse("evaluations:slip_batch_download", args=[campaign.pk, batch.pk]))
    second = secretary.post(
        reverse("evaluations:slip_batch_download", args=[campaign.pk, batch.pk]), follow=True
    )

    assert (batch.status, batch.classes_done, batch.classes_total, batch.slips) == (
        SlipBatchStatus.READY,
        2,
        2,
        6,
    )
    assert 'data-status="ready"' in page and "Download the slips (PDF)" in page
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    pdf = b"".join(first.streaming_content) if first.streaming else first.content
    assert pdf.startswith(b"%PDF")
    assert _pages(pdf) == 2  # each class on a page of its own
    assert "downloaded already" in second.content.decode()
    assert SlipBatch.objects.get(pk=batch.pk).status == SlipBatchStatus.COLLECTED
    assert token_for_key(old_key) is None  # the new file's keys replaced the old ones
    assert len(drawn) == 6 and all(token_for_key(item.key) is not None for item in drawn)


def test_the_file_is_kept_sealed_until_it_is_downloaded(
    campaign: Campaign, secretary: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _drawn_keys(monkeypatch)

    secretary.post(reverse("evaluations:slips_all", args=[campaign.pk]))

    batch = SlipBatch.objects.get(campaign=campaign)
    with batch.sealed_file.open("rb") as handle:
        stored = handle.read()
    assert not stored.startswith(b"%PDF")
    assert not any(item.key.encode() in stored for item in drawn)


def test_a_failed_file_changes_no_key_and_says_so(
    campaign: Campaign, secretary: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_key = issue_keys(tokens=RaterToken.objects.filter(campaign=campaign)[:1])[0].key

    def broken(**kwargs: Any) -> Any:
        raise OSError("no fonts")

    monkeypatch.setattr(tasks, "bind", broken)

    secretary.post(reverse("evaluations:slips_all", args=[campaign.pk]))
    page = secretary.get(reverse("evaluations:qr_sheets", args=[campaign.pk])).content.decode()

    batch = SlipBatch.objects.get(campaign=campaign)
    assert batch.status == SlipBatchStatus.FAILED and not batch.sealed_file
    assert token_for_key(old_key) is not None
    assert "no slip has changed" in page


def test_the_page_polls_the_progress_while_the_file_is_being_made(
    campaign: Campaign, secretary: Client
) -> None:
    batch = services.request_slips(campaign=campaign, link_base="https://example.org/r/")
    url = reverse("evaluations:slip_batch", args=[campaign.pk, batch.pk])

    partial = secretary.get(url, headers={"HX-Request": "true"}).content.decode()

    assert "<html" not in partial
    assert f'hx-get="{url}"' in partial and 'hx-trigger="load delay:2s"' in partial
    assert "0 of 2 classes laid out." in partial
    assert re.search(r'<progress value="0" max="2"', partial)


def test_the_progress_stops_polling_once_the_file_is_ready(
    campaign: Campaign, secretary: Client
) -> None:
    batch = services.request_slips(campaign=campaign, link_base="https://example.org/r/")
    tasks.build_slips.enqueue(batch_id=batch.pk)
    url = reverse("evaluations:slip_batch", args=[campaign.pk, batch.pk])

    partial = secretary.get(url, headers={"HX-Request": "true"}).content.decode()

    assert "hx-get" not in partial and 'data-status="ready"' in partial


def test_a_second_file_while_one_is_being_made_is_refused(
    campaign: Campaign, secretary: Client
) -> None:
    services.request_slips(campaign=campaign, link_base="https://example.org/r/")

    with pytest.raises(DomainError):
        services.request_slips(campaign=campaign, link_base="https://example.org/r/")
    page = secretary.post(
        reverse("evaluations:slips_all", args=[campaign.pk]), follow=True
    ).content.decode()

    assert "being made already" in page
    assert SlipBatch.objects.filter(campaign=campaign).count() == 1


def test_a_campaign_without_raters_makes_no_file(school: Any, secretary: Client) -> None:
    now = timezone.now()
    term = factories.TermFactory(school=school)
    draft = campaigns.create_campaign(
        school=school,
        instrument=install_instrument(school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS),
        term=term,
        name="草稿",
        opens_at=now,
        closes_at=now + dt.timedelta(days=7),
    )

    page = secretary.post(
        reverse("evaluations:slips_all", args=[draft.pk]), follow=True
    ).content.decode()

    assert "no raters yet" in page
    assert not SlipBatch.objects.exists()


def test_one_class_is_not_printed_while_every_class_is_being_made(
    campaign: Campaign, secretary: Client
) -> None:
    services.request_slips(campaign=campaign, link_base="https://example.org/r/")
    before = set(RaterToken.objects.filter(campaign=campaign).values_list("key_hash", flat=True))
    group = RaterToken.objects.filter(campaign=campaign).first()
    assert group is not None

    response = secretary.post(
        reverse("evaluations:qr_sheets", args=[campaign.pk]),
        {"class": str(group.school_class_id)},
        follow=True,
    )

    assert "being made; print one class once they are ready" in response.content.decode()
    after = set(RaterToken.objects.filter(campaign=campaign).values_list("key_hash", flat=True))
    assert after == before


def test_a_batch_whose_worker_stopped_gives_way_to_a_new_one(campaign: Campaign) -> None:
    stalled = services.request_slips(campaign=campaign, link_base="https://example.org/r/")
    SlipBatch.objects.filter(pk=stalled.pk).update(
        status=SlipBatchStatus.BUILDING,
        updated_at=timezone.now() - services.STALLED_AFTER - dt.timedelta(minutes=1),
    )

    fresh = services.request_slips(campaign=campaign, link_base="https://example.org/r/")

    stalled.refresh_from_db()
    assert stalled.status == SlipBatchStatus.FAILED and "worker stopped" in stalled.problem
    assert fresh.status == SlipBatchStatus.WAITING
