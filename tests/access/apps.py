"""The apps whose URL × role rows live in ``tests/access``, in the order the matrix reads them;
the fuzz suites build their records from the same list, so a new app is fuzzed once it has rows."""

from tests.access import (
    careers,
    counseling,
    documents,
    honours,
    internships,
    observations,
    outreach,
    reports,
    students,
    teaching,
    trainings,
    workplans,
)

APP_ROWS = (
    workplans,
    documents,
    trainings,
    outreach,
    honours,
    observations,
    teaching,
    students,
    careers,
    internships,
    counseling,
    reports,
)
