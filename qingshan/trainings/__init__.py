"""Builders: read qingshan/trainings/READ_FIRST.md — it is your task (issue 6) and the rules."""
