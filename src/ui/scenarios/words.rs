//! A scenario's changes in words, in the interface language, naming partners, modules and
//! purchases as the project names them: "Bra: intesa sindacale 3 mesi prima", "Tutti i
//! Comuni: tetto al 70% dello smartabile". (`ScenarioChange::describe` is the command line's
//! English; this is the app's.)

use std::borrow::Cow;

use crate::i18n::findings::{equipment_label, milestone_label};
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{
    EquipmentKind, MilestoneKind, ModelSetting, ModuleId, PartnerId, Project, ScenarioChange,
};

/// The change as one sentence.
pub fn describe(lang: Lang, project: &Project, change: &ScenarioChange) -> String {
    let who = who(lang, project, change.partner());
    let who = who.as_str();
    match change {
        ScenarioChange::ShiftMilestone {
            milestone, months, ..
        } => tr_args(
            lang,
            "scenarios.words.shift_milestone",
            &[
                ("who", who),
                ("milestone", &milestone_inline(lang, *milestone)),
                ("shift", &shift(lang, *months)),
            ],
        ),
        ScenarioChange::AddEquipment {
            kind,
            quantity,
            unit_cost,
            delivered,
            ..
        } => tr_args(
            lang,
            "scenarios.words.add_equipment",
            &[
                ("who", who),
                ("item", &equipment_item(lang, *quantity, *kind)),
                ("cost", &format::money(lang, *unit_cost)),
                ("month", &format::month_long(lang, *delivered)),
            ],
        ),
        ScenarioChange::MoveEquipment {
            partner,
            equipment,
            delivered,
        } => {
            let found = project
                .partners
                .get(partner)
                .and_then(|p| p.equipment.get(equipment));
            let item = found.map_or_else(
                || equipment.to_string(),
                |e| equipment_item(lang, e.quantity, e.kind),
            );
            let month = format::month_long(lang, *delivered);
            match found.and_then(|e| e.delivered) {
                Some(was) if was != *delivered => tr_args(
                    lang,
                    "scenarios.words.move_equipment",
                    &[
                        ("who", who),
                        ("item", &item),
                        ("month", &month),
                        ("was", &format::month_long(lang, was)),
                    ],
                ),
                _ => tr_args(
                    lang,
                    "scenarios.words.move_equipment_plain",
                    &[("who", who), ("item", &item), ("month", &month)],
                ),
            }
        }
        ScenarioChange::SetCompletionRate { module, rate, .. } => tr_args(
            lang,
            "scenarios.words.completion_rate",
            &[
                ("who", who),
                ("module", &module_title(project, module)),
                ("at_share", &at_share(lang, *rate)),
            ],
        ),
        ScenarioChange::SetCeiling { share, .. } => tr_args(
            lang,
            "scenarios.words.ceiling",
            &[("who", who), ("at_share", &at_share(lang, *share))],
        ),
        ScenarioChange::SetAgileDays { days, .. } => {
            let key = if *days == 1.0 {
                "scenarios.words.agile_days_one"
            } else {
                "scenarios.words.agile_days_other"
            };
            tr_args(
                lang,
                key,
                &[("who", who), ("days", &days_text(lang, *days))],
            )
        }
        ScenarioChange::ShiftModule { module, months, .. } => tr_args(
            lang,
            "scenarios.words.shift_module",
            &[
                ("who", who),
                ("module", &module_title(project, module)),
                ("shift", &shift(lang, *months)),
            ],
        ),
        ScenarioChange::SetModelSetting { setting, value, .. } => {
            setting_words(lang, who, *setting, *value)
        }
    }
}

fn setting_words(lang: Lang, who: &str, setting: ModelSetting, value: f64) -> String {
    match setting {
        ModelSetting::PilotShare => tr_args(
            lang,
            "scenarios.words.pilot_share",
            &[("who", who), ("at_share", &at_share(lang, value))],
        ),
        ModelSetting::OwnDeviceShare => tr_args(
            lang,
            "scenarios.words.own_device_share",
            &[("who", who), ("at_share", &at_share(lang, value))],
        ),
        ModelSetting::TrainingEffect => tr_args(
            lang,
            "scenarios.words.training_effect",
            &[
                ("who", who),
                ("value", &setting_value(lang, setting, value)),
            ],
        ),
        ModelSetting::InnovationPrior => tr_args(
            lang,
            "scenarios.words.innovation_prior",
            &[
                ("who", who),
                ("value", &setting_value(lang, setting, value)),
            ],
        ),
        ModelSetting::ImitationPrior => tr_args(
            lang,
            "scenarios.words.imitation_prior",
            &[
                ("who", who),
                ("value", &setting_value(lang, setting, value)),
            ],
        ),
    }
}

/// Whom a change concerns: the partner's name, or every partner.
pub fn who(lang: Lang, project: &Project, partner: Option<&PartnerId>) -> String {
    match partner {
        None => tr(lang, "scenarios.words.all_partners").into_owned(),
        Some(id) => partner_name(project, id),
    }
}

/// The partner's name, or its id when it is no longer in the project.
pub fn partner_name(project: &Project, id: &PartnerId) -> String {
    project
        .partners
        .get(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// The module's title, or its id when it is no longer in the catalogue.
pub fn module_title(project: &Project, id: &ModuleId) -> String {
    project
        .catalogue
        .get(id)
        .map_or_else(|| id.to_string(), |m| m.title.clone())
}

/// "12 × Portatile".
pub fn equipment_item(lang: Lang, quantity: i64, kind: EquipmentKind) -> String {
    format!(
        "{} × {}",
        format::integer(lang, quantity),
        equipment_label(lang, kind)
    )
}

/// A milestone's name inside a sentence: "intesa sindacale".
pub fn milestone_inline(lang: Lang, kind: MilestoneKind) -> String {
    lower_first(&milestone_label(lang, kind))
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A share 0–1 as a percentage, with a decimal only when it has one: "70%", "72,5%".
pub fn share_text(lang: Lang, share: f64) -> String {
    let percent = share * 100.0;
    let whole = (percent - percent.round()).abs() < 0.05;
    format::percent(lang, percent, if whole { 0 } else { 1 })
}

/// A share after "at": Italian joins the article to the number as it is read ("al 70%",
/// "all'80%", "all'8%", "allo 0%"); English writes the number alone.
pub fn at_share(lang: Lang, share: f64) -> String {
    let text = share_text(lang, share);
    match lang {
        Lang::En => text,
        Lang::It => {
            let article = italian_article_before((share * 100.0).abs().floor() as u64);
            format!("{article}{text}")
        }
    }
}

/// "al", "all'" or "allo" before a number read out in Italian: uno, otto, undici and the
/// ottanta… begin with a vowel, zero with a z.
fn italian_article_before(number: u64) -> &'static str {
    match number {
        0 => "allo ",
        1 | 8 | 11 | 80..=89 => "all'",
        n if (8_000..9_000).contains(&n) || (80_000..90_000).contains(&n) => "all'",
        _ => "al ",
    }
}

/// Agile days: whole days plain, halves with their decimal.
pub fn days_text(lang: Lang, days: f64) -> String {
    let whole = (days - days.round()).abs() < 0.05;
    format::decimal(lang, days, if whole { 0 } else { 1 })
}

/// "3 mesi prima", "1 mese dopo", "senza spostamenti".
pub fn shift(lang: Lang, months: i32) -> String {
    let count = format::integer(lang, i64::from(months.unsigned_abs()));
    let key = match months {
        0 => return tr(lang, "scenarios.words.not_moved").into_owned(),
        -1 => "scenarios.words.earlier_one",
        1 => "scenarios.words.later_one",
        ..0 => "scenarios.words.earlier_other",
        _ => "scenarios.words.later_other",
    };
    tr_args(lang, key, &[("count", &count)])
}

/// The setting's name, for a field's label and the setting picker.
pub fn setting_label(lang: Lang, setting: ModelSetting) -> Cow<'static, str> {
    let key = match setting {
        ModelSetting::PilotShare => "scenarios.setting.pilot_share",
        ModelSetting::OwnDeviceShare => "scenarios.setting.own_device_share",
        ModelSetting::TrainingEffect => "scenarios.setting.training_effect",
        ModelSetting::InnovationPrior => "scenarios.setting.innovation_prior",
        ModelSetting::ImitationPrior => "scenarios.setting.imitation_prior",
    };
    tr(lang, key)
}

/// Whether the setting is a share or an effect, shown and edited as a percentage.
pub fn setting_is_percent(setting: ModelSetting) -> bool {
    !matches!(
        setting,
        ModelSetting::InnovationPrior | ModelSetting::ImitationPrior
    )
}

/// The setting's value as written in a sentence: "5%", "+50%", "0,030".
pub fn setting_value(lang: Lang, setting: ModelSetting, value: f64) -> String {
    match setting {
        ModelSetting::PilotShare | ModelSetting::OwnDeviceShare => share_text(lang, value),
        ModelSetting::TrainingEffect => format!("+{}", share_text(lang, value)),
        ModelSetting::InnovationPrior | ModelSetting::ImitationPrior => {
            format::decimal(lang, value, 3)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Audience, Cents, Equipment, Module, ModuleArea, ModuleFormat, Month, Partner,
    };

    fn project() -> Project {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("Test", start, start.plus(23));
        let mut bra = Partner::new("Bra", "CN", start);
        bra.equipment.insert(
            "laptops-1".into(),
            Equipment {
                kind: EquipmentKind::Laptop,
                quantity: 12,
                unit_cost: Cents::from_euros(900),
                ordered: None,
                delivered: Month::new(2025, 9),
            },
        );
        project.partners.insert("bra".into(), bra);
        let module = Module {
            title: "Leadership agile".into(),
            area: ModuleArea::Leadership,
            format: ModuleFormat::Classroom,
            hours: 8.0,
            audience: Audience::Managers,
            indicators: Default::default(),
            retired: false,
        };
        project.catalogue.insert("leadership".into(), module);
        project
    }

    fn bra() -> Option<PartnerId> {
        Some("bra".into())
    }

    #[test]
    fn milestone_shifts_read_as_in_a_meeting() {
        let project = project();
        let change = ScenarioChange::ShiftMilestone {
            partner: bra(),
            milestone: MilestoneKind::UnionAgreement,
            months: -3,
        };
        assert_eq!(
            describe(Lang::It, &project, &change),
            "Bra: intesa sindacale 3 mesi prima"
        );
        assert_eq!(
            describe(Lang::En, &project, &change),
            "Bra: union agreement 3 months earlier"
        );
        let later = ScenarioChange::ShiftMilestone {
            partner: None,
            milestone: MilestoneKind::Regolamento,
            months: 1,
        };
        assert_eq!(
            describe(Lang::It, &project, &later),
            "Tutti i Comuni: regolamento 1 mese dopo"
        );
    }

    #[test]
    fn shares_take_the_italian_article_of_the_number() {
        let project = project();
        let ceiling = |share| ScenarioChange::SetCeiling {
            partner: None,
            share,
        };
        assert_eq!(
            describe(Lang::It, &project, &ceiling(0.7)),
            "Tutti i Comuni: tetto al 70% dello smartabile"
        );
        assert_eq!(
            describe(Lang::It, &project, &ceiling(0.8)),
            "Tutti i Comuni: tetto all'80% dello smartabile"
        );
        assert_eq!(
            describe(Lang::En, &project, &ceiling(0.725)),
            "All partners: ceiling at 72.5% of smartable staff"
        );
        assert_eq!(at_share(Lang::It, 0.08), "all'8%");
        assert_eq!(at_share(Lang::It, 0.11), "all'11%");
        assert_eq!(at_share(Lang::It, 0.18), "al 18%");
        assert_eq!(at_share(Lang::It, 0.0), "allo 0%");
        assert_eq!(at_share(Lang::It, 1.0), "al 100%");
    }

    #[test]
    fn purchases_and_modules_are_named_from_the_project() {
        let project = project();
        let added = ScenarioChange::AddEquipment {
            partner: "bra".into(),
            kind: EquipmentKind::Laptop,
            quantity: 20,
            unit_cost: Cents::from_euros(1_000),
            delivered: Month::new(2026, 6).unwrap(),
        };
        assert_eq!(
            describe(Lang::It, &project, &added),
            "Bra: 20 × Portatile in più (€ 1.000 cad.), consegna a giugno 2026"
        );
        let moved = ScenarioChange::MoveEquipment {
            partner: "bra".into(),
            equipment: "laptops-1".into(),
            delivered: Month::new(2025, 6).unwrap(),
        };
        assert_eq!(
            describe(Lang::It, &project, &moved),
            "Bra: consegna di 12 × Portatile a giugno 2025 (prevista settembre 2025)"
        );
        let completion = ScenarioChange::SetCompletionRate {
            partner: None,
            module: "leadership".into(),
            rate: 0.9,
        };
        assert_eq!(
            describe(Lang::En, &project, &completion),
            "All partners: “Leadership agile” completed by 90%"
        );
        let gone = ScenarioChange::ShiftModule {
            partner: Some("ghost".into()),
            module: "ghost-module".into(),
            months: 0,
        };
        assert_eq!(
            describe(Lang::It, &project, &gone),
            "ghost: sessioni di «ghost-module» senza spostamenti"
        );
    }

    #[test]
    fn days_and_settings() {
        let project = project();
        let days = |days| ScenarioChange::SetAgileDays {
            partner: bra(),
            days,
        };
        assert_eq!(
            describe(Lang::It, &project, &days(8.0)),
            "Bra: 8 giorni di lavoro agile al mese"
        );
        assert_eq!(
            describe(Lang::It, &project, &days(1.0)),
            "Bra: 1 giorno di lavoro agile al mese"
        );
        assert_eq!(
            describe(Lang::En, &project, &days(7.5)),
            "Bra: 7.5 agile days a month"
        );
        let effect = ScenarioChange::SetModelSetting {
            partner: None,
            setting: ModelSetting::TrainingEffect,
            value: 0.5,
        };
        assert_eq!(
            describe(Lang::It, &project, &effect),
            "Tutti i Comuni: effetto della formazione sull'imitazione q +50%"
        );
        let prior = ScenarioChange::SetModelSetting {
            partner: bra(),
            setting: ModelSetting::InnovationPrior,
            value: 0.03,
        };
        assert_eq!(
            describe(Lang::En, &project, &prior),
            "Bra: prior innovation p 0.030"
        );
    }
}
