"""The teaching records on the shared record pages (``core.records``)."""

from __future__ import annotations

from qingshan.core.records import Resource
from qingshan.teaching.filters.quotas import QuotaFilter
from qingshan.teaching.forms.quotas import QuotaForm
from qingshan.teaching.selectors.policy import quotas

RESOURCES: tuple[Resource, ...] = (
    Resource(
        key="quota",
        namespace="teaching",
        selector=quotas,
        form_class=QuotaForm,
        filterset_class=QuotaFilter,
        columns=("term", "group", "periods"),
        view_permission="teaching.view",
        manage_permission="teaching.manage",
        exportable=True,
    ),
)

BY_KEY = {resource.key: resource for resource in RESOURCES}
