//! Finding the header row of a sheet and guessing each column's field and the file's kind
//! from the headers.
//!
//! The header row is the row, among the first `HEADER_SEARCH_ROWS`, whose cells name the
//! most known fields (a title, a logo row or notes may come first). A header cell left empty
//! by a merge takes the text of the cell above it (a header merged over two rows), and the
//! text of a group header above (`Ore` merged over `presenza` and `previste`) is tried
//! joined with the cell's own (`Ore presenza`).

use super::cell::{Cell, Grid};
use super::normalise::normalise;
use super::schema::{FieldKey, FileKind};
use super::values;

/// How far down a sheet the header row is looked for.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// One column of a sheet under its header.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// 0-based index in the sheet's rows.
    pub index: usize,
    /// The header as the sheet shows it (after filling merged cells); may be empty.
    pub header: String,
    /// The field its header names, whatever the kind of file.
    pub named: Option<FieldKey>,
}

/// The header row of a sheet and its columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// 0-based index of the header row; data starts below it.
    pub row: usize,
    pub columns: Vec<Column>,
}

/// The spreadsheet's name for a 0-based column: `A`, …, `Z`, `AA`, ….
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The field a header names: its canonical Italian or English header, a synonym, or
/// `Obiettivo 2025`/`Target 2025` for a yearly target. Units in brackets and signs (`(€)`,
/// `%`) are ignored.
pub fn field_of_header(header: &str) -> Option<FieldKey> {
    let wanted = normalise(header);
    if wanted.is_empty() {
        return None;
    }
    if let Some(year) = target_year(&wanted) {
        return Some(FieldKey::Target(year));
    }
    let without_units = normalise(&strip_brackets(header));
    [wanted.as_str(), without_units.as_str()]
        .into_iter()
        .filter(|text| !text.is_empty())
        .find_map(|text| {
            ALL_FIELDS
                .iter()
                .copied()
                .find(|field| names_of(*field).any(|name| normalise(name) == text))
        })
}

/// Every name a field goes by: its two headers, the schema's synonyms and the importer's.
fn names_of(field: FieldKey) -> impl Iterator<Item = &'static str> {
    let (it, en) = field.header();
    [it, en]
        .into_iter()
        .chain(field.synonyms().iter().copied())
        .chain(more_synonyms(field).iter().copied())
}

/// Headers seen in offices' files besides the schema's synonyms.
fn more_synonyms(field: FieldKey) -> &'static [&'static str] {
    use FieldKey::*;
    match field {
        PartnerId => &["id partner", "codice ente"],
        PartnerName => &[
            "nome comune",
            "comune partner",
            "ente partner",
            "municipality name",
            "nome ente",
        ],
        Istat => &["codice istat comune", "cod istat", "istat cod", "pro com"],
        Headcount => &["totale dipendenti", "numero dipendenti", "staff"],
        Managers => &["numero dirigenti", "dirigenti e po"],
        Population => &["popolazione residente", "abitanti residenti"],
        Month => &[
            "mese anno",
            "anno mese",
            "mese rilevazione",
            "mese di rilevazione",
        ],
        SmartWorkers => &[
            "lavoratori in smart working",
            "dipendenti in lavoro agile nel mese",
            "n lavoratori agili",
            "smart workers",
            "numero lavoratori agili",
        ],
        AgileDays => &[
            "giornate medie",
            "giorni medi di lavoro agile",
            "agile days",
        ],
        Module => &[
            "titolo modulo",
            "nome modulo",
            "titolo del corso",
            "modulo aziendale",
        ],
        Date => &["data della sessione", "data incontro"],
        HoursPresent => &[
            "ore presenti",
            "ore frequenza",
            "ore di frequenza",
            "presenza ore",
            "ore effettive",
        ],
        HoursPlanned => &[
            "ore previste sessione",
            "ore da calendario",
            "durata sessione",
        ],
        Person => &[
            "cognome nome",
            "nome e cognome",
            "nome cognome",
            "partecipante nominativo",
        ],
        Outcome => &["esito corso", "stato completamento"],
        EquipmentKind => &["tipo dotazione", "dotazione", "tipo bene"],
        Quantity => &["numero", "q ta", "pezzi"],
        UnitCost => &[
            "costo unitario iva inclusa",
            "prezzo unitario iva inclusa",
            "costo cad",
        ],
        Ordered => &["mese ordinazione", "data ordinazione"],
        Delivered => &["data di consegna", "mese di consegna"],
        Indicator => &["indicatore pola", "indicatore piao"],
        _ => &[],
    }
}

/// Every field but the yearly targets, which are recognised by their year.
const ALL_FIELDS: [FieldKey; 34] = {
    use FieldKey::*;
    [
        PartnerId,
        PartnerName,
        Istat,
        Province,
        Population,
        Headcount,
        Managers,
        Smartable,
        Month,
        SmartWorkers,
        AgileDays,
        Wellbeing,
        WorkLifeBalance,
        Belonging,
        Module,
        SessionId,
        Date,
        Hours,
        Attendees,
        Enrolled,
        Completed,
        Person,
        HoursPresent,
        HoursPlanned,
        Outcome,
        EquipmentId,
        EquipmentKind,
        Quantity,
        UnitCost,
        Ordered,
        Delivered,
        Indicator,
        Baseline,
        Value,
    ]
};

/// `obiettivo 2025`, `target 2026`, `2025 obiettivo`.
fn target_year(normalised: &str) -> Option<i32> {
    let words: Vec<&str> = normalised.split(' ').collect();
    let is_target = |w: &str| matches!(w, "obiettivo" | "target" | "traguardo");
    let year = match words.as_slice() {
        [word, year] if is_target(word) => year,
        [year, word] if is_target(word) => year,
        [word, "anno", year] if is_target(word) => year,
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    crate::model::YEAR_RANGE.contains(&year).then_some(year)
}

fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '€' | '%' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The header row of `grid` and its columns. `None` for a sheet with no text in its first
/// rows. Columns with neither a header nor any data are left out.
pub fn find_header(grid: &Grid) -> Option<Header> {
    let searched = grid.rows.len().min(HEADER_SEARCH_ROWS);
    let mut best: Option<(usize, usize)> = None;
    let mut first_text = None;
    for row in 0..searched {
        if first_text.is_none() && grid.rows[row].iter().any(is_text) {
            first_text = Some(row);
        }
        // Distinct fields: a header merged over two columns, repeated in both by the
        // reader, must not outscore the row of sub-headers below it.
        let named = header_cells(grid, row)
            .iter()
            .filter_map(|(_, field)| *field)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if named > 0 && best.is_none_or(|(_, most)| named > most) {
            best = Some((row, named));
        }
    }
    let row = best.map(|(row, _)| row).or(first_text)?;
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    let cells = header_cells(grid, row);
    let columns = (0..width)
        .filter_map(|index| {
            let (header, named) = cells.get(index).cloned().unwrap_or_default();
            let has_data = grid.rows[row + 1..]
                .iter()
                .any(|r| r.get(index).is_some_and(|c| !values::is_blank(c)));
            (!header.is_empty() || has_data).then_some(Column {
                index,
                header,
                named,
            })
        })
        .collect();
    Some(Header { row, columns })
}

fn is_text(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(text) if !text.trim().is_empty())
}

/// Each cell of `row` as a header: its shown text and the field it names.
fn header_cells(grid: &Grid, row: usize) -> Vec<(String, Option<FieldKey>)> {
    let cells = &grid.rows[row];
    let above = row.checked_sub(1).map(|r| &grid.rows[r]);
    let mut group = String::new();
    cells
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            let own = header_text(cell);
            let over = above.and_then(|r| r.get(index)).map(header_text);
            if let Some(over) = &over {
                if !over.is_empty() {
                    group = over.clone();
                }
            } else {
                group.clear();
            }
            if own.is_empty() {
                // A header merged over this row and the one above shows only above.
                let over = over.unwrap_or_default();
                let field = field_of_header(&over);
                return (over, field);
            }
            if let Some(field) = field_of_header(&own) {
                return (own, Some(field));
            }
            let joined = format!("{group} {own}");
            match field_of_header(&joined) {
                Some(field) if !group.is_empty() => (joined, Some(field)),
                _ => (own, None),
            }
        })
        .collect()
}

fn header_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.trim().to_owned(),
        // A year as a header (`2025` under "Obiettivo") is a number cell.
        other => values::text(other).unwrap_or_default(),
    }
}

/// Fields that only say which Comune a row is about.
pub fn is_identity(field: FieldKey) -> bool {
    matches!(
        field,
        FieldKey::PartnerId | FieldKey::PartnerName | FieldKey::Istat
    )
}

/// How well each kind fits the named columns, best first: the number of the kind's own
/// fields (besides the Comune) found, ties broken by the share of the kind's fields found.
pub fn kind_scores(header: &Header) -> Vec<(FileKind, usize)> {
    let named: Vec<FieldKey> = header.columns.iter().filter_map(|c| c.named).collect();
    let mut scores: Vec<(FileKind, usize, f64)> = FileKind::ALL
        .into_iter()
        .map(|kind| {
            let own: Vec<FieldKey> = kind
                .fields()
                .iter()
                .copied()
                .filter(|f| !is_identity(*f))
                .collect();
            let found = own.iter().filter(|f| named.contains(f)).count()
                + usize::from(
                    kind == FileKind::Indicators
                        && named.iter().any(|f| matches!(f, FieldKey::Target(_))),
                );
            let share = found as f64 / own.len().max(1) as f64;
            (kind, found, share)
        })
        .collect();
    scores.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)));
    scores
        .into_iter()
        .map(|(kind, found, _)| (kind, found))
        .collect()
}

/// The kind that fits best, if any column names one of its fields.
pub fn guess_kind(header: &Header) -> Option<FileKind> {
    kind_scores(header)
        .into_iter()
        .next()
        .filter(|(_, score)| *score > 0)
        .map(|(kind, _)| kind)
}

/// Whether `field` is a column of `kind` (any yearly target for indicators).
pub fn belongs_to(kind: FileKind, field: FieldKey) -> bool {
    match field {
        FieldKey::Target(_) => kind == FileKind::Indicators,
        field => kind.fields().contains(&field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Cell {
        Cell::Text(text.into())
    }

    fn grid(rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            name: "Foglio1".into(),
            rows,
        }
    }

    #[test]
    fn headers_and_synonyms_in_both_languages() {
        assert_eq!(field_of_header("Comune"), Some(FieldKey::PartnerName));
        assert_eq!(field_of_header("ENTE"), Some(FieldKey::PartnerName));
        assert_eq!(field_of_header("Municipality"), Some(FieldKey::PartnerName));
        assert_eq!(field_of_header("Codice ISTAT"), Some(FieldKey::Istat));
        assert_eq!(
            field_of_header("Dipendenti in lavoro agile"),
            Some(FieldKey::SmartWorkers)
        );
        assert_eq!(field_of_header("Dipendenti"), Some(FieldKey::Headcount));
        assert_eq!(field_of_header("Quantità"), Some(FieldKey::Quantity));
        assert_eq!(field_of_header("Q.tà"), Some(FieldKey::Quantity));
        assert_eq!(
            field_of_header("Costo unitario (€)"),
            Some(FieldKey::UnitCost)
        );
        assert_eq!(
            field_of_header("Ore di presenza"),
            Some(FieldKey::HoursPresent)
        );
        assert_eq!(
            field_of_header("Benessere (1-5)"),
            Some(FieldKey::Wellbeing)
        );
        assert_eq!(
            field_of_header("Obiettivo 2026"),
            Some(FieldKey::Target(2026))
        );
        assert_eq!(field_of_header("Target 2025"), Some(FieldKey::Target(2025)));
        assert_eq!(field_of_header("Note"), None);
        assert_eq!(field_of_header(""), None);
    }

    #[test]
    fn every_canonical_header_reads_back_as_its_field() {
        for field in ALL_FIELDS {
            let (it, en) = field.header();
            assert_eq!(field_of_header(it), Some(field), "{it}");
            assert_eq!(field_of_header(en), Some(field), "{en}");
        }
    }

    #[test]
    fn the_header_row_may_come_after_a_title_and_blank_rows() {
        let sheet = grid(vec![
            vec![t("Rilevazione mensile del lavoro agile")],
            vec![],
            vec![
                Cell::Empty,
                t("Comune"),
                t("Mese"),
                t("Dipendenti in lavoro agile"),
            ],
            vec![Cell::Empty, t("Bra"), t("gen 2025"), Cell::Number(12.0)],
        ]);
        let header = find_header(&sheet).unwrap();
        assert_eq!(header.row, 2);
        // Column A has neither a header nor data.
        assert_eq!(header.columns.len(), 3);
        assert_eq!(header.columns[0].index, 1);
        assert_eq!(guess_kind(&header), Some(FileKind::Observations));
    }

    #[test]
    fn merged_header_cells_are_read_from_above() {
        let sheet = grid(vec![
            vec![t("Comune"), t("Partecipante"), t("Ore"), Cell::Empty],
            vec![Cell::Empty, Cell::Empty, t("presenza"), t("previste")],
            vec![
                t("Bra"),
                t("Rossi Anna"),
                Cell::Number(3.0),
                Cell::Number(4.0),
            ],
        ]);
        let header = find_header(&sheet).unwrap();
        assert_eq!(header.row, 1);
        let named: Vec<_> = header.columns.iter().map(|c| c.named).collect();
        assert_eq!(
            named,
            vec![
                Some(FieldKey::PartnerName),
                Some(FieldKey::Person),
                Some(FieldKey::HoursPresent),
                Some(FieldKey::HoursPlanned)
            ]
        );
        assert_eq!(header.columns[0].header, "Comune");
    }

    #[test]
    fn merged_headers_repeated_by_the_reader_are_read_as_groups() {
        let sheet = grid(vec![
            vec![
                t("Registro presenze"),
                t("Registro presenze"),
                t("Registro presenze"),
            ],
            vec![t("Comune"), t("Ore"), t("Ore")],
            vec![t("Comune"), t("presenza"), t("previste")],
            vec![t("Bra"), Cell::Number(3.0), Cell::Number(4.0)],
        ]);
        let header = find_header(&sheet).unwrap();
        assert_eq!(header.row, 2);
        let named: Vec<_> = header.columns.iter().map(|c| c.named).collect();
        assert_eq!(
            named,
            vec![
                Some(FieldKey::PartnerName),
                Some(FieldKey::HoursPresent),
                Some(FieldKey::HoursPlanned)
            ]
        );
    }

    #[test]
    fn kinds_are_told_apart_by_their_own_columns() {
        let kind_of = |headers: &[&str]| {
            let sheet = grid(vec![headers.iter().map(|h| t(h)).collect()]);
            guess_kind(&find_header(&sheet).unwrap())
        };
        assert_eq!(
            kind_of(&["Comune", "Dipendenti", "Dirigenti"]),
            Some(FileKind::Partners)
        );
        assert_eq!(
            kind_of(&["Ente", "Tipo", "Quantità", "Costo unitario", "Mese ordine"]),
            Some(FileKind::Equipment)
        );
        assert_eq!(
            kind_of(&[
                "Comune",
                "Modulo",
                "Data",
                "Partecipante",
                "Ore di presenza",
                "Esito"
            ]),
            Some(FileKind::Attendance)
        );
        assert_eq!(
            kind_of(&["Comune", "Modulo", "Data", "Ore", "Partecipanti"]),
            Some(FileKind::Sessions)
        );
        assert_eq!(
            kind_of(&["Comune", "Modulo", "Iscritti", "Completati"]),
            Some(FileKind::Enrolment)
        );
        assert_eq!(
            kind_of(&[
                "Comune",
                "Indicatore",
                "Valore di partenza",
                "Obiettivo 2025"
            ]),
            Some(FileKind::Indicators)
        );
        assert_eq!(kind_of(&["Note", "Altro"]), None);
    }

    #[test]
    fn column_letters_like_the_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
