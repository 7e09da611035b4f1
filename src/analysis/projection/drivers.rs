//! The drivers of diffusion month by month (docs/model.md, "Drivers"):
//! - gating: diffusion runs only from the month both the regolamento and the intesa
//!   sindacale are reached;
//! - pilot cap: before the individual agreements at most pilot share × smartable staff;
//! - equipment cap: at most devices delivered + own-device share × smartable staff;
//! - training: imitation q × (1 + training effect × completion).

use super::inputs::{PartnerInputs, value_at};
use super::settings::Drivers;
use crate::model::Month;

/// What the drivers allow in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Conditions {
    /// Diffusion runs this month.
    pub open: bool,
    /// Most adopters allowed, in people; infinite when nothing caps.
    pub cap: f64,
    /// Factor on imitation q.
    pub imitation: f64,
}

/// A run of months with the same conditions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Segment {
    pub first: Month,
    pub months: usize,
    pub conditions: Conditions,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct DriverView<'a> {
    pub inputs: &'a PartnerInputs,
    pub drivers: Drivers,
}

impl DriverView<'_> {
    pub fn conditions(&self, month: Month) -> Conditions {
        let inputs = self.inputs;
        self.conditions_given(
            month,
            value_at(&inputs.devices, month),
            value_at(&inputs.completion, month),
        )
    }

    /// `conditions` with the devices delivered and the training completed by `month`.
    fn conditions_given(&self, month: Month, devices: f64, completion: f64) -> Conditions {
        let (inputs, drivers) = (self.inputs, self.drivers);
        let open = !drivers.gating || inputs.gate.is_some_and(|gate| month >= gate);
        let mut cap = f64::INFINITY;
        if drivers.pilot_cap
            && inputs
                .agreements
                .is_none_or(|agreements| month < agreements)
        {
            cap = cap.min(inputs.model.pilot_share * inputs.smartable);
        }
        if drivers.equipment_cap {
            let own = inputs.model.own_device_share * inputs.smartable;
            cap = cap.min(devices + own);
        }
        let imitation = if drivers.training {
            1.0 + inputs.model.training_effect * completion
        } else {
            1.0
        };
        Conditions {
            open,
            cap,
            imitation,
        }
    }

    /// The first month diffusion may run for a partner with nothing observed: the gate, or
    /// the programme's start when gating is off. `None`: never.
    pub fn origin(&self, programme_start: Month) -> Option<Month> {
        if self.drivers.gating {
            self.inputs.gate
        } else {
            let first = self.inputs.observations.first().map(|(month, _)| *month);
            Some(first.map_or(programme_start, |first| first.min(programme_start)))
        }
    }

    /// `first..=last` cut into runs of equal conditions, caps raised to at least `floor`:
    /// staff already working agile at the start keep doing so.
    #[cfg(test)]
    pub fn segments(&self, first: Month, last: Month, floor: f64) -> Vec<Segment> {
        let mut segments = Vec::new();
        self.segments_into(first, last, floor, &mut segments);
        segments
    }

    /// `segments` into `segments`, whose buffer a partner's runs reuse.
    pub fn segments_into(
        &self,
        first: Month,
        last: Month,
        floor: f64,
        segments: &mut Vec<Segment>,
    ) {
        segments.clear();
        if first > last {
            return;
        }
        // The conditions change only in the months a driver's input does, so they are
        // computed there rather than every month; each series is walked once.
        let mut devices = Walk::new(&self.inputs.devices);
        let mut completion = Walk::new(&self.inputs.completion);
        let mut month = first;
        loop {
            let mut conditions =
                self.conditions_given(month, devices.at(month), completion.at(month));
            conditions.cap = conditions.cap.max(floor);
            let next = self
                .next_change(month, &devices, &completion)
                .filter(|next| *next <= last);
            let until = next.unwrap_or(last.plus(1));
            let months = until.months_since(month) as usize;
            match segments.last_mut() {
                Some(segment) if segment.conditions == conditions => segment.months += months,
                _ => segments.push(Segment {
                    first: month,
                    months,
                    conditions,
                }),
            }
            match next {
                Some(next) => month = next,
                None => return,
            }
        }
    }

    /// The first month after `month` in which an input of a driver switched on changes;
    /// `devices` and `completion` have been asked `month` last.
    fn next_change(
        &self,
        month: Month,
        devices: &Walk<'_>,
        completion: &Walk<'_>,
    ) -> Option<Month> {
        let (inputs, drivers) = (self.inputs, self.drivers);
        let after = |candidate: Option<Month>| candidate.filter(|m| *m > month);
        [
            after(inputs.gate.filter(|_| drivers.gating)),
            after(inputs.agreements.filter(|_| drivers.pilot_cap)),
            devices.next().filter(|_| drivers.equipment_cap),
            completion.next().filter(|_| drivers.training),
        ]
        .into_iter()
        .flatten()
        .min()
    }
}

/// `value_at` of a series for months asked in order.
struct Walk<'a> {
    series: &'a [(Month, f64)],
    /// How many of the series' months are at or before the last month asked.
    passed: usize,
}

impl<'a> Walk<'a> {
    fn new(series: &'a [(Month, f64)]) -> Walk<'a> {
        Walk { series, passed: 0 }
    }

    /// The value at `month`, no earlier than the last month asked.
    fn at(&mut self, month: Month) -> f64 {
        while self
            .series
            .get(self.passed)
            .is_some_and(|(from, _)| *from <= month)
        {
            self.passed += 1;
        }
        self.passed.checked_sub(1).map_or(0.0, |i| self.series[i].1)
    }

    /// The first month of the series after the last month asked.
    fn next(&self) -> Option<Month> {
        self.series.get(self.passed).map(|(month, _)| *month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::month;
    use crate::model::ModelSettings;

    fn inputs() -> PartnerInputs {
        PartnerInputs {
            smartable: 200.0,
            model: ModelSettings::default(),
            gate: Some(month("2025-04")),
            agreements: Some(month("2025-07")),
            devices: vec![(month("2025-05"), 30.0), (month("2025-09"), 80.0)],
            completion: vec![(month("2025-03"), 0.2), (month("2025-08"), 0.6)],
            observations: Vec::new(),
            agile_days: 8.0,
            person_hours: 0.0,
            equipment_cost: Default::default(),
            changed: false,
            ahead: Default::default(),
        }
    }

    #[test]
    fn each_driver_month_by_month() {
        let inputs = inputs();
        let view = DriverView {
            inputs: &inputs,
            drivers: Drivers::ALL,
        };
        let at = |m: &str| view.conditions(month(m));
        // Closed before the gate; the pilot cap (5% of 200) binds before the agreements.
        assert!(!at("2025-03").open);
        assert!(at("2025-04").open);
        assert_eq!(
            at("2025-04").cap,
            6.0,
            "no devices yet: own devices, 3% of 200"
        );
        assert_eq!(at("2025-05").cap, 10.0, "pilot cap, 5% of 200");
        // After the agreements: devices + own devices.
        assert_eq!(at("2025-07").cap, 36.0);
        assert_eq!(at("2025-09").cap, 86.0);
        // Training: q × (1 + 0.5 × completion).
        assert_eq!(at("2025-02").imitation, 1.0);
        assert_eq!(at("2025-03").imitation, 1.1);
        assert_eq!(at("2025-08").imitation, 1.3);
    }

    #[test]
    fn drivers_switched_off_leave_plain_diffusion() {
        let inputs = inputs();
        let view = DriverView {
            inputs: &inputs,
            drivers: Drivers::NONE,
        };
        let plain = Conditions {
            open: true,
            cap: f64::INFINITY,
            imitation: 1.0,
        };
        assert_eq!(view.conditions(month("2025-01")), plain);
        assert_eq!(view.conditions(month("2025-08")), plain);
        assert_eq!(
            view.origin(month("2025-01")),
            Some(month("2025-01")),
            "from the programme's start"
        );
        let gated = DriverView {
            inputs: &inputs,
            drivers: Drivers::ALL,
        };
        assert_eq!(gated.origin(month("2025-01")), Some(month("2025-04")));
    }

    #[test]
    fn segments_group_equal_months_and_keep_the_floor() {
        let inputs = inputs();
        let view = DriverView {
            inputs: &inputs,
            drivers: Drivers::ALL,
        };
        let segments = view.segments(month("2025-01"), month("2025-12"), 8.0);
        let starts: Vec<(Month, usize)> = segments.iter().map(|s| (s.first, s.months)).collect();
        assert_eq!(
            starts,
            [
                (month("2025-01"), 2),
                (month("2025-03"), 1),
                (month("2025-04"), 1),
                (month("2025-05"), 2),
                (month("2025-07"), 1),
                (month("2025-08"), 1),
                (month("2025-09"), 4),
            ]
        );
        // Own devices alone (6) would be below the floor of 8 already working agile.
        assert_eq!(segments[2].conditions.cap, 8.0);
        // Every month of every segment has the conditions asked month by month, whichever
        // drivers are on and wherever the months start and end.
        for bits in 0..16 {
            let drivers = Drivers {
                gating: bits & 1 != 0,
                pilot_cap: bits & 2 != 0,
                equipment_cap: bits & 4 != 0,
                training: bits & 8 != 0,
            };
            let view = DriverView {
                inputs: &inputs,
                drivers,
            };
            for (first, last, floor) in [
                ("2025-01", "2025-12", 8.0),
                ("2025-04", "2025-09", 0.0),
                ("2025-08", "2025-08", 50.0),
                ("2024-01", "2027-06", 0.0),
            ] {
                let (first, last) = (month(first), month(last));
                let segments = view.segments(first, last, floor);
                assert_eq!(segments[0].first, first);
                let mut next = first;
                for segment in &segments {
                    assert_eq!(segment.first, next, "{drivers:?}: runs follow each other");
                    assert!(segment.months > 0);
                    next = segment.first.plus(segment.months as i32);
                    for m in segment.first.through(next.plus(-1)) {
                        let mut asked = view.conditions(m);
                        asked.cap = asked.cap.max(floor);
                        assert_eq!(segment.conditions, asked, "{drivers:?} {m:?}");
                    }
                }
                assert_eq!(next, last.plus(1), "{drivers:?}: every month once");
                assert!(
                    segments
                        .windows(2)
                        .all(|w| w[0].conditions != w[1].conditions),
                    "{drivers:?}: equal months in one run"
                );
            }
        }
        assert!(
            view.segments(month("2025-05"), month("2025-04"), 0.0)
                .is_empty()
        );
        // Starting after some steps of the series: what came before still counts.
        let late = view.segments(month("2025-10"), month("2025-11"), 0.0);
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].conditions, view.conditions(month("2025-10")));
    }
}
