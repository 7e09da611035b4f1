//! The collector every rule reports to, with the checks that recur across items.

use super::place::Place;
use super::{Field, Finding, Problem, Severity};
use crate::model::{Month, Project, WORKING_DAYS_PER_MONTH, is_well_formed};

/// In-person work must prevail: more agile days than this in a month is a warning.
const MAX_PREVAILING_AGILE_DAYS: f64 = 10.0;

pub(super) struct Checker<'a> {
    pub(super) project: &'a Project,
    /// First and last month of the programme; `None` when the end comes before the start,
    /// where every month would be "outside" and the one real error would drown.
    programme: Option<(Month, Month)>,
    findings: Vec<Finding>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(project: &'a Project) -> Checker<'a> {
        let (start, end) = (project.meta.start, project.meta.end);
        Checker {
            project,
            programme: (start <= end).then_some((start, end)),
            findings: Vec::new(),
        }
    }

    pub(super) fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    pub(super) fn report(&mut self, severity: Severity, place: Place<'_>, problem: Problem) {
        self.findings.push(Finding {
            severity,
            path: place.path(self.project),
            target: place.target(),
            problem,
        });
    }

    pub(super) fn error(&mut self, place: Place<'_>, problem: Problem) {
        self.report(Severity::Error, place, problem);
    }

    pub(super) fn warning(&mut self, place: Place<'_>, problem: Problem) {
        self.report(Severity::Warning, place, problem);
    }

    /// Counts of people and things are never negative (an error).
    pub(super) fn count(&mut self, place: Place<'_>, field: Field, value: i64) {
        if value < 0 {
            self.error(place, Problem::Negative { field, value });
        }
    }

    /// `value ≤ limit`, checked only when both are non-negative: a negative count is already
    /// reported and comparing with it would only add noise.
    pub(super) fn at_most(
        &mut self,
        severity: Severity,
        place: Place<'_>,
        (field, value): (Field, i64),
        (limit_field, limit): (Field, i64),
    ) {
        if value >= 0 && limit >= 0 && value > limit {
            let problem = Problem::Exceeds {
                field,
                value,
                limit_field,
                limit,
            };
            self.report(severity, place, problem);
        }
    }

    /// Hours must be a finite number above zero (an error).
    pub(super) fn hours(&mut self, place: Place<'_>, hours: f64) {
        if !(hours.is_finite() && hours > 0.0) {
            let problem = Problem::NotPositive {
                field: Field::Hours,
                value: hours,
            };
            self.error(place, problem);
        }
    }

    /// An error when `value` is outside `min..=max` (NaN included).
    pub(super) fn in_range(
        &mut self,
        place: Place<'_>,
        field: Field,
        value: f64,
        (min, max): (f64, f64),
    ) {
        if !(min..=max).contains(&value) {
            let problem = Problem::OutOfRange {
                field,
                value,
                min,
                max,
            };
            self.error(place, problem);
        }
    }

    /// A month outside the programme is a warning (see the module documentation).
    pub(super) fn within_programme(&mut self, place: Place<'_>, field: Field, month: Month) {
        if let Some((start, end)) = self.programme
            && !(start..=end).contains(&month)
        {
            let problem = Problem::OutsideProgramme {
                field,
                month,
                start,
                end,
            };
            self.warning(place, problem);
        }
    }

    /// Malformed ids are errors: ids travel through files, CSV exports and command lines.
    pub(super) fn id(&mut self, place: Place<'_>, id: &str) {
        if !is_well_formed(id) {
            let problem = Problem::MalformedId { id: id.to_owned() };
            self.error(place, problem);
        }
    }

    /// An empty name or title is a warning: nothing breaks, but people cannot tell items apart.
    pub(super) fn name(&mut self, place: Place<'_>, field: Field, name: &str) {
        if name.trim().is_empty() {
            self.warning(place, Problem::Empty { field });
        }
    }

    /// Agile days per month: an error outside 0–22 working days, a warning above 10.
    /// Observations and scenarios set the same figure.
    pub(super) fn agile_days(&mut self, place: Place<'_>, days: f64) {
        let range = (0.0, WORKING_DAYS_PER_MONTH);
        if !(range.0..=range.1).contains(&days) {
            self.in_range(place, Field::AgileDays, days, range);
        } else if days > MAX_PREVAILING_AGILE_DAYS {
            let problem = Problem::MostlyRemote {
                days,
                max: MAX_PREVAILING_AGILE_DAYS,
            };
            self.warning(place, problem);
        }
    }
}
