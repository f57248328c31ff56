"""Background work of the rating campaigns (the Django tasks API; ``db_worker`` in
deployments): the QR slips of every class of a campaign in one file."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from qingshan.evaluations.enums import SlipBatchStatus
from qingshan.evaluations.models import SlipBatch
from qingshan.evaluations.selectors.campaigns import token_groups, tokens_of_group
from qingshan.evaluations.services import slips as services
from qingshan.evaluations.services.keys import IssuedKey, draw_keys
from qingshan.evaluations.sheets import bind, class_slips

logger = logging.getLogger(__name__)


@task()
def build_slips(batch_id: int) -> int:
    """Lay out the slips of every class of the batch's campaign, class by class (the page shows
    how many are done), bind them in one PDF and keep it sealed for one download; the number of
    slips. New keys are drawn as the classes are laid out and take effect only with the file.
    A batch that is not waiting (built already, or taken by another worker) is left alone."""
    batch = SlipBatch.objects.select_related("campaign__school", "campaign__instrument").get(
        pk=batch_id
    )
    if batch.status != SlipBatchStatus.WAITING or not services.start_building(batch=batch):
        return 0
    campaign = batch.campaign
    try:
        issued: list[IssuedKey] = []
        documents = []
        for group in token_groups(campaign):
            key = str(group["school_class"]) if group["school_class"] else "none"
            drawn = draw_keys(tokens=tokens_of_group(campaign, key))
            heading = group["school_class__name"] or _("raters without a class")
            documents.append(
                class_slips(
                    campaign=campaign,
                    heading=heading,
                    slips=[(item.token, f"{batch.link_base}#k={item.key}") for item in drawn],
                )
            )
            issued += drawn
            services.record_progress(batch=batch)
        if not documents:
            services.fail_slips(batch=batch, problem=_("This campaign has no raters."))
            return 0
        services.finish_slips(batch=batch, issued=issued, pdf=bind(documents))
    except Exception:
        logger.exception("QR slips of campaign %s could not be made", campaign.pk)
        services.fail_slips(
            batch=batch, problem=_("The slips could not be made; no slip has changed. Try again.")
        )
        return 0
    return len(issued)
