//! Where the scenario breaks the programme's rules: more than 10 agile days of 22 (in-person
//! work must prevail), a potential below the POLA floor of 60% of smartable staff. A global
//! change breaks a rule for many partners at once: the same rule at the same value is one
//! line naming them ("Tutti i Comuni", or the first three and how many more).

use egui::Ui;

use super::words::{at_share, days_text, partner_name, share_text};
use crate::analysis::projection::{MAX_AGILE_DAYS, POLA_FLOOR, Rule, RuleWarning};
use crate::analysis::scenario_figures::ScenarioFigures;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::validate::Severity;
use crate::model::{PartnerId, Project, ScenarioId, WORKING_DAYS_PER_MONTH};
use crate::ui::ViewCtx;
use crate::ui::widgets::{form, section};

/// Lines shown before "and N more".
const MAX_LINES: usize = 20;
/// Partners named in one line before "and N more".
const MAX_NAMED: usize = 3;

/// One rule broken at one value, by some partners.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub rule: Rule,
    pub value: f64,
    pub limit: f64,
    pub partners: Vec<PartnerId>,
}

#[derive(Default)]
pub struct WarningsList {
    key: Option<(u64, Option<ScenarioId>)>,
    groups: Vec<Group>,
}

impl WarningsList {
    /// Regroups the warnings when the figures change.
    pub fn refresh(&mut self, _cx: &ViewCtx<'_>, figures: &ScenarioFigures) {
        let key = (figures.revision, figures.scenario_id.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.groups = figures
            .comparison
            .as_ref()
            .map_or_else(Vec::new, |c| group(&c.warnings));
        self.key = Some(key);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>, figures: Option<&ScenarioFigures>) {
        let lang = cx.lang;
        section::panel(ui, |ui| {
            section::heading(ui, &tr(lang, "scenarios.warnings.title"));
            if figures.and_then(|f| f.comparison.as_ref()).is_none() {
                section::note(ui, &tr(lang, "scenarios.warnings.no_scenario"));
                return;
            }
            if self.groups.is_empty() {
                let rules = tr_args(
                    lang,
                    "scenarios.warnings.none",
                    &[
                        ("limit", &days_text(lang, MAX_AGILE_DAYS)),
                        ("working", &days_text(lang, WORKING_DAYS_PER_MONTH)),
                        ("at_floor", &at_share(lang, POLA_FLOOR)),
                    ],
                );
                section::note(ui, &rules);
                return;
            }
            for group in self.groups.iter().take(MAX_LINES) {
                form::problem_note(ui, Severity::Warning, &describe(lang, cx.project, group));
            }
            if self.groups.len() > MAX_LINES {
                let more = (self.groups.len() - MAX_LINES) as i64;
                section::note(
                    ui,
                    &crate::i18n::plural(lang, "scenarios.warnings.more", more, &[]),
                );
            }
        });
    }
}

/// Warnings of the same rule and value together, in rule order, the worst value first.
pub fn group(warnings: &[RuleWarning]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for warning in warnings {
        let found = groups
            .iter_mut()
            .find(|g| g.rule == warning.rule && (g.value - warning.value).abs() < 1e-9);
        match found {
            Some(group) => group.partners.push(warning.partner.clone()),
            None => groups.push(Group {
                rule: warning.rule,
                value: warning.value,
                limit: warning.limit,
                partners: vec![warning.partner.clone()],
            }),
        }
    }
    groups.sort_by(|a, b| {
        a.rule.cmp(&b.rule).then_with(|| match a.rule {
            // More days and a lower ceiling are worse.
            Rule::MostlyRemote => b.value.total_cmp(&a.value),
            Rule::BelowPolaFloor => a.value.total_cmp(&b.value),
        })
    });
    groups
}

/// The group in one sentence.
pub fn describe(lang: Lang, project: &Project, group: &Group) -> String {
    let who = who(lang, project, &group.partners);
    match group.rule {
        Rule::MostlyRemote => tr_args(
            lang,
            "scenarios.warnings.mostly_remote",
            &[
                ("who", &who),
                ("days", &days_text(lang, group.value)),
                ("working", &days_text(lang, WORKING_DAYS_PER_MONTH)),
                ("limit", &days_text(lang, group.limit)),
            ],
        ),
        Rule::BelowPolaFloor => tr_args(
            lang,
            "scenarios.warnings.below_pola_floor",
            &[
                ("who", &who),
                ("at_share", &at_share(lang, group.value)),
                ("floor", &share_text(lang, group.limit)),
            ],
        ),
    }
}

fn who(lang: Lang, project: &Project, partners: &[PartnerId]) -> String {
    if partners.len() > 1 && partners.len() == project.partners.len() {
        return tr(lang, "scenarios.words.all_partners").into_owned();
    }
    let named: Vec<String> = partners
        .iter()
        .take(MAX_NAMED)
        .map(|id| partner_name(project, id))
        .collect();
    let named = named.join(", ");
    if partners.len() <= MAX_NAMED {
        return named;
    }
    let more = format::integer(lang, (partners.len() - MAX_NAMED) as i64);
    tr_args(
        lang,
        "scenarios.warnings.and_more",
        &[("named", &named), ("count", &more)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, Partner};

    fn project(count: usize) -> Project {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("Test", start, start.plus(11));
        for i in 0..count {
            project.partners.insert(
                PartnerId::new(format!("p{i}")),
                Partner::new(format!("Comune {i}"), "CN", start),
            );
        }
        project
    }

    fn warning(partner: &str, rule: Rule, value: f64) -> RuleWarning {
        let limit = match rule {
            Rule::MostlyRemote => MAX_AGILE_DAYS,
            Rule::BelowPolaFloor => POLA_FLOOR,
        };
        RuleWarning {
            partner: partner.into(),
            rule,
            value,
            limit,
        }
    }

    #[test]
    fn a_global_change_is_one_line_for_every_partner() {
        let project = project(3);
        let warnings: Vec<RuleWarning> = ["p0", "p1", "p2"]
            .iter()
            .map(|p| warning(p, Rule::MostlyRemote, 12.0))
            .collect();
        let groups = group(&warnings);
        assert_eq!(groups.len(), 1);
        assert_eq!(
            describe(Lang::It, &project, &groups[0]),
            "Tutti i Comuni: 12 giorni agili su 22 al mese, oltre il limite di 10: \
             il lavoro in presenza deve restare prevalente"
        );
    }

    #[test]
    fn many_partners_are_named_three_then_counted() {
        let project = project(10);
        let warnings: Vec<RuleWarning> = (0..5)
            .map(|i| warning(&format!("p{i}"), Rule::BelowPolaFloor, 0.45))
            .chain([warning("p9", Rule::BelowPolaFloor, 0.3)])
            .chain([warning("p8", Rule::MostlyRemote, 11.0)])
            .collect();
        let groups = group(&warnings);
        let lines: Vec<String> = groups
            .iter()
            .map(|g| describe(Lang::En, &project, g))
            .collect();
        assert_eq!(
            lines,
            [
                "Comune 8: 11 agile days out of 22 a month, more than 10: in-person work \
                 must prevail",
                "Comune 9: potential at 30% of smartable staff, below the POLA floor (60%)",
                "Comune 0, Comune 1, Comune 2 and 2 more: potential at 45% of smartable \
                 staff, below the POLA floor (60%)",
            ]
        );
        assert_eq!(
            describe(Lang::It, &project, &groups[1]),
            "Comune 9: potenziale al 30% dello smartabile, sotto la soglia POLA (60%)"
        );
    }
}
