from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qingshan.core.figures import Scope
from qingshan.core.models import School
from qingshan.reports.rendering.content import build_content
from qingshan.reports.rendering.docx import summary_docx
from qingshan.reports.rendering.pdf import summary_pdf
from qingshan.reports.selectors.summary import (
    check_template,
    render_html,
    summary_template,
    template_blocks,
)


class Command(BaseCommand):
    help = "Write a school's annual summary for a year as HTML, DOCX or PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--school", required=True, help="the school's short name (slug)")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--lang", choices=["zh-hans", "en"], default="zh-hans")
        parser.add_argument("--format", choices=["html", "docx", "pdf"], default="docx")
        parser.add_argument("--output", required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"No school with short name {options['school']!r}.")
        template = summary_template(school)
        blocks = template_blocks(template)
        language = options["lang"]
        for finding in check_template(blocks, language).errors:
            self.stderr.write(f"error in block {finding.block}: {finding.text} — {finding.message}")
        content = build_content(
            template=template,
            blocks=blocks,
            scope=Scope.of_school(school),
            year=options["year"],
            language=language,
        )
        output = Path(options["output"])
        if options["format"] == "html":
            output.write_text(render_html(content, links=False), encoding="utf-8")
        elif options["format"] == "docx":
            output.write_bytes(summary_docx(content))
        else:
            output.write_bytes(summary_pdf(content))
        self.stdout.write(f"wrote {output}")
