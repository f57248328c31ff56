"""The official-document format (党政机关公文格式, GB/T 9704) for a Word file: page, fonts, sizes, line
spacing and page numbers, as offices in China print and edit them.

- A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right;
- title in 小标宋 2号 (22 pt), centred; headings of the first level in 黑体 3号, of the second in
  楷体 3号; body in 仿宋 3号 (16 pt) with a fixed line spacing of 28 pt, first lines indented by two
  characters; all text black;
- page numbers in 4号 (14 pt) half-width digits between dashes, "— 1 —", at the outer corner: right
  on odd pages, left on even pages, one character in from the edge.

Fonts are named by their official families first (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体), so
that Word and WPS on office PCs, which have them, use them; the file's font table names a Noto CJK
face as each one's alternative, for Word on a PC without them. LibreOffice ignores that table and
asks fontconfig, so a Linux machine maps the official names with ``config/fonts``
(docs/deploy.md). An English summary keeps the layout with Times New Roman.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

BLACK = RGBColor(0, 0, 0)
LATIN = "Times New Roman"


@dataclass(frozen=True)
class Face:
    """A font family as the document names it, and the installed face that stands in for it."""

    name: str
    fallback: str


TITLE = Face("方正小标宋简体", "Noto Serif CJK SC")
HEI = Face("黑体", "Noto Sans CJK SC")
KAI = Face("楷体_GB2312", "Noto Serif CJK SC")
FANGSONG = Face("仿宋_GB2312", "Noto Serif CJK SC")
SONG = Face("宋体", "Noto Serif CJK SC")

BODY_SIZE = Pt(16)  # 3号
TITLE_SIZE = Pt(22)  # 2号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
TABLE_SIZE = Pt(12)  # 小四
LINE = Pt(28)


def set_font(target: Any, face: Face, *, latin: str = "") -> None:
    """Name ``face`` for Chinese text (and ``latin``, else the face, for Latin letters and digits)
    on a style or a run."""
    target.font.name = latin or face.name
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face.name)
    fonts.set(qn("w:ascii"), latin or face.name)
    fonts.set(qn("w:hAnsi"), latin or face.name)
    fonts.set(qn("w:cs"), latin or face.name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font wins over a named one in Word


def black(style: Any) -> None:
    """Black text, with the theme colour (Word's blue headings) removed."""
    style.font.color.rgb = BLACK
    color = style.element.get_or_add_rPr().find(qn("w:color"))
    if color is not None:
        for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attribute), None)


def _plain_paragraph(style: Any, *, before: Any = 0, after: Any = 0) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = before, after
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    properties = style.element.get_or_add_pPr()
    for border in properties.findall(qn("w:pBdr")):  # the Title style's rule underneath
        properties.remove(border)


def _fallbacks(document: Any) -> None:
    """Declare each official family in the font table with a Noto CJK face as its alternative
    name, for Word on a PC that lacks the official one (LibreOffice reads fontconfig instead)."""
    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype.endswith("/fontTable")
        ),
        None,
    )
    if part is None:
        return
    root = parse_xml(part.blob)
    for face in (TITLE, HEI, KAI, FANGSONG, SONG):
        font = OxmlElement("w:font")
        font.set(qn("w:name"), face.name)
        alternative = OxmlElement("w:altName")
        alternative.set(qn("w:val"), face.fallback)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(alternative)
        font.append(charset)
        root.append(font)
    # python-docx keeps the font table as a plain part: its bytes are what gets saved.
    part._blob = serialize_part_xml(root)  # noqa: SLF001 - no public setter for a plain part


def page_setup(document: Any, chinese: bool) -> None:
    """The page, the styles and the page numbers of an official document."""
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    latin = "" if chinese else LATIN
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = BODY_SIZE if chinese else Pt(12)
    set_font(normal, FANGSONG, latin=latin)
    language = OxmlElement("w:lang")  # Chinese forms of the glyphs where a face has several
    language.set(qn("w:val"), "zh-CN" if chinese else "en-GB")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    black(normal)
    _plain_paragraph(normal)
    if not chinese:
        normal.paragraph_format.line_spacing = Pt(20)
    title = styles["Title"]
    set_font(title, TITLE, latin=latin)
    title.font.size = TITLE_SIZE if chinese else Pt(18)
    title.font.bold = not chinese  # 小标宋 is bold by design
    black(title)
    _plain_paragraph(title, after=LINE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36) if chinese else Pt(24)
    for name, face in (("Heading 1", HEI), ("Heading 2", KAI)):
        heading = styles[name]
        set_font(heading, face, latin=latin)
        heading.font.size = normal.font.size
        heading.font.bold = not chinese
        heading.font.italic = False
        black(heading)
        _plain_paragraph(heading)
        heading.paragraph_format.first_line_indent = Pt(32) if chinese else 0
        heading.paragraph_format.keep_with_next = True
        if not chinese:
            heading.paragraph_format.line_spacing = Pt(20)
    _fallbacks(document)
    _page_numbers(document, section)


def _field(paragraph: Any, code: str) -> None:
    run = paragraph.add_run()
    set_font(run, SONG, latin=LATIN)
    run.font.size = PAGE_NUMBER_SIZE
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run.element.append(element)


def _page_number(paragraph: Any, alignment: Any) -> None:
    paragraph.alignment = alignment
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = 0
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = PAGE_NUMBER_SIZE
    else:
        fmt.left_indent = PAGE_NUMBER_SIZE
    for text in ("— ", None, " —"):
        if text is None:
            _field(paragraph, "PAGE")
            continue
        run = paragraph.add_run(text)
        set_font(run, SONG, latin=LATIN)
        run.font.size = PAGE_NUMBER_SIZE


def _page_numbers(document: Any, section: Any) -> None:
    """ "— 1 —" at the outer corner: right on odd pages, left on even pages."""
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def table_rows_whole(table: Any) -> None:
    """No row is split across pages, and the header row repeats on each page."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()  # noqa: SLF001 - python-docx has no row API
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                fmt = paragraph.paragraph_format
                fmt.first_line_indent = 0
                fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
                for run in paragraph.runs:
                    run.font.size = TABLE_SIZE
