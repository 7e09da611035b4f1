//! The backtest: forecasts made from earlier cut-offs (say 6 and 12 months before the last
//! observation), as the engine would have made them then, against what was observed after:
//! how often the P10–P90 band held the observation, and how far the median was, by months
//! ahead, for each partner, for all partners together and for the consortium.
//!
//! "As the engine would have made them then": observations after the cut-off are removed,
//! milestones reached after it count as planned (for the month they were reached when they had
//! no plan), and devices delivered or ordered after it as not yet delivered or ordered.
//! Training sessions are kept: the plan already listed them. Calibration is redone on what was
//! left, so the backtest measures the whole engine, fit included.

use super::{Projection, ProjectionSettings, Quantiles};
use crate::model::{Month, PartnerId, Project};

/// Cut-offs used when none are asked for: months before the last observation.
pub const DEFAULT_CUTOFFS: [u32; 2] = [6, 12];
/// Fewer comparisons than this and a coverage says nothing: with 10, a band that truly holds
/// eight in ten shows between 60% and 100% two times in three.
pub const MIN_COMPARISONS: usize = 10;

/// Whose forecasts a score is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// The consortium's total, compared in months every observing partner reported.
    Consortium,
    /// Every partner's forecasts pooled.
    AllPartners,
    Partner(PartnerId),
}

/// One forecast made from a cut-off.
#[derive(Debug, Clone, PartialEq)]
pub struct PastForecast {
    pub months_before: u32,
    /// The last month the forecast knew.
    pub cutoff: Month,
    pub projection: Projection,
}

/// How the forecasts of one subject fared at one number of months ahead (`None`: all of them
/// together).
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub subject: Subject,
    pub months_ahead: Option<u32>,
    /// Forecasts compared with an observation.
    pub compared: usize,
    /// Of them, observations within P10–P90.
    pub covered: usize,
    /// Median of |P50 − observed|, in people; `None` when nothing was compared.
    pub median_abs_error: Option<f64>,
}

impl Score {
    /// Share of observations within the band, or `None` when too few to tell.
    pub fn coverage(&self) -> Option<f64> {
        (self.compared >= MIN_COMPARISONS).then(|| self.covered as f64 / self.compared as f64)
    }

    pub fn too_few_to_tell(&self) -> bool {
        self.compared < MIN_COMPARISONS
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Backtest {
    /// The project's last observed month.
    pub anchor: Option<Month>,
    /// The forecasts, one per cut-off that leaves something observed before it.
    pub forecasts: Vec<PastForecast>,
    /// Consortium first, then all partners, then each partner in id order; for each, all
    /// months ahead together, then month by month.
    pub scores: Vec<Score>,
}

impl Backtest {
    /// The scores of one subject: all months ahead together first.
    pub fn of(&self, subject: &Subject) -> impl Iterator<Item = &Score> {
        self.scores.iter().filter(move |s| &s.subject == subject)
    }

    pub fn overall(&self, subject: &Subject) -> Option<&Score> {
        self.of(subject).find(|s| s.months_ahead.is_none())
    }
}

/// Forecasts from each cut-off (months before the last observation), each projected as far as
/// the last observation, and their scores. Settings as for a projection; the horizon is the
/// cut-off's distance.
pub fn backtest(project: &Project, settings: &ProjectionSettings, cutoffs: &[u32]) -> Backtest {
    let Some(anchor) = project.last_observed_month() else {
        return Backtest {
            anchor: None,
            forecasts: Vec::new(),
            scores: Vec::new(),
        };
    };
    let mut forecasts = Vec::new();
    for &months_before in cutoffs {
        if months_before == 0 {
            continue;
        }
        let cutoff = anchor.plus(-(months_before.min(1200) as i32));
        let known = as_known_at(project, cutoff);
        if known.last_observed_month().is_none() {
            continue;
        }
        let settings = ProjectionSettings {
            horizon: months_before,
            ..settings.clone()
        };
        let projection = super::project(&known, None, &settings);
        forecasts.push(PastForecast {
            months_before,
            cutoff,
            projection,
        });
    }
    let scores = score(project, &forecasts);
    Backtest {
        anchor: Some(anchor),
        forecasts,
        scores,
    }
}

/// The project as it stood at the end of `cutoff`.
pub fn as_known_at(project: &Project, cutoff: Month) -> Project {
    let mut known = project.clone();
    for partner in known.partners.values_mut() {
        let later: Vec<Month> = partner
            .observations
            .iter()
            .map(|(month, _)| month)
            .filter(|month| *month > cutoff)
            .collect();
        for month in later {
            partner.observations.set(month, None);
        }
        for dates in partner.milestones.values_mut() {
            if let Some(actual) = dates.actual.filter(|actual| *actual > cutoff) {
                dates.planned = dates.planned.or(Some(actual));
                dates.actual = None;
            }
        }
        for item in partner.equipment.values_mut() {
            if item.delivered.is_some_and(|month| month > cutoff) {
                item.delivered = None;
            }
            if item.ordered.is_some_and(|month| month > cutoff) {
                item.ordered = None;
            }
        }
    }
    known
}

/// One comparison of a forecast with what was observed.
struct Comparison {
    subject: Subject,
    months_ahead: u32,
    covered: bool,
    abs_error: f64,
}

fn compare(band: Quantiles, observed: f64) -> (bool, f64) {
    (
        band.p10 <= observed && observed <= band.p90,
        (band.p50 - observed).abs(),
    )
}

fn score(project: &Project, forecasts: &[PastForecast]) -> Vec<Score> {
    let mut comparisons = Vec::new();
    let observing: Vec<&PartnerId> = project
        .partners
        .iter()
        .filter(|(_, p)| p.observations.last().is_some())
        .map(|(id, _)| id)
        .collect();
    for forecast in forecasts {
        let projection = &forecast.projection;
        for (i, &month) in projection.months.iter().enumerate() {
            let months_ahead = i as u32 + 1;
            for partner in &projection.partners {
                let observed = project
                    .partners
                    .get(&partner.id)
                    .and_then(|p| p.observations.get(month));
                if let (Some(observed), Some(band)) = (observed, partner.band_at(i)) {
                    let (covered, abs_error) = compare(band, observed.smart_workers.max(0) as f64);
                    comparisons.push(Comparison {
                        subject: Subject::Partner(partner.id.clone()),
                        months_ahead,
                        covered,
                        abs_error,
                    });
                }
            }
            let reported: Option<f64> = observing
                .iter()
                .map(|id| {
                    project.partners[*id]
                        .observations
                        .get(month)
                        .map(|o| o.smart_workers.max(0) as f64)
                })
                .sum();
            if let (Some(total), Some(band)) = (reported, projection.consortium.get(i)) {
                let (covered, abs_error) = compare(*band, total);
                comparisons.push(Comparison {
                    subject: Subject::Consortium,
                    months_ahead,
                    covered,
                    abs_error,
                });
            }
        }
    }
    let longest = forecasts.iter().map(|f| f.months_before).max().unwrap_or(0);
    let mut subjects = vec![Subject::Consortium, Subject::AllPartners];
    subjects.extend(project.partners.keys().cloned().map(Subject::Partner));
    let mut scores = Vec::new();
    for subject in subjects {
        let mine = |c: &&Comparison| match &subject {
            Subject::AllPartners => matches!(c.subject, Subject::Partner(_)),
            other => &c.subject == other,
        };
        let horizons = std::iter::once(None).chain((1..=longest).map(Some));
        for months_ahead in horizons {
            let chosen: Vec<&Comparison> = comparisons
                .iter()
                .filter(mine)
                .filter(|c| months_ahead.is_none_or(|h| c.months_ahead == h))
                .collect();
            let mut errors: Vec<f64> = chosen.iter().map(|c| c.abs_error).collect();
            scores.push(Score {
                subject: subject.clone(),
                months_ahead,
                compared: chosen.len(),
                covered: chosen.iter().filter(|c| c.covered).count(),
                median_abs_error: median(&mut errors),
            });
        }
    }
    scores
}

/// The middle value (the mean of the two middle ones for an even count).
fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests;
