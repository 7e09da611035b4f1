//! The scenario against the baseline, figure by figure: smart workers 6, 12, 18 and 24 months
//! ahead and in a month the user picks (median, and P10–P90 in brackets), training hours,
//! equipment cost, commuting km and CO2 avoided over the projected months, with the
//! difference.

use egui::{ComboBox, Grid, RichText, Ui};

use crate::analysis::projection::{Comparison, Pair, Projection, Quantiles};
use crate::analysis::scenario_figures::ScenarioFigures;
use crate::i18n::{Lang, format, tr, tr_args};
use crate::model::{Cents, Month};
use crate::ui::ViewCtx;
use crate::ui::widgets::section;

/// One row: what, baseline, scenario, difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub baseline: String,
    pub scenario: String,
    pub difference: String,
}

/// `chosen` is the month of the row the user picks, kept by the view across frames.
pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, figures: &ScenarioFigures, chosen: &mut Option<Month>) {
    let lang = cx.lang;
    section::panel(ui, |ui| {
        section::heading(ui, &tr(lang, "scenarios.table.title"));
        let Some(comparison) = &figures.comparison else {
            section::note(ui, &tr(lang, "scenarios.table.no_scenario"));
            return;
        };
        let name = figures
            .scenario_id
            .as_ref()
            .and_then(|id| cx.project.scenarios.get(id))
            .map_or_else(
                || tr(lang, "scenarios.table.scenario").into_owned(),
                |s| s.name.clone(),
            );
        let headers = [
            tr(lang, "scenarios.table.figure").into_owned(),
            tr(lang, "scenarios.table.baseline").into_owned(),
            name,
            tr(lang, "scenarios.table.difference").into_owned(),
        ];
        Grid::new("scenarios_comparison")
            .num_columns(4)
            .striped(true)
            .spacing([section::GAP * 2.0, 6.0])
            .show(ui, |ui| {
                for header in &headers {
                    ui.label(RichText::new(header).strong());
                }
                ui.end_row();
                let rows = rows(lang, comparison, figures.baseline.anchor);
                let fixed = comparison.months.len().min(rows.len());
                let show = |ui: &mut Ui, row: Row| {
                    ui.label(row.baseline);
                    ui.label(RichText::new(row.scenario).strong());
                    ui.label(row.difference);
                    ui.end_row();
                };
                let mut rows = rows.into_iter();
                for row in rows.by_ref().take(fixed) {
                    ui.label(row.label.clone());
                    show(ui, row);
                }
                let months = &figures.baseline.months;
                if chosen.is_some_and(|month| !months.contains(&month)) {
                    *chosen = None;
                }
                month_picker(ui, lang, months, chosen);
                let scenario = figures.scenario.as_deref();
                show(ui, chosen_row(lang, &figures.baseline, scenario, *chosen));
                for row in rows {
                    ui.label(row.label.clone());
                    show(ui, row);
                }
            });
        let months = figures.baseline.months.len();
        section::note(
            ui,
            &tr_args(
                lang,
                "scenarios.table.note",
                &[
                    (
                        "draws",
                        &format::integer(lang, figures.baseline.draws as i64),
                    ),
                    ("months", &format::integer(lang, months as i64)),
                ],
            ),
        );
    });
}

/// The table's rows, in the language's words and number style.
pub fn rows(lang: Lang, comparison: &Comparison, anchor: Month) -> Vec<Row> {
    let mut rows: Vec<Row> = comparison
        .months
        .iter()
        .map(|month| {
            let after = i64::from(month.month.months_since(anchor));
            Row {
                label: tr_args(
                    lang,
                    "scenarios.table.adopters_at",
                    &[
                        ("month", &format::month(lang, month.month)),
                        ("after", &format::integer(lang, after)),
                    ],
                ),
                baseline: adopters(lang, month.adopters.baseline),
                scenario: adopters(lang, month.adopters.scenario),
                difference: format::signed(
                    lang,
                    month.adopters.scenario.p50.round() - month.adopters.baseline.p50.round(),
                    0,
                ),
            }
        })
        .collect();
    rows.push(number_row(
        lang,
        "scenarios.table.training_hours",
        comparison.training_hours,
        1.0,
    ));
    rows.push(money_row(lang, comparison.equipment_cost));
    rows.push(number_row(
        lang,
        "scenarios.table.km_saved",
        comparison.km_saved,
        1.0,
    ));
    rows.push(number_row(
        lang,
        "scenarios.table.co2_saved",
        comparison.co2_saved_kg,
        1_000.0,
    ));
    rows
}

/// "Lavoratori agili a [month ▾]": any projected month.
fn month_picker(ui: &mut Ui, lang: Lang, months: &[Month], chosen: &mut Option<Month>) {
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "scenarios.table.adopters_in"));
        let shown = chosen.map_or_else(
            || tr(lang, "scenarios.table.pick_month").into_owned(),
            |month| format::month(lang, month),
        );
        let response = ComboBox::from_id_salt("scenarios_chosen_month")
            .selected_text(shown)
            .height(ui.text_style_height(&egui::TextStyle::Body) * 20.0)
            .show_ui(ui, |ui| {
                for &month in months {
                    ui.selectable_value(chosen, Some(month), format::month(lang, month));
                }
            })
            .response;
        response.labelled_by(label.id);
    });
}

/// The figures of the picked month, blank until one is picked.
fn chosen_row(
    lang: Lang,
    baseline: &Projection,
    scenario: Option<&Projection>,
    month: Option<Month>,
) -> Row {
    let at = |projection: Option<&Projection>| projection?.consortium_at(month?);
    let shown =
        |q: Option<Quantiles>| q.map_or_else(|| format::MISSING.to_owned(), |q| adopters(lang, q));
    let (base, other) = (at(Some(baseline)), at(scenario));
    Row {
        label: String::new(),
        baseline: shown(base),
        scenario: shown(other),
        difference: match (base, other) {
            (Some(base), Some(other)) => {
                format::signed(lang, other.p50.round() - base.p50.round(), 0)
            }
            _ => format::MISSING.to_owned(),
        },
    }
}

/// "1.234 (1.180–1.290)": the median, then P10–P90.
pub fn adopters(lang: Lang, q: Quantiles) -> String {
    let people = |v: f64| format::integer(lang, v.round() as i64);
    format!("{} ({}–{})", people(q.p50), people(q.p10), people(q.p90))
}

/// A figure in whole units after dividing by `scale` (kg to tonnes).
fn number_row(lang: Lang, key: &str, pair: Pair<f64>, scale: f64) -> Row {
    let whole = |v: f64| format::integer(lang, (v / scale).round() as i64);
    Row {
        label: tr(lang, key).into_owned(),
        baseline: whole(pair.baseline),
        scenario: whole(pair.scenario),
        difference: format::signed(
            lang,
            (pair.scenario / scale).round() - (pair.baseline / scale).round(),
            0,
        ),
    }
}

fn money_row(lang: Lang, pair: Pair<Cents>) -> Row {
    let difference = pair.difference();
    let difference = match difference.0 {
        0 => "0".to_owned(),
        d if d > 0 => format!("+{}", format::money(lang, difference)),
        _ => format::money(lang, difference),
    };
    Row {
        label: tr(lang, "scenarios.table.equipment_cost").into_owned(),
        baseline: format::money(lang, pair.baseline),
        scenario: format::money(lang, pair.scenario),
        difference,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::projection::MonthComparison;

    fn q(p10: f64, p50: f64, p90: f64) -> Quantiles {
        Quantiles { p10, p50, p90 }
    }

    #[test]
    fn rows_read_as_the_room_expects() {
        let comparison = Comparison {
            months: vec![MonthComparison {
                month: Month::new(2027, 6).unwrap(),
                adopters: Pair {
                    baseline: q(1_180.4, 1_234.2, 1_290.0),
                    scenario: q(1_250.0, 1_301.0, 1_360.7),
                },
            }],
            training_hours: Pair {
                baseline: 12_000.0,
                scenario: 12_000.0,
            },
            equipment_cost: Pair {
                baseline: Cents::from_euros(329_130),
                scenario: Cents::from_euros(349_130),
            },
            km_saved: Pair {
                baseline: 1_000_000.4,
                scenario: 1_100_000.0,
            },
            co2_saved_kg: Pair {
                baseline: 171_400.0,
                scenario: 188_600.0,
            },
            warnings: Vec::new(),
        };
        let rows = rows(Lang::It, &comparison, Month::new(2026, 12).unwrap());
        assert_eq!(
            rows[0],
            Row {
                label: "Lavoratori agili a giu 2027 (+6 mesi)".into(),
                baseline: "1.234 (1.180–1.290)".into(),
                scenario: "1.301 (1.250–1.361)".into(),
                difference: "+67".into(),
            }
        );
        assert_eq!(rows[1].difference, "0");
        assert_eq!(rows[2].scenario, "€ 349.130");
        assert_eq!(rows[2].difference, "+€ 20.000");
        assert_eq!(rows[3].difference, "+100.000");
        // CO2 in tonnes.
        assert_eq!(
            (
                rows[4].baseline.as_str(),
                rows[4].scenario.as_str(),
                rows[4].difference.as_str()
            ),
            ("171", "189", "+18"),
            "differences of the figures as shown"
        );
    }
}
