"""Reads of the reports app: the dashboard and figures page (``dashboard``), the annual summary
(``summary``: checking, rendering, what changed since an issue) and the county roll-up (``county``)."""

from qingshan.reports.selectors.dashboard import dashboard_for, figure_table
from qingshan.reports.selectors.summary import check_template, render_html

__all__ = ["check_template", "dashboard_for", "figure_table", "render_html"]
