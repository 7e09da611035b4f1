//! `cruscotto summary`: one row per partner plus the consortium, as a table or CSV.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use cruscotto::analysis::{self, SummaryRow};

use super::{EXIT_UNREADABLE, SummaryFormat, source};

const HEADER: [&str; 14] = [
    "Comune",
    "Headcount",
    "Smartable",
    "Smart workers",
    "Month",
    "Adoption %",
    "Enrolled",
    "Completed",
    "Completion %",
    "Training h/employee",
    "Devices",
    "Spend €",
    "Milestones",
    "Milestones total",
];

pub fn run(file: Option<&Path>, format: SummaryFormat) -> ExitCode {
    let project = match source::load_project(file) {
        Ok((_, project)) => project,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let summary = analysis::summarize(&project);
    let rows: Vec<[String; 14]> = summary
        .partners
        .iter()
        .chain(std::iter::once(&summary.consortium))
        .map(cells)
        .collect();
    let written = match format {
        SummaryFormat::Table => write_table(&mut io::stdout().lock(), &table_rows(&rows)),
        SummaryFormat::Csv => write_csv(io::stdout().lock(), &rows),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice, not a failure worth a message.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the summary: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Plain machine-readable figures: dot decimals, empty where a figure does not exist.
fn cells(row: &SummaryRow) -> [String; 14] {
    let percent = |share: Option<f64>| {
        share
            .map(|s| format!("{:.1}", s * 100.0))
            .unwrap_or_default()
    };
    [
        row.name.clone(),
        row.headcount.to_string(),
        row.smartable.to_string(),
        row.smart_workers.map(|n| n.to_string()).unwrap_or_default(),
        row.last_month.map(|m| m.to_string()).unwrap_or_default(),
        percent(row.adoption),
        row.enrolled.to_string(),
        row.completed.to_string(),
        percent(row.completion),
        row.training_hours_per_employee
            .map(|h| format!("{h:.1}"))
            .unwrap_or_default(),
        row.devices.to_string(),
        row.spend.to_string(),
        row.milestones_reached.to_string(),
        row.milestones_total.to_string(),
    ]
}

/// The table shows milestones as "reached/total" in one column to stay narrow.
fn table_rows(rows: &[[String; 14]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| {
            let mut cells = row[..12].to_vec();
            cells.push(format!("{}/{}", row[12], row[13]));
            cells
        })
        .collect()
}

fn write_csv(out: impl Write, rows: &[[String; 14]]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.flush()
}

/// Names left-aligned, figures right-aligned; the consortium row set off by a rule.
fn write_table(out: &mut impl Write, rows: &[Vec<String>]) -> io::Result<()> {
    let header = &HEADER[..13];
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
        let mut text = String::new();
        for (column, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let pad = width - cell.chars().count();
            if column > 0 {
                text.push_str("  ");
            }
            if column == 0 {
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', pad));
            } else {
                text.extend(std::iter::repeat_n(' ', pad));
                text.push_str(cell);
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(out, header)?;
    let total_width = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    let (partners, consortium) = rows.split_at(rows.len() - 1);
    for row in partners {
        line(out, &row.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    writeln!(out, "{}", "─".repeat(total_width))?;
    line(
        out,
        &consortium[0].iter().map(String::as_str).collect::<Vec<_>>(),
    )
}
