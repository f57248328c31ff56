"""The versioned REST API, assembled from each app's ``api.py``."""

from ninja import NinjaAPI

from qingshan.accounts.api import TokenAuth
from qingshan.careers.api import router as careers_router
from qingshan.core.api import JSONObjectParser, install_error_handlers
from qingshan.counseling.api import router as counseling_router
from qingshan.documents.api import router as documents_router
from qingshan.evaluations.api import router as evaluations_router
from qingshan.honours.api import router as honours_router
from qingshan.internships.api import router as internships_router
from qingshan.organization.api import router as organization_router
from qingshan.outreach.api import router as outreach_router
from qingshan.party.api import router as party_router
from qingshan.reports.api import router as reports_router
from qingshan.students.api import router as students_router
from qingshan.teaching.api import router as teaching_router
from qingshan.trainings.api import router as trainings_router
from qingshan.workplans.api import router as workplans_router

api = NinjaAPI(
    title="Qingshan API",
    version="1",
    description="School-scoped access to Qingshan's records. Send `Authorization: Bearer <token>`.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url=None,
    parser=JSONObjectParser(),
)
install_error_handlers(api)
api.add_router("/organization/", organization_router)
api.add_router("/party/", party_router)
api.add_router("/evaluations/", evaluations_router)
api.add_router("/workplans/", workplans_router)
api.add_router("/documents/", documents_router)
api.add_router("/trainings/", trainings_router)
api.add_router("/outreach/", outreach_router)
api.add_router("/honours/", honours_router)
api.add_router("/teaching/", teaching_router)
api.add_router("/students/", students_router)
api.add_router("/careers/", careers_router)
api.add_router("/internships/", internships_router)
api.add_router("/counseling/", counseling_router)
api.add_router("/reports/", reports_router)
