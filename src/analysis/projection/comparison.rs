//! A scenario against the baseline: adopters at chosen months, training hours, equipment
//! cost, commuting avoided (km and CO2), and where the plan breaks the programme's rules.
//!
//! Commuting avoided, per partner and projected month:
//! mean adopters × agile days / 22 × (annual coefficient / 12). The annual coefficients are
//! ENEA's for a worker whose working days are all remote (docs/model.md has the sources):
//! 3,500 km and 600 kg CO2 a year, i.e. about 13.3 km and 2.3 kg per agile day over the
//! 22 × 12 = 264 working days of the year.

use super::Projection;
use super::bands::Quantiles;
use crate::model::{Cents, Month, PartnerId, WORKING_DAYS_PER_MONTH};

/// Kilometres of commuting avoided per worker-year of full-time remote work (ENEA, 2023).
pub const KM_PER_REMOTE_YEAR: f64 = 3_500.0;
/// CO2 avoided per worker-year of full-time remote work, in kg (ENEA, 2023).
pub const CO2_KG_PER_REMOTE_YEAR: f64 = 600.0;
/// In-person work must prevail: at most this many agile days of 22.
pub const MAX_AGILE_DAYS: f64 = 10.0;
/// POLA floor: agile work open to at least 60% of the staff with smartable activities
/// (art. 263 c. 4-bis, DL 34/2020).
pub const POLA_FLOOR: f64 = 0.6;

/// The same figure for the baseline and the scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair<T> {
    pub baseline: T,
    pub scenario: T,
}

impl Pair<f64> {
    pub fn difference(&self) -> f64 {
        self.scenario - self.baseline
    }
}

impl Pair<Cents> {
    pub fn difference(&self) -> Cents {
        Cents(self.scenario.0.saturating_sub(self.baseline.0))
    }
}

/// The consortium's adopters in one month, both ways.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthComparison {
    pub month: Month,
    pub adopters: Pair<Quantiles>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// More than `MAX_AGILE_DAYS` agile days a month: in-person work must prevail.
    MostlyRemote,
    /// Potential below the POLA floor of smartable staff.
    BelowPolaFloor,
}

/// A partner whose plan breaks a rule, with the value and the limit.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleWarning {
    pub partner: PartnerId,
    pub rule: Rule,
    pub value: f64,
    pub limit: f64,
}

impl RuleWarning {
    /// English text for command-line output; the app words warnings through its i18n layer.
    pub fn message(&self) -> String {
        match self.rule {
            Rule::MostlyRemote => format!(
                "{}: {} agile days a month, more than {} of {WORKING_DAYS_PER_MONTH}: \
                 in-person work must prevail",
                self.partner, self.value, self.limit
            ),
            Rule::BelowPolaFloor => format!(
                "{}: potential {:.0}% of smartable staff, below the POLA floor of {:.0}%",
                self.partner,
                self.value * 100.0,
                self.limit * 100.0
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The chosen months that fall within both projections, in the order asked.
    pub months: Vec<MonthComparison>,
    /// Person-hours of training in the plan.
    pub training_hours: Pair<f64>,
    pub equipment_cost: Pair<Cents>,
    /// Commuting avoided over the projected months, from the mean adopters.
    pub km_saved: Pair<f64>,
    pub co2_saved_kg: Pair<f64>,
    /// The scenario's rule warnings.
    pub warnings: Vec<RuleWarning>,
}

/// Compares `scenario` with `baseline`, both projected over the same months.
pub fn compare(baseline: &Projection, scenario: &Projection, at: &[Month]) -> Comparison {
    let months = at
        .iter()
        .filter_map(|&month| {
            Some(MonthComparison {
                month,
                adopters: Pair {
                    baseline: baseline.consortium_at(month)?,
                    scenario: scenario.consortium_at(month)?,
                },
            })
        })
        .collect();
    let pair = |f: &dyn Fn(&Projection) -> f64| Pair {
        baseline: f(baseline),
        scenario: f(scenario),
    };
    let agile_days = pair(&agile_person_days);
    let per_day = |annual: f64| annual / (12.0 * WORKING_DAYS_PER_MONTH);
    Comparison {
        months,
        training_hours: pair(&|p| p.partners.iter().map(|x| x.person_hours).sum()),
        equipment_cost: Pair {
            baseline: baseline.partners.iter().map(|x| x.equipment_cost).sum(),
            scenario: scenario.partners.iter().map(|x| x.equipment_cost).sum(),
        },
        km_saved: Pair {
            baseline: agile_days.baseline * per_day(KM_PER_REMOTE_YEAR),
            scenario: agile_days.scenario * per_day(KM_PER_REMOTE_YEAR),
        },
        co2_saved_kg: Pair {
            baseline: agile_days.baseline * per_day(CO2_KG_PER_REMOTE_YEAR),
            scenario: agile_days.scenario * per_day(CO2_KG_PER_REMOTE_YEAR),
        },
        warnings: scenario.warnings.clone(),
    }
}

/// Agile person-days over the projection: Σ mean adopters × agile days, over partners and
/// months.
fn agile_person_days(projection: &Projection) -> f64 {
    projection
        .partners
        .iter()
        .map(|partner| partner.mean.iter().sum::<f64>() * partner.agile_days)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::projection::PartnerProjection;
    use crate::analysis::projection::calibrate::Fit;

    fn projection(adopters: f64, days: f64, hours: f64, euros: i64) -> Projection {
        let months = vec![Month::new(2026, 1).unwrap(), Month::new(2026, 2).unwrap()];
        Projection {
            anchor: Month::new(2025, 12).unwrap(),
            months: months.clone(),
            draws: 1,
            band: crate::analysis::projection::BandKind::Observed,
            partners: vec![PartnerProjection {
                id: "bra".into(),
                fit: Fit::priors(
                    &crate::analysis::projection::calibrate::Prior {
                        p: 0.03,
                        q: 0.38,
                        spread: (0.5, 0.35),
                        ceiling: 0.6,
                        ceiling_spread: 0.2,
                    },
                    0,
                ),
                potential: 100.0,
                ceiling_share: 0.6,
                agile_days: days,
                person_hours: hours,
                equipment_cost: Cents::from_euros(euros),
                start: None,
                mean: vec![adopters, adopters],
                band: None,
            }],
            consortium: vec![Quantiles::all(adopters); 2],
            warnings: Vec::new(),
        }
    }

    #[test]
    fn figures_side_by_side_with_hand_computed_savings() {
        let baseline = projection(22.0, 8.0, 100.0, 1_000);
        let mut scenario = projection(44.0, 11.0, 150.0, 21_000);
        scenario.warnings.push(RuleWarning {
            partner: "bra".into(),
            rule: Rule::MostlyRemote,
            value: 11.0,
            limit: MAX_AGILE_DAYS,
        });
        let at = [Month::new(2026, 2).unwrap(), Month::new(2027, 1).unwrap()];
        let comparison = compare(&baseline, &scenario, &at);
        assert_eq!(comparison.months.len(), 1, "a month outside is left out");
        assert_eq!(comparison.months[0].adopters.scenario.p50, 44.0);
        assert_eq!(comparison.training_hours.difference(), 50.0);
        assert_eq!(
            comparison.equipment_cost.scenario,
            Cents::from_euros(21_000)
        );
        // 22 people × 2 months × 8 days = 352 agile days; 3,500 km / 264 days each.
        assert!((comparison.km_saved.baseline - 352.0 * 3_500.0 / 264.0).abs() < 1e-9);
        assert!((comparison.co2_saved_kg.baseline - 352.0 * 600.0 / 264.0).abs() < 1e-9);
        // 44 × 2 × 11 = 968 agile days.
        assert!((comparison.co2_saved_kg.scenario - 968.0 * 600.0 / 264.0).abs() < 1e-9);
        assert_eq!(comparison.warnings.len(), 1);
        assert_eq!(
            comparison.warnings[0].message(),
            "bra: 11 agile days a month, more than 10 of 22: in-person work must prevail"
        );
        let floor = RuleWarning {
            partner: "alba".into(),
            rule: Rule::BelowPolaFloor,
            value: 0.45,
            limit: POLA_FLOOR,
        };
        assert_eq!(
            floor.message(),
            "alba: potential 45% of smartable staff, below the POLA floor of 60%"
        );
    }
}
