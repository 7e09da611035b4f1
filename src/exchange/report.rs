//! What an import did, for the command line's text and JSON report and for the dialog's
//! summary: rows read, applied and rejected (with where and why), Comuni matched and
//! created, and conflicts with the project's values.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::change::{Change, Resolution, Target, Value};
use super::describe;
use super::plan::Plan;
use crate::i18n::Lang;
use crate::model::Project;

/// Built from the plan it reports on: its conflicts (one per row of a file that changes
/// every value, a million of them) are put into words one at a time as they are written,
/// never all held at once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport<'p> {
    pub kind: String,
    pub rows_read: usize,
    /// Rows whose values went into the project (0 when nothing was written).
    pub rows_applied: usize,
    pub rows_rejected: Vec<RejectedRow>,
    pub partners_matched: Vec<PartnerRef>,
    pub partners_created: Vec<PartnerRef>,
    /// Names or codes of Comuni the project lacks (when they were not to be created).
    pub partners_unknown: Vec<String>,
    conflicts: Conflicts<'p>,
}

/// The conflicts of a plan, serialized as a list of `ConflictRow`.
#[derive(Debug, Clone, PartialEq)]
struct Conflicts<'p>(&'p Plan);

impl Serialize for Conflicts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.conflicts().map(|(_, change)| conflict_row(change)))
    }
}

/// One reason a row was refused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RejectedRow {
    /// The row's number in the spreadsheet (1-based).
    pub row: usize,
    /// The column's letter (`C`), empty when the whole row is to blame.
    pub column: String,
    /// The column's header.
    pub header: String,
    pub value: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerRef {
    pub id: String,
    pub name: String,
}

/// A value the project had and the file changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictRow {
    pub row: usize,
    pub partner: String,
    /// What is set: `observation 2025-03`, `equipment laptop-2025-03`.
    pub target: String,
    pub old: String,
    pub new: String,
    /// `keep` or `overwrite`.
    pub resolution: String,
}

impl<'p> ImportReport<'p> {
    /// The report of `plan`; `applied` says whether its valid rows were written.
    pub fn new(plan: &'p Plan, project: &Project, applied: bool, lang: Lang) -> ImportReport<'p> {
        let name_of = |id: &crate::model::PartnerId| {
            project
                .partners
                .get(id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        ImportReport {
            kind: plan.kind.key().to_owned(),
            rows_read: plan.rows_read,
            rows_applied: if applied { plan.rows_valid.len() } else { 0 },
            rows_rejected: plan
                .errors
                .iter()
                .map(|error| RejectedRow {
                    row: error.row,
                    column: error.column_letter(),
                    header: error.header.clone(),
                    value: error.value.clone(),
                    reason: describe::reason(lang, &error.reason),
                })
                .collect(),
            partners_matched: plan
                .matched
                .iter()
                .map(|id| PartnerRef {
                    id: id.to_string(),
                    name: name_of(id),
                })
                .collect(),
            partners_created: plan
                .created
                .iter()
                .map(|p| PartnerRef {
                    id: p.id.to_string(),
                    name: p.name.clone(),
                })
                .collect(),
            partners_unknown: plan.unknown.iter().cloned().collect(),
            conflicts: Conflicts(plan),
        }
    }

    /// The conflicts, each put into words when asked for.
    pub fn conflicts(&self) -> impl Iterator<Item = ConflictRow> + '_ {
        self.conflicts
            .0
            .conflicts()
            .map(|(_, change)| conflict_row(change))
    }

    /// The report as people read it on a terminal, written to `out` line by line.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        let rejected: std::collections::BTreeSet<usize> =
            self.rows_rejected.iter().map(|r| r.row).collect();
        writeln!(
            out,
            "{} rows read, {} applied, {} rejected",
            self.rows_read,
            self.rows_applied,
            rejected.len()
        )?;
        writeln!(
            out,
            "Comuni: {} matched, {} created",
            self.partners_matched.len(),
            self.partners_created.len()
        )?;
        for partner in &self.partners_created {
            writeln!(out, "  created {} ({})", partner.name, partner.id)?;
        }
        for name in &self.partners_unknown {
            writeln!(out, "  unknown Comune: {name}")?;
        }
        for row in &self.rows_rejected {
            let place = if row.column.is_empty() {
                format!("row {}", row.row)
            } else {
                format!("row {}, column {} ({})", row.row, row.column, row.header)
            };
            writeln!(out, "  {place}: {:?}: {}", row.value, row.reason)?;
        }
        let count = self.conflicts.0.conflicts().count();
        if count > 0 {
            writeln!(out, "{count} conflicts")?;
        }
        for conflict in self.conflicts() {
            writeln!(
                out,
                "  row {}: {} {}: {} -> {} ({})",
                conflict.row,
                conflict.partner,
                conflict.target,
                conflict.old,
                conflict.new,
                conflict.resolution
            )?;
        }
        Ok(())
    }

    /// The same text as one string.
    pub fn text(&self) -> String {
        let mut bytes = Vec::new();
        self.write_text(&mut bytes)
            .expect("writing to memory never fails");
        // Made of Rust strings, so always UTF-8; lossy rather than a panic path.
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

fn conflict_row(change: &Change) -> ConflictRow {
    ConflictRow {
        row: change.row,
        partner: change.partner.to_string(),
        target: target_text(&change.target),
        old: change.old.as_ref().map(value_text).unwrap_or_default(),
        new: value_text(&change.value),
        resolution: match change.resolution {
            Resolution::Keep => "keep",
            Resolution::Overwrite => "overwrite",
        }
        .to_owned(),
    }
}

/// The target in the plain words of machine output.
pub fn target_text(target: &Target) -> String {
    match target {
        Target::Province => "province".to_owned(),
        Target::Istat => "istat".to_owned(),
        Target::Staff(field) => format!("{field:?}").to_lowercase(),
        Target::Observation(month) => format!("observation {month}"),
        Target::Equipment(id) => format!("equipment {id}"),
        Target::Session(key) => format!("session {}/{}", key.0, key.1),
        Target::ModuleCounts(module) => format!("enrolment {module}"),
        Target::Baseline(id) => format!("indicator {id} baseline"),
        Target::IndicatorTarget(id, year) => format!("indicator {id} target {year}"),
        Target::Observed(id, month) => format!("indicator {id} {month}"),
    }
}

/// The value in the plain form of machine output (`.` decimals, ISO dates).
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Text(text) => text.clone(),
        Value::Count(count) => count.to_string(),
        Value::Number(number) => number.to_string(),
        Value::Observation(o) => {
            let mut text = format!(
                "smart workers {}, agile days {}",
                o.smart_workers, o.agile_days
            );
            for (name, score) in o.survey_scores() {
                if let Some(score) = score {
                    text.push_str(&format!(", {name} {score}"));
                }
            }
            text
        }
        Value::Equipment(e) => format!(
            "{} × {} at {}{}{}",
            e.quantity,
            e.kind.label(),
            e.unit_cost,
            e.ordered
                .map(|m| format!(", ordered {m}"))
                .unwrap_or_default(),
            e.delivered
                .map(|m| format!(", delivered {m}"))
                .unwrap_or_default()
        ),
        Value::Session(s) => format!("{}: {} h, {} attendees", s.date, s.hours, s.attendees),
        Value::Counts {
            enrolled,
            completed,
        } => format!("{enrolled} enrolled, {completed} completed"),
    }
}
