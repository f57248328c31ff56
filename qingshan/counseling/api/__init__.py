"""The counseling part of /api/v1/, for counselors only (``counseling.screen`` for scales,
campaigns and alerts, ``counseling.cases`` for the case file, at the request's school): every
other role, the bureau's authority viewer included, is refused (403) on every operation.

- scales (list, read with factors, items and thresholds);
- screening campaigns (list, read with the coverage of each class, create, open, close);
- alerts (list, the open ones only on ``?open=true``, read, follow up once);
- cases (list, read) and their sessions (record): only the cases that name the caller's staff
  record among their counselors; any other case is not found (404), whoever asks. A case's list
  holds no note; reading one case logs the read before its notes are unsealed.

Every read goes through the app's selectors, every write through its services; a service's
refusal is a 422 with its translated message, and nothing is written. No schema holds a sealed
value, a one-time key's hash or an answer.
"""

from ninja import Router

from qingshan.counseling.api import cases, screening

router = Router(tags=["counseling"])
router.add_router("", screening.router)
router.add_router("", cases.router)
