//! The quantity of a purchase in a scenario: a slider over what makes sense for the Comune
//! (a multiple of its smartable staff, linear so each pixel is a few devices, not dozens),
//! a typed field beside it for any exact number, and a warning when the purchase exceeds
//! the Comune's staff.

use std::ops::RangeInclusive;

use egui::{DragValue, Slider, SliderClamping, Ui};

use super::change_fields::Fields;
use crate::i18n::{format, parse, tr, tr_args};
use crate::model::{PartnerId, Project};
use crate::ui::widgets::icons::{self, Icon};

/// The slider reaches this many devices per smartable employee.
const PER_SMARTABLE: i64 = 2;
/// The slider's reach for a Comune with few or no smartable staff recorded.
const AT_LEAST: i64 = 20;

/// What the slider offers for a purchase of `partner`: up to twice its smartable staff
/// (at least `AT_LEAST`), and never less than the quantity already chosen.
pub fn slider_range(project: &Project, partner: &PartnerId, current: i64) -> RangeInclusive<i64> {
    let smartable = project.partners.get(partner).map_or(0, |p| p.smartable);
    let reach = smartable.saturating_mul(PER_SMARTABLE).max(AT_LEAST);
    1..=reach.max(current)
}

/// The Comune's staff when a purchase of `quantity` exceeds it.
pub fn exceeds_staff(project: &Project, partner: &PartnerId, quantity: i64) -> Option<i64> {
    let staff = project.partners.get(partner)?.headcount;
    (staff > 0 && quantity > staff).then_some(staff)
}

pub fn ui(ui: &mut Ui, f: &Fields<'_>, partner: &PartnerId, quantity: &mut i64) {
    ui.horizontal(|ui| {
        let label = ui.label(tr(f.lang, "scenarios.field.quantity"));
        let range = slider_range(f.project, partner, *quantity);
        ui.add(
            Slider::new(quantity, range)
                .show_value(false)
                .clamping(SliderClamping::Edits),
        )
        .labelled_by(label.id);
        let lang = f.lang;
        ui.add(
            DragValue::new(quantity)
                .range(1..=i64::MAX)
                .speed(0.2)
                .custom_formatter(move |v, _| format::integer(lang, v.round() as i64))
                .custom_parser(move |t| parse::integer(lang, t).map(|v| v as f64)),
        )
        .labelled_by(label.id);
    });
    if let Some(staff) = exceeds_staff(f.project, partner, *quantity) {
        let text = tr_args(
            f.lang,
            "scenarios.quantity.exceeds_staff",
            &[
                ("quantity", &format::integer(f.lang, *quantity)),
                ("staff", &format::integer(f.lang, staff)),
            ],
        );
        let color = ui.visuals().strong_text_color();
        icons::icon_label(ui, Icon::Warning, egui::RichText::new(text), color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slider_reaches_twice_the_smartable_staff_not_ten_thousand() {
        let project = crate::demo::embedded();
        let (id, partner) = project.partners.iter().next().unwrap();
        let range = slider_range(&project, id, 20);
        assert_eq!(*range.end(), partner.smartable * 2);
        assert!(*range.end() < 1_000, "{range:?}");
        // A quantity typed beyond it stays reachable.
        assert_eq!(*slider_range(&project, id, 5_000).end(), 5_000);
        // Unknown or empty Comuni still get a usable slider.
        assert_eq!(
            slider_range(&project, &PartnerId::new("nessuno"), 1),
            1..=AT_LEAST
        );
    }

    #[test]
    fn a_purchase_beyond_the_staff_is_flagged() {
        let project = crate::demo::embedded();
        let (id, partner) = project.partners.iter().next().unwrap();
        assert_eq!(exceeds_staff(&project, id, partner.headcount), None);
        assert_eq!(
            exceeds_staff(&project, id, partner.headcount + 1),
            Some(partner.headcount)
        );
    }
}
