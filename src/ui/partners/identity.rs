//! Identity and staff: population, headcount, managers and staff with smartable activities,
//! each with what is wrong with it written beside it, then the figures that follow from them
//! (the smartable share of the staff, adoption at the last observation), read-only.

use egui::{Id, Ui};

use super::{PartnerData, Section};
use crate::analysis::ratio;
use crate::i18n::{Lang, format, plural, tr, tr_args};
use crate::model::edit::StaffField;
use crate::model::validate::{Field, Target};
use crate::model::{Edit, Partner};
use crate::ui::ViewCtx;
use crate::ui::widgets::{form, integer_field, section};

#[derive(Default)]
pub struct IdentitySection {}

impl Section for IdentitySection {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>) {
        let (id, partner, findings) = data.parts();
        let lang = cx.lang;
        let all = cx.dashboard.findings.as_slice();
        let target = Target::Partner(id.clone());
        let labels = StaffField::ALL.map(|field| tr(lang, label_key(field)));
        let derived = [
            tr(lang, "partners.identity.smartable_share"),
            tr(lang, "partners.identity.adoption"),
        ];
        let width =
            form::label_width(ui, labels.iter().chain(&derived).map(|l| l.as_ref())) + section::GAP;
        for (field, label) in StaffField::ALL.into_iter().zip(&labels) {
            let value = field.get(partner);
            let problem = form::field_problem(findings, all, lang, &target, problem_field(field));
            form::row(ui, width, label, |ui, label_response| {
                if !cx.editable {
                    ui.strong(format::integer(lang, value));
                } else {
                    let field_id = Id::unique("partners_staff").with(id.as_str()).with(field);
                    let out = integer_field(
                        ui,
                        field_id,
                        label,
                        value,
                        lang,
                        problem.as_ref().map(|(_, text)| text.as_str()),
                    );
                    let unreadable = out.unreadable;
                    out.response.labelled_by(label_response.id);
                    if let Some(value) = out.value {
                        cx.outbox.edit(Edit::SetStaff {
                            partner: id.clone(),
                            field,
                            value,
                        });
                    }
                    form::unreadable_note(ui, unreadable, lang);
                }
                if let Some((severity, text)) = &problem {
                    form::problem_note(ui, *severity, text);
                }
            });
        }
        ui.add_space(6.0);
        form::row(ui, width, &derived[0], |ui, _| {
            ui.strong(smartable_share(lang, partner));
        });
        form::row(ui, width, &derived[1], |ui, _| {
            ui.strong(adoption(lang, partner));
        });
    }
}

fn label_key(field: StaffField) -> &'static str {
    match field {
        StaffField::Population => "partners.identity.population",
        StaffField::Headcount => "partners.identity.headcount",
        StaffField::Managers => "partners.identity.managers",
        StaffField::Smartable => "partners.identity.smartable",
    }
}

fn problem_field(field: StaffField) -> Field {
    match field {
        StaffField::Population => Field::Population,
        StaffField::Headcount => Field::Headcount,
        StaffField::Managers => Field::Managers,
        StaffField::Smartable => Field::Smartable,
    }
}

/// "57,1% dei dipendenti", or "—" without staff.
fn smartable_share(lang: Lang, partner: &Partner) -> String {
    match ratio(partner.smartable, partner.headcount) {
        Some(share) => tr_args(
            lang,
            "partners.identity.smartable_share_value",
            &[("percent", &format::percent(lang, share * 100.0, 1))],
        ),
        None => format::MISSING.to_owned(),
    }
}

/// "23,3% a mar 2026 (28 lavoratori agili)", or that nothing was observed yet.
fn adoption(lang: Lang, partner: &Partner) -> String {
    let Some((month, observation)) = partner.observations.last() else {
        return tr(lang, "partners.identity.not_observed").into_owned();
    };
    let percent = ratio(observation.smart_workers, partner.smartable).map_or_else(
        || format::MISSING.to_owned(),
        |share| format::percent(lang, share * 100.0, 1),
    );
    plural(
        lang,
        "partners.identity.adoption_value",
        observation.smart_workers,
        &[
            ("percent", &percent),
            ("month", &format::month(lang, month)),
        ],
    )
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
