"""The internships part of /api/v1/: internship units (list, read, create, update), the
production of the school's own units (list, read, record), the works students built (list,
read), placements with their open findings (list, read, create, update), and the compliance
board.

Every read goes through the app's selectors, every write through its services: a placement
breaking a refusing rule is refused (422) with the rule's article, and nothing is saved. The
unit supervisor's phone and a student's pay are personal (``resources.PERSONAL``): a reader
without ``internships.view_personal`` gets them masked as the pages and exports show them
(``core.masking.mask_value``); nothing recorded stays null or empty.
"""

from ninja import Router

from qingshan.internships.api import placements, units

router = Router(tags=["internships"])
router.add_router("", units.router)
router.add_router("", placements.router)
