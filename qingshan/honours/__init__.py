"""Builders: read qingshan/honours/READ_FIRST.md — it is your task (issue 6) and the rules."""
