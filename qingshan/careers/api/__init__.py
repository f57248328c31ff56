"""The careers part of /api/v1/: the enterprise register and its agreements (list, read, create,
update), order classes (list, read), graduates' destinations (list, read, record, correct), the
employment and matching rates of a graduation year, the alumni list and the League branches.

Every read goes through the app's selectors, every write through its services. A graduate's pay
and the phones are personal (``resources.PERSONAL``): a reader without ``careers.view_personal``
gets them masked as the pages and exports show them (``core.masking.mask_value``), a string
that keeps only their ends; nothing recorded stays null or empty. The alumni are read only through
``selectors.alumni.listed_at``, so a graduate who withdrew consent is never listed.
"""

from ninja import Router

from qingshan.careers.api import alumni, destinations, register

router = Router(tags=["careers"])
router.add_router("", register.router)
router.add_router("", destinations.router)
router.add_router("", alumni.router)
