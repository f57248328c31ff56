from qingshan.careers import models
from qingshan.core import audit

for model in (
    models.Enterprise,
    models.Agreement,
    models.OrderClass,
    models.Destination,
    models.FollowUpPoint,
    models.FollowUp,
    models.Alumnus,
    models.LeagueBranch,
    models.BranchMember,
    models.BranchActivity,
    models.BranchFeedback,
):
    audit.register(model)
