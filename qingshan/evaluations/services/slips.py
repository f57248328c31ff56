"""QR slips of every class of a campaign in one file, built in the background
(``evaluations.tasks.build_slips``) while the page shows how far it has come.

Invariants:
- one batch per campaign is waiting or being built at a time;
- the raters' keys change only when the whole file is made: the new keys' hashes and the sealed
  file are written in one transaction, so a batch that fails leaves every slip printed before
  working;
- the file holds raw keys, so it is kept sealed (``core.sealing``, purpose ``slips``) and is
  handed out once: downloading it deletes it ("print now or never"; a lost file is replaced by
  building a new one, which replaces the keys again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.sealing import seal, unseal
from qingshan.evaluations.enums import SlipBatchStatus
from qingshan.evaluations.models import Campaign, SlipBatch
from qingshan.evaluations.selectors.campaigns import token_groups
from qingshan.evaluations.services.keys import IssuedKey, store_keys

SLIPS_PURPOSE = "slips"
MAX_PROBLEM = 300
# A batch that has not moved for this long lost its worker (stopped or killed mid-way).
STALLED_AFTER = dt.timedelta(minutes=30)
IN_PROGRESS = (SlipBatchStatus.WAITING, SlipBatchStatus.BUILDING)


@transaction.atomic
def request_slips(*, campaign: Campaign, link_base: str, actor: Any = None) -> SlipBatch:
    """A new batch for every class of ``campaign`` (and its raters without a class), waiting
    for a worker; refused while another one is waiting or being built, or when the campaign has
    nobody to rate. An earlier file not yet downloaded is dropped (its keys never took); a batch
    that has not moved for ``STALLED_AFTER`` lost its worker and is marked failed."""
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    busy = SlipBatch.objects.filter(campaign=campaign, status__in=IN_PROGRESS)
    busy.filter(updated_at__lt=timezone.now() - STALLED_AFTER).update(
        status=SlipBatchStatus.FAILED,
        problem=_("The slips stopped being made (the worker stopped); no slip has changed."),
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if busy.exists():
        raise DomainError(
            _("The slips of this campaign are being made already; wait until they are ready."),
            code="busy",
        )
    groups = list(token_groups(campaign))
    if not groups:
        raise DomainError(_("This campaign has no raters yet: prepare it first."), code="no_raters")
    for stale in SlipBatch.objects.filter(campaign=campaign, status=SlipBatchStatus.READY):
        _drop_file(stale)
        stale.status = SlipBatchStatus.FAILED
        stale.problem = _("Replaced by a newer file before it was downloaded.")
        stale.save(update_fields=["status", "problem", "sealed_file", "updated_at"])
    return SlipBatch.objects.create(
        school_id=campaign.school_id,
        campaign=campaign,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        link_base=link_base,
        classes_total=len(groups),
    )


def start_building(*, batch: SlipBatch) -> bool:
    """Take the batch for building; whether it was still waiting (a batch is built once)."""
    return bool(
        SlipBatch.objects.filter(pk=batch.pk, status=SlipBatchStatus.WAITING).update(
            status=SlipBatchStatus.BUILDING, updated_at=timezone.now()
        )
    )


def record_progress(*, batch: SlipBatch) -> None:
    """One more class is laid out (committed at once, so the page polling sees it)."""
    SlipBatch.objects.filter(pk=batch.pk).update(
        classes_done=F("classes_done") + 1, updated_at=timezone.now()
    )


@transaction.atomic
def finish_slips(*, batch: SlipBatch, issued: Sequence[IssuedKey], pdf: bytes) -> SlipBatch:
    """The file is made: its keys become the raters' keys and the file is kept sealed."""
    locked = SlipBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != SlipBatchStatus.BUILDING:
        raise DomainError(_("These slips are not being built."), code="not_building")
    store_keys(issued=issued)
    locked.sealed_file.save(
        f"slips-{locked.campaign_id}-{locked.pk}.bin",
        ContentFile(seal(SLIPS_PURPOSE, pdf)),
        save=False,
    )
    locked.status = SlipBatchStatus.READY
    locked.classes_done = locked.classes_total
    locked.slips = len(issued)
    locked.finished_at = timezone.now()
    locked.save()
    return locked


def fail_slips(*, batch: SlipBatch, problem: str) -> None:
    """The file could not be made; no key has changed."""
    SlipBatch.objects.filter(pk=batch.pk).update(
        status=SlipBatchStatus.FAILED,
        problem=problem[:MAX_PROBLEM],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


@transaction.atomic
def collect_slips(*, batch: SlipBatch) -> bytes:
    """The file, once: it is opened, deleted and the batch marked downloaded."""
    locked = SlipBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != SlipBatchStatus.READY or not locked.sealed_file:
        raise DomainError(
            _("This file is not ready or has been downloaded already; make the slips again."),
            code="not_ready",
        )
    with locked.sealed_file.open("rb") as handle:
        pdf = unseal(SLIPS_PURPOSE, handle.read())
    _drop_file(locked)
    locked.status = SlipBatchStatus.COLLECTED
    locked.save(update_fields=["status", "sealed_file", "updated_at"])
    return pdf


def _drop_file(batch: SlipBatch) -> None:
    """Forget the batch's file; the file itself goes once the transaction commits."""
    name = batch.sealed_file.name if batch.sealed_file else None
    if name:
        storage = batch.sealed_file.storage
        transaction.on_commit(lambda: storage.delete(name))
        batch.sealed_file = None
