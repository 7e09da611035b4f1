//! Documents written from the project: a report model (sections, paragraphs, tables,
//! figures and notes) built by plain functions (`piao` for one Comune's "lavoro agile"
//! section of its PIAO, `consortium` for the programme's monitoring report), and the
//! back ends that write it (`docx`, `pdf`), reached through `write`. Nothing here knows about egui.

mod chart_png;
mod chart_scale;
mod consortium;
pub mod docx;
mod pdf;
mod piao;
mod piao_objectives;
mod piao_plan;
mod words;
mod write;

pub use chart_png::{CHART_HEIGHT, CHART_WIDTH, render_chart};
pub use consortium::consortium_report;
pub use piao::{PiaoBatch, piao_section};
pub use words::Words;
pub use write::{
    ReportError, ReportFormat, ReportSubject, build_report, render_report, report_bytes,
};

use crate::i18n::Lang;
use crate::model::{Month, ScenarioId};

/// What a report is built for: the language, the scenario projected (the baseline when
/// `None`) and the year whose targets the indicators are read against.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    pub lang: Lang,
    pub scenario: Option<ScenarioId>,
    /// The year of the targets; the year of the latest observation when `None`.
    pub year: Option<i32>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            lang: Lang::It,
            scenario: None,
            year: None,
        }
    }
}

/// A whole document: a title page's words and the blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub lang: Lang,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading; level 1 is the document's main heading, 2 its sections, 3 subsections.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// A short remark in smaller type: a source, a caveat, a method.
    Note(String),
    Table(Table),
    Figure(Figure),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(caption: impl Into<String>, columns: Vec<Column>) -> Table {
        Table {
            caption: caption.into(),
            columns,
            rows: Vec::new(),
        }
    }

    /// The cell in `row` under the column headed `header`, for tests and readers.
    pub fn cell(&self, row: usize, header: &str) -> Option<&str> {
        let column = self.columns.iter().position(|c| c.header == header)?;
        self.rows.get(row)?.get(column).map(String::as_str)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub caption: String,
    pub chart: Chart,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Values over months, each series optionally with its P10–P90 band.
    Lines {
        /// What the vertical axis counts ("% del personale smartabile", "persone").
        y_label: String,
        /// Values are shares 0–1, printed as percentages on the axis.
        percent: bool,
        series: Vec<Series>,
    },
    /// One bar per label; `percent` as for lines.
    Bars {
        y_label: String,
        percent: bool,
        bars: Vec<(String, f64)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// Index into the dashboard's series colours.
    pub colour: usize,
    /// Drawn dashed: what is projected rather than observed.
    pub dashed: bool,
    pub points: Vec<(Month, f64)>,
    /// (month, P10, P90).
    pub band: Vec<(Month, f64, f64)>,
}

impl Document {
    /// Every heading's text, in order (for tests and the DOCX reader check).
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
    }

    /// Every paragraph's and note's text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                    out.push_str(text);
                    out.push('\n');
                }
                Block::Table(table) => {
                    out.push_str(&table.caption);
                    out.push('\n');
                }
                Block::Figure(figure) => {
                    out.push_str(&figure.caption);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// The figures, in order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
    }
}

/// Appends blocks with less ceremony than pushing enum values.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub blocks: Vec<Block>,
}

impl Builder {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Note(text.into()));
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    pub fn figure(&mut self, caption: impl Into<String>, chart: Chart) {
        self.blocks.push(Block::Figure(Figure {
            caption: caption.into(),
            chart,
        }));
    }
}

/// A column helper: left-aligned text.
pub(crate) fn text_column(header: impl Into<String>) -> Column {
    Column {
        header: header.into(),
        align: Align::Left,
    }
}

/// A column helper: right-aligned figures.
pub(crate) fn number_column(header: impl Into<String>) -> Column {
    Column {
        header: header.into(),
        align: Align::Right,
    }
}

#[cfg(test)]
mod tests;
