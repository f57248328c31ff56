"""URL × role rows of the documents app: every URL name of the app has a row here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import (
    ADMIN,
    ANON,
    API_SIGNED_IN,
    POST_ONLY,
    ROLES,
    SECRETARY,
    SIGNED_IN,
    STUDENT,
    VIEWER,
)

# Everyone with a role reads the matrix's document (it is addressed to staff and students).
KEEPERS = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200}
# The matrix's document is the school's: only the administrator changes it.
SCHOOL_KEEPER = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200}
READERS_OF_EXPORTS = {**SIGNED_IN, STUDENT: 403}
API_POST_ONLY = dict.fromkeys(ROLES, 405)

EXPECTED: dict[str, dict[Any, int]] = {
    "documents:document_list": SIGNED_IN,
    "documents:document_detail": SIGNED_IN,
    "documents:document_create": KEEPERS,
    "documents:document_edit": SCHOOL_KEEPER,
    "documents:document_revise": SCHOOL_KEEPER,
    "documents:document_repeal": SCHOOL_KEEPER,
    "documents:document_archive": POST_ONLY,
    "documents:attachment_add": POST_ONLY,
    "documents:attachment_remove": POST_ONLY,
    # the attachment named does not exist: every reader of the document gets 404
    "documents:attachment_file": {ANON: 302, **dict.fromkeys(Role.values, 404)},
    "documents:next_number": KEEPERS,
    "documents:document_export": READERS_OF_EXPORTS,
    "documents:import_start": KEEPERS,
    "documents:import_template": KEEPERS,
    "api-v1:document_list": API_SIGNED_IN,
    "api-v1:document_detail": API_SIGNED_IN,
    # create and update share their paths with list and detail: a GET there reads.
    "api-v1:document_create": API_SIGNED_IN,
    "api-v1:document_update": API_SIGNED_IN,
    "api-v1:document_revise": API_POST_ONLY,
    "api-v1:document_repeal": API_POST_ONLY,
    "api-v1:document_archive": API_POST_ONLY,
    "api-v1:document_restore": API_POST_ONLY,
    "api-v1:document_attachment_add": API_POST_ONLY,
    # the school's numbers: the administrator; the secretary keeps only the branch's
    "api-v1:document_next_number": {
        ANON: 401,
        **dict.fromkeys(Role.values, 403),
        ADMIN: 200,
        VIEWER: 403,
    },
}
# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {
    "documents:document_revise": lambda records: [records["document"].pk],
    "documents:document_repeal": lambda records: [records["document"].pk],
    "documents:attachment_add": lambda records: [records["document"].pk],
    "documents:attachment_file": lambda records: [records["document"].pk, 999999],
    "documents:attachment_remove": lambda records: [records["document"].pk, 999999],
    "documents:import_template": lambda records: ["documents"],
    "api-v1:document_revise": lambda records: {"pk": records["document"].pk},
    "api-v1:document_repeal": lambda records: {"pk": records["document"].pk},
    "api-v1:document_archive": lambda records: {"pk": records["document"].pk},
    "api-v1:document_restore": lambda records: {"pk": records["document"].pk},
    "api-v1:document_attachment_add": lambda records: {"pk": records["document"].pk},
}
QUERY: dict[str, dict[str, Any]] = {
    "api-v1:document_next_number": {"issuer": "school", "year": 2013},
}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.documents.services import issue_document

    document = issue_document(
        school=school,
        values={
            "issuer": "school",
            "prefix": "通职中发",
            "title": "矩阵测试文件",
            "kind": "notice",
            "issued_on": dt.date(2013, 3, 1),
            "for_staff": True,
            "for_students": True,
            "body": "正文",
        },
    )
    return {"document": document}
