//! A first pass over an ODS file's content.xml, before calamine reads it: calamine expands
//! repeated rows and columns (`number-rows-repeated`, `number-columns-repeated`) and
//! repeated spaces (`text:s`) into memory, so a few bytes of XML can ask for gigabytes.
//! This pass, streaming and cancellable, measures what the expansion would hold and refuses
//! past the limits; it also notes what calamine does not give: merged ranges and which
//! cells are error cells (`#DIV/0!`, which calamine reads as text).

use std::collections::HashMap;
use std::io::{BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::context::Reading;
use super::error::{Format, ReadError, ReadErrorKind};

/// calamine's own caps on an ODS sheet, mirrored so positions match its.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// How many of calamine's cells each cell of the sheet costs: its value, its formula text,
/// and our own `Cell`.
const COPIES: u64 = 3;

/// Events between two looks at the cancel flag.
const CHECK_EVERY: u64 = 64 * 1024;

/// What the first pass found in one sheet; positions are (row, column) from 0.
#[derive(Debug, Default)]
pub(super) struct SheetNotes {
    /// Merged ranges, first and last cell inclusive.
    pub merged: Vec<((usize, usize), (usize, usize))>,
    /// Error cells: first cell and how many rows and columns the repetition covers.
    pub errors: Vec<((usize, usize), (usize, usize))>,
}

/// Per sheet name.
pub(super) type Notes = HashMap<String, SheetNotes>;

struct Table {
    name: String,
    notes: SheetNotes,
    row: u64,
    first_row: Option<u64>,
    last_row: u64,
    first_column: u64,
    last_column: u64,
    /// Cells calamine keeps before it builds the sheet's range (one row element each).
    stored: u64,
    /// Text of filled cells, times their repetitions, not yet counted against the limit.
    pending_text: u64,
}

impl Table {
    /// Cells calamine would hold for this table so far: its range (rows and columns from
    /// the first filled cell to the last, each repeat expanded) and its rows before that.
    fn cells(&self) -> u64 {
        let Some(first) = self.first_row else {
            return self.stored;
        };
        let rows = self.last_row + 1 - first;
        let columns = (self.last_column + 1).saturating_sub(self.first_column);
        rows.saturating_mul(columns)
            .saturating_mul(COPIES)
            .saturating_add(self.stored)
    }

    fn new(name: String) -> Table {
        Table {
            name,
            notes: SheetNotes::default(),
            row: 0,
            first_row: None,
            last_row: 0,
            first_column: u64::MAX,
            last_column: 0,
            stored: 0,
            pending_text: 0,
        }
    }
}

struct Row {
    repeats: u64,
    column: u64,
    /// The column just past the last non-empty cell.
    end: u64,
}

struct CellState {
    repeats: u64,
    text: u64,
    filled: bool,
    error: bool,
    span: (u64, u64),
    column: u64,
}

pub(super) fn scan(reading: &mut Reading<'_>, bytes: &[u8]) -> Result<Notes, ReadError> {
    let damaged = |reading: &Reading<'_>, detail: String| {
        reading.error(ReadErrorKind::Damaged {
            format: Format::Ods,
            sheet: None,
            row: None,
            detail,
        })
    };
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(reading, e.to_string()))?;
    let entry = archive
        .by_name("content.xml")
        .map_err(|e| damaged(reading, e.to_string()))?;
    let size = entry.size().max(1) as f32;
    let mut xml = Reader::from_reader(BufReader::new(entry));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut notes = Notes::new();
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut cell: Option<CellState> = None;
    // Cells of the tables already closed.
    let mut done_cells = 0u64;
    let mut total_text = 0u64;
    let mut events = 0u64;
    let mut nested = 0u32;
    loop {
        events += 1;
        if events.is_multiple_of(CHECK_EVERY) {
            reading.checkpoint(0.5 * xml.buffer_position() as f32 / size)?;
        }
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| damaged(reading, e.to_string()))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(element) = start {
            match element.name().as_ref() {
                // A table inside a cell is part of that cell for calamine.
                "table:table" if !empty && cell.is_some() => nested += 1,
                "table:table-row" | "table:table-cell" | "table:covered-table-cell"
                    if nested > 0 => {}
                "table:table" if !empty => {
                    table = Some(Table::new(
                        attribute(element, "table:name").unwrap_or_default(),
                    ));
                }
                "table:table-row" => {
                    if let Some(t) = table.as_mut() {
                        let repeats = number(element, "table:number-rows-repeated")
                            .min(MAX_ROWS.saturating_sub(t.row));
                        let open = Row {
                            repeats,
                            column: 0,
                            end: 0,
                        };
                        if empty {
                            t.row += repeats;
                        } else {
                            row = Some(open);
                        }
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(r) = row.as_mut() {
                        let repeats = number(element, "table:number-columns-repeated")
                            .min(MAX_COLUMNS.saturating_sub(r.column));
                        let mut state = CellState {
                            repeats,
                            text: 0,
                            filled: false,
                            error: false,
                            span: (
                                number(element, "table:number-rows-spanned"),
                                number(element, "table:number-columns-spanned"),
                            ),
                            column: r.column,
                        };
                        for attr in element.attributes().flatten() {
                            match attr.key.as_ref() {
                                "office:value-type" => state.filled = true,
                                "calcext:value-type" => {
                                    state.filled = true;
                                    state.error = attr.value.as_ref() == "error";
                                }
                                // Values calamine keeps as text.
                                "table:formula"
                                | "office:string-value"
                                | "office:date-value"
                                | "office:time-value" => {
                                    state.filled = true;
                                    state.text += attr.value.len() as u64;
                                }
                                _ => {}
                            }
                        }
                        if empty {
                            close_cell(table.as_mut(), r, state);
                        } else {
                            cell = Some(state);
                        }
                    }
                }
                "text:s" => {
                    if let Some(c) = cell.as_mut() {
                        c.text = c.text.saturating_add(number(element, "text:c"));
                    }
                }
                _ => {
                    if let Some(c) = cell.as_mut() {
                        c.text += 1;
                    }
                }
            }
            continue;
        }
        match event {
            Event::Text(text) => {
                if let Some(c) = cell.as_mut() {
                    c.text += text.len() as u64;
                    c.filled |= !text.trim().is_empty();
                }
            }
            Event::GeneralRef(_) | Event::CData(_) => {
                if let Some(c) = cell.as_mut() {
                    c.text += 4;
                    c.filled = true;
                }
            }
            Event::End(end) if nested > 0 && end.name().as_ref() == "table:table" => nested -= 1,
            Event::End(_) if nested > 0 => {}
            Event::End(end) => match end.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                        close_cell(table.as_mut(), r, c);
                    }
                }
                "table:table-row" => {
                    if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                        if r.end > 0 && r.repeats > 0 {
                            t.first_row.get_or_insert(t.row);
                            t.last_row = t.row + r.repeats - 1;
                            t.stored += r.end;
                        }
                        t.row += r.repeats;
                        check(reading, done_cells.saturating_add(t.cells()), total_text)?;
                    }
                }
                "table:table" => {
                    if let Some(t) = table.take() {
                        let limit = reading.options.limits.max_rows as u64;
                        if t.first_row
                            .is_some_and(|first| t.last_row + 1 - first > limit)
                        {
                            return Err(reading.error(ReadErrorKind::TooManyRows {
                                sheet: t.name,
                                limit: limit as usize,
                            }));
                        }
                        done_cells = done_cells.saturating_add(t.cells());
                        check(reading, done_cells, total_text)?;
                        notes.insert(t.name, t.notes);
                    }
                }
                _ => {}
            },
            Event::Eof => {
                // calamine reads a sheet until its end tag and, at the end of the file
                // instead, asks for the next event forever: a cut file must stop here.
                if let Some(open) = &table {
                    return Err(damaged(
                        reading,
                        format!("content.xml ends inside the sheet \"{}\"", open.name),
                    ));
                }
                if nested > 0 || row.is_some() || cell.is_some() {
                    return Err(damaged(reading, "content.xml ends inside a sheet".into()));
                }
                break;
            }
            _ => {}
        }
        if let Some(pending) = pending_text(&mut table) {
            total_text = total_text.saturating_add(pending);
            check(reading, done_cells, total_text)?;
        }
    }
    Ok(notes)
}

/// Text counted in the open table since the last look, taken out of it.
fn pending_text(table: &mut Option<Table>) -> Option<u64> {
    let t = table.as_mut()?;
    let pending = std::mem::take(&mut t.pending_text);
    (pending > 0).then_some(pending)
}

fn close_cell(table: Option<&mut Table>, row: &mut Row, cell: CellState) {
    let Some(t) = table else {
        row.column += cell.repeats;
        return;
    };
    if cell.filled && cell.repeats > 0 && row.repeats > 0 {
        row.end = cell.column + cell.repeats;
        t.first_column = t.first_column.min(cell.column);
        t.last_column = t.last_column.max(row.end - 1);
        t.pending_text = t.pending_text.saturating_add(
            cell.text
                .saturating_mul(cell.repeats)
                .saturating_mul(row.repeats),
        );
        let at = (t.row as usize, cell.column as usize);
        if cell.error {
            t.notes
                .errors
                .push((at, (row.repeats as usize, cell.repeats as usize)));
        }
        let (rows, columns) = cell.span;
        if rows > 1 || columns > 1 {
            let last = (
                (t.row + rows.min(MAX_ROWS) - 1) as usize,
                (cell.column + columns.min(MAX_COLUMNS) - 1) as usize,
            );
            t.notes.merged.push((at, last));
        }
    }
    row.column += cell.repeats;
}

fn check(reading: &Reading<'_>, cells: u64, text: u64) -> Result<(), ReadError> {
    let limits = reading.options.limits;
    if cells > limits.max_cells as u64 {
        return Err(reading.error(ReadErrorKind::TooManyCells {
            limit: limits.max_cells,
        }));
    }
    if text > limits.max_text_bytes as u64 {
        return Err(reading.error(ReadErrorKind::TooMuchText {
            limit: limits.max_text_bytes,
        }));
    }
    Ok(())
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attr| attr.key.as_ref() == name)
        .map(|attr| attr.value.into_owned())
}

/// A repeat or span count: 1 when absent or unreadable, as calamine reads it (it refuses an
/// unreadable one itself).
fn number(element: &BytesStart<'_>, name: &str) -> u64 {
    attribute(element, name)
        .and_then(|value| value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}
