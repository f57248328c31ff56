"""The Word file and the PDF in the official-document format (GB/T 9704): fonts named officially
first, black headings, the sizes and the line spacing, page numbers at the outer corner, rows kept
whole, and the signature before the appendix."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from qingshan.core.figures import Scope
from qingshan.honours.tests.factories import honour
from qingshan.reports.rendering.content import build_content
from qingshan.reports.rendering.docx import summary_docx
from qingshan.reports.rendering.pdf import summary_pdf
from qingshan.reports.selectors.summary import template_blocks
from qingshan.reports.services import ensure_default_template
from tests.factories import one_of_each

pytestmark = pytest.mark.django_db
DAY = dt.date(2013, 12, 31)


def content_of(school: Any, language: str = "zh-hans") -> Any:
    one_of_each(school)
    honour(school, title="市文明单位")
    template = ensure_default_template(school=school)
    return build_content(
        template=template,
        blocks=template_blocks(template),
        scope=Scope.of_school(school),
        year=2013,
        language=language,
        day=DAY,
    )


def east_asian_font(style: Any) -> str:
    return str(style.element.rPr.rFonts.get(qn("w:eastAsia")))


def test_the_styles_name_the_official_fonts_in_black_at_their_sizes(school: Any) -> None:
    document = Document(io.BytesIO(summary_docx(content_of(school))))
    styles = document.styles
    fonts = {name: east_asian_font(styles[name]) for name in ("Title", "Heading 1", "Heading 2")}
    colours = {
        name: styles[name].element.rPr.find(qn("w:color"))
        for name in ("Normal", "Title", "Heading 1", "Heading 2")
    }

    assert fonts == {"Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体_GB2312"}
    for name in ("Title", "Heading 1", "Heading 2"):  # no theme font overrides the named one
        assert not any("Theme" in attribute for attribute in styles[name].element.rPr.rFonts.attrib)
    assert east_asian_font(styles["Normal"]) == "仿宋_GB2312"
    assert (styles["Title"].font.size, styles["Normal"].font.size) == (Pt(22), Pt(16))
    assert styles["Heading 1"].font.size == Pt(16)
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    normal = styles["Normal"].paragraph_format
    assert (normal.line_spacing_rule, normal.line_spacing) == (WD_LINE_SPACING.EXACTLY, Pt(28))
    for name, colour in colours.items():
        assert colour.get(qn("w:val")) == "000000", name
        assert colour.get(qn("w:themeColor")) is None, (
            name
        )  # Word's blue headings are theme colours


def test_the_signature_comes_right_aligned_before_the_appendix(school: Any) -> None:
    content = content_of(school)
    document = Document(io.BytesIO(summary_docx(content)))
    paragraphs = document.paragraphs
    texts = [paragraph.text for paragraph in paragraphs]
    issuer, date = texts.index(school.name), texts.index("2013年12月31日")
    appendix = texts.index("附件")

    assert texts[0] == "2013年学校党建工作总结" and paragraphs[0].style.name == "Title"
    assert texts.index("附件：各项指标的统计口径") < issuer < date < appendix
    assert (
        "w:br" in paragraphs[appendix - 1]._p.xml
        and 'w:type="page"' in paragraphs[appendix - 1]._p.xml
    )
    assert {paragraphs[issuer].alignment, paragraphs[date].alignment} == {WD_ALIGN_PARAGRAPH.RIGHT}
    # GB/T 9704: the organisation two characters in, the date starting two characters further right
    assert paragraphs[issuer].paragraph_format.right_indent == Pt(32)
    # a Latin name of 32 letters is 16 characters wide, the date 7: it stands 16 - 7 = 9 in
    assert content.signature_indents == (2, 9)
    assert [p.style.name for p in paragraphs if p.text.startswith("一、")] == ["Heading 1"]


def test_page_numbers_stand_at_the_outer_corner_of_odd_and_even_pages(school: Any) -> None:
    document = Document(io.BytesIO(summary_docx(content_of(school))))
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]

    assert document.settings.odd_and_even_pages_header_footer
    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    for footer in (odd, even):
        assert footer.text == "—  —"  # the page number is a field between the dashes
        assert "PAGE" in footer._p.xml
        assert {run.font.size for run in footer.runs} == {Pt(14)}


def test_no_table_row_splits_across_pages_and_headers_repeat(school: Any) -> None:
    document = Document(io.BytesIO(summary_docx(content_of(school))))

    for table in document.tables:
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_the_font_table_gives_the_official_families_an_installed_stand_in(school: Any) -> None:
    data = summary_docx(content_of(school))

    fonts = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode()

    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC"/>' in fonts


def test_the_english_file_keeps_the_layout_in_times_new_roman(school: Any) -> None:
    document = Document(io.BytesIO(summary_docx(content_of(school, "en"))))
    texts = [paragraph.text for paragraph in document.paragraphs]

    assert document.styles["Normal"].font.name == "Times New Roman"
    assert texts.index("31 December 2013") < texts.index("Appendix")


def test_the_pdf_signs_before_the_appendix_and_numbers_its_pages(school: Any) -> None:
    pdf = summary_pdf(content_of(school))
    pages = (
        subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        )
        .stdout.decode()
        .split("\f")
    )
    signed = next(index for index, page in enumerate(pages) if "2013年12月31日" in page)

    assert school.name in pages[signed]
    assert pages[signed + 1].lstrip().startswith("附件")  # the appendix starts a page of its own
    flat = ["".join(page.split()) for page in pages]
    assert flat[0].endswith("—1—") and flat[1].endswith("—2—")


@pytest.mark.skipif(
    shutil.which("libreoffice") is None, reason="needs LibreOffice (make system-deps)"
)
def test_libreoffice_shows_the_body_in_a_serif_and_the_headings_in_a_sans_face(
    school: Any, tmp_path: Path
) -> None:
    """With the stand-ins of ``config/fonts`` (docs/deploy.md), as on a server without the
    official fonts."""
    source = tmp_path / "summary.docx"
    source.write_bytes(summary_docx(content_of(school)))
    fonts = tmp_path / "fonts.conf"
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        "<include>/etc/fonts/fonts.conf</include>"
        f"<include>{settings.BASE_DIR / 'config/fonts/60-qingshan-official-fonts.conf'}</include>"
        "</fontconfig>"
    )
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=True,
        env={"FONTCONFIG_FILE": str(fonts), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    used = subprocess.run(
        ["pdffonts", str(tmp_path / "summary.pdf")], capture_output=True, check=True
    ).stdout.decode()

    assert "NotoSerifCJK" in used and "NotoSansCJK" in used
