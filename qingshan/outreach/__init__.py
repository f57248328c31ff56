"""Builders: read qingshan/outreach/READ_FIRST.md — it is your task (issue 6) and the rules."""
