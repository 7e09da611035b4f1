//! A partner's set-up for its draws: its fit found beside it, and the drivers of its groups
//! of draws when the timing ahead is uncertain.

use super::super::settings::BandKind;
use super::super::{Calibration, calibrate, project_calibrated};
use super::*;
use crate::analysis::fixture::{bra_with_regolamento_ahead, equipment, month};
use crate::model::{EquipmentKind, ModelSettings};

#[test]
fn partners_the_calibration_does_not_know_are_fitted_on_the_spot() {
    let demo = crate::demo::embedded();
    let settings = ProjectionSettings::default();
    let calibration = calibrate(&demo, &settings);
    let ids: Vec<&PartnerId> = demo.partners.keys().collect();
    let mut partial: Calibration = calibration.clone();
    // The first, a middle and the last partner unknown; fits of partners the project no
    // longer has, before, between and after its own.
    for id in [ids[0], ids[ids.len() / 2], ids[ids.len() - 1]] {
        partial.fits.remove(id);
    }
    let stray = calibration.fits[ids[1]];
    for id in ["", "0-gone", &format!("{}-gone", ids[2].as_str()), "~gone"] {
        partial.fits.insert(PartnerId::from(id), stray);
    }
    for scenario in [None, demo.scenarios.values().next()] {
        assert_eq!(
            project_calibrated(&demo, scenario, &settings, &partial),
            project_calibrated(&demo, scenario, &settings, &calibration),
        );
    }
}

#[test]
fn groups_share_the_drivers_their_shifts_move_alike() {
    let anchor = month("2025-06");
    let mut comune = bra_with_regolamento_ahead();
    comune.equipment.insert(
        "new".into(),
        equipment(EquipmentKind::Laptop, 30, 900, Some("2025-06"), None),
    );
    let inputs = PartnerInputs::build(&comune, &[], &ModelSettings::default(), anchor, 8.0);
    let id = PartnerId::from("bra");
    let frame = Frame {
        anchor,
        horizon: 12,
        draws: 10,
        seed: 1,
        band: BandKind::Expected,
    };
    let time = |timing: Timing, drivers: Drivers| {
        let mut prepared = Prepared {
            id: &id,
            baseline: inputs.clone(),
            planned: None,
            fit: Fit::priors(
                &Prior {
                    p: 0.03,
                    q: 0.38,
                    spread: (0.5, 0.35),
                    ceiling: 0.6,
                    ceiling_spread: 0.0,
                },
                0,
            ),
            timed: None,
        };
        prepared.time(&timing, &frame, drivers);
        prepared.timed
    };
    let timing = Timing {
        tappe: [-1, 0, 0, 1, 1],
        deliveries: [2, 2, 0, 0, 2],
    };
    let timed = time(timing, Drivers::ALL).expect("a tappa and a delivery ahead");
    // Group 2 moves nothing: the partner's own drivers. Groups 3 and 4 move the tappa alike
    // but not the delivery: each its own drivers.
    assert_eq!(timed.of_group, [Some(0), Some(1), None, Some(2), Some(3)]);
    assert_eq!(timed.drivers[0].gate, Some(month("2025-07")));
    assert_eq!(timed.drivers[1].gate, Some(month("2025-08")));
    assert_eq!(timed.drivers[3].gate, Some(month("2025-09")));
    assert_eq!(timed.drivers[1].devices, [(month("2025-10"), 30.0)]);
    assert_eq!(timed.drivers[2].devices, [(month("2025-08"), 30.0)]);
    // Without the equipment cap the delivery's month changes nothing: groups 0, 1, 2 and 3, 4
    // each live one set of drivers.
    let without_devices = Drivers {
        equipment_cap: false,
        ..Drivers::ALL
    };
    let timed = time(timing, without_devices).expect("a tappa ahead");
    assert_eq!(timed.of_group, [Some(0), None, None, Some(1), Some(1)]);
    assert_eq!(timed.drivers.len(), 2);
    // Nothing ahead switched on: no groups at all.
    let only_training = Drivers {
        training: true,
        ..Drivers::NONE
    };
    assert!(time(timing, only_training).is_none());
}
