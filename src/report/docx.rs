//! The report as a Word document (docx-rs): real heading styles (Heading1–3, so Word's and
//! Writer's navigator and a table of contents find them), real tables with a shaded header
//! row, figures as PNG images with captions, page numbers in the footer, A4 pages.

use std::io::{Seek, Write};

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts,
    Shading, ShdType, Style, StyleType, Table as DocxTable, TableCell, TableCellMargins, TableRow,
    WidthType,
};

use super::{Align, Block, Document, Figure, Table, Words, render_chart};

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_134;
/// Figures are shown 16 cm wide (EMU: 360,000 per cm).
const FIGURE_WIDTH_EMU: u32 = 16 * 360_000;
/// Table header shading: dark text on it stays far above 4.5:1.
const HEADER_FILL: &str = "DCE6F2";
const HEADING_COLOUR: &str = "1F3864";
const FONT: &str = "Liberation Sans";

/// The DOCX could not be written (the zip writer's message: a full disk, a closed pipe).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the DOCX: {0}")]
pub struct DocxError(String);

/// Writes `document` as a DOCX into `writer`.
pub fn write_docx<W: Write + Seek>(document: &Document, writer: W) -> Result<(), DocxError> {
    let words = Words::new(document.lang);
    let mut docx = styled(Docx::new())
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .style("Footer")
                    .add_run(Run::new().add_text(format!(
                        "{} · {} ",
                        document.title,
                        words.get("docx.page")
                    )))
                    .add_page_num(PageNum::new()),
            ),
        );
    if !document.subtitle.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(&document.subtitle)),
        );
    }
    let mut figure_number = 0;
    let mut table_number = 0;
    for block in &document.blocks {
        docx = match block {
            Block::Heading { level, text } => docx.add_paragraph(
                Paragraph::new()
                    .style(&format!("Heading{}", level.clamp(&1, &3)))
                    .keep_next(true)
                    .add_run(Run::new().add_text(text)),
            ),
            Block::Paragraph(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("BodyText")
                    .add_run(Run::new().add_text(text)),
            ),
            Block::Note(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("Note")
                    .add_run(Run::new().add_text(text)),
            ),
            Block::Table(table) => {
                table_number += 1;
                let label = format!("{} {table_number}. ", words.get("docx.table"));
                docx.add_paragraph(caption(&label, &table.caption).keep_next(true))
                    .add_table(docx_table(table))
                    .add_paragraph(Paragraph::new().style("BodyText"))
            }
            Block::Figure(figure) => {
                figure_number += 1;
                let label = format!("{} {figure_number}. ", words.get("docx.figure"));
                docx.add_paragraph(image(figure, document))
                    .add_paragraph(caption(&label, &figure.caption))
            }
        };
    }
    docx.pack(writer).map_err(|e| DocxError(e.to_string()))?;
    Ok(())
}

/// The document's styles: body, headings 1–3, caption, note, subtitle, footer.
fn styled(docx: Docx) -> Docx {
    let fonts = || RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT);
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("BodyText")
            .q_format(true)
            .fonts(fonts())
            .size(size)
            .bold()
            .color(HEADING_COLOUR)
            .outline_lvl(level)
            .line_spacing(
                LineSpacing::new()
                    .before(240 + 120 * (2 - level.min(2)) as u32)
                    .after(120),
            )
    };
    docx.default_fonts(fonts())
        .default_size(22)
        .add_style(heading("Heading1", "heading 1", 36, 0))
        .add_style(heading("Heading2", "heading 2", 28, 1))
        .add_style(heading("Heading3", "heading 3", 24, 2))
        .add_style(
            Style::new("BodyText", StyleType::Paragraph)
                .name("Body Text")
                .based_on("Normal")
                .q_format(true)
                .size(22)
                .line_spacing(LineSpacing::new().after(120).line(276)),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .q_format(true)
                .size(19)
                .italic()
                .color("404040")
                .line_spacing(LineSpacing::new().before(60).after(160)),
        )
        .add_style(
            Style::new("Note", StyleType::Paragraph)
                .name("Note")
                .based_on("Normal")
                .size(18)
                .color("404040")
                .line_spacing(LineSpacing::new().after(160)),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .size(24)
                .color("404040")
                .line_spacing(LineSpacing::new().after(240)),
        )
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(18)
                .color("404040"),
        )
}

fn caption(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style("Caption")
        .add_run(Run::new().add_text(label).bold())
        .add_run(Run::new().add_text(text))
}

fn image(figure: &Figure, document: &Document) -> Paragraph {
    let (png, width, height) = render_chart(&figure.chart, document.lang);
    let height_emu =
        (u64::from(FIGURE_WIDTH_EMU) * u64::from(height) / u64::from(width.max(1))) as u32;
    let pic = Pic::new_with_dimensions(png, width, height).size(FIGURE_WIDTH_EMU, height_emu);
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .add_run(Run::new().add_image(pic))
}

/// A cell; `keep_next` holds its row on the page of the next row.
fn cell(text: &str, align: Align, header: bool, keep_next: bool) -> TableCell {
    let alignment = match align {
        Align::Left => AlignmentType::Left,
        Align::Right => AlignmentType::Right,
    };
    let mut run = Run::new().add_text(text).size(19);
    if header {
        run = run.bold();
    }
    let paragraph = Paragraph::new()
        .align(alignment)
        .keep_next(keep_next)
        .add_run(run);
    let mut cell = TableCell::new().add_paragraph(paragraph);
    if header {
        cell = cell.shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(HEADER_FILL),
        );
    }
    cell
}

/// Tables this long may break across pages; shorter ones are kept on one page.
const KEEP_TOGETHER_ROWS: usize = 15;
/// Width of the text area: A4 less both margins, in twentieths of a point.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;

/// Column widths in proportion to what each column holds: its longest cell, and its
/// header's longest word (a header may wrap between words, never inside one).
fn column_widths(table: &Table) -> Vec<usize> {
    let weights: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            // Headers are bold: their letters are about a third wider than the cells'.
            let header_word = column
                .header
                .split_whitespace()
                .map(|w| w.chars().count() * 4 / 3 + 2)
                .max()
                .unwrap_or(4);
            let longest_cell = table
                .rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell.chars().count() + 1)
                .max()
                .unwrap_or(0);
            header_word.max(longest_cell.min(24)).max(8)
        })
        .collect();
    let total: usize = weights.iter().sum::<usize>().max(1);
    weights.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

fn docx_table(table: &Table) -> DocxTable {
    let widths = column_widths(table);
    let together = table.rows.len() <= KEEP_TOGETHER_ROWS;
    let row = |cells: Vec<(&str, Align)>, header: bool, last: bool| {
        TableRow::new(
            cells
                .into_iter()
                .zip(&widths)
                .map(|((text, align), width)| {
                    cell(text, align, header, together && !last).width(*width, WidthType::Dxa)
                })
                .collect(),
        )
        .cant_split()
    };
    let header: Vec<(&str, Align)> = table
        .columns
        .iter()
        .map(|c| (c.header.as_str(), c.align))
        .collect();
    let mut rows = vec![row(header, true, table.rows.is_empty())];
    for (i, cells) in table.rows.iter().enumerate() {
        let cells = table
            .columns
            .iter()
            .zip(cells)
            .map(|(column, text)| (text.as_str(), column.align))
            .collect();
        rows.push(row(cells, false, i + 1 == table.rows.len()));
    }
    DocxTable::new(rows)
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(30, 80, 30, 80))
}
