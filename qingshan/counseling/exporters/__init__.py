"""The counseling room's files: the yearly pack on minors' data and a guardian's export."""

from qingshan.counseling.exporters.guardian import guardian_xlsx
from qingshan.counseling.exporters.pack import pack_xlsx, summary_rows
from qingshan.counseling.exporters.sheets import sealed_note

__all__ = ["guardian_xlsx", "pack_xlsx", "sealed_note", "summary_rows"]
