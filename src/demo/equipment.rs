//! Dotazioni: what a partner buys so its staff can work remotely, sized to its smartable
//! staff and timed on its "equipment delivered" milestone.

use std::collections::BTreeMap;

use rand::RngExt;

use crate::model::{
    Cents, Equipment, EquipmentId, EquipmentKind, MilestoneDates, MilestoneKind, Month,
};

use super::calendar::Calendar;
use super::profile::Profile;
use super::random::{DemoRng, between, months_between as draw};
use super::staff::Staff;

/// Unit prices in euros, public-procurement ranges (design brief: a laptop ≈ €1,000;
/// licences are yearly subscriptions of tens of euros).
const LAPTOP_EUROS: (f64, f64) = (800.0, 1_100.0);
const TABLET_EUROS: (f64, f64) = (350.0, 500.0);
const VPN_EUROS: (f64, f64) = (30.0, 60.0);
const SOFTPHONE_EUROS: (f64, f64) = (20.0, 45.0);
const COLLABORATION_EUROS: (f64, f64) = (40.0, 90.0);
const CLOUD_EUROS: (f64, f64) = (25.0, 60.0);
const SIGNATURE_EUROS: (f64, f64) = (40.0, 70.0);

/// Devices bought cover most of the staff expected to work agile; the rest use their own.
const DEVICES_PER_EXPECTED_SMART_WORKER: (f64, f64) = (0.8, 1.0);
/// The first order carries most laptops; a second follows once the pilot shows the need.
const FIRST_BATCH_SHARE: (f64, f64) = (0.65, 0.85);
const SECOND_BATCH_AFTER_FIRST: (i32, i32) = (5, 10);
/// Devices arrive 1–4 months after the order; licences within 1–2.
const DEVICE_LEAD_MONTHS: (i32, i32) = (1, 4);
const LICENCE_LEAD_MONTHS: (i32, i32) = (1, 2);
const SOFTPHONES_PER_LAPTOP: (f64, f64) = (0.4, 0.8);
const COLLABORATION_PER_SMARTABLE: (f64, f64) = (0.8, 1.0);
const CLOUD_PER_SMARTABLE: (f64, f64) = (0.5, 1.0);
const CLOUD_ODDS: f64 = 0.5;
const TABLET_ODDS: f64 = 0.3;
/// Digital signatures go to every manager and a few officers who sign acts.
const SIGNATURES_PER_SMARTABLE: (f64, f64) = (0.05, 0.15);
/// Phase two: near the end of the second year the consortium runs one joint tender so every
/// Comune that has its first laptops can equip the POLA floor of 60% of its smartable staff.
/// The laptops are ordered in the programme's penultimate month and still awaited at its end,
/// which leaves the projection room to grow.
const PHASE_TWO_DEVICE_SHARE: f64 = 0.6;
const PHASE_TWO_MONTHS_BEFORE_END: i32 = 1;

/// One acquisition before its order is known to fit in the programme.
struct Order {
    kind: EquipmentKind,
    quantity: i64,
    euros: (f64, f64),
    ordered: i32,
    /// Months from order to delivery; `None` when it is known not to have arrived.
    lead: Option<i32>,
}

pub(super) fn equipment(
    rng: &mut DemoRng,
    profile: &Profile,
    staff: &Staff,
    milestones: &BTreeMap<MilestoneKind, MilestoneDates>,
    calendar: &Calendar,
) -> BTreeMap<EquipmentId, Equipment> {
    let milestone = |kind: MilestoneKind| milestones.get(&kind).copied().unwrap_or_default();
    let offset = |month: Option<Month>| month.map(|m| calendar.offset(m));
    let delivered_milestone = milestone(MilestoneKind::EquipmentDelivered);
    let mapping = offset(milestone(MilestoneKind::Mapping).actual);

    let expected_smart_workers = staff.smartable as f64 * profile.ceiling_share;
    let devices = scaled(
        expected_smart_workers,
        between(rng, DEVICES_PER_EXPECTED_SMART_WORKER),
    );
    let first_batch = scaled(devices as f64, between(rng, FIRST_BATCH_SHARE));
    let second_batch = devices - first_batch;

    // The first laptops arrive when the milestone says they did; if it is not reached yet,
    // they were ordered before the planned month and are still awaited.
    let (first_ordered, first_lead) = match offset(delivered_milestone.actual) {
        Some(delivered) => {
            let lead = draw(rng, DEVICE_LEAD_MONTHS).min(delivered);
            (delivered - lead, Some(lead))
        }
        None => {
            let planned = offset(delivered_milestone.planned).unwrap_or(calendar.last());
            (planned - draw(rng, DEVICE_LEAD_MONTHS), None)
        }
    };
    let first_delivered = first_lead.map(|lead| first_ordered + lead);

    let mut orders = vec![Order {
        kind: EquipmentKind::Laptop,
        quantity: first_batch,
        euros: LAPTOP_EUROS,
        ordered: first_ordered,
        lead: first_lead,
    }];
    if let Some(delivered) = first_delivered {
        orders.push(Order {
            kind: EquipmentKind::Laptop,
            quantity: second_batch,
            euros: LAPTOP_EUROS,
            ordered: delivered + draw(rng, SECOND_BATCH_AFTER_FIRST),
            lead: Some(draw(rng, DEVICE_LEAD_MONTHS)),
        });
    }
    orders.push(Order {
        kind: EquipmentKind::VpnLicence,
        quantity: devices,
        euros: VPN_EUROS,
        ordered: first_ordered,
        lead: Some(draw(rng, LICENCE_LEAD_MONTHS)),
    });
    orders.push(Order {
        kind: EquipmentKind::Softphone,
        quantity: scaled(devices as f64, between(rng, SOFTPHONES_PER_LAPTOP)),
        euros: SOFTPHONE_EUROS,
        ordered: first_ordered + rng.random_range(0..=2),
        lead: Some(draw(rng, LICENCE_LEAD_MONTHS)),
    });
    orders.push(Order {
        kind: EquipmentKind::CollaborationLicence,
        quantity: scaled(
            staff.smartable as f64,
            between(rng, COLLABORATION_PER_SMARTABLE),
        ),
        euros: COLLABORATION_EUROS,
        ordered: first_ordered + rng.random_range(-1..=1),
        lead: Some(draw(rng, LICENCE_LEAD_MONTHS)),
    });
    if rng.random_bool(CLOUD_ODDS) {
        orders.push(Order {
            kind: EquipmentKind::CloudLicence,
            quantity: scaled(staff.smartable as f64, between(rng, CLOUD_PER_SMARTABLE)),
            euros: CLOUD_EUROS,
            ordered: first_ordered + rng.random_range(0..=3),
            lead: Some(draw(rng, LICENCE_LEAD_MONTHS)),
        });
    }
    // Managers sign acts from home first: signatures come right after the mapping.
    orders.push(Order {
        kind: EquipmentKind::DigitalSignature,
        quantity: staff.managers
            + scaled(
                staff.smartable as f64,
                between(rng, SIGNATURES_PER_SMARTABLE),
            ),
        euros: SIGNATURE_EUROS,
        ordered: mapping.unwrap_or(first_ordered) + rng.random_range(0..=2),
        lead: Some(draw(rng, LICENCE_LEAD_MONTHS)),
    });
    if rng.random_bool(TABLET_ODDS) {
        orders.push(Order {
            kind: EquipmentKind::Tablet,
            quantity: scaled(staff.managers as f64, between(rng, (0.5, 1.0))).max(1),
            euros: TABLET_EUROS,
            ordered: first_ordered + rng.random_range(1..=4),
            lead: Some(draw(rng, DEVICE_LEAD_MONTHS)),
        });
    }

    let phase_two = first_delivered.and_then(|_| phase_two(&orders, staff, calendar));

    let mut batches: BTreeMap<EquipmentKind, usize> = BTreeMap::new();
    let mut equipment: BTreeMap<EquipmentId, Equipment> = orders
        .into_iter()
        // Orders placed after the programme's last month have not happened yet.
        .filter(|order| order.quantity > 0 && order.ordered <= calendar.last())
        .map(|order| {
            let batch = batches.entry(order.kind).or_insert(0);
            *batch += 1;
            let id = EquipmentId::new(format!("{}-{}", id_stem(order.kind), batch));
            (id, acquisition(rng, &order, calendar))
        })
        .collect();
    // Priced like the last laptops bought, without a draw, so the rest of the demo (and every
    // observation) stays what the seed made it.
    if let Some(quantity) = phase_two {
        let last_laptops = equipment
            .values()
            .rev()
            .find(|item| item.kind == EquipmentKind::Laptop)
            .map(|item| item.unit_cost);
        if let Some(unit_cost) = last_laptops {
            let batch = batches.entry(EquipmentKind::Laptop).or_insert(0);
            *batch += 1;
            let id = EquipmentId::new(format!("{}-{}", id_stem(EquipmentKind::Laptop), batch));
            let ordered = calendar.last() - PHASE_TWO_MONTHS_BEFORE_END;
            equipment.insert(
                id,
                Equipment {
                    kind: EquipmentKind::Laptop,
                    quantity,
                    unit_cost,
                    ordered: Some(calendar.month(ordered.max(0))),
                    delivered: None,
                },
            );
        }
    }
    equipment
}

/// Laptops still needed to equip `PHASE_TWO_DEVICE_SHARE` of the smartable staff, if any.
fn phase_two(orders: &[Order], staff: &Staff, calendar: &Calendar) -> Option<i64> {
    let ordered_before = calendar.last() - PHASE_TWO_MONTHS_BEFORE_END;
    let devices: i64 = orders
        .iter()
        .filter(|order| order.kind.is_device() && order.ordered <= calendar.last())
        .map(|order| order.quantity)
        .sum();
    let needed = scaled(staff.smartable as f64, PHASE_TWO_DEVICE_SHARE) - devices;
    (needed > 0 && ordered_before > 0).then_some(needed)
}

fn acquisition(rng: &mut DemoRng, order: &Order, calendar: &Calendar) -> Equipment {
    let ordered = order.ordered.max(0);
    let delivered = order
        .lead
        .map(|lead| ordered + lead)
        .filter(|&delivered| delivered <= calendar.last());
    Equipment {
        kind: order.kind,
        quantity: order.quantity,
        unit_cost: unit_cost(rng, order.euros),
        ordered: Some(calendar.month(ordered)),
        delivered: delivered.map(|d| calendar.month(d)),
    }
}

/// A price in the range, rounded to whole euros (to tens for devices), as on a tender.
fn unit_cost(rng: &mut DemoRng, range: (f64, f64)) -> Cents {
    let euros = between(rng, range);
    let rounding = if range.0 >= 100.0 { 10.0 } else { 1.0 };
    Cents::from_euros(((euros / rounding).round() * rounding) as i64)
}

fn id_stem(kind: EquipmentKind) -> &'static str {
    match kind {
        EquipmentKind::Laptop => "portatili",
        EquipmentKind::Tablet => "tablet",
        EquipmentKind::VpnLicence => "vpn",
        EquipmentKind::Softphone => "softphone",
        EquipmentKind::CollaborationLicence => "collaborazione",
        EquipmentKind::CloudLicence => "cloud",
        EquipmentKind::DigitalSignature => "firme-digitali",
    }
}

fn scaled(base: f64, factor: f64) -> i64 {
    (base * factor).round() as i64
}

/// Devices (laptops, tablets) delivered by the end of `month`.
pub(super) fn devices_delivered_by(
    equipment: &BTreeMap<EquipmentId, Equipment>,
    month: Month,
) -> i64 {
    equipment
        .values()
        .filter(|e| e.kind.is_device() && e.delivered_by(month))
        .map(|e| e.quantity)
        .sum()
}
