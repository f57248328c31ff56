"""The documents app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "documents",
    title=_("Documents and regulations"),
    order=40,
    items=(
        NavItem(_("Document archive"), "documents:document_list", "documents.view"),
        NavItem(_("Import documents"), "documents:import_start", "documents.manage"),
    ),
)
