"""Every read of counseling, scoped by school (and, for cases, by the case's counselors)."""
